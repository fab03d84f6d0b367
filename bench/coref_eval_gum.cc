// GUM dev pronoun accuracy: the shipped ranker (models/coref.hsc, or HEARSAY_MODELS) against
// the nearest-person rule, on the same pronouns (resolve/train/train.h states the gold and
// the counts). Usage: coref_eval_gum [SPLIT_DIR] (default ../shared/data/gum_coref/dev).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "resolve/coref.h"
#include "resolve/train/train.h"

namespace {

void Print(const char* what, const hearsay::resolve::train::Score& s) {
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
  std::printf("%-20s %zu documents, %zu pronouns: right %zu (%.1f%%); with a gold candidate %zu: right %zu (%.1f%%), "
              "none %zu, wrong person %zu (all)\n",
              what, s.documents, s.pronouns, s.right, pct(s.right, s.pronouns), s.resolvable, s.resolvable_right,
              pct(s.resolvable_right, s.resolvable), s.missed, s.wrong_person);
}

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("HEARSAY_MODELS");
  const std::string models = env ? env : std::string(HEARSAY_SOURCE_DIR) + "/models";
  const std::string split = argc > 1 ? argv[1] : std::string(HEARSAY_SHARED_DIR) + "/data/gum_coref/dev";
  auto model = hearsay::resolve::CorefModel::Load(models + "/coref.hsc");
  if (!model.ok()) {
    std::fprintf(stderr, "coref_eval_gum: %s\n", model.status().ToString().c_str());
    return 1;
  }
  auto ranked = hearsay::resolve::train::Evaluate(split, models, model->get());
  auto rule = hearsay::resolve::train::Evaluate(split, models, nullptr);
  if (!ranked.ok() || !rule.ok()) {
    std::fprintf(stderr, "coref_eval_gum: %s\n", (ranked.ok() ? rule.status() : ranked.status()).ToString().c_str());
    return 1;
  }
  Print("ranker", *ranked);
  Print("nearest-person rule", *rule);
  return 0;
}
