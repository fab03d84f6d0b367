// hearsay.json is written streaming (WriteJson, element by element to a stream): it must
// give exactly the bytes of the former path, one ordered_json tree of the whole output
// dumped with indent 1, and the same bytes to a file as to a string. Guards the streaming
// writer of issue 19 (no whole tree, no whole text in memory).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <unistd.h>

#include "common/file_io.h"
#include "report/report.h"

namespace hearsay::report {
namespace {

// Two invented articles about invented people, with every kind of record the writer emits,
// empty arrays and nulls, a multi-line text, escapes and a byte of invalid UTF-8.
struct SmallCorpus {
  std::vector<Document> docs;
  std::vector<DocumentAnalysis> analyses;
  CorpusAnalysis corpus;
  std::vector<Reject> rejects{Reject{"broken.jsonl", std::string("line 3"), "ingest", "not JSON"}};
  std::vector<Warning> warnings{Warning{"", "odd.txt", "byte 9", "ingest", "1 invalid UTF-8 byte replaced"}};
  CalibrationSummary calibration{"invented split", 0.2, 0.05, 0.7, {{0.0, 0.5, 3, 0.3, 0.33}}, 0.5, "test"};

  SmallCorpus() {
    Document a;
    a.id = "mill-1";
    a.path = "mill/1.txt";
    a.title = "Wren Tolliver \"weds\"";
    a.text = "Wren Tolliver \"weds\"\n\nWren Tolliver, 41, married Oda Brandt, an insider told the Mill.\n\xff tab\there";
    a.published = "2031-04-05";
    a.outlet = "Paper Mill";
    a.authors = {"Ines Quay"};
    a.metadata = {{"section", "people"}};
    docs.push_back(a);
    Document b = a;
    b.id = "mill-2";
    b.path = "mill/2.txt";
    b.published.reset();
    b.outlet.reset();
    docs.push_back(b);
    DocumentAnalysis x;
    x.layout.paragraphs = {Paragraph{0, 20, BlockKind::kTitle, 0, 1}, Paragraph{22, 84, BlockKind::kBody, 1, 2}};
    x.mentions = {Mention{22, 35, EntityType::kPerson, 1.0f, 0, false}, Mention{49, 59, EntityType::kPerson, 0.9f, 1, false}};
    x.local_entities = {LocalEntity{"Wren Tolliver", EntityType::kPerson, {"Wren Tolliver"}, "female"},
                        LocalEntity{"Oda Brandt", EntityType::kPerson, {"Oda Brandt"}, "male"}};
    Attribution insider{SourceKind::kAnonymous, -1, "an insider", std::string("the Mill"), 0};
    x.quotes.push_back(Quote{22, 59, insider, 61, 71});
    x.attributions.push_back(AttributionRecord{AttributionKind::kIndirect, insider, 72, 76, 22, 59, -1});
    Claim c;
    c.subject_entity = 0;
    c.predicate = hearsay::Predicate::kSpouseOf;
    c.object_entity = 1;
    c.source = insider;
    c.modality = Modality::kReported;
    c.time_from = "2031-01-01";
    c.evidence_byte_begin = 22;
    c.evidence_byte_end = 84;
    x.claims.push_back(c);
    x.credibility = 0.375;
    x.credibility_reasons = {"an anonymous source", "no named source"};
    analyses.push_back(x);
    analyses.push_back(DocumentAnalysis{});
    Entity e;
    e.id = "e1";
    e.name = "Wren Tolliver";
    e.aliases = {"Wren Tolliver", "Tolliver"};
    e.birth_window = DateWindow{"1989-04-06", "1990-04-05", {"41 on 2031-04-05 in mill-1"}};
    e.mentions.push_back(MentionRef{0, 0});
    corpus.entities.push_back(e);
    corpus.local_to_global = {{0, -1}, {}};
    ClaimCluster k;
    k.id = "k1";
    k.subject = "e1";
    k.predicate = hearsay::Predicate::kSpouseOf;
    k.object = "Oda Brandt";
    k.claims.push_back(ClaimRef{0, 0});
    k.documents = {0};
    k.outlets = {"Paper Mill"};
    k.reasons = {"one outlet"};
    corpus.clusters.push_back(k);
    corpus.claim_cluster = {{0}, {}};
    corpus.contradictions.push_back(Contradiction{"c1", "k1", ContradictionKind{}, "invented", 0.5});
    corpus.duplicates.push_back(DuplicatePair{0, 1, 0.96875});
    corpus.estimated_published = {std::nullopt, DateWindow{"2031-03-01", "2031-05-01", {"invented"}}};
  }
  ReportView View() {
    ReportView v{&docs, &analyses, &corpus, &rejects, &warnings, "test"};
    v.calibration = &calibration;
    return v;
  }
};

TEST(JsonStream, SameBytesAsOneTreeDumped) {
  SmallCorpus c;
  std::string streamed = RenderJson(c.View());
  // The former path: the whole output as one tree, dumped at indent 1, and a newline.
  auto tree = nlohmann::ordered_json::parse(streamed);
  std::string whole = tree.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  EXPECT_EQ(streamed, whole);
  EXPECT_EQ(tree["documents"].size(), 2u);
  EXPECT_TRUE(tree["provenance"].is_array());
  EXPECT_TRUE(tree["provenance"].empty());
}

TEST(JsonStream, FileGetsTheSameBytesAsTheString) {
  SmallCorpus c;
  std::string path = (std::filesystem::temp_directory_path() / ("json_stream_test_" + std::to_string(::getpid()) + ".json")).string();
  ASSERT_TRUE(WriteFileStreamed(path, [&](std::ostream& out) { WriteJson(c.View(), out); }).ok());
  auto back = ReadWholeFile(path, 1 << 20);
  std::remove(path.c_str());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, RenderJson(c.View()));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(JsonStream, HtmlToAFileIsTheRenderedString) {
  SmallCorpus c;
  std::string path = (std::filesystem::temp_directory_path() / ("json_stream_test_" + std::to_string(::getpid()) + ".html")).string();
  ASSERT_TRUE(WriteFileStreamed(path, [&](std::ostream& out) { WriteHtml(c.View(), out); }).ok());
  auto back = ReadWholeFile(path, 1 << 20);
  std::remove(path.c_str());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, RenderHtml(c.View()));
}

TEST(JsonStream, UnwritableFolderIsAnErrorAndLeavesNothing) {
  Status s = WriteFileStreamed("/nonexistent-folder-hearsay/x.json", [&](std::ostream& out) { out << "{}"; });
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent-folder-hearsay/x.json"), std::string::npos);
}

}  // namespace
}  // namespace hearsay::report
