#include "score/article_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "test_docs.h"
#include "text/text.h"

namespace hearsay::score {
namespace {

namespace fs = std::filesystem;
using testing::MakeDoc;

ArticleModelParams SmallParams() {
  ArticleModelParams p;
  p.hash_bits = 10;
  p.weights.assign(1u << 10, 0.0f);
  for (size_t i = 0; i < p.weights.size(); ++i) p.weights[i] = static_cast<float>(static_cast<int>(i % 7) - 3) * 0.01f;
  p.dense_scale.fill(1.0f);
  for (ArticleHead& h : p.heads) {
    h.dense_weight[static_cast<size_t>(Dense::kAnonymousShare)] = -3.0f;
    h.dense_weight[static_cast<size_t>(Dense::kNamedQuotes)] = 1.0f;
  }
  p.heads[kWithPrior].prior_weight[static_cast<size_t>(PriorTerm::kHost)] = 1.0f;
  p.heads[kWithPrior].prior_weight[static_cast<size_t>(PriorTerm::kCited)] = 1.0f;
  p.prior.base_real = 0.5;
  p.prior.hosts = {{"goodnews", "goodnews.com", 40, 2}, {"rumourmill", "rumourmill.com", 30, 27}};
  p.prior.cited = {{"ledger", "The Ledger", 10, 3}, {"tattler", "The Tattler", 25, 20}};  // sorted by key
  p.lexicons = DefaultLexicons();
  p.engine_version = "test";
  return p;
}

std::string SmallModelBytes() { return LinearArticleModel(SmallParams()).Serialize(); }

// Rewrites the trailing checksum after a deliberate edit, so a test reaches the check it aims at.
void Reseal(std::string* bytes) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (size_t i = 0; i + 8 < bytes->size(); ++i) h = (h ^ static_cast<unsigned char>((*bytes)[i])) * 0x100000001B3ull;
  std::memcpy(bytes->data() + bytes->size() - 8, &h, 8);
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("hearsay_score_test_" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path_ / name, std::ios::binary) << bytes;
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

TEST(ArticleModelFile, RoundTripScoresTheSame) {
  LinearArticleModel original(SmallParams());
  auto loaded = ParseArticleModel(original.Serialize(), "mem");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  Document d = MakeDoc("Star spotted", "A source told us the star was spotted. \"It was fun,\" she said.");
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(d);
  std::vector<std::string> r1, r2;
  EXPECT_DOUBLE_EQ(original.Score(d, a, &r1), (*loaded)->Score(d, a, &r2));
  EXPECT_EQ(r1, r2);
  EXPECT_EQ((*loaded)->Serialize(), original.Serialize());
}

TEST(ArticleModelFile, CalibrationSummaryRoundTrips) {
  EXPECT_EQ(LinearArticleModel(SmallParams()).calibration(), nullptr);  // n = 0: none stored
  ArticleModelParams p = SmallParams();
  ModelCalibration& c0 = p.heads[kWithPrior].heldout;
  c0.dataset = "test split";
  c0.n = 20;
  c0.threshold = 0.45;
  c0.macro_f1 = 0.75;
  c0.brier = 0.125;
  c0.ece = 0.0625;
  c0.bins = {{0.0, 0.5, 8, 0.25, 0.375}, {0.5, 1.0, 12, 0.75, 0.6875}};
  p.heads[kWithoutPrior].heldout = c0;
  p.heads[kWithoutPrior].heldout.macro_f1 = 0.5;
  auto loaded = ParseArticleModel(LinearArticleModel(p).Serialize(), "mem");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  (*loaded)->UseOutletPrior(false);
  EXPECT_DOUBLE_EQ((*loaded)->calibration()->macro_f1, 0.5);
  (*loaded)->UseOutletPrior(true);
  const ArticleModel& model = **loaded;  // through the interface the report uses
  const ModelCalibration* c = model.calibration();
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->dataset, "test split");
  EXPECT_EQ(c->n, 20u);
  EXPECT_DOUBLE_EQ(c->threshold, 0.45);
  EXPECT_DOUBLE_EQ(c->macro_f1, 0.75);
  EXPECT_DOUBLE_EQ(c->brier, 0.125);
  EXPECT_DOUBLE_EQ(c->ece, 0.0625);
  ASSERT_EQ(c->bins.size(), 2u);
  EXPECT_EQ(c->bins[1].n, 12u);
  EXPECT_DOUBLE_EQ(c->bins[1].lo, 0.5);
  EXPECT_DOUBLE_EQ(c->bins[1].mean_predicted, 0.75);
  EXPECT_DOUBLE_EQ(c->bins[1].observed_real, 0.6875);
}

TEST(ArticleModelFile, MissingFileIsNotFound) {
  auto m = LoadArticleModelFile("/nonexistent/credibility.hcm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  EXPECT_NE(m.status().message().find("hearsay train credibility"), std::string::npos);
}

TEST(ArticleModelFile, MissingModelInFolderMeansNoScoring) {
  TempDir dir;
  auto m = LoadArticleModel(dir.path());
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->get(), nullptr);
}

TEST(ArticleModelFile, EmptyFileIsDataLoss) {
  TempDir dir;
  dir.Write(kArticleModelFile, "");
  auto m = LoadArticleModel(dir.path());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find("empty"), std::string::npos) << m.status().message();
}

TEST(ArticleModelFile, WrongMagicSaysExpectedAndFound) {
  std::string bytes = SmallModelBytes();
  std::memcpy(bytes.data(), "GGUFxxxx", 8);
  auto m = ParseArticleModel(bytes, "m.hcm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find("expected \"HSCREDM\""), std::string::npos) << m.status().message();
  EXPECT_NE(m.status().message().find("found \"GGUFxxxx\""), std::string::npos) << m.status().message();
}

TEST(ArticleModelFile, NewerVersionIsRefusedWithBothVersions) {
  std::string bytes = SmallModelBytes();
  uint32_t newer = kArticleModelFormatVersion + 1;
  std::memcpy(bytes.data() + 8, &newer, 4);
  Reseal(&bytes);
  auto m = ParseArticleModel(bytes, "m.hcm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.status().message().find("version " + std::to_string(newer) + " is newer"), std::string::npos);
  EXPECT_NE(m.status().message().find("(" + std::to_string(kArticleModelFormatVersion) + ")"), std::string::npos);
}

TEST(ArticleModelFile, OtherFeatureFingerprintIsRefused) {
  std::string bytes = SmallModelBytes();
  uint64_t other = FeatureFingerprint() ^ 1;
  std::memcpy(bytes.data() + 12, &other, 8);
  Reseal(&bytes);
  auto m = ParseArticleModel(bytes, "m.hcm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.status().message().find("fingerprint mismatch: expected"), std::string::npos) << m.status().message();
}

TEST(ArticleModelFile, FlippedByteFailsTheChecksum) {
  std::string bytes = SmallModelBytes();
  bytes[bytes.size() / 2] ^= 0x40;
  auto m = ParseArticleModel(bytes, "m.hcm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find("checksum"), std::string::npos) << m.status().message();
}

TEST(ArticleModelFile, TruncatedFileIsDataLoss) {
  std::string bytes = SmallModelBytes();
  for (size_t keep : {size_t{4}, size_t{20}, bytes.size() / 2}) {
    std::string cut = bytes.substr(0, keep);
    if (cut.size() > 16) Reseal(&cut);
    auto m = ParseArticleModel(cut, "m.hcm");
    ASSERT_FALSE(m.ok()) << keep;
    EXPECT_EQ(m.status().code(), StatusCode::kDataLoss) << keep << ": " << m.status().ToString();
  }
}

TEST(ArticleModel, ReasonsNameTheEvidenceInTheArticle) {
  LinearArticleModel model(SmallParams());
  Document anon = MakeDoc("Split", "A source told us they split. An insider said it was over. Sources say it is final.");
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(anon);
  std::vector<std::string> reasons;
  double s_anon = model.Score(anon, a, &reasons);
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons[0], "3 of 3 attributions anonymous (\"source\", \"insider\", \"sources\") (lowers credibility)");

  Document named = MakeDoc("Premiere", "\"I loved making it,\" actor John Smith said at the premiere.");
  DocumentAnalysis b;  // empty layout: Score runs the text stage itself
  double s_named = model.Score(named, b, &reasons);
  EXPECT_GT(s_named, s_anon);
  bool mentions_quotes = false;
  for (const auto& r : reasons) {
    mentions_quotes |= r.find("1 on-record quote") != std::string::npos && r.find("(raises credibility)") != std::string::npos;
    EXPECT_EQ(r.find("attributions anonymous"), std::string::npos) << "no anonymous source in the article, none in the reasons: " << r;
  }
  EXPECT_TRUE(mentions_quotes);
}

TEST(ArticleModel, OutletPriorHasItsRecordInWordsAndSwitchesOff) {
  LinearArticleModel model(SmallParams());
  const std::string body = "The film opens on Friday, the studio said. \"We are proud of it,\" the director said.";
  Document good = MakeDoc("Film opens", body, "https://goodnews.com/film");
  Document bad = MakeDoc("Film opens", body, "https://www.rumourmill.com/film");
  Document unknown = MakeDoc("Film opens", body, "https://elsewhere.org/film");
  DocumentAnalysis a;
  std::vector<std::string> reasons;
  double s_good = model.Score(good, a, &reasons);
  bool said = false;
  for (const auto& r : reasons) said |= r == "outlet goodnews.com: 40 labelled articles in training, 5% unreliable (training average 50%) (raises credibility)";
  EXPECT_TRUE(said) << ::testing::PrintToString(reasons);
  double s_bad = model.Score(bad, a, nullptr);
  EXPECT_GT(s_good, s_bad);
  model.UseOutletPrior(false);
  EXPECT_EQ(model.Score(good, a, nullptr), model.Score(bad, a, nullptr));
  EXPECT_EQ(model.Score(good, a, nullptr), model.Score(unknown, a, nullptr));
  model.Score(good, a, &reasons);
  for (const auto& r : reasons) EXPECT_EQ(r.find("goodnews"), std::string::npos) << r;
}

TEST(ArticleModel, CitedOutletRecordNamesTheOutlet) {
  // Two cited outlets, one with a poor record and one with a good one: their mean lowers, so
  // the reason names the one that lowers and not the one that would raise.
  LinearArticleModel model(SmallParams());
  Document d = MakeDoc("Couple split", "The couple split, The Tattler reported on Monday, later than The Ledger.");
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(d);
  for (const char* name : {"The Tattler", "The Ledger"}) {
    size_t at = d.text.find(name);
    a.mentions.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::strlen(name)), EntityType::kOutlet});
  }
  std::sort(a.mentions.begin(), a.mentions.end(), [](const Mention& x, const Mention& y) { return x.byte_begin < y.byte_begin; });
  std::vector<std::string> reasons;
  model.Score(d, a, &reasons);
  bool said = false;
  for (const auto& r : reasons)
    said |= r == "cites \"The Tattler\" (25 training articles cite it, 80% unreliable); training average 50% unreliable (lowers credibility)";
  EXPECT_TRUE(said) << ::testing::PrintToString(reasons);
  for (const auto& r : reasons) EXPECT_EQ(r.find("Ledger"), std::string::npos) << r;
}

}  // namespace
}  // namespace hearsay::score
