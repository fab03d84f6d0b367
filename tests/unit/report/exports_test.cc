// Exports: CSV escaping, well-formed GEXF with hostile names, QuickStatements only for
// on-record family relations.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "report/exports.h"

namespace hearsay::report {
namespace {

// Two invented people in one article with a URL; claims are added per test.
struct Corpus {
  std::vector<Document> docs;
  std::vector<DocumentAnalysis> analyses;
  CorpusAnalysis corpus;
  std::vector<Reject> rejects;
  Corpus(const std::string& name_a, const std::string& name_b) {
    Document d;
    d.id = "d1";
    d.title = "Wed at Last";
    d.text = "Wed at Last\n\nThe pair married in May.";
    d.url = "https://example.test/wed";
    d.published = "2026-05-02";
    d.outlet = "Gilded Wire";
    docs.push_back(d);
    DocumentAnalysis a;
    a.local_entities = {LocalEntity{name_a, EntityType::kPerson, {}, ""}, LocalEntity{name_b, EntityType::kPerson, {}, ""}};
    analyses.push_back(a);
    corpus.entities = {Entity{"e1", name_a, EntityType::kPerson, {}, std::nullopt, {}, 1.0},
                       Entity{"e2", name_b, EntityType::kPerson, {}, std::nullopt, {}, 1.0}};
    corpus.local_to_global = {{0, 1}};
  }
  void AddClaim(const std::string& predicate, SourceKind source, Modality modality = Modality::kReported) {
    Claim c;
    c.subject_entity = 0;
    c.object_entity = 1;
    c.predicate = hearsay::ParsePredicate(predicate).value();
    c.modality = modality;
    c.source.kind = source;
    c.source.text = source == SourceKind::kAnonymous ? "a friend" : "Ora Pell";
    c.evidence_byte_begin = 13;
    c.evidence_byte_end = 37;
    analyses[0].claims.push_back(c);
  }
  ReportView View() const { return ReportView{&docs, &analyses, &corpus, &rejects, nullptr, "hearsay test"}; }
};

TEST(Exports, CsvFieldsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  Corpus c("Ada \"Ace\" Brook", "Bo, Lind");
  c.AddClaim("spouse_of", SourceKind::kNamed);
  std::string csv = RenderCsv(c.View());
  EXPECT_NE(csv.find(",\"Ada \"\"Ace\"\" Brook\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",\"Bo, Lind\","), std::string::npos) << csv;
}

TEST(Exports, GexfEscapesHostileNamesAndIsWellFormed) {
  Corpus c("<script>alert(1)</script> & Co", "Zed\x01 \"Q\" O'Hara");
  ClaimCluster k;
  k.id = "k1";
  k.subject = "e1";
  k.predicate = hearsay::Predicate::kSpouseOf;
  k.object = "e2";
  k.documents = {0};
  c.corpus.clusters.push_back(k);
  std::string xml = RenderGexf(c.View());
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), std::string::npos);
  EXPECT_NE(xml.find("source=\"e1\" target=\"e2\""), std::string::npos);
  std::string path = std::filesystem::temp_directory_path() / ("hearsay_gexf_" + std::to_string(::getpid()) + ".gexf");
  std::ofstream(path) << xml;
  EXPECT_EQ(std::system(("xmllint --noout " + path).c_str()), 0) << xml;
  std::filesystem::remove(path);
}

TEST(Exports, QuickStatementsKeepOnlyOnRecordFamilyRelations) {
  Corpus c("Ada Brook", "Ben Lind");
  c.AddClaim("spouse_of", SourceKind::kAnonymous);                       // anonymous: never
  c.AddClaim("sibling_of", SourceKind::kNamed, Modality::kSpeculative);  // speculation: never
  c.AddClaim("friends_with", SourceKind::kNamed);                        // not family
  std::string none = RenderQuickStatements(c.View(), {{"Ada Brook", "Q1"}, {"Ben Lind", "Q2"}});
  EXPECT_EQ(none.find("P26"), std::string::npos) << none;
  EXPECT_EQ(none.find("P3373"), std::string::npos) << none;
  EXPECT_EQ(none.find("Q1"), std::string::npos) << none;
  c.AddClaim("spouse_of", SourceKind::kNamed);
  std::string mapped = RenderQuickStatements(c.View(), {{"Ada Brook", "Q1"}, {"Ben Lind", "Q2"}});
  EXPECT_NE(mapped.find("Q1\tP26\tQ2\tS854\t\"https://example.test/wed\"\tS577\t+2026-05-02T00:00:00Z/11"), std::string::npos)
      << mapped;
  EXPECT_NE(mapped.find("outlet: Gilded Wire"), std::string::npos);
  std::string unmapped = RenderQuickStatements(c.View());
  EXPECT_NE(unmapped.find("# unmapped: Ada Brook\tP26\tBen Lind"), std::string::npos) << unmapped;
  EXPECT_EQ(unmapped.find("CREATE"), std::string::npos);
  for (size_t p = unmapped.find('\n'); p != std::string::npos && p + 1 < unmapped.size(); p = unmapped.find('\n', p + 1))
    EXPECT_EQ(unmapped[p + 1], '#') << "every line without known items is a comment";
}

}  // namespace
}  // namespace hearsay::report
