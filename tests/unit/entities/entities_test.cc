// Entity tagger: model file failure paths, CoNLL-2003 testa floor, seed expectations, rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <cstring>
#include <algorithm>

#include "entities/entities.h"
#include "entities/model.h"
#include "entities/rules.h"
#include "entities/train/train.h"
#include "ingest/ingest.h"
#include "support/shared.h"
#include "text/text.h"

namespace hearsay::entities {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("hearsay_ner_" + name)).string();
}
void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}
std::string ModelPath() { return testing::SourceDir() + "/models/ner.hsm"; }

std::string TinyModelBytes() {
  DenseWeights d;
  d.hash_bits = 8;
  d.features.assign(256 * kNumLabels, 0.0f);
  d.features[5 * kNumLabels + 1] = 2.5f;
  DenseWeights stage2;
  stage2.hash_bits = 8;
  auto m = NerModel::FromDense(d, stage2, Gazetteer(), WordClusters());
  return m->Serialize("test");
}

TEST(NerModel, RoundTripsThroughBytes) {
  auto m = NerModel::FromBytes(TinyModelBytes(), "tiny");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->row_count(), 1u);
}

TEST(NerModel, MissingFileIsNotFound) {
  auto m = NerModel::Load(TempPath("does_not_exist.hsm"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  EXPECT_NE(m.status().message().find("not found"), std::string::npos);
}

TEST(NerModel, EmptyFileIsDataLoss) {
  std::string p = TempPath("empty.hsm");
  Write(p, "");
  auto m = NerModel::Load(p);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find("empty"), std::string::npos);
}

TEST(NerModel, WrongMagicSaysExpectedAndFound) {
  auto m = NerModel::FromBytes("GGUFxxxxxxxxxxxxxxxxxxxxxxxx", "x.hsm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find("expected \"HSNERMDL\""), std::string::npos) << m.status().message();
  EXPECT_NE(m.status().message().find("found \"GGUFxxxx\""), std::string::npos) << m.status().message();
}

TEST(NerModel, NewerVersionIsRejectedWithBothVersions) {
  std::string b = TinyModelBytes();
  uint32_t v = kNerFormatVersion + 1;
  std::memcpy(&b[8], &v, 4);
  auto m = NerModel::FromBytes(b, "new.hsm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.status().message().find("version " + std::to_string(v)), std::string::npos) << m.status().message();
  EXPECT_NE(m.status().message().find("<= " + std::to_string(kNerFormatVersion)), std::string::npos);
}

TEST(NerModel, OtherFeatureFingerprintIsRejected) {
  std::string b = TinyModelBytes();
  uint32_t f = kFeatureFingerprint ^ 1;
  std::memcpy(&b[12], &f, 4);
  auto m = NerModel::FromBytes(b, "fp.hsm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.status().message().find("fingerprint"), std::string::npos);
}

TEST(NerModel, TruncatedFileFailsChecksum) {
  std::string b = TinyModelBytes();
  b[b.size() / 2] ^= 0x5A;
  auto m = NerModel::FromBytes(b, "bad.hsm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
}

// Document of 2 sentences, 5 tokens: keys 7 (twice, labelled B-PER and O), 0 (lower-case
// words), 9 (once).
struct HistoryCase {
  std::vector<uint64_t> keys = {7, 0, 9, 7, 0};
  std::vector<int> stage1 = {BeginLabel(0), kOutside, BeginLabel(1), kOutside, kOutside};
  std::vector<uint32_t> sentence_begin = {0, 3};
  std::vector<uint64_t> features;
  std::vector<uint32_t> offsets;
  HistoryCase() { HistoryFeatures(keys, stage1, sentence_begin, &features, &offsets); }
  std::vector<uint64_t> Of(size_t t) const {
    return std::vector<uint64_t>(features.begin() + offsets[t], features.begin() + offsets[t + 1]);
  }
};

TEST(HistoryFeatures, LowerCaseTokensGetOnlyStageOneLabels) {
  HistoryCase h;
  ASSERT_EQ(h.offsets.size(), 6u);
  EXPECT_EQ(h.Of(1).size(), 3u);  // own label, with previous, with next
  EXPECT_EQ(h.Of(4).size(), 3u);
}

TEST(HistoryFeatures, RepeatedWordSeesTheOtherOccurrencesLabel) {
  HistoryCase h;
  // Token 3 (key 7) sees token 0's B-PER: one label feature plus the majority feature;
  // token 2 (key 9, alone) gets the single "no other occurrence" feature.
  EXPECT_EQ(h.Of(3).size(), 5u);
  EXPECT_EQ(h.Of(2).size(), 4u);
  // The history differs with what the other occurrence was labelled.
  HistoryCase other;
  other.stage1[0] = BeginLabel(2);
  HistoryFeatures(other.keys, other.stage1, other.sentence_begin, &other.features, &other.offsets);
  EXPECT_NE(h.Of(3), other.Of(3));
  // Token 0's own label changed, and so do its features; token 4's neighbour labels are
  // inside sentence 2 only, so they are the same.
  EXPECT_NE(h.Of(0), other.Of(0));
  EXPECT_EQ(h.Of(4), other.Of(4));
}

TEST(HistoryFeatures, NeighbourLabelsStopAtSentenceBoundaries) {
  HistoryCase h;
  HistoryCase one_sentence;
  one_sentence.sentence_begin = {0};
  HistoryFeatures(one_sentence.keys, one_sentence.stage1, one_sentence.sentence_begin, &one_sentence.features,
                  &one_sentence.offsets);
  EXPECT_NE(h.Of(3), one_sentence.Of(3));  // token 3 starts sentence 2: no previous label
  EXPECT_EQ(h.Of(1), one_sentence.Of(1));
}

TEST(LoadTagger, FolderWithoutModelGivesNull) {
  std::string dir = TempPath("empty_models");
  std::filesystem::create_directories(dir);
  auto t = LoadTagger(dir);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->get(), nullptr);
}

// The shipped model; loaded once for the tests below.
const Tagger* Shipped() {
  static std::unique_ptr<Tagger> tagger = [] {
    auto t = LoadTaggerFile(ModelPath());
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(*t) : nullptr;
  }();
  return tagger.get();
}

TEST(ShippedModel, ConllTestaF1Floor) {
  HEARSAY_REQUIRE_SHARED("data/conll2003/eng.testa");
  ASSERT_NE(Shipped(), nullptr);
  auto docs = train::ReadConll2003(testing::SharedDir() + "/data/conll2003/eng.testa");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  train::Evaluation e = train::Evaluate(*Shipped()->model(), *docs, true);
  // Measured 0.929 overall / 0.956 PER since the Re-DocRED names left the gazetteer
  // (docs/entities.md); floors sit just below.
  EXPECT_GE(e.overall.F1(), 0.926) << e.ToString();
  EXPECT_GE(e.by_type[0].F1(), 0.953) << e.ToString();
  // Stage 2 (document history) must add over stage 1 alone (measured +1.7 points).
  train::Evaluation stage1 = train::Evaluate(*Shipped()->model(), *docs, true, 1);
  EXPECT_GE(e.overall.F1(), stage1.overall.F1() + 0.008) << stage1.ToString();
}

struct Analysed {
  Document doc;
  std::vector<Mention> mentions;
};

Analysed Analyse(const std::string& path) {
  Analysed a;
  auto doc = ingest::ParsePlainText(path, testing::ReadFileOrEmpty(path));
  EXPECT_TRUE(doc.ok()) << path;
  if (!doc.ok()) return a;
  a.doc = *doc;
  TextLayout layout = text::AnalyzeText(a.doc);
  FindMentions(a.doc, layout, Shipped(), &a.mentions);
  return a;
}

std::vector<std::string> SeedPaths() {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::directory_iterator(testing::SharedDir() + "/seeds")) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Every occurrence of `needle` in the text: is it covered by a PERSON mention?
bool AnyOccurrenceTaggedPerson(const Analysed& a, const std::string& needle) {
  for (size_t at = a.doc.text.find(needle); at != std::string::npos; at = a.doc.text.find(needle, at + 1))
    for (const Mention& m : a.mentions)
      if (m.type == EntityType::kPerson && m.byte_begin < at + needle.size() && at < m.byte_end) return true;
  return false;
}

TEST(Seeds, EveryPersonFoundAsPersonUnderFullName) {
  HEARSAY_REQUIRE_SHARED("seeds");
  ASSERT_NE(Shipped(), nullptr);
  // Expectations are names; each is looked up in the seed texts at run time.
  const std::vector<std::string> people = {
      "Tom Cruise", "Ana de Armas", "Suri Cruise", "Katie Holmes", "Connor Cruise", "Isabella Cruise",
      "Nicole Kidman", "Ben Affleck", "Doug Liman", "Christopher McQuarrie", "Manuel Anido Cuesta",
      "Miguel Díaz-Canel", "Al Bello", "Arturo Holmes", "Bryan Bedder", "Carlos Alcaraz", "Novak Djokovic",
      "ANDREJ ISAKOVIC"};
  std::set<std::string> found;
  for (const std::string& p : SeedPaths()) {
    Analysed a = Analyse(p);
    for (const std::string& name : people) {
      if (a.doc.text.find(name) == std::string::npos) continue;
      for (const Mention& m : a.mentions)
        if (m.type == EntityType::kPerson && a.doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin) == name)
          found.insert(name);
    }
    // "Given [Surname]" is one PERSON mention.
    for (const Mention& m : a.mentions) {
      std::string t = a.doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin);
      if (m.type == EntityType::kPerson && t.find(" [") != std::string::npos) found.insert("bracketed:" + t);
    }
  }
  for (const std::string& name : people) EXPECT_TRUE(found.count(name)) << name << " not tagged PERSON as a whole";
  bool bracketed = false;
  for (const std::string& f : found) bracketed |= f.rfind("bracketed:", 0) == 0;
  EXPECT_TRUE(bracketed) << "the bracket-completed full name in seed 003 was not one PERSON mention";
}

TEST(Seeds, NoWorkOutletPlaceOrHeadingTaggedPerson) {
  HEARSAY_REQUIRE_SHARED("seeds");
  ASSERT_NE(Shipped(), nullptr);
  const std::vector<std::string> not_people = {
      "Top Gun", "Maverick", "Knives Out", "Ballerina", "Blonde", "Batman", "No Time to Die", "Mission: Impossible",
      "John Wick", "RadarOnline", "In Touch", "FandomWire", "Getty Images", "AFP", "London", "Soho", "Madrid",
      "Wimbledon", "Disneyland", "Scientology", "Valentine", "Paris", "Lincoln Center", "Jazz at", "Paramount",
      "Family Estrangement", "Perfect Mom", "Olympic Games", "Bercy Arena", "Rose Theater", "Royal Box"};
  for (const std::string& p : SeedPaths()) {
    Analysed a = Analyse(p);
    for (const std::string& s : not_people) EXPECT_FALSE(AnyOccurrenceTaggedPerson(a, s)) << s << " tagged PERSON in " << p;
  }
}

// A body sentence tagged by the shipped tagger and the rules, with a lookup by type and text.
struct Tagged {
  Document doc;
  TextLayout layout;
  std::vector<Mention> ms;
  explicit Tagged(const std::string& body) {
    doc.text = "Title\n" + body;
    doc.title_byte_end = 5;
    layout = text::AnalyzeText(doc);
    FindMentions(doc, layout, Shipped(), &ms);
  }
  std::string Text(const Mention& m) const { return doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin); }
  bool Has(EntityType t, const std::string& s) const {
    for (const Mention& m : ms)
      if (m.type == t && Text(m) == s) return true;
    return false;
  }
};

TEST(Rules, AgesDatesMoneyAndOutletCues) {
  ASSERT_NE(Shipped(), nullptr);
  Tagged t("The 48-year-old singer, Mara Voss, 31, paid $3 million on July 14, 2024, a source told Daily Planet.");
  EXPECT_TRUE(t.Has(EntityType::kAge, "48-year-old"));
  EXPECT_TRUE(t.Has(EntityType::kAge, "31"));
  EXPECT_TRUE(t.Has(EntityType::kMoney, "$3 million"));
  EXPECT_TRUE(t.Has(EntityType::kDate, "July 14, 2024"));
  EXPECT_TRUE(t.Has(EntityType::kPerson, "Mara Voss"));
  EXPECT_TRUE(t.Has(EntityType::kOutlet, "Daily Planet"));
  for (size_t i = 1; i < t.ms.size(); ++i) EXPECT_LE(t.ms[i - 1].byte_begin, t.ms[i].byte_begin);
}

TEST(Rules, SentenceOpenerIsNoPartOfAName) {
  ASSERT_NE(Shipped(), nullptr);
  Tagged t("Luckily Marisol Quenby was home. Emily Vance stayed. (Although Dana Brightwater left early.) "
           "Caption: Luckily Lena Quist wore boots.");
  EXPECT_FALSE(t.Has(EntityType::kPerson, "Luckily Marisol Quenby"));
  EXPECT_FALSE(t.Has(EntityType::kPerson, "Although Dana Brightwater"));
  EXPECT_FALSE(t.Has(EntityType::kPerson, "Luckily Lena Quist"));
  EXPECT_TRUE(t.Has(EntityType::kPerson, "Emily Vance"));  // a given name ending in -ly stays
  std::vector<Mention> span = {Mention{6, 28, EntityType::kPerson, 0.9f, -1, false}};  // "Luckily Marisol Quenby"
  TrimSentenceOpeners(t.doc, t.layout, Shipped()->gazetteer(), &span);
  EXPECT_EQ(t.Text(span[0]), "Marisol Quenby");
}

TEST(Rules, AHeadlineSpanHoldingAPersonsFullNameIsThatPerson) {
  Document d;
  d.title = "Mara Vell's Rumored Boyfriend Teo Marchetti Is 37";
  d.text = d.title + "\n\nTeo Marchetti cooks. The Teo Marchetti Trust pays.";
  d.title_byte_begin = 0;
  d.title_byte_end = static_cast<uint32_t>(d.title.size());
  d.body_byte_begin = d.title_byte_end + 2;
  auto at = [&](const std::string& s, size_t from = 0) { return static_cast<uint32_t>(d.text.find(s, from)); };
  const uint32_t body = d.body_byte_begin;
  std::vector<Mention> ms = {
      Mention{at("Rumored"), at(" 37"), EntityType::kOrg, 0.9f, -1, false},  // "Rumored ... Marchetti Is"
      Mention{body, body + 13, EntityType::kPerson, 0.9f, -1, false},        // "Teo Marchetti"
      Mention{at("The Teo"), at(" pays"), EntityType::kOrg, 0.9f, -1, false}};
  NarrowHeadlineSpansToPeople(d, &ms);
  EXPECT_EQ(ms[0].type, EntityType::kPerson);
  EXPECT_EQ(d.text.substr(ms[0].byte_begin, ms[0].byte_end - ms[0].byte_begin), "Teo Marchetti");
  EXPECT_EQ(ms[2].type, EntityType::kOrg);  // outside the headline: unchanged
  EXPECT_EQ(d.text.substr(ms[2].byte_begin, ms[2].byte_end - ms[2].byte_begin), "The Teo Marchetti Trust");
}

}  // namespace
}  // namespace hearsay::entities
