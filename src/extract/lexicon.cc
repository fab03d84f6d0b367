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

void Index(const std::vector<Phrase>& phrases, std::unordered_map<std::string, std::vector<uint32_t>>* first) {
  first->clear();
  for (uint32_t i = 0; i < phrases.size(); ++i) (*first)[phrases[i].words[0]].push_back(i);
}

}  // namespace

const CueVerb* Lexicon::Cue(std::string_view w) const {
  auto it = cue_words.find(std::string(w));
  return it == cue_words.end() ? nullptr : &it->second;
}
const RoleNoun* Lexicon::Role(std::string_view w) const {
  auto it = role_nouns.find(std::string(w));
  return it == role_nouns.end() ? nullptr : &it->second;
}
const EventNoun* Lexicon::Event(std::string_view w) const {
  auto it = event_nouns.find(std::string(w));
  return it == event_nouns.end() ? nullptr : &it->second;
}
// A contracted negation ("hasn't", "isn't", "won't") is one token: its "n't" negates.
bool Lexicon::IsNegator(std::string_view w) const {
  return negators.count(std::string(w)) > 0 || (w.size() > 3 && w.ends_with("n't"));
}

const ScopeClass* Lexicon::Scope(std::string_view lemma) const {
  auto it = scope_words.find(std::string(lemma));
  return it == scope_words.end() ? nullptr : &it->second;
}

Status ParseLexiconFile(std::string_view path, std::string_view text, Lexicon* lex) {
  std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  size_t expected_cols = 0;
  if (name == "cue_verbs.tsv") expected_cols = 3;
  else if (name == "source_nouns.tsv") expected_cols = 2;
  else if (name == "hedges.tsv") expected_cols = 2;
  else if (name == "negators.tsv") expected_cols = 1;
  else if (name == "outlet_words.tsv") expected_cols = 2;
  else if (name == "self_reference.tsv") expected_cols = 3;
  else if (name == "role_nouns.tsv") expected_cols = 3;
  else if (name == "event_nouns.tsv") expected_cols = 3;
  else if (name == "relation_patterns.tsv") return Status::Ok();  // compiled by patterns.cc
  else if (name == "pair_phrases.tsv") expected_cols = 3;
  else if (name == "state_words.tsv") expected_cols = 3;
  else if (name == "scope_words.tsv") expected_cols = 2;
  else return NotFoundError(std::string(path) + ": no parser for a lexicon file of this name");

  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto where = [&](const std::string& what) {
      return InvalidArgumentError(std::string(path) + ":" + std::to_string(line_no) + ": " + what + " in \"" +
                                  std::string(line) + "\"");
    };
    std::vector<std::string> c = SplitTabs(line);
    if (c.size() != expected_cols)
      return where("expected " + std::to_string(expected_cols) + " tab-separated columns, found " +
                   std::to_string(c.size()));
    if (c[0].empty() || SplitSpaces(c[0]).empty()) return where("empty first column");
    if (name == "cue_verbs.tsv") {
      CueVerb cue;
      if (c[1] == "speech") cue.cls = CueClass::kSpeech;
      else if (c[1] == "writing") cue.cls = CueClass::kWriting;
      else if (c[1] == "belief") cue.cls = CueClass::kBelief;
      else if (c[1] == "denial") cue.cls = CueClass::kDenial;
      else return where("unknown cue class \"" + c[1] + "\" (expected speech, writing, belief or denial)");
      if (!ParseModality(c[2], &cue.modality)) return where("unknown modality \"" + c[2] + "\"");
      std::vector<std::string> words = SplitSpaces(c[0]);
      if (words.size() == 1) {
        lex->cue_words[words[0]] = cue;
      } else {
        Phrase p;
        p.words = words;
        p.modality = cue.modality;
        lex->cue_phrases.push_back(std::move(p));
      }
    } else if (name == "source_nouns.tsv") {
      SourceNounKind k;
      if (c[1] == "anonymous") k = SourceNounKind::kAnonymous;
      else if (c[1] == "outlet_ref") k = SourceNounKind::kOutletRef;
      else if (c[1] == "role") k = SourceNounKind::kRole;
      else if (c[1] == "writing") k = SourceNounKind::kWriting;
      else return where("unknown source kind \"" + c[1] + "\" (expected anonymous, outlet_ref, role or writing)");
      lex->source_nouns[c[0]] = k;
    } else if (name == "hedges.tsv") {
      Phrase p;
      p.words = SplitSpaces(c[0]);
      if (!ParseModality(c[1], &p.modality)) return where("unknown modality \"" + c[1] + "\"");
      lex->hedges.push_back(std::move(p));
    } else if (name == "outlet_words.tsv") {
      if (c[1] == "head") lex->outlet_heads.insert(c[0]);
      else if (c[1] == "name") lex->outlet_names.insert(c[0]);
      else return where("unknown outlet word kind \"" + c[1] + "\" (expected head or name)");
    } else if (name == "self_reference.tsv") {
      std::vector<std::string> words = SplitSpaces(c[0]);
      auto name_at = std::find(words.begin(), words.end(), "_");
      if (std::count(words.begin(), words.end(), "_") != 1 || words.size() < 2)
        return where("a context needs one '_' for the name and a word beside it");
      if (c[1].find_first_not_of("0123456789") != std::string::npos || c[2].find_first_not_of("0123456789") != std::string::npos)
        return where("own and other must be counts");
      SelfReferenceContext ctx;
      ctx.left.assign(words.begin(), name_at);
      ctx.right.assign(name_at + 1, words.end());
      if (std::find(ctx.left.begin(), ctx.left.end(), "<domain>") != ctx.left.end() ||
          (std::find(ctx.right.begin(), ctx.right.end(), "<domain>") != ctx.right.end() && ctx.right.size() != 1))
        return where("<domain> stands alone after the name");
      if (std::find(ctx.left.begin(), ctx.left.end(), "^") != ctx.left.end() && (ctx.left.size() != 1 || ctx.right.empty() || ctx.right[0] != "<domain>"))
        return where("^ stands alone before the name, and only before '_ <domain>'");
      lex->self_references.push_back(std::move(ctx));
    } else if (name == "negators.tsv") {
      lex->negators.insert(c[0]);
    } else if (name == "role_nouns.tsv") {
      std::optional<Predicate> pred = ParsePredicate(c[1]);
      if (!pred) return where("unknown predicate \"" + c[1] + "\"");
      if (c[2] != "0" && c[2] != "1") return where("plural must be 0 or 1, found \"" + c[2] + "\"");
      lex->role_nouns[c[0]] = RoleNoun{*pred, c[2] == "1"};
    } else if (name == "event_nouns.tsv") {
      std::optional<Predicate> pred = ParsePredicate(c[1]);
      if (!pred) return where("unknown predicate \"" + c[1] + "\"");
      EventNoun e{*pred, {}};
      size_t s = 0;
      while (s <= c[2].size()) {
        size_t comma = c[2].find(',', s);
        std::string prep = c[2].substr(s, comma == std::string::npos ? std::string::npos : comma - s);
        if (prep.empty()) return where("empty preposition");
        e.prepositions.push_back(prep);
        if (comma == std::string::npos) break;
        s = comma + 1;
      }
      lex->event_nouns[c[0]] = std::move(e);
    } else if (name == "pair_phrases.tsv") {
      Phrase p;
      p.words = SplitSpaces(c[0]);
      std::optional<Predicate> pred = ParsePredicate(c[1]);
      if (!pred) return where("unknown predicate \"" + c[1] + "\"");
      p.predicate = *pred;
      if (c[2] == "denied") p.denied = true;
      else if (c[2] != "affirmed") return where("polarity must be affirmed or denied, found \"" + c[2] + "\"");
      lex->pair_phrases.push_back(std::move(p));
    } else if (name == "scope_words.tsv") {
      ScopeClass cls;
      if (c[1] == "condition") cls = ScopeClass::kCondition;
      else if (c[1] == "wish") cls = ScopeClass::kWish;
      else if (c[1] == "speculate") cls = ScopeClass::kSpeculate;
      else if (c[1] == "rumour") cls = ScopeClass::kRumour;
      else if (c[1] == "ended") cls = ScopeClass::kEnded;
      else if (c[1] == "ender") cls = ScopeClass::kEnder;
      else if (c[1] == "denial") cls = ScopeClass::kDenial;
      else if (c[1] == "past") cls = ScopeClass::kPast;
      else if (c[1] == "activity") cls = ScopeClass::kActivity;
      else return where("unknown scope class \"" + c[1] +
                        "\" (expected condition, wish, speculate, rumour, ended, ender, denial, past or activity)");
      lex->scope_words[c[0]] = cls;
    } else if (name == "state_words.tsv") {
      Phrase p;
      p.words = SplitSpaces(c[0]);
      std::optional<Predicate> pred = ParsePredicate(c[1]);
      if (!pred) return where("unknown predicate \"" + c[1] + "\"");
      p.predicate = *pred;
      p.denied = true;
      if (c[2] == "have") p.have_frame = true;
      else if (c[2] != "be") return where("frame must be be or have, found \"" + c[2] + "\"");
      lex->state_words.push_back(std::move(p));
    }
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
