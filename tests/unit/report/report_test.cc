// index.html writer: pathological documents render in time linear in their size, and
// hidden characters from articles never reach the page raw.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "report/report.h"

namespace {

using hearsay::report::ReportView;

struct OneDoc {
  std::vector<hearsay::Document> docs;
  std::vector<hearsay::DocumentAnalysis> analyses;
  hearsay::CorpusAnalysis corpus;
  std::vector<hearsay::Reject> rejects;
  std::vector<hearsay::Warning> warnings;
  ReportView View() { return ReportView{&docs, &analyses, &corpus, &rejects, &warnings, "test"}; }
};

// One document whose text is `lines` lines `"a"`, each its own paragraph and quotation
// (issue 18, finding 1: a million such lines stalled the writer for over 8 minutes).
OneDoc QuotedLines(uint32_t lines) {
  OneDoc d;
  hearsay::Document doc;
  doc.id = "doc-1";
  doc.path = "lines.txt";
  hearsay::DocumentAnalysis a;
  for (uint32_t i = 0; i < lines; ++i) {
    uint32_t b = static_cast<uint32_t>(doc.text.size());
    doc.text += "\"a\"\n";
    a.layout.paragraphs.push_back(hearsay::Paragraph{b, b + 3});
    a.layout.quote_spans.push_back(hearsay::QuoteSpan{b, b + 3});
  }
  d.docs.push_back(std::move(doc));
  d.analyses.push_back(std::move(a));
  return d;
}

TEST(HtmlReport, ManyQuotedParagraphsRenderInLinearTime) {
  OneDoc d = QuotedLines(400000);
  auto start = std::chrono::steady_clock::now();
  std::string html = hearsay::report::RenderHtml(d.View());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Pairwise paragraph x span took minutes here; linear takes well under a second.
  EXPECT_LT(seconds, 10.0);
  EXPECT_NE(html.find("<span class=\"q\" title=\"quotation\">&quot;a&quot;</span>"), std::string::npos);
  EXPECT_NE(html.find("Text shown up to"), std::string::npos) << "the cut is announced";
}

TEST(HtmlReport, OverlappingSpansKeepTheirClasses) {
  OneDoc d = QuotedLines(0);
  d.docs[0].text = "He said \"Ann Lee came\" today.";
  auto& a = d.analyses[0];
  a.layout.paragraphs.push_back(hearsay::Paragraph{0, 29});
  a.layout.quote_spans.push_back(hearsay::QuoteSpan{8, 22});
  hearsay::Mention m;
  m.byte_begin = 9;
  m.byte_end = 16;
  m.type = hearsay::EntityType::kPerson;
  a.mentions.push_back(m);
  std::string html = hearsay::report::RenderHtml(d.View());
  EXPECT_NE(html.find(">He said <span class=\"q\" title=\"quotation\">&quot;</span><span class=\"ent PERSON q\""), std::string::npos)
      << html.substr(html.find("He said"), 300);
  EXPECT_NE(html.find(">Ann Lee</span><span class=\"q\" title=\"quotation\"> came&quot;</span> today."), std::string::npos);
}

// Issue 18: NUL bytes, other C0/C1 controls and bidirectional overrides from an article
// are shown as [U+XXXX], never written raw.
TEST(HtmlReport, ControlAndBidiCharactersAreMadeVisible) {
  OneDoc d = QuotedLines(0);
  std::string text = std::string("Evil") + '\0' + "\x1b[31m \xE2\x80\xAEtxt.exe \xE2\x81\xA6x\xC2\x85 end";
  d.docs[0].text = text;
  d.docs[0].title = std::string("T\xE2\x80\xAE") + '\0';
  d.analyses[0].layout.paragraphs.push_back(hearsay::Paragraph{0, static_cast<uint32_t>(text.size())});
  d.rejects.push_back(hearsay::Reject{std::string("bad\xE2\x80\xAE") + '\x07' + ".txt", std::nullopt, "ingest", "r"});
  std::string html = hearsay::report::RenderHtml(d.View());
  EXPECT_EQ(html.find('\0'), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find('\x07'), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x81\xA6"), std::string::npos);
  EXPECT_EQ(html.find("\xC2\x85"), std::string::npos);
  EXPECT_NE(html.find("Evil[U+0000][U+001B][31m [U+202E]txt.exe [U+2066]x[U+0085] end"), std::string::npos);
  EXPECT_NE(html.find("bad[U+202E][U+0007].txt"), std::string::npos);
}

}  // namespace
