#pragma once
// The scope of a relation trigger on the dependency tree: whether a negation or a modal frame
// covers it. A negation or a frame covers the clause it attaches to, not the sentence:
//   * a kin or role noun used as an argument ("her father X", "without her mom, X", "Suri
//     hasn't seen her father") is presupposed: no clause negation, question or condition
//     reaches it; only a copular use ("X is not his father") can be negated;
//   * a verb, a copular head or an event noun that is the object of a verb ("did she have a
//     relationship with X?") is negated by a "not"/"never"/"no" on its predicate (through
//     xcomp: "did not want to date"); "no longer" says the relation ended;
//   * questions (a "?" closing the trigger's sentence, in the same quotation), conditions
//     ("if", "whether" on the clause or a clause above), wishes, obligations and permissions
//     ("wants to marry", "was obligated not to date anyone", "not allowed to date"; not across
//     an adverbial clause: "while he was married to X") and speculation ("fans speculate
//     that", "wondered whether") make it speculative; a conjunct predicate without subject or
//     auxiliary of its own shares the first conjunct's modal and negation ("couldn't have
//     gotten secretly engaged");
//   * a rumour noun heading a clause above ("rumours that …") or subject of a verb above
//     ("news broke that …", "fans think …") makes any trigger, role nouns too, speculative;
//   * a denial verb above the predicate ("denied claims that she is dating X") denies it.
// The word classes are data/relations/scope_words.tsv.
//
// Assumes the DocView's parse (a.syntax) covers the trigger's sentence; without one,
// ScopeAt reports parsed = false and only the question rule (tokens) applies.
// Thread safety: a pure function of the view.

#include <cstdint>

#include "extract/internal/doc_view.h"

namespace hearsay::extract {

enum class TriggerKind : uint8_t { kRoleNoun, kEventNoun, kVerb };

struct TreeScope {
  bool parsed = false;   // the trigger's sentence has a tree; `negated` and `ended` are read from it
  bool negated = false;  // a negation covers the trigger's predicate
  bool ended = false;    // "no longer": the relation held and has ended
  Modality modality = Modality::kAsserted;  // the weakest frame over the trigger
  bool denied_by_frame = false;  // a denial verb above: "came out to deny claims that she is dating X"
};

TreeScope ScopeAt(const DocView& v, uint32_t tok, TriggerKind kind);

// The person the tree gives as the subject of the verb at token `tok` (through control,
// raising and coordination; a relative pronoun stands for the noun its clause modifies);
// kNoPersonSubject when the subject is a relative pronoun whose antecedent names no person
// ("the producer, who started dating X"); -1 when there is no tree, no subject, or a plural or first-person
// pronoun (left to the token patterns).
inline constexpr int32_t kNoPersonSubject = -2;
int32_t TreeSubjectPerson(const DocView& v, uint32_t tok);

// The person a role noun at `tok` is the kin of when it is coordinated with a name and has
// no possessor ("X and wife Y": X), from the tree; -1 when none.
int32_t TreeCoordinatedAnchor(const DocView& v, uint32_t tok);

// The person whose kin a role noun without a possessor at `tok` names, from the tree: the
// subject of the role noun's clause, or of the clause an adverbial clause without a subject
// hangs from ("X waved while being watched by girlfriend Y": X); never `holder`; -1 when none.
int32_t TreeClauseAnchor(const DocView& v, uint32_t tok, int32_t holder);

// Whether the partner role noun at `tok` names a partner of an ended relation by the verb or
// noun it is an argument of, from the tree: a divorce or split trigger (relation_patterns.tsv
// rows of divorced_from/split_from) taking it, its name, apposition or conjunct as object,
// oblique or subject ("divorced Y, his wife of ten years", "after splitting from her husband
// Y", "she and husband Y had divorced"). False without a tree.
bool TreeEndingHead(const DocView& v, uint32_t tok);

// Whether the fiance(e) noun at `tok` is an argument of a wedding ("X and fiance Y have tied
// the knot", "wed fiancee Y"): the engagement ended in a marriage. False without a tree.
bool TreeWeddingHead(const DocView& v, uint32_t tok);

}  // namespace hearsay::extract
