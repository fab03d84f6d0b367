#include "syntax/syntax.h"

#include <algorithm>

#include "common/file_io.h"
#include "syntax/internal/model.h"

namespace hearsay::syntax {
namespace {

constexpr const char* kUposNames[kNumUpos] = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
                                              "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
constexpr const char* kRelNames[kNumRel] = {
    "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound", "conj", "cop",
    "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark",
    "nmod", "nsubj", "nummod", "obj", "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative",
    "xcomp"};
constexpr size_t kMaxParsedWords = 250;  // longer "sentences" (lists, tables) get tags only

bool IsAlnumAscii(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool IsApostropheAt(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') { *len = 1; return true; }
  if (s.substr(i, 3) == "\xE2\x80\x99") { *len = 3; return true; }
  return false;
}
std::string Lower(std::string_view s) {
  std::string l(s);
  for (char& c : l)
    if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
  return l;
}

// Byte offset (within s) where a clitic starts: n't, 's, 're, 've, 'll, 'd, 'm; 0 if none.
size_t CliticStart(std::string_view s) {
  for (size_t i = 1; i < s.size(); ++i) {
    size_t alen;
    if (!IsApostropheAt(s, i, &alen)) continue;
    std::string rest = Lower(s.substr(i + alen));
    bool clitic = rest == "s" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" || rest == "m";
    if (rest == "t" && (s[i - 1] | 0x20) == 'n' && i >= 2) return i - 1;
    if (clitic) return i;
  }
  return 0;
}

// Splits [b, e) at hyphens between alphanumerics unless the prefix is kept joined.
void SplitHyphens(std::string_view text, uint32_t b, uint32_t e, const MultiwordTable* mw,
                  std::vector<std::pair<uint32_t, uint32_t>>* out) {
  std::string_view s = text.substr(b, e - b);
  bool digits_only = std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  uint32_t start = b;
  for (uint32_t i = b + 1; i + 1 < e; ++i) {
    if (text[i] != '-' || !IsAlnumAscii(text[i - 1]) || !IsAlnumAscii(text[i + 1]) || digits_only) continue;
    if (start == b && mw && mw->hyphen_prefixes.count(Lower(text.substr(b, i - b)))) continue;
    out->emplace_back(start, i);
    out->emplace_back(i, i + 1);
    start = i + 1;
  }
  out->emplace_back(start, e);
}

}  // namespace

const char* UposName(Upos u) { return kUposNames[int(u)]; }
bool UposFromName(std::string_view name, Upos* out) {
  for (int i = 0; i < kNumUpos; ++i)
    if (name == kUposNames[i]) { *out = Upos(i); return true; }
  return false;
}
const char* RelName(Rel r) { return kRelNames[int(r)]; }
bool RelFromLabel(std::string_view label, Rel* out) {
  std::string_view base = label.substr(0, label.find(':'));
  for (int i = 0; i < kNumRel; ++i)
    if (base == kRelNames[i]) { *out = Rel(i); return true; }
  return false;
}

Subtype SubtypeFromLabel(std::string_view label) {
  size_t colon = label.find(':');
  if (colon == std::string_view::npos) return Subtype::kNone;
  std::string_view t = label.substr(colon + 1);
  static const std::pair<const char*, Subtype> kNames[] = {
      {"pass", Subtype::kPass},       {"poss", Subtype::kPoss},   {"relcl", Subtype::kRelcl},
      {"prt", Subtype::kPrt},         {"agent", Subtype::kAgent}, {"unmarked", Subtype::kUnmarked},
      {"outer", Subtype::kOuter},     {"preconj", Subtype::kPreconj}, {"predet", Subtype::kPredet},
      {"desc", Subtype::kDesc}};
  for (const auto& [name, sub] : kNames)
    if (t == name) return sub;
  return Subtype::kOther;
}

void SplitToken(std::string_view text, const Token& token, const MultiwordTable* mw,
                std::vector<std::pair<uint32_t, uint32_t>>* out) {
  const uint32_t b = token.byte_begin, e = token.byte_end;
  if (token.kind != TokenKind::kWord || e - b < 2) {
    out->emplace_back(b, e);
    return;
  }
  std::string_view s = text.substr(b, e - b);
  if (mw) {
    auto it = mw->splits.find(Lower(s));
    if (it != mw->splits.end()) {
      uint32_t start = b;
      for (uint8_t at : it->second) {
        out->emplace_back(start, b + at);
        start = b + at;
      }
      out->emplace_back(start, e);
      return;
    }
  }
  size_t clitic = CliticStart(s);
  uint32_t stem_end = clitic ? b + uint32_t(clitic) : e;
  SplitHyphens(text, b, stem_end, mw, out);
  if (clitic) out->emplace_back(stem_end, e);
}

Parser::Parser(std::unique_ptr<ParserModel> model) : model_(std::move(model)) {}
Parser::~Parser() = default;

Result<std::unique_ptr<Parser>> Parser::FromBytes(std::string bytes, const std::string& name) {
  auto model = std::make_unique<ParserModel>();
  Status s = model->Deserialize(bytes, name);
  if (!s.ok()) return s;
  return std::make_unique<Parser>(std::move(model));
}

Result<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  auto bytes = ReadWholeFile(path, uint64_t(200) << 20);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(std::move(bytes).value(), path);
}

std::string_view Parser::XposName(uint8_t id) const {
  return id < model_->xpos_names.size() ? std::string_view(model_->xpos_names[id]) : std::string_view("_");
}
std::string_view Parser::LabelName(uint8_t id) const {
  return id < model_->label_names.size() ? std::string_view(model_->label_names[id]) : std::string_view("dep");
}

std::string Parser::Prune(float threshold) {
  model_->Prune(threshold);
  return model_->SizeReport() + ", " + std::to_string(model_->Serialize().size()) + " bytes";
}

const MultiwordTable& Parser::model_multiwords() const { return model_->multiword; }

void Parser::ParseWords(std::string_view text, std::vector<Word>* words) const {
  RunSentence(*model_, text, words, true);
}

Syntax Parser::ParseDocument(std::string_view text, const TextLayout& layout, const std::vector<bool>* select) const {
  Syntax out;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  std::vector<Word> sentence;
  for (uint32_t si = 0; si < layout.sentences.size(); ++si) {
    const Sentence& s = layout.sentences[si];
    sentence.clear();
    const bool chosen = !select || (si < select->size() && (*select)[si]);
    for (uint32_t t = s.token_begin; chosen && t < s.token_end; ++t) {
      spans.clear();
      SplitToken(text, layout.tokens[t], &model_->multiword, &spans);
      for (auto [b, e] : spans) sentence.push_back(Word{b, e, t});
    }
    bool parse = chosen && sentence.size() <= kMaxParsedWords;
    if (chosen) RunSentence(*model_, text, &sentence, parse);
    SentenceParse sp{si, uint32_t(out.words.size()), uint32_t(out.words.size() + sentence.size()), parse};
    for (Word& w : sentence) {
      if (w.head >= 0) w.head += int32_t(sp.word_begin);
      out.words.push_back(std::move(w));
    }
    out.sentences.push_back(sp);
  }
  return out;
}

void RunSentence(const ParserModel& m, std::string_view text, std::vector<Word>* words, bool parse) {
  const size_t n = words->size();
  if (n == 0) return;
  std::vector<WordInfo> info;
  info.reserve(n);
  for (const Word& w : *words) info.push_back(MakeWordInfo(text.substr(w.byte_begin, w.byte_end - w.byte_begin)));
  m.FillClusters(&info);
  std::vector<int> tags;
  m.Tag(info, &tags);
  std::vector<ParseWord> pw(n);
  for (size_t i = 0; i < n; ++i) {
    Word& w = (*words)[i];
    const TagClass& tc = m.tag_classes[tags[i]];
    w.upos = tc.upos;
    w.xpos = tc.xpos;
    w.lemma = m.lemmatizer.Lemma(info[i], tc.upos, tc.xpos);
    pw[i] = ParseWord{info[i].low, info[i].cluster, tc.xpos, m.xpos_closed[tc.xpos]};
    w.head = -1;
  }
  if (!parse) return;
  std::vector<int> head, labels;
  m.ParseHeads(pw, &head);
  m.Label(info, pw, head, &labels);
  for (size_t i = 0; i < n; ++i) {
    Word& w = (*words)[i];
    w.head = head[i] >= int(n) ? -1 : head[i];
    w.label = uint8_t(labels[i]);
    w.rel = m.label_rels[labels[i]];
    w.sub = SubtypeFromLabel(m.label_names[labels[i]]);
  }
}

}  // namespace hearsay::syntax
