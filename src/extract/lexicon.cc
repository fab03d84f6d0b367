#include "extract/lexicon.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "extract/lexicon_data.h"

namespace hearsay::extract {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ParseModality(std::string_view s, Modality* m) {
  if (s == "reported") *m = Modality::kReported;
  else if (s == "hedged") *m = Modality::kHedged;
  else if (s == "speculative") *m = Modality::kSpeculative;
  else if (s == "asserted") *m = Modality::kAsserted;
  else return false;
  return true;
}

void Index(const std::vector<Phrase>& phrases, WordMap<std::vector<uint32_t>>* first) {
  first->clear();
  for (uint32_t i = 0; i < phrases.size(); ++i) (*first)[phrases[i].words[0]].push_back(i);
}

}  // namespace

const CueVerb* Lexicon::Cue(std::string_view w) const {
  auto it = cue_words.find(w);
  return it == cue_words.end() ? nullptr : &it->second;
}
const RoleNoun* Lexicon::Role(std::string_view w) const {
  auto it = role_nouns.find(w);
  return it == role_nouns.end() ? nullptr : &it->second;
}
const EventNoun* Lexicon::Event(std::string_view w) const {
  auto it = event_nouns.find(w);
  return it == event_nouns.end() ? nullptr : &it->second;
}
// A contracted negation ("hasn't", "isn't", "won't") is one token: its "n't" negates.
bool Lexicon::IsNegator(std::string_view w) const {
  return negators.count(w) > 0 || (w.size() > 3 && w.ends_with("n't"));
}

const ScopeClass* Lexicon::Scope(std::string_view lemma) const {
  auto it = scope_words.find(lemma);
  return it == scope_words.end() ? nullptr : &it->second;
}

namespace {

// One row of a lexicon file, split into its columns, and how to report an error in it.
struct Row {
  std::string_view path;
  size_t line_no;
  std::string_view line;
  std::vector<std::string> c;
  Status Error(const std::string& what) const {
    return InvalidArgumentError(std::string(path) + ":" + std::to_string(line_no) + ": " + what + " in \"" +
                                std::string(line) + "\"");
  }
};

Status CueVerbRow(const Row& r, Lexicon* lex) {
  static constexpr std::pair<std::string_view, CueClass> kClasses[] = {
      {"speech", CueClass::kSpeech}, {"writing", CueClass::kWriting}, {"belief", CueClass::kBelief}, {"denial", CueClass::kDenial}};
  CueVerb cue;
  auto it = std::find_if(std::begin(kClasses), std::end(kClasses), [&](const auto& k) { return k.first == r.c[1]; });
  if (it == std::end(kClasses))
    return r.Error("unknown cue class \"" + r.c[1] + "\" (expected speech, writing, belief or denial)");
  cue.cls = it->second;
  if (!ParseModality(r.c[2], &cue.modality)) return r.Error("unknown modality \"" + r.c[2] + "\"");
  std::vector<std::string> words = SplitSpaces(r.c[0]);
  if (words.size() == 1) {
    lex->cue_words[words[0]] = cue;
  } else {
    Phrase p;
    p.words = words;
    p.modality = cue.modality;
    lex->cue_phrases.push_back(std::move(p));
  }
  return Status::Ok();
}

Status SourceNounRow(const Row& r, Lexicon* lex) {
  static constexpr std::pair<std::string_view, SourceNounKind> kKinds[] = {{"anonymous", SourceNounKind::kAnonymous},
                                                                           {"outlet_ref", SourceNounKind::kOutletRef},
                                                                           {"role", SourceNounKind::kRole},
                                                                           {"writing", SourceNounKind::kWriting}};
  auto it = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return k.first == r.c[1]; });
  if (it == std::end(kKinds))
    return r.Error("unknown source kind \"" + r.c[1] + "\" (expected anonymous, outlet_ref, role or writing)");
  lex->source_nouns[r.c[0]] = it->second;
  return Status::Ok();
}

Status HedgeRow(const Row& r, Lexicon* lex) {
  Phrase p;
  p.words = SplitSpaces(r.c[0]);
  if (!ParseModality(r.c[1], &p.modality)) return r.Error("unknown modality \"" + r.c[1] + "\"");
  lex->hedges.push_back(std::move(p));
  return Status::Ok();
}

Status NegatorRow(const Row& r, Lexicon* lex) {
  lex->negators.insert(r.c[0]);
  return Status::Ok();
}

Status OutletWordRow(const Row& r, Lexicon* lex) {
  if (r.c[1] == "head") lex->outlet_heads.insert(r.c[0]);
  else if (r.c[1] == "name") lex->outlet_names.insert(r.c[0]);
  else return r.Error("unknown outlet word kind \"" + r.c[1] + "\" (expected head or name)");
  return Status::Ok();
}

Status SelfReferenceRow(const Row& r, Lexicon* lex) {
  std::vector<std::string> words = SplitSpaces(r.c[0]);
  auto name_at = std::find(words.begin(), words.end(), "_");
  if (std::count(words.begin(), words.end(), "_") != 1 || words.size() < 2)
    return r.Error("a context needs one '_' for the name and a word beside it");
  if (r.c[1].find_first_not_of("0123456789") != std::string::npos ||
      r.c[2].find_first_not_of("0123456789") != std::string::npos)
    return r.Error("own and other must be counts");
  SelfReferenceContext ctx;
  ctx.left.assign(words.begin(), name_at);
  ctx.right.assign(name_at + 1, words.end());
  auto has = [](const std::vector<std::string>& v, std::string_view w) { return std::find(v.begin(), v.end(), w) != v.end(); };
  if (has(ctx.left, "<domain>") || (has(ctx.right, "<domain>") && ctx.right.size() != 1))
    return r.Error("<domain> stands alone after the name");
  if (has(ctx.left, "^") && (ctx.left.size() != 1 || ctx.right.empty() || ctx.right[0] != "<domain>"))
    return r.Error("^ stands alone before the name, and only before '_ <domain>'");
  lex->self_references.push_back(std::move(ctx));
  return Status::Ok();
}

Status RoleNounRow(const Row& r, Lexicon* lex) {
  std::optional<Predicate> pred = ParsePredicate(r.c[1]);
  if (!pred) return r.Error("unknown predicate \"" + r.c[1] + "\"");
  if (r.c[2] != "0" && r.c[2] != "1") return r.Error("plural must be 0 or 1, found \"" + r.c[2] + "\"");
  lex->role_nouns[r.c[0]] = RoleNoun{*pred, r.c[2] == "1"};
  return Status::Ok();
}

Status EventNounRow(const Row& r, Lexicon* lex) {
  std::optional<Predicate> pred = ParsePredicate(r.c[1]);
  if (!pred) return r.Error("unknown predicate \"" + r.c[1] + "\"");
  EventNoun e{*pred, {}};
  size_t s = 0;
  while (s <= r.c[2].size()) {
    size_t comma = r.c[2].find(',', s);
    std::string prep = r.c[2].substr(s, comma == std::string::npos ? std::string::npos : comma - s);
    if (prep.empty()) return r.Error("empty preposition");
    e.prepositions.push_back(prep);
    if (comma == std::string::npos) break;
    s = comma + 1;
  }
  lex->event_nouns[r.c[0]] = std::move(e);
  return Status::Ok();
}

// A phrase row's words (column 1) and predicate (column 2).
Status PredicatePhrase(const Row& r, Phrase* p) {
  p->words = SplitSpaces(r.c[0]);
  std::optional<Predicate> pred = ParsePredicate(r.c[1]);
  if (!pred) return r.Error("unknown predicate \"" + r.c[1] + "\"");
  p->predicate = *pred;
  return Status::Ok();
}

Status PairPhraseRow(const Row& r, Lexicon* lex) {
  Phrase p;
  if (Status s = PredicatePhrase(r, &p); !s.ok()) return s;
  if (r.c[2] == "denied") p.denied = true;
  else if (r.c[2] != "affirmed") return r.Error("polarity must be affirmed or denied, found \"" + r.c[2] + "\"");
  lex->pair_phrases.push_back(std::move(p));
  return Status::Ok();
}

Status ScopeWordRow(const Row& r, Lexicon* lex) {
  static constexpr std::pair<std::string_view, ScopeClass> kClasses[] = {
      {"condition", ScopeClass::kCondition}, {"wish", ScopeClass::kWish},     {"speculate", ScopeClass::kSpeculate},
      {"rumour", ScopeClass::kRumour},       {"ended", ScopeClass::kEnded},   {"ender", ScopeClass::kEnder},
      {"denial", ScopeClass::kDenial},       {"past", ScopeClass::kPast},     {"activity", ScopeClass::kActivity}};
  auto it = std::find_if(std::begin(kClasses), std::end(kClasses), [&](const auto& k) { return k.first == r.c[1]; });
  if (it == std::end(kClasses))
    return r.Error("unknown scope class \"" + r.c[1] +
                   "\" (expected condition, wish, speculate, rumour, ended, ender, denial, past or activity)");
  lex->scope_words[r.c[0]] = it->second;
  return Status::Ok();
}

Status StateWordRow(const Row& r, Lexicon* lex) {
  Phrase p;
  if (Status s = PredicatePhrase(r, &p); !s.ok()) return s;
  p.denied = true;
  if (r.c[2] == "have") p.have_frame = true;
  else if (r.c[2] != "be") return r.Error("frame must be be or have, found \"" + r.c[2] + "\"");
  lex->state_words.push_back(std::move(p));
  return Status::Ok();
}

Status QuoteCueRow(const Row& r, Lexicon* lex) {
  lex->quote_cues.insert(std::string(r.c[0]));
  return Status::Ok();
}

// Each lexicon file by name: its number of tab-separated columns and the reader of a row.
struct FileKind {
  std::string_view name;
  size_t cols;
  Status (*row)(const Row&, Lexicon*);
};
constexpr FileKind kFileKinds[] = {
    {"cue_verbs.tsv", 3, CueVerbRow},     {"source_nouns.tsv", 2, SourceNounRow}, {"hedges.tsv", 2, HedgeRow},
    {"negators.tsv", 1, NegatorRow},       {"outlet_words.tsv", 2, OutletWordRow},  {"self_reference.tsv", 3, SelfReferenceRow},
    {"role_nouns.tsv", 3, RoleNounRow},   {"event_nouns.tsv", 3, EventNounRow},   {"pair_phrases.tsv", 3, PairPhraseRow},
    {"state_words.tsv", 3, StateWordRow}, {"scope_words.tsv", 2, ScopeWordRow}, {"quote_cues.tsv", 3, QuoteCueRow}};

}  // namespace

Status ParseLexiconFile(std::string_view path, std::string_view text, Lexicon* lex) {
  std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  if (name == "relation_patterns.tsv") return Status::Ok();  // compiled by patterns.cc
  const FileKind* kind = nullptr;
  for (const FileKind& k : kFileKinds)
    if (k.name == name) kind = &k;
  if (!kind) return NotFoundError(std::string(path) + ": no parser for a lexicon file of this name");

  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Row row{path, line_no, line, SplitTabs(line)};
    if (row.c.size() != kind->cols)
      return row.Error("expected " + std::to_string(kind->cols) + " tab-separated columns, found " +
                       std::to_string(row.c.size()));
    if (row.c[0].empty() || SplitSpaces(row.c[0]).empty()) return row.Error("empty first column");
    if (Status s = kind->row(row, lex); !s.ok()) return s;
  }
  Index(lex->hedges, &lex->hedge_first);
  Index(lex->pair_phrases, &lex->pair_first);
  Index(lex->state_words, &lex->state_first);
  return Status::Ok();
}

const Lexicon& DefaultLexicon() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon();
    for (const auto& f : generated::kLexiconFiles) {
      Status s = ParseLexiconFile(f.path, f.text, l);
      if (!s.ok()) {
        // The embedded files are part of the build; a bad one is a defect caught by the unit
        // tests, never user input. Keep running with what parsed, but say so.
        std::fprintf(stderr, "hearsay: extract lexicon: %s\n", s.ToString().c_str());
      }
    }
    return l;
  }();
  return *lex;
}

}  // namespace hearsay::extract
