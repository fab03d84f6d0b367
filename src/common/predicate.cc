#include "hearsay/predicate.h"

namespace hearsay {
namespace {

// name, symmetric, inverse, ended_form, partner_state, timeless, phrase
constexpr PredicateTraits kPredicates[] = {
    {"spouse_of", true, "", "divorced_from", true, false, "is married to"},
    {"divorced_from", true, "", "", false, false, "divorced"},
    {"engaged_to", true, "", "split_from", true, false, "is engaged to"},
    {"dating", true, "", "split_from", true, false, "is dating"},
    {"romantic_interest", false, "", "", false, false, "is pursuing"},
    {"split_from", true, "", "", false, false, "split from"},
    {"parent_of", false, "child_of", "", false, true, "is a parent of"},
    {"child_of", false, "parent_of", "", false, true, "is a child of"},
    {"adopted_child_of", false, "", "", false, false, "is the adopted child of"},
    {"stepchild_of", false, "", "", false, true, "is the stepchild of"},
    {"sibling_of", true, "", "", false, true, "is a sibling of"},
    {"estranged_from", true, "", "", false, false, "is estranged from"},
    {"friends_with", true, "", "", false, false, "is friends with"},
    {"collaborates_with", true, "", "", false, false, "works with"},
    {"member_of", false, "", "", false, false, "is a member of"},
    {"lives_in", false, "", "", false, false, "lives in"},
    {"nationality", false, "", "", false, false, "has the nationality"},
    {"occupation", false, "", "", false, false, "works as"},
    {"holds_office", false, "", "", false, false, "holds the office"},
    {"works_on", false, "", "", false, false, "works on"},
    {"age", false, "", "", false, false, "is aged"},
};

}  // namespace

const PredicateTraits* FindPredicate(std::string_view name) {
  for (const PredicateTraits& p : kPredicates)
    if (p.name == name) return &p;
  return nullptr;
}

bool IsSymmetric(std::string_view predicate) {
  const PredicateTraits* t = FindPredicate(predicate);
  return t && t->symmetric;
}
bool IsTimeless(std::string_view predicate) {
  const PredicateTraits* t = FindPredicate(predicate);
  return t && t->timeless;
}
bool IsPartnerState(std::string_view predicate) {
  const PredicateTraits* t = FindPredicate(predicate);
  return t && t->partner_state;
}
std::string_view EndedForm(std::string_view predicate) {
  const PredicateTraits* t = FindPredicate(predicate);
  return t ? t->ended_form : std::string_view();
}

}  // namespace hearsay
