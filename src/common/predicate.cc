#include "hearsay/predicate.h"

#include <iterator>
#include <ostream>

namespace hearsay {
namespace {

using P = Predicate;

// id, name, symmetric, inverse, ended_form, partner_state, timeless, phrase[, denied_alone,
// ends, wikidata, wikidata_reverse]; in the order of the enum.
constexpr PredicateTraits kPredicates[] = {
    {P::kNone, "", false, P::kNone, P::kNone, false, false, ""},
    {P::kSpouseOf, "spouse_of", true, P::kNone, P::kDivorcedFrom, true, false, "is married to", "has not been married",
     false, "P26"},
    {P::kDivorcedFrom, "divorced_from", true, P::kNone, P::kNone, false, false, "divorced", "", true},
    {P::kEngagedTo, "engaged_to", true, P::kNone, P::kSplitFrom, true, false, "is engaged to", "has not been engaged"},
    {P::kDating, "dating", true, P::kNone, P::kSplitFrom, true, false, "is dating", "has not dated anyone", false,
     "P451"},
    {P::kRomanticInterest, "romantic_interest", false, P::kNone, P::kNone, false, false, "is pursuing"},
    {P::kSplitFrom, "split_from", true, P::kNone, P::kNone, false, false, "split from", "", true},
    {P::kParentOf, "parent_of", false, P::kChildOf, P::kNone, false, true, "is a parent of", "has no children", false,
     "P40"},
    {P::kChildOf, "child_of", false, P::kParentOf, P::kNone, false, true, "is a child of", "", false, "P40", true},
    {P::kAdoptedChildOf, "adopted_child_of", false, P::kNone, P::kNone, false, false, "is the adopted child of"},
    {P::kStepchildOf, "stepchild_of", false, P::kNone, P::kNone, false, true, "is the stepchild of"},
    {P::kSiblingOf, "sibling_of", true, P::kNone, P::kNone, false, true, "is a sibling of", "", false, "P3373"},
    {P::kEstrangedFrom, "estranged_from", true, P::kNone, P::kNone, false, false, "is estranged from"},
    {P::kFriendsWith, "friends_with", true, P::kNone, P::kNone, false, false, "is friends with"},
    {P::kCollaboratesWith, "collaborates_with", true, P::kNone, P::kNone, false, false, "works with"},
    {P::kMemberOf, "member_of", false, P::kNone, P::kNone, false, false, "is a member of"},
    {P::kLivesIn, "lives_in", false, P::kNone, P::kNone, false, false, "lives in"},
    {P::kNationality, "nationality", false, P::kNone, P::kNone, false, false, "has the nationality"},
    {P::kOccupation, "occupation", false, P::kNone, P::kNone, false, false, "works as"},
    {P::kHoldsOffice, "holds_office", false, P::kNone, P::kNone, false, false, "holds the office"},
    {P::kWorksOn, "works_on", false, P::kNone, P::kNone, false, false, "works on"},
    {P::kAge, "age", false, P::kNone, P::kNone, false, false, "is aged"},
};

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < std::size(kPredicates); ++i)
    if (static_cast<size_t>(kPredicates[i].id) != i) return false;
  return true;
}
static_assert(InEnumOrder(), "kPredicates must list the predicates in the order of the enum");

}  // namespace

const PredicateTraits& Traits(Predicate p) {
  size_t i = static_cast<size_t>(p);
  return i < std::size(kPredicates) ? kPredicates[i] : kPredicates[0];
}

std::string_view PredicateName(Predicate p) { return Traits(p).name; }

std::optional<Predicate> ParsePredicate(std::string_view name) {
  if (name.empty()) return std::nullopt;
  for (const PredicateTraits& p : kPredicates)
    if (p.name == name) return p.id;
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& os, Predicate p) { return os << PredicateName(p); }

}  // namespace hearsay
