#pragma once
// The relation predicates of DESIGN.md and their traits, in one table that extract, fuse,
// score and report read instead of spelling predicate names in their own code.
//
//   if (hearsay::IsSymmetric(claim.predicate)) ...;  // order subject and object for a cluster key
//   hearsay::EndedForm(Predicate::kSpouseOf);       // Predicate::kDivorcedFrom
//   auto p = hearsay::ParsePredicate("spouse_of");  // a reader's name -> the type
//
// Traits:
//   symmetric     p(x, y) == p(y, x): clusters order the pair, extract emits it once
//   inverse       p(x, y) == inverse(y, x): "parent_of" <-> "child_of"; kNone when none
//   ended_form    the predicate of the relation once it has ended ("ex-wife", "former
//                 boyfriend", "no longer dating"): spouse_of -> divorced_from, dating and
//                 engaged_to -> split_from; kNone when the relation does not end that way
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

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

namespace hearsay {

// The relation predicates of DESIGN.md. Claims and clusters carry this type; the name
// ("spouse_of") is for files, the store and the output only (PredicateName, ParsePredicate).
enum class Predicate : uint8_t {
  kNone,  // no predicate: an empty inverse or ended form; never on a claim
  kSpouseOf,
  kDivorcedFrom,
  kEngagedTo,
  kDating,
  kRomanticInterest,
  kSplitFrom,
  kParentOf,
  kChildOf,
  kAdoptedChildOf,
  kStepchildOf,
  kSiblingOf,
  kEstrangedFrom,
  kFriendsWith,
  kCollaboratesWith,
  kMemberOf,
  kLivesIn,
  kNationality,
  kOccupation,
  kHoldsOffice,
  kWorksOn,
  kAge,
};

struct PredicateTraits {
  Predicate id;
  std::string_view name;
  bool symmetric;
  Predicate inverse;
  Predicate ended_form;
  bool partner_state;
  bool timeless;
  std::string_view phrase;
  std::string_view denied_alone = "";
  bool ends = false;
  std::string_view wikidata = "";
  bool wikidata_reverse = false;
};

// The traits of a predicate (kNone has a row of its own: empty name, no traits).
const PredicateTraits& Traits(Predicate p);
// "spouse_of"; empty for kNone.
std::string_view PredicateName(Predicate p);
// The predicate named `name`; nullopt for a name not in the table (readers report it).
std::optional<Predicate> ParsePredicate(std::string_view name);
// Writes the name (test messages, logs).
std::ostream& operator<<(std::ostream& os, Predicate p);

// Convenience lookups.
inline bool IsSymmetric(Predicate p) { return Traits(p).symmetric; }
inline bool IsTimeless(Predicate p) { return Traits(p).timeless; }
inline bool IsPartnerState(Predicate p) { return Traits(p).partner_state; }
inline bool EndsRelation(Predicate p) { return Traits(p).ends; }
// kNone when the relation does not end that way.
inline Predicate EndedForm(Predicate p) { return Traits(p).ended_form; }

}  // namespace hearsay
