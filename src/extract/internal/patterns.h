#pragma once
// Relation patterns over the dependency tree, as data (data/relations/relation_patterns.tsv).
//
// A pattern row names a trigger word, a path from the trigger to each argument, and what it
// emits; the rows are compiled once, at load, and matched on every parsed sentence. The
// language (docs/extract.md, "Relation patterns", has the full reference):
//
//   trigger   a word test: tests joined by " & ", each `key=value|value|...`:
//               lemma=marry|wed    the word's lemma (or its lower-cased form) is one of these
//               class=role_nouns   the lemma or form is in a word class (role_nouns, event_nouns:
//                                  data/relations/*.tsv); "@" in `emits` is its predicate there
//               upos=VERB|ADJ      the universal part of speech
//               rel=conj|appos     the word's own relation to its head
//               child=case:to|from a child by that relation with one of these lemmas
//               nochild=obj|obl    no child by any of these relations
//   subject,  a path from the trigger, steps separated by spaces, each optionally followed
//   object    by a word test in brackets (`>obl[child=case:to]`):
//               .          the trigger itself
//               >REL       a child by REL ("nsubj", "obl", "nmod:poss" with a subtype;
//                          "obl|nmod" for either)
//               <REL       the head, when the current word hangs from it by REL
//               subj       the subject of the current word's clause (tree.h: through
//                          control, raising, coordination)
//             the words reached stand for people: a name or pronoun (a relative pronoun for
//             its antecedent, "they" for the pair it refers to), and every conjunct of it
//             ("X and Y"). `-` (object only): no object; the row states the subject alone.
//             When a subject path that starts with `subj` reaches no person, the match keeps
//             subject -1 and relations.cc takes the nearest person before the trigger in its
//             clause (the parser often misses the subject of a clause in apposition).
//   emits     PRED(S,O) or PRED(O,S) (PRED a DESIGN.md predicate, or @ for the trigger's word
//             class predicate; PRED(S,-) for a claim about the subject alone), then flags:
//               noun          the trigger is a role noun (scope: presupposed unless copular)
//               event         the trigger is an event noun ("her divorce from X")
//               speculative   the phrase itself is a rumour frame ("linked to")
//               negated_only  states the relation only when negated ("not speaking to")
//               negated       (alone claims) emitted only under a negation, as denied
//
// Every row carries an example sentence and the triple it must give (`S|PRED|O` with the
// people's names), run as a table-driven test (tests/unit/extract/relation_patterns_test.cc).
// Compile errors name the file, the line, the column and the fragment that failed.
//
// Thread safety: a compiled PatternSet is immutable; Match is const and thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/internal/doc_view.h"
#include "extract/internal/scope.h"
#include "extract/lexicon.h"
#include "hearsay/status.h"
#include "hearsay/syntax.h"

namespace hearsay::extract {

struct WordTest {
  std::vector<std::string> lemmas;             // lemma=...
  std::string word_class;                       // class=... ("" none)
  std::vector<syntax::Upos> upos;               // upos=...
  std::vector<syntax::Rel> rels;                // rel=...
  struct ChildTest {
    syntax::Rel rel;
    std::vector<std::string> lemmas;
  };
  std::vector<ChildTest> children;              // child=REL:lemma|lemma
  std::vector<syntax::Rel> no_children;         // nochild=...
};

struct PathStep {
  enum class Kind : uint8_t { kSelf, kDown, kUp, kSubject };
  Kind kind = Kind::kSelf;
  struct Label {
    syntax::Rel rel = syntax::Rel::kDep;
    syntax::Subtype sub = syntax::Subtype::kNone;  // kNone: any subtype
  };
  std::vector<Label> labels;  // ">obl|nmod": any of these
  bool has_test = false;
  WordTest test;
};

struct RelationPattern {
  std::string id;
  uint32_t line = 0;                 // in the pattern file
  WordTest trigger;
  std::vector<PathStep> subject, object;
  std::string subject_path, object_path;  // as written
  bool alone = false;                // object "-": a claim about the subject alone
  Predicate predicate = Predicate::kNone;  // kNone with class_predicate
  bool class_predicate = false;      // "@": the trigger's word-class predicate
  bool swap = false;                 // PRED(O,S)
  TriggerKind kind = TriggerKind::kVerb;
  bool speculative = false, negated_only = false, negated = false;
  std::string example;               // an invented sentence
  std::string expect_subject, expect_predicate, expect_object;  // its triple ("-" no object)
};

struct PatternSet {
  std::string file;
  std::vector<RelationPattern> rows;
};

// Compiles pattern rows from `text` (the contents of `file`, for messages). Word classes are
// looked up in `lex`. Errors: InvalidArgument "FILE:LINE: column COL: REASON in 'FRAGMENT'".
Result<PatternSet> CompilePatterns(std::string_view file, std::string_view text, const Lexicon& lex);

// The compiled-in data/relations/relation_patterns.tsv against DefaultLexicon(). A failure is
// a build defect (the unit tests compile the file); it is printed and no row is used.
const PatternSet& DefaultPatterns();

// One match: the pattern row, the trigger token, the people it relates (object -1 for an
// alone row) and the predicate after "@" is resolved (subject and object not yet swapped).
struct PatternMatch {
  uint32_t row = 0;
  uint32_t trigger_tok = 0;
  int32_t subject = -1, object = -1;
  uint32_t object_tok = UINT32_MAX;  // the object's word (its indefinite pronoun for "anyone")
  Predicate predicate = Predicate::kNone;
  // An object that is a kin noun with a possessor and no name ("estranged from his father"):
  // the possessor and the noun's predicate; the caller finds the kin (object stays -1).
  int32_t kin_anchor = -1;
  Predicate kin_predicate = Predicate::kNone;
};

// Matches every row (or only row `only_row` when >= 0) on the parsed sentences of the view.
std::vector<PatternMatch> MatchPatterns(const DocView& v, const PatternSet& set, int only_row = -1);

// The surface forms a trigger of any row may take (its lemmas with regular inflections, and
// the words of its word class): which sentences the relation patterns need parsed.
bool IsPatternTriggerForm(std::string_view lower_word);
// Should a sentence (its lower-cased words) be parsed for the lemma rows? A trigger form of a
// row stands in it, followed within five words by one of the prepositions the row's object
// path asks for ("worked ... with"), a negator when the row is negated_only or negated, and
// the sentence has the people the row needs: `people`
// person mentions plus its personal pronouns, two for a relation, one for a row of dating,
// spouse_of or engaged_to (a claim about one person alone: "has never married").
bool SentenceWantsPatterns(const std::vector<std::string>& lower, uint32_t people);
// A form of a trigger of a row that emits an ended relation (divorced_from, split_from):
// "his divorce from second wife X", "divorced husband X".
bool IsEndingTriggerForm(std::string_view lower_word);

}  // namespace hearsay::extract
