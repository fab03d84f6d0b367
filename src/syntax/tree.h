#pragma once
// Queries over a document's dependency trees (syntax.h), for the extractors.
//
// A Tree is a view over Syntax::words with each word's children indexed. Word indices are
// indices into Syntax::words; -1 means none. Only words of parsed sentences have heads;
// for the others every query answers "none".
//
//   syntax::Tree t(doc_syntax);
//   int subj = t.Subject(verb);              // nsubj / nsubj:pass / csubj, through control,
//                                            // raising and coordination
//   bool neg = t.Negated(verb);              // "not", "n't", "never" on the verb or its aux
//   int cue = t.GoverningVerb(i, lexicon);   // nearest speech/belief verb above i
//   std::vector<int> p = t.Path(a, b);       // words from a up to the common ancestor, down to b
//
// Thread safety: immutable after construction; const queries are thread-safe.

#include <functional>
#include <string_view>
#include <vector>

#include "syntax/syntax.h"

namespace hearsay::syntax {

class Tree {
 public:
  explicit Tree(const Syntax& syntax);

  const Word& word(int i) const { return words_[i]; }
  int size() const { return int(words_.size()); }
  int Head(int i) const { return i < 0 ? -1 : words_[i].head; }
  const std::vector<int>& Children(int i) const { return children_[i]; }
  // First child of i with relation `rel`; all such children in order.
  int Child(int i, Rel rel) const;
  std::vector<int> ChildrenWith(int i, Rel rel) const;

  // The subject of predicate p (a verb, or the head of a copular clause): its own nsubj or
  // csubj; else for xcomp, the object (object control: "told Kim to leave") or subject of
  // the governing predicate (subject control and raising: "wants to marry", "was obliged
  // to"); else for a conjunct predicate, the subject of the first conjunct.
  int Subject(int p) const;
  bool IsPassive(int p) const;  // an nsubj:pass or aux:pass child
  int Object(int p) const;      // obj, else iobj

  // Negation on predicate p: an advmod/det "not", "n't", "never", "no" attached to p, or a
  // negated governing predicate when p is an xcomp ("did not want to date").
  int NegationOf(int p) const;
  bool Negated(int p) const { return NegationOf(p) >= 0; }
  // The modal auxiliary of p ("could", "might"), -1 if none.
  int ModalOf(int p) const;
  // The clause a word scopes over: the predicate it attaches to (its head), whose subtree
  // is the scope.
  int ScopeOf(int i) const { return Head(i); }
  // Whether a lies in the subtree of b (a == b included).
  bool Dominates(int b, int a) const;
  // [first, last] word indices of the subtree of i (projective span).
  std::pair<int, int> Span(int i) const;

  // Words on the path a -> ... -> common ancestor -> ... -> b (both ends included); empty
  // when a and b are in different sentences.
  std::vector<int> Path(int a, int b) const;

  // The nearest ancestor of i (i excluded) whose lemma satisfies `is_cue`, reached through
  // clausal relations only (ccomp, parataxis, xcomp, advcl, conj of those, root); -1 if none.
  int GoverningVerb(int i, const std::function<bool(std::string_view lemma)>& is_cue) const;

  // The predicate of i's clause: i itself for verbs and copular heads, else the nearest
  // ancestor that is one.
  int ClauseOf(int i) const;

 private:
  const std::vector<Word>& words_;
  std::vector<std::vector<int>> children_;
};

}  // namespace hearsay::syntax
