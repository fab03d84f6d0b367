// Finding and loading the shipped article model (models/credibility.hcm).
#include <filesystem>

#include "common/file_io.h"
#include "score/article_model.h"
#include "score/score.h"

namespace hearsay::score {

// The model is ~4 MiB; anything far larger is not ours.
constexpr uint64_t kMaxModelBytes = 256ull << 20;

Result<std::unique_ptr<LinearArticleModel>> LoadArticleModelFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return NotFoundError(path + ": no article model file; build one with `hearsay train credibility`");
  auto bytes = ReadWholeFile(path, kMaxModelBytes);
  if (!bytes.ok()) return bytes.status();
  return ParseArticleModel(*bytes, path);
}

Result<std::unique_ptr<ArticleModel>> LoadArticleModel(const std::string& models_dir) {
  std::string path = (std::filesystem::path(models_dir) / kArticleModelFile).string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::unique_ptr<ArticleModel>();
  auto model = LoadArticleModelFile(path);
  if (!model.ok()) return model.status().WithContext("article credibility model");
  return std::unique_ptr<ArticleModel>(std::move(model).value());
}

}  // namespace hearsay::score
