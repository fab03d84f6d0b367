// Word classes for the parser from unlabelled text: the entity trainer's distributional
// clustering (entities/train/clusters.h: PPMI context vectors, spherical k-means) over the
// GossipCop training articles and the treebank's own sentences; the parser keeps the
// fine class of each word, keyed by its own hash of the lower-cased form.
#include <nlohmann/json.hpp>

#include <sstream>

#include "common/file_io.h"
#include "entities/features.h"
#include "entities/train/clusters.h"
#include "syntax/train/inventory.h"
#include "text/text.h"

namespace hearsay::syntax::train {
namespace {

Result<std::vector<std::string>> ReadTexts(const std::string& path) {
  auto bytes = ReadWholeFile(path, uint64_t(2) << 30);
  if (!bytes.ok()) return bytes.status();
  std::vector<std::string> texts;
  std::istringstream in(*bytes);
  std::string line;
  size_t line_no = 0, bad = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) { ++bad; continue; }
    std::string t = j.value("title", std::string()) + "\n" + j.value("text", std::string());
    texts.push_back(std::move(t));
  }
  if (texts.empty()) return DataLossError(path + ": no JSON Lines records with text (" + std::to_string(bad) + " bad lines)");
  return texts;
}

}  // namespace

Status BuildClusters(const std::string& jsonl_path, const std::vector<GoldSentence>& train, uint32_t seed,
                     std::unordered_map<uint64_t, uint16_t>* clusters) {
  auto texts = ReadTexts(jsonl_path);
  if (!texts.ok()) return texts.status();
  std::vector<std::vector<std::string>> sentences;
  std::unordered_map<std::string, int> vocab;
  for (const auto& s : train) {
    sentences.emplace_back();
    for (const auto& w : s.words) {
      sentences.back().push_back(w.form);
      vocab.emplace(MakeWordInfo(w.form).lower, 0);
    }
  }
  std::vector<Token> toks;
  for (const auto& t : *texts) {
    toks.clear();
    text::Tokenize(t, 0, uint32_t(t.size()), &toks);
    for (const Token& k : toks) vocab.emplace(MakeWordInfo(std::string_view(t).substr(k.byte_begin, k.byte_end - k.byte_begin)).lower, 0);
  }
  entities::train::ClusterOptions o;
  o.seed = seed;
  entities::Gazetteer scratch;
  auto built = entities::train::BuildClusters(*texts, sentences, o, &scratch, false);
  if (!built.ok()) return built.status();
  for (const auto& [word, unused] : vocab) {
    auto ids = built->Find(entities::HashBytes(word, entities::kGazetteerSeed));
    if (ids.fine != 0) (*clusters)[HashStr(word)] = ids.fine;
  }
  return Status::Ok();
}

}  // namespace hearsay::syntax::train
