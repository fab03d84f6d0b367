#pragma once
// The learned family-relation scorer (models/relations.hsr): keeps or drops the spouse,
// parent/child and sibling claims the relation rules give, and adds candidates no rule read,
// trained by `hearsay train relations` (src/extract/train/relation_train.cc) on KBP37 train
// (per:spouse) and DialogRE train (per:spouse, per:parents, per:children, per:siblings), its
// two thresholds tuned on Re-DocRED dev (bench/extract_eval_redocred.cc).
//
// Candidates (FamilyCandidates), per parsed sentence:
//   * every affirmed family claim of the rules (spouse_of, divorced_from, parent_of,
//     child_of, adopted_child_of, stepchild_of, sibling_of with an object);
//   * every pair of person words (a name's head word or a resolved pronoun) of different
//     people whose dependency path (at most 5 words) runs through a kin word: a kin role noun
//     (role_nouns.tsv: spouse, divorced, parent, child, stepchild, sibling) hanging on one of
//     the two or a "marry"/"wed" verb. For parent and child nouns the person hanging on the
//     noun as possessor or "of" phrase is the anchor ("his son X", "X, the son of Y"); with no
//     anchor the pair gives no parent/child candidate;
//   * the derivations from the rules' affirmed claims (Derivation), for pairs no rule gave.
// An averaged perceptron scores each over features of the pair (FamilyFeatures): the family,
// whether a rule gave it, the labelled dependency path with its direction, the lemmas on it,
// the kin word, path length and token distance, pronoun ends, people in the sentence,
// negation and question marks, a quotation, a shared surname. A rule claim scoring at or under
// `drop_threshold` is removed; a candidate no rule gave is added (affirmed, with the source and
// modality of its sentence) when it scores over `add_threshold`.
//
//   auto model = hearsay::extract::RelationScorer::Load("models/relations.hsr");
//   hearsay::extract::ExtractClaims(doc, &analysis, attribution, model->get());
//
// File format (little endian): magic "HSRELSC\0", u32 format version, u32 feature version,
// provenance string, f32 drop_threshold, f32 add_threshold, the LinearModel
// (syntax/internal/linear.h). A stale format or feature version is refused.
// Thread safety: immutable after loading; Score() may be called from any thread.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/records.h"
#include "hearsay/status.h"
#include "syntax/internal/linear.h"

namespace hearsay::extract {

struct DocView;

// Bump when FamilyFeatures or FamilyCandidates change; models of another version are refused.
constexpr uint32_t kRelationFeatureVersion = 1;

enum class Family : uint8_t { kSpouse, kParent, kSibling };
// A candidate read from other claims of the rules rather than from a sentence: siblings by a
// shared parent (parent_of(P, A), parent_of(P, B)), the parent of a sibling (parent_of(P, A),
// sibling_of(A, B)). Not co-parents as spouses: Re-DocRED's gold holds them so (5 of 5 on
// dev), but parents of a child are often not married in the news hearsay reads.
enum class Derivation : uint8_t { kNone, kSharedParent, kSiblingsParent };

struct FamilyCandidate {
  Family family = Family::kSpouse;
  int32_t a = -1, b = -1;     // local entities; kParent: a is b's parent; else a < b
  uint32_t sentence = 0;
  int32_t claim = -1;         // index into the analysis's claims when a rule gave it
  uint32_t trigger_tok = 0;   // the kin word's token (a rule claim: its first person's)
  // The claim a new candidate gives: the kin word's predicate, holder first ("his son X":
  // child_of(X, him)); for a rule claim its own.
  Predicate predicate = Predicate::kNone;
  int32_t subject = -1, object = -1;
  Derivation derived = Derivation::kNone;
  std::vector<uint64_t> features;
};

class RelationScorer {
 public:
  static Result<std::unique_ptr<RelationScorer>> Load(const std::string& path);
  static Result<std::unique_ptr<RelationScorer>> FromBytes(std::string_view bytes, const std::string& name);
  std::string Serialize() const;  // deterministic

  // Margin of "holds" over "does not" for one candidate's features.
  float Score(const std::vector<uint64_t>& features) const;

  std::string provenance;
  float drop_threshold = -1e30f;  // a rule claim is dropped when Score() <= drop_threshold
  float add_threshold = 1e30f;    // a new candidate is added when Score() > add_threshold
  syntax::LinearModel linear{2};  // classes: 0 does not hold, 1 holds
};

// The family of a claim's predicate, and whether it is one (with the parent first in
// `*parent_first` for kParent: parent_of(X, Y) yes, child_of(X, Y) no).
bool FamilyOf(Predicate p, Family* family, bool* parent_first);
std::string_view FamilyName(Family f);  // "spouse", "parent/child", "sibling"

// The family candidates of a document whose relation rules have run (claims of the rules
// from index `first_claim` on), each with its features; in text order, one per family and
// pair and sentence. `all_pairs` (training): also every pair of people of a parsed sentence
// within the path limit, as a candidate of each family, so that the examples hold what a
// pair looks like when it is no relation.
std::vector<FamilyCandidate> FamilyCandidates(const DocView& v, size_t first_claim, bool all_pairs = false);

// relations.cc's FindRelations applies a scorer to these: it drops the rules' claims at or
// under the drop threshold and emits the new candidates over the add threshold (the rules'
// Emit: scope, source, modality and time at the kin word).

}  // namespace hearsay::extract
