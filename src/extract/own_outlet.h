#pragma once
// The article's own outlet read from its text alone (issue 13, point 5): the learned model
// models/own_outlet.hso, trained on GossipCop train by `hearsay train own-outlet`
// (src/extract/train/own_outlet_train.cc), its threshold chosen by cross-validation on train
// with the outlets held out (no outlet of a test fold was seen in training).
//
// Candidates are the outlet-like mentions of the article (OutletNameAt: a mention the tagger
// calls OUTLET or ORG, a web address "X.com", an outlet-shaped capitalised run "The Daily
// Quill", "StarWire"), grouped into names (OutletKey: lower case, letters and digits, no
// leading "the"). Each mention is scored by an averaged perceptron over how the article
// speaks of it (OwnOutletFeatures: the words before and after it in its sentence, whether it
// stands in a quotation, its paragraph's place, the parse relation to its head, how often its
// name recurs, first-person plural self-reference outside quotations) and never over the name
// itself, so the model carries no weight per outlet. A name scores its best mention; the best
// name is the article's own outlet when that score is over `threshold`, else there is none
// ("a source exclusively tells Daily Quill" names it; "she told Daily Quill in 2016" does not).
//
//   auto model = hearsay::extract::OwnOutletModel::Load("models/own_outlet.hso");
//   hearsay::extract::ExtractClaims(doc, &analysis, attribution, relations, model->get());
//
// File format (little endian): magic "HSOWNOUT", u32 format version, u32 feature version,
// provenance string, f32 threshold, u32 pooling, the LinearModel (syntax/internal/linear.h). A stale
// format or feature version is refused with the expected value.
// Thread safety: immutable after loading; PredictOwnOutlet may be called from any thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "syntax/internal/linear.h"

namespace hearsay::extract {

struct DocView;

// Bump when OutletCandidates or OwnOutletFeatures change; models of another version are refused.
constexpr uint32_t kOwnOutletFeatureVersion = 2;

class OwnOutletModel {
 public:
  static Result<std::unique_ptr<OwnOutletModel>> Load(const std::string& path);
  static Result<std::unique_ptr<OwnOutletModel>> FromBytes(std::string_view bytes, const std::string& name);
  std::string Serialize() const;  // deterministic

  float Score(const std::vector<uint64_t>& features) const;  // margin of "own" over "not own"

  static constexpr uint32_t kMaxPooling = 0, kSumPooling = 1;
  std::string provenance;       // training data and command
  uint32_t pooling = kMaxPooling;  // a name scores its best mention (max) or all its mentions (sum)
  float threshold = 0.0f;       // a name is the article's own when its best mention scores over it
  syntax::LinearModel linear{2};  // classes: 0 not own, 1 own
};

// One outlet-like mention: tokens [b, e), its name as written (a known host's outlet name for
// a web address), and `group`, the index of its name among the article's distinct names.
struct OutletCandidate {
  uint32_t b = 0, e = 0;
  std::string name;
  uint32_t group = 0;
  uint8_t self_reference = 0;  // SelfReferenceKind (extract/internal/passes.h): the hand rules' reading
};

// The outlet-like mentions of an article in text order (outside photo captions), with what
// the features read of the whole article.
struct OutletMentions {
  std::vector<OutletCandidate> list;
  std::vector<uint32_t> group_size, group_quoted;  // per name: mentions, of them inside quotations
  std::vector<uint8_t> group_address;              // per name: written as a web address somewhere
  std::vector<uint8_t> group_self;                 // per name: its mentions' SelfReferenceKinds as bits
  uint32_t own_voice = 0;  // first-person plural words outside quotations ("told us", "we have learned")
};
OutletMentions OutletCandidates(const DocView& v);
// The key names are grouped and compared by: ASCII lower case, letters and digits only, "&"
// read as "and", a leading "the" and a trailing "com" dropped ("The Daily Quill" -> "dailyquill").
std::string OutletKey(std::string_view name);
// The features of candidate `i` (the runtime and the trainer share them).
void OwnOutletFeatures(const DocView& v, const OutletMentions& cands, size_t i, std::vector<uint64_t>* out);
// The best-scoring name (its best mention, or its first with sum pooling) and its score;
// -1 when there are no candidates. `scores` (optional) receives every candidate's score.
int BestOwnOutlet(const DocView& v, const OwnOutletModel& model, const OutletMentions& cands, float* best_score,
                  std::vector<float>* scores = nullptr);
// The article's own outlet as the model reads it (its best name when it scores over
// `model.threshold`), or none. The pipeline asks it when the hand rules name none.
std::optional<std::string> PredictOwnOutlet(const DocView& v, const OwnOutletModel& model);

}  // namespace hearsay::extract
