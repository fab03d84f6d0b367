// In-document coreference on the seeds and on our examples: aliases under the right entity,
// no false merges (two different full names never share an entity).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "entities/entities.h"
#include "ingest/ingest.h"
#include "resolve/resolve.h"
#include "resolve/train/train.h"
#include "support/shared.h"
#include "text/text.h"

namespace hearsay::resolve {
namespace {

const entities::Tagger* Shipped() {
  static std::unique_ptr<entities::Tagger> tagger = [] {
    auto t = entities::LoadTaggerFile(testing::SourceDir() + "/models/ner.hsm");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(*t) : nullptr;
  }();
  return tagger.get();
}

const CorefModel* ShippedCoref() {
  static std::unique_ptr<CorefModel> model = [] {
    auto m = CorefModel::Load(testing::SourceDir() + "/models/coref.hsc");
    return m.ok() ? std::move(*m) : nullptr;
  }();
  return model.get();
}

struct Resolved {
  Document doc;
  DocumentAnalysis a;
  const LocalEntity* Find(const std::string& name) const {
    for (const LocalEntity& e : a.local_entities)
      if (e.type == EntityType::kPerson && e.name == name) return &e;
    return nullptr;
  }
  int IndexOf(const std::string& name) const {
    for (size_t i = 0; i < a.local_entities.size(); ++i)
      if (a.local_entities[i].type == EntityType::kPerson && a.local_entities[i].name == name) return static_cast<int>(i);
    return -1;
  }
};

Resolved ResolveText(const std::string& path, const std::string& text) {
  Resolved r;
  auto doc = ingest::ParsePlainText(path, text);
  EXPECT_TRUE(doc.ok()) << path;
  if (!doc.ok()) return r;
  r.doc = *doc;
  r.a.layout = text::AnalyzeText(r.doc);
  entities::FindMentions(r.doc, r.a.layout, Shipped(), &r.a.mentions);
  ResolveInDocument(r.doc, &r.a, {Shipped() ? Shipped()->gazetteer() : nullptr, ShippedCoref()});
  return r;
}

Resolved ResolveFile(const std::string& path) { return ResolveText(path, testing::ReadFileOrEmpty(path)); }

bool HasAlias(const LocalEntity* e, const std::string& alias) {
  return e && std::find(e->aliases.begin(), e->aliases.end(), alias) != e->aliases.end();
}

// No PERSON entity holds two multi-word aliases with different first or last words.
void ExpectNoFalseMerges(const Resolved& r, const std::string& where) {
  for (const LocalEntity& e : r.a.local_entities) {
    if (e.type != EntityType::kPerson) continue;
    std::vector<std::pair<std::string, std::string>> full;
    for (const std::string& a : e.aliases) {
      size_t sp = a.find(' '), last = a.rfind(' ');
      if (sp == std::string::npos || std::islower(static_cast<unsigned char>(a[0]))) continue;
      std::string first = a.substr(0, sp);
      if (first == "De" || first == "Van" || first == "Von" || first == "Di" || first == "Da") continue;  // particle surname
      full.emplace_back(a.substr(0, sp), a.substr(last + 1));
    }
    for (const auto& f : full)
      EXPECT_TRUE(f.first == full[0].first && f.second == full[0].second)
          << where << ": entity " << e.name << " merges " << f.first << " " << f.second;
  }
}

void ExpectEveryNameMentionResolved(const Resolved& r) {
  for (const Mention& m : r.a.mentions) {
    bool name = m.type == EntityType::kPerson || m.type == EntityType::kOrg || m.type == EntityType::kLoc ||
                m.type == EntityType::kMisc || m.type == EntityType::kWork || m.type == EntityType::kOutlet;
    if (name) {
      EXPECT_GE(m.entity_idx, 0) << r.doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin);
    }
  }
}

std::string Seed(const std::string& prefix) {
  for (auto& e : std::filesystem::directory_iterator(testing::SharedDir() + "/seeds"))
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
  return "";
}

TEST(SeedCoref, SurnamesGoToTheSalientBearerAndSharedSurnamesStayApart) {
  HEARSAY_REQUIRE_SHARED("seeds");
  ASSERT_NE(Shipped(), nullptr);
  Resolved r0 = ResolveFile(Seed("000_"));
  const LocalEntity* tom = r0.Find("Tom Cruise");
  ASSERT_NE(tom, nullptr);
  EXPECT_TRUE(HasAlias(tom, "Cruise"));
  EXPECT_EQ(tom->gender, "male");
  EXPECT_FALSE(HasAlias(r0.Find("Suri Cruise"), "Cruise"));
  EXPECT_FALSE(HasAlias(r0.Find("Connor Cruise"), "Cruise"));
  EXPECT_TRUE(HasAlias(r0.Find("Katie Holmes"), "Holmes"));
  EXPECT_TRUE(HasAlias(r0.Find("Ana de Armas"), "De Armas"));
  EXPECT_EQ(r0.Find("Ana de Armas")->gender, "female");
  EXPECT_TRUE(HasAlias(r0.Find("Ben Affleck"), "Affleck"));
  EXPECT_NE(r0.IndexOf("Tom Cruise"), r0.IndexOf("Suri Cruise"));
  ExpectNoFalseMerges(r0, "seed 000");
  ExpectEveryNameMentionResolved(r0);

  Resolved r3 = ResolveFile(Seed("003_"));
  int katie = r3.IndexOf("Katie Holmes"), arturo = r3.IndexOf("Arturo Holmes");
  ASSERT_GE(katie, 0);
  ASSERT_GE(arturo, 0);
  EXPECT_NE(katie, arturo) << "a photographer sharing a surname must stay a separate person";
  // "Bella" is a short form of "Isabella" in the same article.
  bool bella_with_isabella = false;
  for (const LocalEntity& e : r3.a.local_entities)
    bella_with_isabella |= HasAlias(&e, "Bella") && (e.name.find("Isabella") != std::string::npos);
  EXPECT_TRUE(bella_with_isabella);
  EXPECT_NE(r3.Find("Elsina Khayrova"), nullptr) << "bracket-completed name";
  EXPECT_TRUE(HasAlias(r3.Find("Elsina Khayrova"), "Khayrova"));
  ExpectNoFalseMerges(r3, "seed 003");

  Resolved r2 = ResolveFile(Seed("002_"));
  EXPECT_TRUE(HasAlias(r2.Find("Manuel Anido Cuesta"), "Cuesta"));
  EXPECT_TRUE(HasAlias(r2.Find("Manuel Anido Cuesta"), "Manuel"));
  ExpectNoFalseMerges(r2, "seed 002");
}

TEST(SeedCoref, DescriptorsAndPronounsLinkToThePerson) {
  HEARSAY_REQUIRE_SHARED("seeds");
  ASSERT_NE(Shipped(), nullptr);
  Resolved r = ResolveFile(Seed("000_"));
  int tom = r.IndexOf("Tom Cruise"), ana = r.IndexOf("Ana de Armas");
  int age_descriptor = -2, born_descriptor = -2;
  for (const Mention& m : r.a.mentions) {
    if (!m.descriptor) continue;
    std::string t = r.doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin);
    if (t.find("-year-old") != std::string::npos) age_descriptor = m.entity_idx;
    if (t.find("-born actress") != std::string::npos) born_descriptor = m.entity_idx;
  }
  EXPECT_EQ(age_descriptor, tom);
  EXPECT_EQ(born_descriptor, ana);
  Resolved r1 = ResolveFile(Seed("001_"));
  int work_descriptor = -2;
  for (const Mention& m : r1.a.mentions)
    if (m.descriptor && r1.doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin).find("actress") != std::string::npos &&
        m.byte_end - m.byte_begin < 30)
      work_descriptor = m.entity_idx;
  EXPECT_EQ(work_descriptor, r1.IndexOf("Ana de Armas"));
}

Resolved ResolveString(const std::string& body) {
  return ResolveText("title.txt", " date 2025-06-01 Invented Test Headline\n" + body + "\n");
}

// "the mayor", "the coastal senator": the latest person written with that title ("Mayor X",
// "Sen. Y", abbreviation spelled out); a title nobody carried stays unresolved.
TEST(TitleCoref, DefiniteTitleLinksToThePersonWithThatTitle) {
  ASSERT_NE(Shipped(), nullptr);
  Resolved r = ResolveString("Mayor Ingrid Halvorsen met Sen. Tomas Brekke at the harbour on Monday. "
                             "The senator praised the ferry plan. Later the mayor said the budget was tight. "
                             "The governor did not comment.");
  auto descriptor_entity = [&](const std::string& words) {
    for (const Mention& m : r.a.mentions)
      if (m.descriptor && r.doc.text.substr(m.byte_begin, m.byte_end - m.byte_begin) == words) return m.entity_idx;
    return -2;
  };
  int ingrid = r.IndexOf("Ingrid Halvorsen"), tomas = r.IndexOf("Tomas Brekke");
  ASSERT_GE(ingrid, 0);
  ASSERT_GE(tomas, 0);
  EXPECT_EQ(descriptor_entity("The senator"), tomas);
  EXPECT_EQ(descriptor_entity("the mayor"), ingrid);
  EXPECT_EQ(descriptor_entity("The governor"), -2);
}

TEST(ExampleCoref, AliasesUnderTheRightEntityNoFalseMerges) {
  ASSERT_NE(Shipped(), nullptr);
  std::string dir = testing::SourceDir() + "/examples/";
  Resolved r8 = ResolveFile(dir + "08_starwire_glass_harbour_premiere.txt");
  int lorcan = r8.IndexOf("Lorcan Ashby"), declan = r8.IndexOf("Declan Ashby");
  ASSERT_GE(lorcan, 0);
  ASSERT_GE(declan, 0);
  EXPECT_NE(lorcan, declan);
  EXPECT_TRUE(HasAlias(r8.Find("Lorcan Ashby"), "Ashby"));
  EXPECT_FALSE(HasAlias(r8.Find("Declan Ashby"), "Ashby"));
  EXPECT_TRUE(HasAlias(r8.Find("Hugo Brandt"), "Brandt"));
  EXPECT_EQ(r8.Find("Marisol Quenby")->gender, "female");
  for (const char* f : {"01_starwire_ashby_woos_quenby.txt", "02_ledger_rourke_blended_family.txt",
                        "03_starwire_quenby_marchetti.txt", "05_ledger_quenby_rep_denial.txt",
                        "06_glossdaily_press_tour_undated.txt", "07_ledger_marchetti_ferrante_engaged.txt",
                        "08_starwire_glass_harbour_premiere.txt"}) {
    Resolved r = ResolveFile(dir + f);
    ExpectNoFalseMerges(r, f);
    ExpectEveryNameMentionResolved(r);
  }
  Resolved r2 = ResolveFile(dir + "02_ledger_rourke_blended_family.txt");
  EXPECT_NE(r2.IndexOf("Callum Rourke"), r2.IndexOf("Finn Rourke"));
  EXPECT_TRUE(HasAlias(r2.Find("Finn Rourke"), "Finn"));
}

}  // namespace
}  // namespace hearsay::resolve

namespace hearsay::resolve {
namespace {

// The entity of the descriptor mention resolve added over the `nth` occurrence of `word`.
int32_t PronounEntity(const Resolved& r, const std::string& word, int nth = 0) {
  size_t at = 0;
  for (int i = 0; i <= nth; ++i) {
    at = r.doc.text.find(" " + word + " ", i == 0 ? 0 : at + 1);
    if (at == std::string::npos) return -3;
  }
  for (const Mention& m : r.a.mentions)
    if (m.descriptor && m.byte_begin == at + 1) return m.entity_idx;
  return -1;
}

TEST(CorefRanker, PronounsGoToTheAgreeingPersonAndNeverToTheirOwnApposition) {
  ASSERT_NE(Shipped(), nullptr);
  ASSERT_NE(ShippedCoref(), nullptr) << "models/coref.hsc is missing (build/hearsay train coref)";
  Resolved r = ResolveString("Mara Lindqvist met Teo Brandt in Oslo last spring. Later that year she said he was kind.");
  EXPECT_EQ(PronounEntity(r, "she"), r.IndexOf("Mara Lindqvist"));
  EXPECT_EQ(PronounEntity(r, "he"), r.IndexOf("Teo Brandt"));
  Resolved b = ResolveString(
      "Callum Rourke hosts a cooking show in Edinburgh. Finn Rourke, 19, his son from his first marriage, lives in "
      "Leeds.");
  EXPECT_EQ(PronounEntity(b, "his", 0), b.IndexOf("Callum Rourke"));  // never Finn: apposition
  EXPECT_EQ(PronounEntity(b, "his", 1), b.IndexOf("Callum Rourke"));  // repeats the first "his"
}

// The entity of the descriptor mention resolve added over the first occurrence of `words`
// (-2 when there is none: unresolved).
int32_t DescriptorEntity(const Resolved& r, const std::string& words) {
  size_t at = r.doc.text.find(words);
  for (const Mention& m : r.a.mentions)
    if (m.descriptor && m.byte_begin == at) return m.entity_idx;
  return -2;
}

// Descriptors resolve by agreement: an age, a work or an occupation stated in the article picks
// the person; with none that agrees they stay unresolved rather than going to the nearest name.
TEST(DescriptorCoref, StatedAgeWorkOrOccupationPicksThePersonAndNoAgreementLeavesItOpen) {
  ASSERT_NE(Shipped(), nullptr);
  Resolved age = ResolveString(
      "Producer Helga Morrow, 37, arrived with Brenna Calloway, 52, at the gala. Reporters crowded around Brenna "
      "Calloway near the door. The 37-year-old producer left before midnight.");
  ASSERT_GE(age.IndexOf("Helga Morrow"), 0);
  EXPECT_EQ(DescriptorEntity(age, "The 37-year-old producer"), age.IndexOf("Helga Morrow"));

  Resolved role = ResolveString(
      "Helga Morrow, a producer, spoke to Brenna Calloway at the gala. Brenna Calloway smiled at the cameras. "
      "Later the producer signed a new deal.");
  EXPECT_EQ(DescriptorEntity(role, "the producer"), role.IndexOf("Helga Morrow"));

  Resolved work = ResolveString(
      "'Night Harbor' star Brenna Calloway sat next to Helga Morrow at the premiere. Helga Morrow waved to fans. "
      "The 'Night Harbor' star left early.");
  EXPECT_EQ(DescriptorEntity(work, "The 'Night Harbor' star"), work.IndexOf("Brenna Calloway"));

  Resolved comma = ResolveString(
      "Brenna Calloway, 29, and Helga Morrow, 41, shared a table. Helga Morrow ordered dessert. The pop star, 29, "
      "paid the bill.");
  EXPECT_EQ(DescriptorEntity(comma, "The pop star"), comma.IndexOf("Brenna Calloway"));

  Resolved none = ResolveString(
      "Brenna Calloway, 29, and Helga Morrow, 41, shared a table at the gala. The 45-year-old actress left early.");
  EXPECT_EQ(DescriptorEntity(none, "The 45-year-old actress"), -2);
}

TEST(CorefRanker, ModelFilesRoundTripAndBadOnesAreRefused) {
  ASSERT_NE(ShippedCoref(), nullptr) << "models/coref.hsc is missing (build/hearsay train coref)";
  std::string bytes = ShippedCoref()->Serialize();
  auto back = CorefModel::FromBytes(bytes, "copy");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->Serialize(), bytes);
  EXPECT_FALSE(CorefModel::FromBytes("HSNOTCOREF", "bad").ok());
  std::string stale = bytes;
  stale[12] = char(stale[12] + 1);  // the feature version
  EXPECT_FALSE(CorefModel::FromBytes(stale, "stale").ok());
}

TEST(CorefRanker, TrainingTwiceGivesTheSameBytes) {
  HEARSAY_REQUIRE_SHARED("data/gum_coref");
  train::Options o;
  o.gum_dir = testing::SharedDir() + "/data/gum_coref";
  o.models_dir = testing::SourceDir() + "/models";
  o.iterations = 20;
  auto a = train::Train(o), b = train::Train(o);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_GT(a->train_pronouns, 1000u);
  EXPECT_EQ(a->model->Serialize(), b->model->Serialize());
}

}  // namespace
}  // namespace hearsay::resolve
