#include "extract/own_outlet.h"

#include <algorithm>
#include <cctype>

#include "common/file_io.h"
#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"
#include "ingest/ingest.h"
#include "syntax/internal/model.h"

namespace hearsay::extract {
namespace {

constexpr char kMagic[8] = {'H', 'S', 'O', 'W', 'N', 'O', 'U', 'T'};
constexpr uint32_t kFormatVersion = 1;
constexpr syntax::ModelHeader kHeader{kMagic, kFormatVersion, kOwnOutletFeatureVersion, "own-outlet"};

using syntax::F;
using syntax::HashStr;

uint64_t Bucket(size_t n) { return n < 4 ? n : n < 8 ? 4 : n < 16 ? 5 : 6; }

// A context word as the features see it: quotation marks as one symbol, numbers by shape,
// another outlet-like mention ([b, e) pairs in `others`) as "<outlet>", sentence bounds as
// "<s>" and "</s>".
std::string_view ContextWord(const DocView& v, const std::vector<std::pair<uint32_t, uint32_t>>& others, uint32_t sb,
                             uint32_t se, int64_t k) {
  if (k < int64_t(sb)) return "<s>";
  if (k >= int64_t(se)) return "</s>";
  if (v.toks[k].kind == TokenKind::kQuote) return "<q>";
  for (const auto& [ob, oe] : others)
    if (k >= int64_t(ob) && k < int64_t(oe)) return "<outlet>";
  const std::string& w = v.lower[k];
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return w.size() == 4 ? "<year>" : "<num>";
  return w;
}

// The shape of a candidate's first word: 1 a web address, 2 all capitals ("PEOPLE"), 3 an
// inner capital ("RadarOnline"), 4 "The", 0 otherwise.
uint64_t Shape(std::string_view w) {
  if (w.find('.') != std::string_view::npos) return 1;
  bool lower = false, inner = false;
  for (size_t i = 0; i < w.size(); ++i) {
    lower = lower || (w[i] >= 'a' && w[i] <= 'z');
    inner = inner || (i > 0 && w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z');
  }
  return !lower && w.size() > 1 ? 2 : inner ? 3 : w == "The" ? 4 : 0;
}

// The name a web address stands for: the outlet of a known host ("usmagazine.com" -> "Us
// Weekly"), else the name OutletNameAt gave.
std::string AddressName(const DocView& v, uint32_t b, uint32_t e, std::string name) {
  if (e != b + 1) return name;
  std::string host(v.Text(b));
  if (host.find('.') == std::string::npos) return name;
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string known = ingest::OutletForHost(host);
  return known == host || known == host.substr(host.rfind("www.", 0) == 0 ? 4 : 0) ? name : known;
}

// 0 the first body paragraph, 1 the second, 2 the last, 3 any other body paragraph; 4 the
// headline, 5 a heading.
uint64_t Place(const DocView& v, uint32_t tok) {
  const uint32_t s = v.sent_of[tok];
  if (s == UINT32_MAX) return 3;
  const uint32_t p = v.a.layout.sentences[s].paragraph_idx;
  const auto& paras = v.a.layout.paragraphs;
  if (paras[p].kind == BlockKind::kTitle) return 4;
  if (paras[p].kind == BlockKind::kHeading) return 5;
  uint32_t before = 0, after = 0;
  for (uint32_t q = 0; q < paras.size(); ++q)
    if (paras[q].kind == BlockKind::kBody) (q < p ? before : q > p ? after : before) += q != p;
  return before == 0 ? 0 : before == 1 ? 1 : after == 0 ? 2 : 3;
}

// The parse word heading tokens [b, e) (its head outside them), or -1.
int HeadWord(const DocView& v, uint32_t b, uint32_t e) {
  for (uint32_t k = b; k < e; ++k) {
    if (!v.HasParse(k)) return -1;
    const int w = v.word_of_tok[k];
    const int h = v.tree.Head(w);
    if (h < 0) return w;
    const uint32_t ht = v.a.syntax.words[h].token;
    if (ht < b || ht >= e) return w;
  }
  return -1;
}

// First-person plural words outside quotations ("a source told us", "we have learned").
size_t OwnVoiceWords(const DocView& v) {
  size_t n = 0;
  for (uint32_t k = 0; k < v.size(); ++k) {
    const std::string& w = v.lower[k];
    n += v.quote_at[k] < 0 && (w == "us" || w == "we" || w == "our") && !(w == "us" && v.IsCap(k));
  }
  return n;
}

// What the article says of candidate i's name elsewhere and of the other names: the hand rules'
// reading of this mention (SelfReferenceAt), of the name's other mentions and of the other
// names (a rival self-reference), and the words around the name's other mentions ("X further
// reported" after "told X exclusively" reads as a copy of X's story).
template <typename Add>
void SpeechOfName(const DocView& v, const OutletMentions& cands, size_t i, uint64_t place, Add add) {
  const OutletCandidate& c = cands.list[i];
  const bool quoted = v.quote_at[c.b] >= 0;
  const uint8_t rivals = [&] {
    uint8_t bits = 0;
    for (size_t g = 0; g < cands.group_self.size(); ++g)
      if (g != c.group) bits |= static_cast<uint8_t>(cands.group_self[g] >> 1);
    return bits;
  }();
  add(40, c.self_reference), add(41, F(c.self_reference, quoted)), add(42, F(c.self_reference, place));
  add(43, cands.group_self[c.group] >> 1), add(44, F(c.self_reference, rivals));
  add(45, F(cands.group_self[c.group] >> 1, rivals));
  auto lower = [&](int64_t k) { return k < 0 || k >= int64_t(v.size()) ? HashStr("<d>") : HashStr(v.lower[k]); };
  for (const OutletCandidate& o : cands.list) {
    if (o.group != c.group || o.b == c.b) continue;
    add(46, lower(int64_t(o.b) - 1)), add(47, lower(o.e));
    add(48, F(lower(int64_t(o.b) - 2), lower(int64_t(o.b) - 1))), add(49, F(lower(o.e), lower(o.e + 1)));
  }
}

}  // namespace

std::string OutletKey(std::string_view name) {
  std::string k;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    if (c == '&') k += "and";
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) k += c;
  }
  if (k.rfind("the", 0) == 0) k.erase(0, 3);
  if (k.size() > 3 && k.ends_with("com")) k.resize(k.size() - 3);
  return k;
}

OutletMentions OutletCandidates(const DocView& v) {
  OutletMentions out;
  std::vector<std::string> keys;
  const uint32_t n = v.size();
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t s = v.sent_of[i];
    if (s != UINT32_MAX && v.a.layout.paragraphs[v.a.layout.sentences[s].paragraph_idx].kind == BlockKind::kCaption)
      continue;
    uint32_t end = 0;
    std::string name = OutletNameAt(v, i, &end);
    if (name.empty() || end <= i) continue;
    name = AddressName(v, i, end, std::move(name));
    std::string key = OutletKey(name);
    const uint32_t b = i;
    i = end - 1;
    if (key.empty()) continue;
    const auto it = std::find(keys.begin(), keys.end(), key);
    const uint32_t group = static_cast<uint32_t>(it - keys.begin());
    if (it == keys.end()) {
      keys.push_back(std::move(key));
      out.group_size.push_back(0), out.group_quoted.push_back(0), out.group_address.push_back(0);
      out.group_self.push_back(0);
    }
    const auto self = static_cast<uint8_t>(SelfReferenceAt(v, b, end));
    out.group_self[group] |= static_cast<uint8_t>(1u << self);
    out.group_address[group] |= end == b + 1 && v.Text(b).find('.') != std::string_view::npos;
    out.group_size[group] += 1, out.group_quoted[group] += v.quote_at[b] >= 0;
    out.list.push_back({b, end, std::move(name), group, self});
  }
  if (!out.list.empty()) out.own_voice = static_cast<uint32_t>(OwnVoiceWords(v));
  return out;
}

void OwnOutletFeatures(const DocView& v, const OutletMentions& cands, size_t i, std::vector<uint64_t>* out) {
  out->clear();
  const OutletCandidate& c = cands.list[i];
  const Sentence& sn = v.SentenceOf(c.b);
  const uint32_t sb = sn.token_begin, se = sn.token_end;
  std::vector<std::pair<uint32_t, uint32_t>> others;  // the other candidates of the sentence
  size_t rank = 0;  // mentions of the name before this one
  for (size_t k = 0; k < cands.list.size(); ++k) {
    const OutletCandidate& o = cands.list[k];
    if (k != i && o.e > sb && o.b < se) others.push_back({o.b, o.e});
    rank += k < i && o.group == c.group;
  }
  auto word = [&](int64_t k) { return HashStr(ContextWord(v, others, sb, se, k)); };
  const uint64_t l1 = word(int64_t(c.b) - 1), l2 = word(int64_t(c.b) - 2), l3 = word(int64_t(c.b) - 3);
  const uint64_t r1 = word(c.e), r2 = word(c.e + 1), r3 = word(c.e + 2);
  const bool quoted = v.quote_at[c.b] >= 0;
  const uint64_t place = Place(v, c.b);
  const int32_t m = v.mention_at[c.b];
  const uint64_t kind = m >= 0 ? uint64_t(v.a.mentions[m].type) + 1 : v.Text(c.b).find('.') != std::string_view::npos ? 20 : 21;
  const size_t same = cands.group_size[c.group], quoted_same = cands.group_quoted[c.group];
  const size_t groups = cands.group_size.size();
  auto add = [&](uint64_t t, uint64_t a) { out->push_back(F(7000 + t, a)); };
  add(1, 0);
  add(2, kind);
  add(3, l1), add(4, l2), add(5, l3);
  add(6, F(l2, l1)), add(7, F(l3, l2, l1));
  add(8, r1), add(9, r2), add(10, r3);
  add(11, F(r1, r2)), add(12, F(r1, r2, r3));
  add(13, F(l1, r1));
  add(14, quoted);
  add(15, F(quoted, l1)), add(16, F(quoted, r1)), add(17, F(quoted, l2, l1)), add(18, F(quoted, r1, r2));
  add(19, place);
  add(20, F(place, l1)), add(21, F(place, r1));
  add(22, F(c.b == sb, c.e == se)), add(23, Bucket(se - sb));
  add(24, Bucket(same)), add(25, F(Bucket(same), quoted_same == same ? 2 : quoted_same ? 1 : 0));
  add(26, Bucket(groups)), add(27, F(rank == 0, rank + 1 == same)), add(28, F(Bucket(same), Bucket(groups)));
  add(29, F(Bucket(c.e - c.b), kind));
  add(34, F(Shape(v.Text(c.b)), Bucket(c.e - c.b), cands.group_address[c.group]));
  add(35, F(Shape(v.Text(c.b)), r1));
  add(36, F(std::min<size_t>(same, 4), l1)), add(37, F(std::min<size_t>(same, 4), r1));
  add(38, F(l1, r1, r2)), add(39, F(quoted, place, kind));
  add(30, F(Bucket(cands.own_voice), quoted));
  SpeechOfName(v, cands, i, place, add);
  bool we = false, exclusive = false;  // in the sentence, outside quotations: "told us", "exclusively"
  for (uint32_t k = sb; k < se; ++k) {
    if (v.quote_at[k] >= 0) continue;
    const std::string& w = v.lower[k];
    we = we || ((w == "us" && !v.IsCap(k)) || w == "we" || w == "our");
    exclusive = exclusive || w == "exclusively" || w == "exclusive";
  }
  add(50, F(we, exclusive, quoted));
  add(51, F(place, l2, l1)), add(52, F(place, r1, r2)), add(53, F(place, c.b == sb, c.e == se));
  uint64_t places = 0;  // the places of the name's mentions, as bits
  for (const OutletCandidate& o : cands.list)
    if (o.group == c.group) places |= 1u << Place(v, o.b);
  add(54, places), add(55, F(places, place));
  const uint32_t last = v.a.layout.sentences.empty() ? 0 : v.a.layout.sentences.back().token_end;
  add(56, F(se == last, sb == 0 || place == 4));
  const int hw = HeadWord(v, c.b, c.e);
  if (hw >= 0) {
    const syntax::Word& w = v.a.syntax.words[hw];
    const int h = v.tree.Head(hw);
    const uint64_t lemma = h >= 0 ? HashStr(v.a.syntax.words[h].lemma) : HashStr("<root>");
    add(31, uint64_t(w.rel) + 1);
    add(32, F(uint64_t(w.rel) + 1, lemma));
    add(33, F(uint64_t(w.rel) + 1, lemma, quoted));
  }
}

int BestOwnOutlet(const DocView& v, const OwnOutletModel& model, const OutletMentions& cands, float* best_score,
                  std::vector<float>* scores) {
  std::vector<float> mention(cands.list.size()), name(cands.group_size.size(), 0.0f);
  std::vector<int> first(cands.group_size.size(), -1);
  std::vector<uint64_t> f;
  for (size_t i = 0; i < cands.list.size(); ++i) {
    OwnOutletFeatures(v, cands, i, &f);
    mention[i] = model.Score(f);
    const uint32_t g = cands.list[i].group;
    if (model.pooling == OwnOutletModel::kSumPooling) {
      name[g] += mention[i];
      if (first[g] < 0) first[g] = static_cast<int>(i);
    } else if (first[g] < 0 || mention[i] > name[g]) {
      name[g] = mention[i], first[g] = static_cast<int>(i);
    }
  }
  int best = -1;
  *best_score = -1e30f;
  for (size_t g = 0; g < name.size(); ++g)
    if (name[g] > *best_score) *best_score = name[g], best = first[g];
  if (scores) *scores = std::move(mention);
  return best;
}

std::optional<std::string> PredictOwnOutlet(const DocView& v, const OwnOutletModel& model) {
  const OutletMentions cands = OutletCandidates(v);
  float score = 0;
  const int best = BestOwnOutlet(v, model, cands, &score);
  if (best < 0 || score <= model.threshold) return std::nullopt;
  return cands.list[best].name;
}

float OwnOutletModel::Score(const std::vector<uint64_t>& features) const {
  float s[2] = {0, 0};
  linear.Score(features.data(), features.size(), s);
  return s[1] - s[0];
}

std::string OwnOutletModel::Serialize() const {
  std::string out;
  syntax::PutHeader(&out, kHeader);
  syntax::PutStr(&out, provenance);
  syntax::PutF32(&out, threshold);
  syntax::PutU32(&out, pooling);
  linear.Write(&out);
  return out;
}

Result<std::unique_ptr<OwnOutletModel>> OwnOutletModel::FromBytes(std::string_view in, const std::string& name) {
  auto bad = [&](const std::string& what) { return DataLossError(name + ": not an own-outlet model: " + what); };
  if (std::string why = syntax::GetHeader(&in, kHeader); !why.empty()) return bad(why);
  auto m = std::make_unique<OwnOutletModel>();
  if (!syntax::GetStr(&in, &m->provenance) || !syntax::GetF32(&in, &m->threshold) || !syntax::GetU32(&in, &m->pooling))
    return bad("truncated header");
  if (m->pooling > OwnOutletModel::kSumPooling) return bad("unknown pooling " + std::to_string(m->pooling));
  Status s = m->linear.Read(&in);
  if (!s.ok()) return bad(s.message());
  return m;
}

Result<std::unique_ptr<OwnOutletModel>> OwnOutletModel::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, 64ull << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace hearsay::extract
