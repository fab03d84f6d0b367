#pragma once
// The extract stage's lexicons: cue verbs, source nouns, hedges, negators (data/attribution)
// and relation nouns, pair phrases, state words and scope words (data/relations), parsed from TSV
// text. The relation patterns (data/relations/relation_patterns.tsv) are compiled by
// internal/patterns.h against these word classes.
//
// The TSV files are compiled into the binary (embed_lexicons.cmake); DefaultLexicon() parses
// them once, on first use. ParseLexiconFile() is the same parser for one file, exposed so a
// malformed file is reported with file, line and the offending text (and tested).
//
//   const hearsay::extract::Lexicon& lex = hearsay::extract::DefaultLexicon();
//   if (const CueVerb* cue = lex.Cue("gushed")) Use(cue->modality);
//
// Thread safety: DefaultLexicon() is initialised once (a function-local static) and
// immutable afterwards; it may be read from any number of threads.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "hearsay/records.h"
#include "hearsay/status.h"

namespace hearsay::extract {

// Word tables looked up by std::string_view without building a std::string (heterogeneous
// lookup: a transparent hash and equality).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

enum class CueClass : uint8_t { kSpeech, kWriting, kBelief, kDenial };
// kWriting: written words that speak in a quote's cue ("the statement added", "the suit says"):
// no source of their own; the quote takes the speaker of the quotation before it.
enum class SourceNounKind : uint8_t { kAnonymous, kOutletRef, kRole, kWriting };

struct CueVerb {
  CueClass cls = CueClass::kSpeech;
  Modality modality = Modality::kReported;
};

// A multi-token phrase, matched token by token on lower-cased words.
struct Phrase {
  std::vector<std::string> words;  // "POSS" matches his/her/their/its
  Predicate predicate = Predicate::kNone;  // pair phrases and state words
  bool inverse = false;            // predicate(object, subject)
  bool negated_only = false;       // states the relation only under negation
  bool speculative = false;        // the phrase is itself a rumour frame
  bool denied = false;             // pair phrases: polarity denied; state words: always
  bool have_frame = false;         // state words: after "have" ("has no children"), else a copula
  Modality modality = Modality::kAsserted;  // hedges: the modality the phrase gives
};

// Word classes for the scope of a relation on the tree (data/relations/scope_words.tsv).
enum class ScopeClass : uint8_t { kCondition, kWish, kSpeculate, kRumour, kEnded, kEnder, kDenial, kPast, kActivity };

struct RoleNoun {
  Predicate predicate = Predicate::kNone;
  bool plural = false;
};

struct EventNoun {
  Predicate predicate = Predicate::kNone;
  std::vector<std::string> prepositions;
};

// Words around an outlet's name that mark the article speaking of itself (data/attribution/
// self_reference.tsv, mined from GossipCop train): "_ has learned" is left {} and right
// {"has", "learned"} (lower-cased words). A right side "<domain>" alone matches
// a name written as its web address ("RadarOnline.com"), after the left word or, for "^", opening
// a paragraph.
struct SelfReferenceContext {
  std::vector<std::string> left, right;
};

struct Lexicon {
  WordMap<CueVerb> cue_words;        // single-token cues
  std::vector<Phrase> cue_phrases;                            // multi-token cues ("opened up"); modality only
  // One-word cues of direct quotations mined from PolNeAR train (quote_cues.tsv: "argued",
  // "lamented", "barked"); the quote pass takes them as speech cues besides cue_words.
  WordSet quote_cues;
  WordMap<SourceNounKind> source_nouns;
  WordSet outlet_heads;   // case-sensitive: "Weekly", "News"
  WordSet outlet_names;   // case-sensitive one-word outlets: "People"
  std::vector<SelfReferenceContext> self_references;
  std::vector<Phrase> hedges;                                 // single and multi-token
  WordSet negators;
  WordMap<RoleNoun> role_nouns;
  WordMap<EventNoun> event_nouns;
  std::vector<Phrase> pair_phrases;
  std::vector<Phrase> state_words;  // "single", "no children": a relation denied, no object
  WordMap<ScopeClass> scope_words;  // by lemma
  // Index: first word of a phrase -> indices into the vector it belongs to.
  WordMap<std::vector<uint32_t>> hedge_first, pair_first, state_first;

  const CueVerb* Cue(std::string_view lower_word) const;
  const RoleNoun* Role(std::string_view lower_word) const;
  const EventNoun* Event(std::string_view lower_word) const;
  bool IsNegator(std::string_view lower_word) const;  // also contractions ending in "n't"
  const ScopeClass* Scope(std::string_view lemma) const;
};

// Parses one lexicon file into *lex. `path` is "data/attribution/cue_verbs.tsv" etc.; its file
// name selects the parser. Errors: InvalidArgument with path, line number and the line's text
// (wrong column count, unknown class/predicate/modality), NotFound for an unknown file name.
Status ParseLexiconFile(std::string_view path, std::string_view text, Lexicon* lex);

// The compiled-in lexicons. A parse failure of the embedded files is a build defect: the
// unit tests parse every embedded file and fail with the message.
const Lexicon& DefaultLexicon();


}  // namespace hearsay::extract
