#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace hearsay::report {
namespace {

using nlohmann::json;

// One of every record, wired together as the stages would.
struct Fixture {
  std::vector<Document> docs;
  std::vector<DocumentAnalysis> analyses;
  CorpusAnalysis corpus;
  std::vector<Reject> rejects;
  std::vector<Warning> warnings;

  Fixture() {
    Document d;
    d.id = "doc-1";
    d.path = "a.txt";
    d.title = "Star <b>Weds</b>";
    d.text = "Star <b>Weds</b>\nAnn Lee, 34, married Bo Ray, a source said.";
    d.title_byte_end = 16;
    d.body_byte_begin = 17;
    d.published = "2025-01-02";
    d.outlet = "Daily Lantern";
    docs.push_back(d);
    Document u = d;
    u.id = "doc-2";
    u.published.reset();
    u.outlet.reset();
    docs.push_back(u);
    DocumentAnalysis a;
    a.layout.paragraphs.push_back(Paragraph{0, 16, BlockKind::kTitle, 0, 0});
    a.layout.paragraphs.push_back(Paragraph{17, 62, BlockKind::kBody, 0, 0});
    a.mentions.push_back(Mention{17, 24, EntityType::kPerson, 1.0f, 0, false});
    a.mentions.push_back(Mention{39, 45, EntityType::kPerson, 1.0f, 1, false});
    a.local_entities.push_back(LocalEntity{"Ann Lee", EntityType::kPerson, {"Ann Lee"}, "female"});
    a.local_entities.push_back(LocalEntity{"Bo Ray", EntityType::kPerson, {"Bo Ray"}, "male"});
    Attribution anon{SourceKind::kAnonymous, -1, "a source", std::string("Daily Lantern"), 0};
    a.quotes.push_back(Quote{17, 45, anon, 49, 53});
    // "a source said" owns the clause before it; the author's own attribution has no words.
    Attribution anon_words = anon;
    anon_words.byte_begin = 46;
    anon_words.byte_end = 54;
    a.attributions.push_back(AttributionRecord{AttributionKind::kIndirect, anon_words, 55, 59, 17, 44, -1});
    a.attributions.push_back(AttributionRecord{AttributionKind::kDirect, anon, 55, 59, 17, 45, 0});
    Claim c;
    c.subject_entity = 0;
    c.predicate = hearsay::Predicate::kSpouseOf;
    c.object_entity = 1;
    c.source = anon;
    c.modality = Modality::kReported;
    c.time_from = "2024-01-01";
    c.evidence_byte_begin = 17;
    c.evidence_byte_end = 62;
    a.claims.push_back(c);
    Claim age;
    age.subject_entity = 0;
    age.predicate = hearsay::Predicate::kAge;
    age.value = "34";
    age.evidence_byte_begin = 17;
    age.evidence_byte_end = 62;
    a.claims.push_back(age);
    a.citations.push_back(CitedOutlet{"Other Weekly", ProvenanceKind::kCites, 17, 30});
    a.credibility = 0.25;
    a.credibility_reasons = {"only anonymous sources"};
    analyses.push_back(a);
    analyses.push_back(DocumentAnalysis{});
    Entity e;
    e.id = "e1";
    e.name = "Ann Lee";
    e.aliases = {"Ann Lee", "Lee"};
    e.birth_window = DateWindow{"1990-01-03", "1991-01-02", {"34 on 2025-01-02 in doc-1"}};
    e.mentions.push_back(MentionRef{0, 0});
    corpus.entities.push_back(e);
    Entity f;
    f.id = "e2";
    f.name = "Bo Ray";
    f.mentions.push_back(MentionRef{0, 1});
    corpus.entities.push_back(f);
    corpus.local_to_global = {{0, 1}, {}};
    ClaimCluster k;
    k.id = "k1";
    k.subject = "e1";
    k.predicate = hearsay::Predicate::kSpouseOf;
    k.object = "e2";
    k.claims = {ClaimRef{0, 0}};
    k.documents = {0, 1};
    k.rereport_of = {-1, 0};
    k.outlets = {"Daily Lantern"};
    k.first_doc = 0;
    k.first_date = "2025-01-02";
    k.independent_sources = 1;
    k.credibility = 0.3;
    k.reasons = {"one anonymous source"};
    corpus.clusters.push_back(k);
    corpus.claim_cluster = {{0, -1}, {}};
    corpus.contradictions.push_back(Contradiction{"k1", "c2", ContradictionKind::kPolarity, "affirmed here, denied there", 0.5});
    corpus.provenance.push_back(ProvenanceEdge{0, "Other Weekly", ProvenanceKind::kCites, "according to Other Weekly"});
    corpus.provenance.push_back(ProvenanceEdge{1, "Daily Lantern", ProvenanceKind::kNearDuplicate, "copy", 0});
    corpus.duplicates.push_back(DuplicatePair{0, 1, 0.91});
    corpus.estimated_published = {std::nullopt, DateWindow{"2025-01-01", "2025-03-01", {"ages"}}};
    rejects.push_back(Reject{"bad.jsonl", std::string("line 4"), "ingest", "not JSON"});
    rejects.push_back(Reject{"gone.txt", std::nullopt, "ingest", "no such file"});
    warnings.push_back(Warning{"h", "latin1.txt", "", "ingest", "2 bytes replaced"});
  }
  ReportView View() const { return ReportView{&docs, &analyses, &corpus, &rejects, &warnings, "hearsay test"}; }
  ReportView CalibratedView() const {
    ReportView v = View();
    v.calibration = &calibration;
    return v;
  }
  CalibrationSummary calibration{"Lantern dev", 0.125, 0.02, 0.81,
                                 {ReliabilityBin{0.0, 0.5, 40, 0.2, 0.25}, ReliabilityBin{0.5, 1.0, 60, 0.8, 0.75}}};
};

void ExpectKeys(const json& obj, std::initializer_list<const char*> keys, const std::string& what) {
  ASSERT_TRUE(obj.is_object()) << what;
  for (const char* k : keys) EXPECT_TRUE(obj.contains(k)) << what << " lacks key " << k;
}

TEST(Contract, EveryPromisedKeyIsPresent) {
  Fixture f;
  json j = json::parse(RenderJson(f.View()));
  ExpectKeys(j, {"documents", "entities", "quotes", "claims", "clusters", "contradictions", "provenance", "duplicates", "rejects"}, "top");
  ExpectKeys(j["documents"][0], {"id", "path", "title", "outlet", "published", "estimated_published", "credibility"}, "document");
  ExpectKeys(j["documents"][0]["credibility"], {"score", "reasons"}, "credibility");
  ExpectKeys(j["documents"][1]["estimated_published"], {"earliest", "latest", "basis"}, "estimated_published");
  ExpectKeys(j["entities"][0], {"id", "name", "type", "aliases", "birth_window", "mentions"}, "entity");
  ExpectKeys(j["entities"][0]["birth_window"], {"earliest", "latest"}, "birth_window");
  ExpectKeys(j["entities"][0]["mentions"][0], {"doc", "start", "end", "text"}, "mention");
  ExpectKeys(j["quotes"][0], {"id", "doc", "start", "end", "text", "speaker"}, "quote");
  ExpectKeys(j["quotes"][0]["speaker"], {"kind", "entity", "text", "via_outlet"}, "speaker");
  ExpectKeys(j["claims"][0], {"id", "doc", "subject", "predicate", "object", "value", "polarity", "modality", "time", "source", "evidence",
                              "cluster"}, "claim");
  ExpectKeys(j["claims"][0]["time"], {"from", "to"}, "time");
  ExpectKeys(j["claims"][0]["source"], {"kind", "entity", "text", "via_outlet"}, "source");
  ExpectKeys(j["claims"][0]["evidence"], {"start", "end", "text"}, "evidence");
  ExpectKeys(j["clusters"][0], {"id", "subject", "predicate", "object", "value", "claims", "documents", "outlets", "first_reported",
                                "independent_sources", "credibility"}, "cluster");
  ExpectKeys(j["clusters"][0]["first_reported"], {"doc", "date"}, "first_reported");
  ExpectKeys(j["contradictions"][0], {"a", "b", "kind", "explanation"}, "contradiction");
  ExpectKeys(j["provenance"][0], {"doc", "outlet", "kind", "evidence"}, "provenance");
  ExpectKeys(j["duplicates"][0], {"a", "b", "similarity"}, "duplicate");
  ExpectKeys(j["rejects"][0], {"path", "where", "stage", "reason"}, "reject");
}

TEST(Contract, ValuesFollowTheContract) {
  Fixture f;
  json j = json::parse(RenderJson(f.View()));
  const json& doc = j["documents"][0];
  EXPECT_EQ(doc["published"], "2025-01-02");
  EXPECT_TRUE(j["documents"][1]["published"].is_null());
  EXPECT_TRUE(j["documents"][1]["outlet"].is_null());
  EXPECT_TRUE(j["documents"][1]["credibility"].is_null()) << "an unscored document has null credibility";
  EXPECT_DOUBLE_EQ(doc["credibility"]["score"].get<double>(), 0.25);
  const json& claim = j["claims"][0];
  EXPECT_EQ(claim["subject"], "e1");
  EXPECT_EQ(claim["object"], "e2");
  EXPECT_EQ(claim["polarity"], "affirmed");
  EXPECT_EQ(claim["modality"], "reported");
  EXPECT_EQ(claim["source"]["kind"], "anonymous");
  EXPECT_EQ(claim["source"]["via_outlet"], "Daily Lantern");
  EXPECT_EQ(claim["cluster"], "k1");
  EXPECT_EQ(claim["evidence"]["text"], "Ann Lee, 34, married Bo Ray, a source said.");
  EXPECT_TRUE(j["claims"][1]["cluster"].is_null());
  EXPECT_TRUE(j["claims"][1]["time"].is_null());
  EXPECT_EQ(j["claims"][1]["value"], "34");
  EXPECT_EQ(j["clusters"][0]["claims"], json::array({"c1"}));
  EXPECT_EQ(j["clusters"][0]["documents"], json::array({"doc-1", "doc-2"}));
  ASSERT_EQ(j["clusters"][0]["rereports"].size(), 1u);
  EXPECT_EQ(j["clusters"][0]["rereports"][0]["doc"], "doc-2");
  EXPECT_EQ(j["clusters"][0]["rereports"][0]["of"], "doc-1");
  EXPECT_TRUE(j["provenance"][0]["target"].is_null()) << "a cited outlet with no article here leads nowhere";
  EXPECT_EQ(j["provenance"][1]["target"], "doc-1");
  EXPECT_TRUE(j["calibration"].is_null()) << "no model, no calibration";
  EXPECT_EQ(j["entities"][0]["mentions"][0]["text"], "Ann Lee");
  EXPECT_EQ(j["duplicates"][0]["a"], "doc-1");
  EXPECT_EQ(j["rejects"][0]["where"], "line 4");
  EXPECT_TRUE(j["rejects"][1]["where"].is_null());
  for (const auto& q : j["quotes"]) {
    for (const char* k : {"kind"}) {
      std::string kind = q["speaker"][k];
      EXPECT_TRUE(kind == "named" || kind == "anonymous" || kind == "outlet" || kind == "author" || kind == "unknown");
    }
  }
}

TEST(Contract, AttributionsFollowTheContract) {
  Fixture f;
  json j = json::parse(RenderJson(f.View()));
  ASSERT_EQ(j["attributions"].size(), 2u);
  const json& r = j["attributions"][0];
  ExpectKeys(r, {"id", "doc", "kind", "source", "cue", "content", "quote"}, "attribution");
  ExpectKeys(r["source"], {"kind", "entity", "text", "start", "end", "via_outlet"}, "attribution source");
  EXPECT_EQ(r["id"], "a1");
  EXPECT_EQ(r["doc"], "doc-1");
  EXPECT_EQ(r["kind"], "indirect");
  EXPECT_EQ(r["source"]["kind"], "anonymous");
  EXPECT_EQ(r["source"]["start"], 46);
  EXPECT_EQ(r["source"]["text"], "a source");
  EXPECT_EQ(r["cue"]["text"], "said");
  EXPECT_EQ(r["content"]["text"], "Ann Lee, 34, married Bo Ray");
  EXPECT_TRUE(r["quote"].is_null());
  const json& d = j["attributions"][1];
  EXPECT_EQ(d["kind"], "direct");
  EXPECT_EQ(d["quote"], "q1") << "a direct attribution names its quote";
  EXPECT_TRUE(d["source"]["start"].is_null()) << "no source words: start and end are null";
  EXPECT_TRUE(d["source"]["end"].is_null());
}

TEST(Contract, CalibrationOfTheLoadedModelIsWritten) {
  Fixture f;
  json j = json::parse(RenderJson(f.CalibratedView()));
  EXPECT_EQ(j["calibration"]["dataset"], "Lantern dev");
  EXPECT_DOUBLE_EQ(j["calibration"]["brier"].get<double>(), 0.125);
  ASSERT_EQ(j["calibration"]["bins"].size(), 2u);
  EXPECT_EQ(j["calibration"]["bins"][1]["count"], 60);
  EXPECT_DOUBLE_EQ(j["calibration"]["bins"][1]["observed"].get<double>(), 0.75);
}

TEST(Contract, OutputIsByteStable) {
  Fixture f;
  EXPECT_EQ(RenderJson(f.View()), RenderJson(f.View()));
  EXPECT_EQ(RenderHtml(f.View()), RenderHtml(f.View()));
}

TEST(Html, EscapesTextAndListsRejects) {
  Fixture f;
  std::string html = RenderHtml(f.View());
  EXPECT_EQ(html.find("<b>Weds</b>"), std::string::npos) << "article text must be escaped";
  EXPECT_NE(html.find("&lt;b&gt;Weds&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("bad.jsonl"), std::string::npos);
  EXPECT_NE(html.find("not JSON"), std::string::npos);
  EXPECT_NE(html.find("latin1.txt"), std::string::npos);
  EXPECT_NE(html.find("class=\"ent PERSON"), std::string::npos) << "entity spans are highlighted";
  EXPECT_EQ(html.find("http://"), std::string::npos) << "no network references";
  EXPECT_EQ(html.find("https://"), std::string::npos) << "no network references";
}

// The HTML from the element with id `id` to its closing tag `close` ("" when absent).
std::string ById(const std::string& html, const std::string& id, const std::string& close) {
  size_t at = html.find("id=\"" + id + "\"");
  return at == std::string::npos ? std::string() : html.substr(at, html.find(close, at) - at);
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

TEST(Html, HeadlineShownOnceWhenTheLayoutHasATitle) {
  Fixture f;
  std::string html = RenderHtml(f.View());
  // doc-1's layout has a title paragraph: its headline appears in the list and in the text, not as an extra heading.
  std::string body = ById(html, "doc-0", "</section>");
  ASSERT_FALSE(body.empty());
  EXPECT_EQ(Count(body, "Star &lt;b&gt;Weds&lt;/b&gt;"), 1u) << body.substr(0, 400);
  // doc-2 has no layout: the headline is given as a heading.
  body = ById(html, "doc-1", "</section>");
  EXPECT_NE(body.find("<h2>Star &lt;b&gt;Weds&lt;/b&gt;</h2>"), std::string::npos);
}

TEST(Html, CorpusViewsShowClustersChainsContradictionsAndSources) {
  Fixture f;
  std::string html = RenderHtml(f.View());
  for (const char* view : {"view-articles", "view-claims", "view-contradictions", "view-sources", "view-entities", "view-calibration"})
    EXPECT_NE(html.find(std::string("id=\"") + view + "\""), std::string::npos) << view;
  std::string table = ById(html, "claims-table", "</table>");
  ASSERT_FALSE(table.empty());
  EXPECT_NE(table.find("Ann Lee <b>spouse_of</b> Bo Ray"), std::string::npos) << "cluster labelled with entity names";
  EXPECT_NE(table.find("one anonymous source"), std::string::npos) << "cluster reasons shown";
  EXPECT_NE(table.find("re-reports no. 1"), std::string::npos) << "the chain names what doc-2 re-reports";
  table = ById(html, "contradictions-table", "</table>");
  EXPECT_NE(table.find("affirmed here, denied there"), std::string::npos);
  EXPECT_NE(table.find("Ann Lee, 34, married Bo Ray"), std::string::npos) << "claim c2 shown with its evidence";
  EXPECT_NE(table.find("Ann Lee <b>spouse_of</b> Bo Ray<br><span class=\"note\">k1 · 2 article(s)"), std::string::npos)
      << "cluster k1 shown with its proposition and articles";
  table = ById(html, "sources-table", "</table>");
  EXPECT_NE(table.find("not in this corpus"), std::string::npos);
  EXPECT_NE(table.find("near_duplicate"), std::string::npos);
  EXPECT_NE(html.find("No article credibility model was loaded"), std::string::npos);
}

TEST(Html, CalibrationTableWhenAModelIsLoaded) {
  Fixture f;
  std::string html = RenderHtml(f.CalibratedView());
  std::string table = ById(html, "calibration-table", "</table>");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Count(table, "<tr>"), 3u) << "a header and one row per bin";
  EXPECT_NE(table.find("<td>0.50 – 1.00</td><td>60</td><td>0.80</td><td>0.75</td>"), std::string::npos);
  EXPECT_NE(html.find("Lantern dev"), std::string::npos);
}

TEST(Html, LongTextIsCutWithANote) {
  Fixture f;
  f.docs[1].text = std::string(kMaxHtmlTextBytes * 2, 'a');
  f.analyses[1].layout.paragraphs.push_back(Paragraph{0, static_cast<uint32_t>(kMaxHtmlTextBytes * 2), BlockKind::kBody, 0, 0});
  std::string html = RenderHtml(f.View());
  EXPECT_NE(html.find("Text shown up to " + std::to_string(kMaxHtmlTextBytes)), std::string::npos);
  EXPECT_LT(html.size(), kMaxHtmlTextBytes + 64 * 1024);
}

}  // namespace
}  // namespace hearsay::report
