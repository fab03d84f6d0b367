// Placeholder loader until the trained article model lands: articles are not scored.
#include "score/score.h"

namespace hearsay::score {

Result<std::unique_ptr<ArticleModel>> LoadArticleModel(const std::string& models_dir) {
  (void)models_dir;
  return std::unique_ptr<ArticleModel>();
}

}  // namespace hearsay::score
