// Placeholder loader until the trained tagger lands: no model, rules only.
#include "entities/entities.h"

namespace hearsay::entities {

Result<std::unique_ptr<Tagger>> LoadTagger(const std::string& models_dir) {
  (void)models_dir;
  return std::unique_ptr<Tagger>();
}

}  // namespace hearsay::entities
