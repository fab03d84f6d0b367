#include "hearsay/predicate.h"

namespace hearsay {
namespace {

// name, symmetric, inverse, ended_form, partner_state, timeless, phrase[, denied_alone, ends,
// wikidata, wikidata_reverse]
constexpr PredicateTraits kPredicates[] = {
    {"spouse_of", true, "", "divorced_from", true, false, "is married to", "has not been married", false, "P26"},
    {"divorced_from", true, "", "", false, false, "divorced", "", true},
    {"engaged_to", true, "", "split_from", true, false, "is engaged to", "has not been engaged"},
    {"dating", true, "", "split_from", true, false, "is dating", "has not dated anyone", false, "P451"},
    {"romantic_interest", false, "", "", false, false, "is pursuing"},
    {"split_from", true, "", "", false, false, "split from", "", true},
    {"parent_of", false, "child_of", "", false, true, "is a parent of", "has no children", false, "P40"},
    {"child_of", false, "parent_of", "", false, true, "is a child of", "", false, "P40", true},
    {"adopted_child_of", false, "", "", false, false, "is the adopted child of"},
    {"stepchild_of", false, "", "", false, true, "is the stepchild of"},
    {"sibling_of", true, "", "", false, true, "is a sibling of", "", false, "P3373"},
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
bool EndsRelation(std::string_view predicate) {
  const PredicateTraits* t = FindPredicate(predicate);
  return t && t->ends;
}

}  // namespace hearsay
