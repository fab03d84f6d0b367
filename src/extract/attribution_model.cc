#include "extract/attribution_model.h"

#include <algorithm>

#include "common/file_io.h"
#include "extract/internal/doc_view.h"
#include "extract/lexicon.h"

namespace hearsay::extract {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'A', 'T', 'T', 'R', 0, 0};
constexpr uint32_t kFormatVersion = 2;
constexpr syntax::ModelHeader kHeader{kMagic, kFormatVersion, kAttributionFeatureVersion, "attribution"};

// FNV-1a over the bytes, then a template id mixed in (splitmix64 finaliser): stable across
// platforms, so a model file means the same on every machine.
uint64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// The word of a token as the features see it: quotation marks as one symbol.
std::string_view Word(const DocView& v, uint32_t tok, uint32_t sb, uint32_t se, int offset) {
  int64_t k = int64_t(tok) + offset;
  if (k < int64_t(sb)) return "<s>";
  if (k >= int64_t(se)) return "</s>";
  if (v.toks[k].kind == TokenKind::kQuote) return "<q>";
  return v.lower[k];
}

std::string_view CueClassName(const CueVerb* c) {
  if (!c) return "none";
  switch (c->cls) {
    case CueClass::kSpeech: return "speech";
    case CueClass::kWriting: return "writing";
    case CueClass::kBelief: return "belief";
    case CueClass::kDenial: return "denial";
  }
  return "none";
}

// Parse facts of a token for the span features: its word (-1 without a parse), UPOS and
// relation as ids (enum value + 1; 0 without a parse).
struct TokParse {
  int word = -1;
  uint64_t upos = 0, rel = 0;
};
TokParse ParseOf(const DocView& v, uint32_t tok) {
  TokParse p;
  if (tok >= v.size() || !v.HasParse(tok)) return p;
  p.word = v.word_of_tok[tok];
  p.upos = uint64_t(v.a.syntax.words[p.word].upos) + 1;
  p.rel = uint64_t(v.a.syntax.words[p.word].rel) + 1;
  return p;
}
bool IsVerbId(uint64_t upos) {
  return upos == uint64_t(syntax::Upos::kVERB) + 1 || upos == uint64_t(syntax::Upos::kAUX) + 1;
}

// Where word w's head lies against tokens [b, e) and the cue [cue_b, cue_e): 0 no parse or
// root, 1 inside [b, e), 2 the cue, 3 before b, 4 at or after e.
int HeadPlace(const DocView& v, int w, uint32_t b, uint32_t e, uint32_t cue_b, uint32_t cue_e) {
  if (w < 0 || v.tree.Head(w) < 0) return 0;
  uint32_t h = v.a.syntax.words[v.tree.Head(w)].token;
  if (h >= cue_b && h < cue_e) return 2;
  if (h >= b && h < e) return 1;
  return h < b ? 3 : 4;
}

// Words of [b, e) whose head lies outside it (1: one constituent), capped at 3; 0 without a parse.
uint32_t OpenHeads(const DocView& v, uint32_t b, uint32_t e) {
  uint32_t n = 0;
  for (uint32_t k = b; k < e && n < 3; ++k) {
    if (!v.HasParse(k)) return 0;
    int h = v.tree.Head(v.word_of_tok[k]);
    if (h < 0) { ++n; continue; }
    uint32_t ht = v.a.syntax.words[h].token;
    n += ht < b || ht >= e;
  }
  return n;
}

// The constituent that opens at token t: from t's word up while its head's subtree starts at
// t (the head lies after t inside the phrase); -1 without a parse.
int ConstituentAt(const DocView& v, uint32_t t) {
  if (t >= v.size() || !v.HasParse(t)) return -1;
  int w = v.word_of_tok[t];
  for (int h = v.tree.Head(w); h >= 0 && v.tree.Span(h).first == v.word_of_tok[t]; h = v.tree.Head(w)) w = h;
  return w;
}

uint64_t Bucket(uint32_t n) { return n < 4 ? n : n < 8 ? 4 : n < 16 ? 5 : n < 32 ? 6 : 7; }

// A token's shape: punctuation itself, else cap / lower / digit.
std::string_view Shape(const DocView& v, uint32_t tok, uint32_t limit) {
  if (tok >= limit) return "</s>";
  if (v.toks[tok].kind == TokenKind::kQuote) return "<q>";
  if (!v.IsWord(tok)) return v.lower[tok];
  char c = v.doc.text[v.toks[tok].byte_begin];
  return c >= '0' && c <= '9' ? "D" : v.IsCap(tok) ? "C" : "l";
}

}  // namespace

bool IsContentEndCandidate(const DocView& v, uint32_t cb, uint32_t e, uint32_t ce) {
  if (e == ce) return true;
  if (e <= cb || e > ce) return false;
  const uint32_t l = e - 1;
  if (!v.IsWord(l) && v.toks[l].kind != TokenKind::kQuote) return false;
  return !(v.quote_at[l] >= 0 && e < v.size() && v.quote_at[e] == v.quote_at[l]);
}

void ContentEndFeatures(const DocView& v, uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t e, uint32_t ce,
                        std::vector<uint64_t>* out) {
  out->clear();
  const uint32_t se = v.SentenceOf(cb).token_end;
  auto add = [&](uint64_t tmpl, uint64_t a) { out->push_back(Mix(100 + tmpl, a)); };
  const bool all = e == ce;
  const uint32_t l = e - 1;
  const std::string_view next = e < se ? (v.toks[e].kind == TokenKind::kQuote ? "<q>" : std::string_view(v.lower[e])) : "</s>";
  const std::string_view last = v.toks[l].kind == TokenKind::kQuote ? "<q>" : std::string_view(v.lower[l]);
  const std::string_view cue = v.lower[cue_b < cue_e ? cue_e - 1 : cb];
  TokParse pn = ParseOf(v, e), pl = ParseOf(v, l);
  int place = HeadPlace(v, pn.word, cb, e, cue_b, cue_e);
  add(1, all);
  add(2, Mix(all, Hash(next)));
  add(3, Mix(all, Hash(last)));
  add(4, Mix(all, Mix(Hash(Shape(v, e, se)), Hash(Shape(v, l, se)))));
  add(5, Mix(all, Mix(pn.upos, pl.upos)));
  add(6, Mix(all, Mix(pn.rel, place)));
  add(7, Mix(all, Mix(Mix(pn.rel, place), pn.upos)));
  add(8, Mix(all, Mix(OpenHeads(v, cb, e), OpenHeads(v, e, ce))));
  add(9, Mix(all, Mix(Bucket(e - cb), Bucket(ce - e))));
  add(10, Mix(Hash(cue), Mix(all, pn.upos)));
  add(11, Mix(Hash(cue), Mix(all, Hash(Shape(v, e, se)))));
  bool verb = false;  // a predicate in the content: a clause, not a noun phrase
  for (uint32_t k = cb; k < e && !verb && v.HasParse(cb); ++k) {
    verb = IsVerbId(ParseOf(v, k).upos);
  }
  add(12, Mix(all, Mix(verb, Mix(pn.rel, place))));
  add(13, Mix(all, Mix(Hash(next), place)));
  const std::string_view next2 = e + 1 < se ? std::string_view(v.lower[e + 1]) : "</s>";
  add(15, Mix(all, Mix(Hash(next), Hash(Shape(v, e + 1, se)))));
  (void)next2;
  add(16, Mix(all, v.quote_at[l] >= 0 || v.toks[l].kind == TokenKind::kQuote));
  add(17, Mix(all, Mix(pn.rel, pl.rel)));
  const int c = ConstituentAt(v, e);  // the phrase the cut removes first: what it hangs on
  const uint64_t crel = c >= 0 ? uint64_t(v.a.syntax.words[c].rel) + 1 : 0;
  add(18, Mix(all, Mix(crel, HeadPlace(v, c, cb, e, cue_b, cue_e))));
  add(19, Mix(Hash(cue), Mix(all, Mix(crel, HeadPlace(v, c, cb, e, cue_b, cue_e)))));
}

bool IsContentStartCandidate(const DocView& v, uint32_t cb, uint32_t b, uint32_t ce) {
  if (b == cb) return true;
  if (b < cb || b >= ce || b >= cb + 16) return false;  // a listener, a time, a place: a few words
  if (!v.IsWord(b) && v.toks[b].kind != TokenKind::kQuote) return false;
  return !(v.quote_at[b] >= 0 && v.quote_at[b - 1] == v.quote_at[b]);
}

void ContentStartFeatures(const DocView& v, uint32_t cue_b, uint32_t cue_e, uint32_t cb, uint32_t b, uint32_t ce,
                          std::vector<uint64_t>* out) {
  out->clear();
  const Sentence& sn = v.SentenceOf(cb);
  auto add = [&](uint64_t tmpl, uint64_t a) { out->push_back(Mix(300 + tmpl, a)); };
  const bool all = b == cb;
  const std::string_view first = v.toks[b].kind == TokenKind::kQuote ? "<q>" : std::string_view(v.lower[b]);
  const std::string_view prev = b > sn.token_begin ? std::string_view(v.lower[b - 1]) : "<s>";
  const std::string_view cue = v.lower[cue_b < cue_e ? cue_e - 1 : cb];
  TokParse pf = ParseOf(v, b), pp = ParseOf(v, b - (b > sn.token_begin));
  const int c = ConstituentAt(v, cb);  // the phrase the cut removes first
  const uint64_t crel = c >= 0 && !all ? uint64_t(v.a.syntax.words[c].rel) + 1 : 0;
  add(1, all);
  add(2, Mix(all, Hash(first)));
  add(3, Mix(all, Hash(prev)));
  add(4, Mix(all, Mix(Hash(Shape(v, b, sn.token_end)), Hash(Shape(v, b - (b > sn.token_begin), sn.token_end)))));
  add(5, Mix(all, Mix(pf.upos, pp.upos)));
  add(6, Mix(all, Mix(pf.rel, HeadPlace(v, pf.word, b, ce, cue_b, cue_e))));
  add(7, Mix(all, Mix(OpenHeads(v, cb, b), OpenHeads(v, b, ce))));
  add(8, Mix(all, Mix(Bucket(b - cb), Bucket(ce - b))));
  add(9, Mix(Hash(cue), Mix(all, Hash(first))));
  add(10, Mix(Hash(cue), Mix(all, pf.upos)));
  add(11, Mix(all, Mix(crel, HeadPlace(v, c, cb, b, cue_b, cue_e))));
  add(12, Mix(all, Mix(Hash(prev), Hash(first))));
  add(13, Mix(all, Mix(cue_b < cb, cue_e == cb)));
  add(14, Mix(Hash(cue), Mix(all, Hash(Shape(v, cb, sn.token_end)))));
}

void KeepFeatures(const DocView& v, const AttributionModel& model, uint32_t cue_b, uint32_t cue_e, uint32_t cb,
                  uint32_t ce, int source_kind, bool source_words, bool mixed, std::vector<uint64_t>* out) {
  out->clear();
  auto add = [&](uint64_t tmpl, uint64_t a) { out->push_back(Mix(200 + tmpl, a)); };
  std::string cue_words;
  for (uint32_t k = cue_b; k < cue_e; ++k) cue_words += (k > cue_b ? " " : "") + v.lower[k];
  const std::string_view head = cue_b < cue_e ? std::string_view(v.lower[cue_e - 1]) : "<none>";
  const Sentence& sn = v.SentenceOf(cb);
  TokParse pc = ParseOf(v, cue_b < cue_e ? cue_e - 1 : cb), pf = ParseOf(v, cb);
  uint32_t words = 0;
  bool verb = false;
  for (uint32_t k = cb; k < ce; ++k) {
    words += v.IsWord(k);
    verb = verb || IsVerbId(ParseOf(v, k).upos);
  }
  float cue_score = -1e9f;
  std::vector<uint64_t> f;
  for (uint32_t k = cue_b; k < cue_e; ++k)
    if (v.IsWord(k) && model.IsCandidate(v.lower[k])) {
      CueFeatures(v, k, HasQuoteMark(v, sn.token_begin, sn.token_end), &f);
      cue_score = std::max(cue_score, model.Score(f) - model.threshold);
    }
  const uint64_t score_bucket = cue_score < -1e8f ? 0 : cue_score <= 0 ? 1 : cue_score < 4 ? 2 : cue_score < 10 ? 3 : 4;
  const CueVerb* lex = cue_b < cue_e ? v.lex.Cue(v.lower[cue_b]) : nullptr;
  add(1, 0);
  add(2, Hash(cue_words));
  add(3, Hash(head));
  add(4, Mix(Hash(head), source_kind * 2 + source_words));
  add(5, Mix(source_kind * 2 + source_words, score_bucket));
  add(6, Mix(score_bucket, lex != nullptr));
  add(7, Mix(Hash(head), verb));
  add(8, Mix(Bucket(words), verb));
  add(9, Hash(v.lower[cb]));
  add(10, Mix(pc.upos, pc.rel));
  add(11, Mix(Hash(head), pf.upos));
  add(12, Mix(mixed, Mix(verb, cue_b < cb)));
  add(13, Mix(Hash(head), cue_b > cb ? 1 : 0));
  add(14, Mix(pf.upos, pf.rel));
  const uint32_t after = cue_e < sn.token_end ? cue_e : cue_b;
  add(15, Mix(Hash(head), Hash(v.lower[after])));
  add(16, Mix(Hash(head), Bucket(words)));
  add(17, Mix(source_kind * 2 + source_words, verb));
}

float AttributionModel::Margin(const syntax::LinearModel& m, const std::vector<uint64_t>& features) {
  float s[2] = {0, 0};
  m.Score(features.data(), features.size(), s);
  return s[1] - s[0];
}

bool HasQuoteMark(const DocView& v, uint32_t token_begin, uint32_t token_end) {
  for (uint32_t k = token_begin; k < token_end; ++k)
    if (v.toks[k].kind == TokenKind::kQuote) return true;
  return false;
}

bool AttributionModel::IsCandidate(std::string_view lower_word) const {
  return std::binary_search(vocabulary_hashes_.begin(), vocabulary_hashes_.end(), Hash(lower_word));
}

void AttributionModel::IndexVocabulary() {
  vocabulary_hashes_.clear();
  for (const std::string& w : vocabulary) vocabulary_hashes_.push_back(Hash(w));
  std::sort(vocabulary_hashes_.begin(), vocabulary_hashes_.end());
}

void CueFeatures(const DocView& v, uint32_t tok, bool quote_in_sentence, std::vector<uint64_t>* out) {
  out->clear();
  const Sentence& sn = v.SentenceOf(tok);
  const uint32_t sb = sn.token_begin, se = sn.token_end;
  std::string_view w = Word(v, tok, sb, se, 0), p1 = Word(v, tok, sb, se, -1), p2 = Word(v, tok, sb, se, -2);
  std::string_view n1 = Word(v, tok, sb, se, 1), n2 = Word(v, tok, sb, se, 2);
  uint64_t hw = Hash(w), hp1 = Hash(p1), hn1 = Hash(n1);
  auto add = [&](uint64_t tmpl, uint64_t a) { out->push_back(Mix(tmpl, a)); };
  add(1, 0);
  add(2, hw);
  add(3, Hash(w.substr(w.size() > 3 ? w.size() - 3 : 0)));
  add(4, hp1);
  add(5, Hash(p2));
  add(6, hn1);
  add(7, Hash(n2));
  add(8, Mix(hp1, hw));
  add(9, Mix(hw, hn1));
  add(10, Mix(hw, Hash(CueClassName(v.lex.Cue(v.lower[tok])))));
  add(11, Hash(CueClassName(v.lex.Cue(v.lower[tok]))));
  bool that_after = false;
  for (uint32_t k = tok + 1; k < se && k < tok + 5; ++k) that_after = that_after || v.lower[k] == "that";
  add(12, Mix(hw, quote_in_sentence));
  add(13, Mix(hw, that_after));
  add(14, Mix(hw, std::min<uint32_t>(se - 1 - tok, 6)));
  add(15, std::min<uint32_t>(tok - sb, 6));
  add(16, Mix(hw, v.quote_at[tok] >= 0));
  add(17, Mix(hw, v.IsCap(tok) * 2 + (tok == sb)));
  add(18, Mix(hp1, v.IsCap(tok - (tok > sb)) && tok > sb));
}

float AttributionModel::Score(const std::vector<uint64_t>& features) const {
  float s[2] = {0, 0};
  linear.Score(features.data(), features.size(), s);
  return s[1] - s[0];
}

std::string AttributionModel::Serialize() const {
  std::string out;
  syntax::PutHeader(&out, kHeader);
  syntax::PutStr(&out, provenance);
  syntax::PutF32(&out, threshold);
  syntax::PutU32(&out, static_cast<uint32_t>(vocabulary.size()));
  for (const std::string& w : vocabulary) syntax::PutStr(&out, w);
  linear.Write(&out);
  start.Write(&out);
  end.Write(&out);
  syntax::PutF32(&out, keep_threshold);
  keep.Write(&out);
  syntax::PutF32(&out, quote_threshold);
  return out;
}

Result<std::unique_ptr<AttributionModel>> AttributionModel::FromBytes(std::string_view in, const std::string& name) {
  auto bad = [&](const std::string& what) { return DataLossError(name + ": not an attribution model: " + what); };
  if (std::string why = syntax::GetHeader(&in, kHeader); !why.empty()) return bad(why);
  uint32_t n = 0;
  auto m = std::make_unique<AttributionModel>();
  if (!syntax::GetStr(&in, &m->provenance) || !syntax::GetF32(&in, &m->threshold) || !syntax::GetU32(&in, &n))
    return bad("truncated header");
  for (uint32_t i = 0; i < n; ++i) {
    std::string w;
    if (!syntax::GetStr(&in, &w)) return bad("truncated vocabulary");
    m->vocabulary.insert(std::move(w));
  }
  m->IndexVocabulary();
  Status s = m->linear.Read(&in);
  if (s.ok()) s = m->start.Read(&in);
  if (s.ok()) s = m->end.Read(&in);
  if (s.ok() && !syntax::GetF32(&in, &m->keep_threshold)) return bad("truncated keep threshold");
  if (s.ok()) s = m->keep.Read(&in);
  if (s.ok() && !syntax::GetF32(&in, &m->quote_threshold)) return bad("truncated quote threshold");
  if (!s.ok()) return bad(s.message());
  return m;
}

Result<std::unique_ptr<AttributionModel>> AttributionModel::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, 64ull << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace hearsay::extract
