#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../../support/shared.h"
#include "collect_sink.h"
#include "ingest/ingest.h"

namespace hearsay::ingest {
namespace {

namespace fs = std::filesystem;

using testing_support::Collect;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("hearsay_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

TEST(PlainText, SeedLayoutGivesDateAndTitle) {
  auto d = ParsePlainText("a.txt", " date 2025-05-27 Big News: A Headline\nFirst paragraph.\nSecond.\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->published.value_or(""), "2025-05-27");
  EXPECT_EQ(d->title, "Big News: A Headline");
  EXPECT_EQ(d->text.substr(d->title_byte_begin, d->title_byte_end - d->title_byte_begin), "Big News: A Headline");
  EXPECT_EQ(d->text.substr(d->body_byte_begin, 16), "First paragraph.");
  EXPECT_EQ(d->content_hash.size(), 64u);
  EXPECT_EQ(d->id, "doc-" + d->content_hash.substr(0, 16));
}

TEST(PlainText, NoDatePrefixMeansUndated) {
  auto d = ParsePlainText("a.txt", "A Headline\nBody.");
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->published.has_value());
  EXPECT_EQ(d->title, "A Headline");
  auto bad_date = ParsePlainText("b.txt", " date 2025-02-30 Headline\nBody.");
  ASSERT_TRUE(bad_date.ok());
  EXPECT_FALSE(bad_date->published.has_value()) << "an impossible date is not a date";
}

TEST(PlainText, BomAndCrlf) {
  auto d = ParsePlainText("a.txt", "\xEF\xBB\xBFTitle here\r\nBody line.\r\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->title, "Title here");
  EXPECT_EQ(d->raw_byte_shift, 3u);
  EXPECT_EQ(d->raw.substr(3), d->text) << "text is the file less its BOM, so offsets map by a fixed shift";
}

TEST(PlainText, InvalidUtf8IsReplacedOneForOne) {
  std::string bytes = "Title\nCaf\xE9 society \xFF.";
  auto d = ParsePlainText("a.txt", bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->replaced_bytes, 2u);
  EXPECT_EQ(d->text.size(), bytes.size());
  EXPECT_EQ(d->text, "Title\nCaf? society ?.");
  EXPECT_EQ(d->raw, bytes) << "raw bytes are kept as read";
}

TEST(PlainText, RejectsEmptyBinaryAndBlank) {
  auto empty = ParsePlainText("e.txt", "");
  EXPECT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("empty"), std::string::npos);
  auto binary = ParsePlainText("b.bin", std::string("PK\x03\x04\0\0abc", 9));
  EXPECT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
  EXPECT_NE(binary.status().message().find("byte 4"), std::string::npos) << binary.status().message();
  auto blank = ParsePlainText("w.txt", "   \n\t\n");
  EXPECT_FALSE(blank.ok());
}

TEST(JsonLines, ReadsContractAndGossipCopFields) {
  auto d = ParseJsonLine("f.jsonl", 3,
                         R"({"id":"gc-1","url":"https://www.example-news.com/a/b","title":"T","text":"Para one.\n\nPara two.",)"
                         R"("publish_date":"2018-05-10","authors":["A B"],"label":"fake","suspect_boilerplate":false})");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->id, "gc-1");
  EXPECT_EQ(d->path, "f.jsonl:3");
  EXPECT_EQ(d->outlet.value_or(""), "example-news.com") << "outlet falls back to the URL host";
  EXPECT_EQ(d->published.value_or(""), "2018-05-10");
  EXPECT_EQ(d->text, "T\n\nPara one.\n\nPara two.");
  EXPECT_EQ(d->body_byte_begin, 3u);
  ASSERT_EQ(d->authors.size(), 1u);
  bool has_label = false;
  for (auto& [k, v] : d->metadata) has_label = has_label || (k == "label" && v == "fake");
  EXPECT_TRUE(has_label);
}

TEST(JsonLines, ExplicitOutletAndPublishedWin) {
  auto d = ParseJsonLine("f.jsonl", 1, R"({"outlet":"Star Ledger","published":"2026-01-02T10:00:00Z","url":"https://x.example/","text":"Body"})");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->outlet.value_or(""), "Star Ledger");
  EXPECT_EQ(d->published.value_or(""), "2026-01-02");
}

TEST(JsonLines, RejectsWithLineAndReason) {
  auto not_json = ParseJsonLine("f.jsonl", 7, "{not json");
  ASSERT_FALSE(not_json.ok());
  EXPECT_NE(not_json.status().message().find("f.jsonl:7"), std::string::npos);
  EXPECT_NE(not_json.status().message().find("not JSON"), std::string::npos);
  auto no_text = ParseJsonLine("f.jsonl", 8, R"({"id":"x","title":"T"})");
  ASSERT_FALSE(no_text.ok());
  EXPECT_NE(no_text.status().message().find("no \"text\""), std::string::npos);
  auto array = ParseJsonLine("f.jsonl", 9, "[1,2]");
  EXPECT_FALSE(array.ok());
  auto empty_text = ParseJsonLine("f.jsonl", 10, R"({"text":"   "})");
  EXPECT_FALSE(empty_text.ok());
  auto number_text = ParseJsonLine("f.jsonl", 11, R"({"text":5})");
  EXPECT_FALSE(number_text.ok());
}

TEST(Html, PicksMainTextAndMetadata) {
  std::string page = R"(<!DOCTYPE html><html><head><title>Site | Story</title>
<meta property="og:site_name" content="Gloss Daily"><meta property="og:title" content="The Story Title">
<meta property="article:published_time" content="2026-03-04T08:00:00Z"><meta name="author" content="Pat Writer">
<script>var x = "not text";</script><style>p{}</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>The Story Title</h1><p>First paragraph of the story.</p>
<figure><img src="x.jpg"><figcaption>A star at a gala. (Photo by Jo Bell/Invented Images)</figcaption></figure>
<p>Second <b>bold</b> paragraph.</p><script>track();</script></article>
<footer>Copyright 2026 Gloss Daily</footer></body></html>)";
  auto d = ParseHtml("p.html", page, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->title, "The Story Title");
  EXPECT_EQ(d->outlet.value_or(""), "Gloss Daily");
  EXPECT_EQ(d->published.value_or(""), "2026-03-04");
  ASSERT_EQ(d->authors.size(), 1u);
  EXPECT_EQ(d->authors[0], "Pat Writer");
  EXPECT_EQ(d->text,
            "The Story Title\n\nFirst paragraph of the story.\n\nA star at a gala. (Photo by Jo Bell/Invented Images)\n\n"
            "Second bold paragraph.");
}

TEST(Html, TimeElementAndCanonicalHost) {
  std::string page = R"(<html><head><link rel="canonical" href="https://www.popbeacon.example/x"></head>
<body><main><h1>Headline</h1><time datetime="2025-09-21">Sept 21</time><p>Body text long enough to be an article's.</p></main></body></html>)";
  auto d = ParseHtml("p.html", page, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->published.value_or(""), "2025-09-21");
  EXPECT_EQ(d->outlet.value_or(""), "popbeacon.example");  // a host no table row names
  EXPECT_EQ(d->title, "Headline");
}

TEST(Html, DeepNestingIsRejectedWithTheDepth) {
  std::string page = "<html><body>";
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "deep text";
  for (int i = 0; i < 10000; ++i) page += "</div>";
  page += "</body></html>";
  auto d = ParseHtml("deep.html", page, {});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kOutOfRange);
  EXPECT_NE(d.status().message().find("deep.html"), std::string::npos);
  EXPECT_NE(d.status().message().find("nested"), std::string::npos);
}

TEST(Html, ModerateNestingIsFine) {
  std::string page = "<html><body><article><h1>T</h1>";
  for (int i = 0; i < 300; ++i) page += "<div>";
  page += "<p>deep text, long enough to be the main text of an article</p>";
  for (int i = 0; i < 300; ++i) page += "</div>";
  page += "</article></body></html>";
  auto d = ParseHtml("ok.html", page, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "T\n\ndeep text, long enough to be the main text of an article");
}

TEST(Dates, NormalizeCommonForms) {
  EXPECT_EQ(NormalizeDate("2025-05-27"), "2025-05-27");
  EXPECT_EQ(NormalizeDate("2025-05-27T10:00:00+02:00"), "2025-05-27");
  EXPECT_EQ(NormalizeDate("May 27, 2025"), "2025-05-27");
  EXPECT_EQ(NormalizeDate("27 May 2025"), "2025-05-27");
  EXPECT_EQ(NormalizeDate("February 29, 2024"), "2024-02-29");
  EXPECT_EQ(NormalizeDate("February 29, 2025"), "");
  EXPECT_EQ(NormalizeDate("2025-13-01"), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate(""), "");
}

TEST(Urls, HostOfUrl) {
  EXPECT_EQ(HostOfUrl("https://www.RadarOnline.com/p/x?y"), "radaronline.com");
  EXPECT_EQ(HostOfUrl("http://news.example.co.uk:8080/"), "news.example.co.uk");
  EXPECT_EQ(HostOfUrl("not a url"), "");
}

TEST(IngestPaths, FolderWalkIsSortedAndSkipsOtherExtensions) {
  TempDir dir;
  dir.Write("b.txt", "B title\nBody b.");
  dir.Write("a.txt", "A title\nBody a.");
  dir.Write("sub/c.html", "<html><body><h1>C</h1><p>Body c, a paragraph long enough to stand for an article.</p></body></html>");
  dir.Write("notes.md", "# not an article");
  dir.Write(".hidden.txt", "Hidden\nNot read.");
  dir.Write("d.jsonl", "{\"id\":\"d1\",\"text\":\"x y\"}\n\n{bad\n");
  Collect sink;
  ASSERT_TRUE(IngestPaths({dir.path()}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 4u);
  EXPECT_EQ(sink.docs[0].title, "A title");
  EXPECT_EQ(sink.docs[1].title, "B title");
  EXPECT_EQ(sink.docs[2].id, "d1");
  EXPECT_EQ(sink.docs[3].title, "C");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].where.value_or(""), "line 3");
  EXPECT_EQ(sink.skipped.size(), 1u);
}

TEST(IngestPaths, MissingPathAndBrokenLinkAreRejects) {
  TempDir dir;
  std::string link = dir.path() + "/dangling.txt";
  fs::create_symlink(dir.path() + "/nowhere", link);
  Collect sink;
  ASSERT_TRUE(IngestPaths({dir.path() + "/missing.txt", link}, {}, sink).ok());
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].reason.find("no such file"), std::string::npos);
  EXPECT_NE(sink.rejects[1].reason.find("broken symbolic link"), std::string::npos);
  EXPECT_TRUE(sink.docs.empty());
}

TEST(IngestPaths, OversizedFileIsRejectedNotTruncated) {
  TempDir dir;
  std::string p = dir.Write("big.txt", "Title\n" + std::string(2000, 'x'));
  Collect sink;
  IngestOptions opt;
  opt.max_file_bytes = 1000;
  ASSERT_TRUE(IngestPaths({p}, opt, sink).ok());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_NE(sink.rejects[0].reason.find("limit"), std::string::npos);
}

TEST(IngestBytes, StdinIsSniffed) {
  Collect sink;
  IngestBytes("-", "{\"id\":\"s1\",\"text\":\"hello there\"}\n", {}, sink);
  IngestBytes("-", "<!DOCTYPE html><html><body><p>Para long enough to be the whole text of an article.</p></body></html>", {}, sink);
  IngestBytes("-", "Plain title\nPlain body.", {}, sink);
  ASSERT_EQ(sink.docs.size(), 3u);
  EXPECT_EQ(sink.docs[0].format, SourceFormat::kJsonLines);
  EXPECT_EQ(sink.docs[1].format, SourceFormat::kHtml);
  EXPECT_EQ(sink.docs[2].format, SourceFormat::kPlainText);
}

TEST(Seeds, TitlesAndDates) {
  HEARSAY_REQUIRE_SHARED("seeds");
  Collect sink;
  ASSERT_TRUE(IngestPaths({testing::SharedDir() + "/seeds"}, {}, sink).ok());
  ASSERT_EQ(sink.docs.size(), 4u);
  EXPECT_TRUE(sink.rejects.empty());
  const char* expected_dates[] = {nullptr, "2025-05-27", "2025-03-07", "2024-07-29"};
  for (size_t i = 0; i < 4; ++i) {
    const Document& d = sink.docs[i];
    if (expected_dates[i]) {
      EXPECT_EQ(d.published.value_or("none"), expected_dates[i]) << d.path;
    } else {
      EXPECT_FALSE(d.published.has_value()) << d.path;
    }
    // The title is the first line of the file without the date prefix.
    std::string first_line = d.raw.substr(0, d.raw.find('\n'));
    EXPECT_NE(first_line.find(d.title), std::string::npos);
    EXPECT_EQ(d.title.find("date 20"), std::string::npos);
    EXPECT_FALSE(d.title.empty());
    EXPECT_NE(d.title.front(), ' ');
  }
}

}  // namespace
}  // namespace hearsay::ingest
