#pragma once
// The relation predicates of DESIGN.md and their traits, in one table that extract, fuse,
// score and report read instead of spelling predicate names in their own code.
//
//   const hearsay::PredicateTraits* t = hearsay::FindPredicate("divorced_from");
//   if (t && t->symmetric) ...;            // order subject and object for a cluster key
//   std::string ended = t->ended_form;     // "spouse_of" -> "divorced_from"
//
// Traits:
//   symmetric     p(x, y) == p(y, x): clusters order the pair, extract emits it once
//   inverse       p(x, y) == inverse(y, x): "parent_of" <-> "child_of"; empty when none
//   ended_form    the predicate of the relation once it has ended ("ex-wife", "former
//                 boyfriend", "no longer dating"): spouse_of -> divorced_from, dating and
//                 engaged_to -> split_from; empty when the relation does not end that way
//   partner_state a romantic state of which a person has one at a time (dating, engaged_to,
//                 spouse_of); fusion's one-partner rule compares these
//   timeless      holds for life once true (kinship by birth): a claim takes no time from its
//                 clause and contradictions ignore time
//   phrase        the predicate in words for explanations: "is married to"
//   denied_alone  a denial with no object in words: dating -> "has not dated anyone"; empty
//                 when the predicate has no such claim
//   ends          the predicate is the end of a relation (split_from, divorced_from): an
//                 event with a date, after which the couple's states no longer hold
//   wikidata      the Wikidata property of a family or partner predicate ("P26"), empty for
//                 others; wikidata_reverse: the object is the statement's subject (child_of)
//
// Thread safety: the table is a constant; every function is a pure lookup.

#include <string_view>

namespace hearsay {

struct PredicateTraits {
  std::string_view name;
  bool symmetric;
  std::string_view inverse;
  std::string_view ended_form;
  bool partner_state;
  bool timeless;
  std::string_view phrase;
  std::string_view denied_alone = "";
  bool ends = false;
  std::string_view wikidata = "";
  bool wikidata_reverse = false;
};

// The traits of `name`, or null for a name not in the table.
const PredicateTraits* FindPredicate(std::string_view name);

// Convenience lookups; false / empty for unknown names.
bool IsSymmetric(std::string_view predicate);
bool IsTimeless(std::string_view predicate);
bool IsPartnerState(std::string_view predicate);
std::string_view EndedForm(std::string_view predicate);
bool EndsRelation(std::string_view predicate);

}  // namespace hearsay
