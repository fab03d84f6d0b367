// Web pages and crawler output: main-text extraction, page metadata, outlets from hosts,
// .json arrays, gzip, junk pages. Pages are invented (people, outlets, hosts).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../../support/shared.h"
#include "common/gzip.h"
#include "collect_sink.h"
#include "ingest/ingest.h"
#include "ingest/internal/html_meta.h"
#include "ingest/internal/page_words.h"

namespace hearsay::ingest {
namespace {

namespace fs = std::filesystem;

using testing_support::Collect;

std::string Gzip(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

const char* kBody1 = "Pell Varga, 41, was seen leaving the Corvid Room in West Hollywood on Tuesday night, a witness said.";
const char* kBody2 = "\"They are taking things slow,\" a source close to the actress told the magazine on Wednesday.";

// A news page without <article> or <main>: menus, a newsletter prompt, a "Read more" link,
// a related list, share bar, comments and a footer around the story.
std::string NewsPageWithoutArticleTag() {
  std::string p = "<html><head><title>Varga Spotted | Shinewire</title></head><body>";
  p += "<div class=\"top\"><a href=\"/\">Home</a> / <a href=\"/subscribe\">Subscribe to our newsletter</a></div>";
  p += "<ul class=\"menu\"><li><a href=\"/a\">Celebrity</a></li><li><a href=\"/b\">Style</a></li><li><a href=\"/c\">Royals</a></li></ul>";
  p += "<div id=\"story\"><h1>Varga Spotted</h1>";
  p += "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>";
  p += std::string("<p>") + kBody1 + "</p>";
  p += "<figure><img src=\"v.jpg\"><figcaption>Pell Varga at the gala, with friends.</figcaption></figure>";
  p += "<h2>A quiet dinner, and a long walk home</h2>";
  p += std::string("<p>") + kBody2 + "</p>";
  p += "<blockquote>We are friends, and that is all there is to it, really.</blockquote>";
  p += "<ul><li>She arrived at eight, with her sister and two friends.</li><li>He left through the kitchen, at eleven.</li></ul>";
  p += "<p><strong>Read more:</strong> <a href=\"/x\">Odo Kettle is dating a tennis player</a></p>";
  p += "<div class=\"newsletter-signup\"><p>Get the best gossip in your inbox every single morning, free.</p></div>";
  p += "</div>";
  p += "<div class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/1\">Kettle and Varga: a timeline of everything</a></li>"
       "<li><a href=\"/2\">The ten best dressed stars at the gala this year</a></li></ul></div>";
  p += "<div id=\"comments\"><p>Great article, I always loved her films, so happy for them both!</p></div>";
  p += "<div class=\"site-footer\">About us. Contact. Privacy policy. All rights reserved.</div>";
  p += "</body></html>";
  return p;
}

TEST(MainText, KeepsTheStoryDropsThePageAround) {
  auto d = ParseHtml("story.html", NewsPageWithoutArticleTag(), {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  for (const char* kept : {kBody1, kBody2, "Pell Varga at the gala, with friends.", "A quiet dinner, and a long walk home",
                           "We are friends, and that is all there is to it", "She arrived at eight", "He left through the kitchen"})
    EXPECT_NE(d->text.find(kept), std::string::npos) << "missing: " << kept << "\n" << d->text;
  for (const char* dropped : {"Subscribe to our newsletter", "Celebrity", "Share on Facebook", "Odo Kettle is dating",
                              "Get the best gossip", "a timeline of everything", "so happy for them", "All rights reserved"})
    EXPECT_EQ(d->text.find(dropped), std::string::npos) << "kept: " << dropped << "\n" << d->text;
}

TEST(MainText, LinkListInsideTheArticleIsDropped) {
  std::string p = "<html><body><article><h1>Title Here</h1>";
  for (int i = 0; i < 4; ++i) p += std::string("<p>") + kBody1 + "</p>";
  p += "<ul><li><a href=1>Another story about somebody else</a></li><li><a href=2>And one more story about them</a></li></ul>";
  p += "</article></body></html>";
  auto d = ParseHtml("a.html", p, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text.find("Another story"), std::string::npos);
}

// An article of four paragraphs with `extra` inside <article> after them.
Result<Document> ArticleWith(const std::string& extra, const std::string& before = "") {
  std::string p = "<html><body><article><h1>Varga Spotted</h1>" + before;
  for (int i = 0; i < 4; ++i) p += std::string("<p>") + (i % 2 ? kBody2 : kBody1) + "</p>";
  p += extra + "</article></body></html>";
  return ParseHtml("a.html", p, {});
}

TEST(MainText, TeaserListCutShortWithEllipsesIsDropped) {
  auto d = ArticleWith("<ul><li><p><b>Odo Kettle</b> - The actor was born in a small town by the sea and moved …</p></li>"
                       "<li><p><b>Corvid Room</b> - A members' club opened in the spring of that year by two ... Encyclopedia</p></li>"
                       "<li><p><b>Gala</b> - An evening held every winter for the friends of the museum, with …</p></li></ul>");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text.find("members' club"), std::string::npos) << d->text;
  auto list = ArticleWith("<ul><li>She arrived at eight, with her sister...</li><li>He left through the kitchen, at eleven.</li>"
                          "<li>Nobody saw them leave together.</li></ul>");
  ASSERT_TRUE(list.ok());
  EXPECT_NE(list->text.find("He left through the kitchen"), std::string::npos) << "a list with one ellipsis stays";
}

TEST(MainText, SmallBoxWithAButtonIsACallToAct) {
  auto d = ArticleWith("<div class=\"note\"><p>Independent gossip needs readers like you. Join the club today.</p>"
                       "<a class=\"note__btn\" href=\"/join\">Join now</a></div>");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text.find("Independent gossip needs readers"), std::string::npos) << d->text;
  EXPECT_NE(d->text.find(kBody2), std::string::npos);
  // A link alone in its parent whose few words call to act is a button; inside prose it is not.
  auto donate = ArticleWith("<p class=\"box\"><b>We need you</b><br>Keep the gossip coming to readers everywhere<br>"
                            "<span><a href=\"/give\">Donate</a></span></p><p>Friends said they would <a href=\"/v\">support "
                            "the couple</a> whatever happens next.</p>");
  ASSERT_TRUE(donate.ok()) << donate.status().ToString();
  EXPECT_EQ(donate->text.find("Keep the gossip coming"), std::string::npos) << donate->text;
  EXPECT_NE(donate->text.find("Friends said they would support the couple"), std::string::npos) << donate->text;
  // A button beside most of the article's text does not take the text with it.
  auto whole = ArticleWith("<button>Share</button>");
  ASSERT_TRUE(whole.ok());
  EXPECT_NE(whole->text.find(kBody1), std::string::npos);
}

TEST(MainText, HeadingLinkingElsewhereIsDropped) {
  auto d = ArticleWith("", "<h3>SEE: <a href=\"/x\">Odo Kettle is dating a tennis player, friends say</a></h3>");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text.find("Odo Kettle is dating"), std::string::npos) << d->text;
}

TEST(MainText, NoticeLabelHostAndObfuscatedLinesAreFurniture) {
  // "Advertise with us ..." spelt with Cyrillic а, е, і, о, ѕ inside Latin words.
  const std::string obfuscated = "Аdvеrtіѕе wіth thе bеst sіtе іn tоwn";
  auto d = ArticleWith("<p>" + obfuscated + "</p><p>\xC2\xA9 2031 Shinewire. This story is the property of Shinewire; "
                       "reprinting it without permission is not allowed.</p><p>SHINEWIRE.EXAMPLE</p>"
                       "<p><span>Release Date:</span></p><h2>Primary Sources:</h2>");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  for (const char* dropped : {"thе bеst", "property of Shinewire", "SHINEWIRE.EXAMPLE", "Release Date:"})
    EXPECT_EQ(d->text.find(dropped), std::string::npos) << "kept: " << dropped << "\n" << d->text;
  EXPECT_NE(d->text.find("Primary Sources:"), std::string::npos) << "a heading ending with a colon stays";
}

TEST(MainText, FurnitureWordsStartAtAWordBoundary) {
  auto d = ArticleWith("<p>To unsubscribe from our letters, write to the address at the top.</p>");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_NE(d->text.find("To unsubscribe"), std::string::npos) << d->text;
}

TEST(MainText, ClassHeadWordDecidesAndUtilitiesDoNot) {
  // "post-author" is an author box (head word "author"); "text-lg" is a style utility, not
  // "text"; "hidden-xs" is only hidden on small screens; a dateline belongs to the story.
  auto d = ArticleWith("<section class=\"post-author\"><p>Pell Writer covers nightlife and has written for many "
                       "magazines over the years.</p></section><div class=\"author-bio text-lg\"><p>Pell Writer is "
                       "an editor based in a big city.</p></div><div class=\"hidden-xs\"><p>Guests stayed until two in "
                       "the morning, a doorman said later.</p></div>",
                       "<p><span class=\"dateline\">LOS ANGELES \xE2\x80\x93</span> Friends gathered early.</p>");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text.find("covers nightlife"), std::string::npos) << d->text;
  EXPECT_EQ(d->text.find("an editor based"), std::string::npos) << d->text;
  EXPECT_NE(d->text.find("Guests stayed until two"), std::string::npos) << d->text;
  EXPECT_NE(d->text.find("LOS ANGELES"), std::string::npos) << d->text;
  // A plural content word names a list of other pages: "related-posts" is a related box.
  auto related = ArticleWith("<div class=\"block related-posts\"><div>RELATED NEWS</div><div><p>Corvid Room owners "
                             "plan a second club across town, with a garden and a long bar that seats forty.</p></div></div>");
  ASSERT_TRUE(related.ok());
  EXPECT_EQ(related->text.find("second club across town"), std::string::npos) << related->text;
}

TEST(PageWords, EmbeddedTableParsesWithEveryKind) {
  const internal::PageWords& w = internal::EmbeddedPageWords();
  for (const auto* list : {&w.boilerplate, &w.content, &w.breakpoint, &w.button, &w.button_text, &w.line_prefix, &w.line_word})
    EXPECT_FALSE(list->empty());
  auto has = [](const std::vector<std::string>& list, const char* x) { return std::find(list.begin(), list.end(), x) != list.end(); };
  EXPECT_TRUE(has(w.boilerplate, "comment"));
  EXPECT_TRUE(has(w.content, "article"));
  EXPECT_TRUE(has(w.breakpoint, "xs"));
  EXPECT_FALSE(has(w.boilerplate, "dateline")) << "a dateline opens the story";
}

TEST(PageWords, BadRowsNameTheLineAndTheReason) {
  struct Case { const char* tsv; const char* reason; };
  for (const Case& c : {Case{"# c\nboilerplate footer\n", "t.tsv:2: expected kind<TAB>word"},
                        Case{"boilerplate\tfooter\nfurniture\tad\n", "t.tsv:2: unknown kind 'furniture'"},
                        Case{"content\tArticle\n", "not lower case"}, Case{"content\t\n", "empty word"},
                        Case{"button\tbtn\nbutton\tbtn\n", "listed twice"}}) {
    auto r = internal::ParsePageWords(c.tsv, "t.tsv");
    ASSERT_FALSE(r.ok()) << c.tsv;
    EXPECT_NE(r.status().message().find(c.reason), std::string::npos) << r.status().message();
  }
  auto ok = internal::ParsePageWords("line_prefix\tread more\nline_word\t\xC2\xA9\n", "t.tsv");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->line_prefix.size(), 1u);
}

TEST(PageMeta, JsonLdComesFirst) {
  std::string p = R"(<html><head>
<meta property="og:site_name" content="Wrong Name"><meta property="article:published_time" content="2020-01-01">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"NewsMediaOrganization","@id":"#org","name":"Shinewire"},
 {"@type":["NewsArticle"],"headline":"Varga and Kettle Split","datePublished":"2025-11-02T10:00:00Z",
  "dateModified":"2025-11-03","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Ray"}],
  "publisher":{"@id":"#org"}}]}</script></head>
<body><h1>Varga and Kettle Split</h1><p>)" + std::string(kBody1) + "</p></body></html>";
  auto d = ParseHtml("m.html", p, {});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->title, "Varga and Kettle Split");
  EXPECT_EQ(d->published.value_or(""), "2025-11-02");
  EXPECT_EQ(d->outlet.value_or(""), "Shinewire");
  EXPECT_EQ(d->authors, (std::vector<std::string>{"Ann Lee", "Bo Ray"}));
}

TEST(PageMeta, BrokenJsonLdFallsBackToOpenGraphThenMetaThenTime) {
  std::string body = std::string("<p>") + kBody1 + "</p>";
  auto og = ParseHtml("a.html", "<head><script type=\"application/ld+json\">{not json</script>"
                      "<meta property=\"article:published_time\" content=\"2025-04-05\"><meta name=\"date\" content=\"2024-01-01\">"
                      "</head><body>" + body + "</body>", {});
  ASSERT_TRUE(og.ok()) << og.status().ToString();
  EXPECT_EQ(og->published.value_or(""), "2025-04-05");
  auto meta = ParseHtml("b.html", "<head><meta name=\"date\" content=\"2024-01-01\"></head><body><time datetime=\"2023-02-02\">x</time>" +
                        body + "</body>", {});
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->published.value_or(""), "2024-01-01");
  auto micro = ParseHtml("c.html", "<body><span itemprop=\"datePublished\" content=\"2022-03-03\">March 3, 2022</span>" + body +
                         "<span itemprop=\"author\">Cy Moss</span></body>", {});
  ASSERT_TRUE(micro.ok());
  EXPECT_EQ(micro->published.value_or(""), "2022-03-03");
  EXPECT_EQ(micro->authors, (std::vector<std::string>{"Cy Moss"}));
}

TEST(PageMeta, AuthorsLoseRolesDatesAndLinks) {
  using internal::CleanAuthors;
  EXPECT_EQ(CleanAuthors({"Celine Adair , Senior Celebrity Reporter \xC2\xB7 December 3, 2025"}),
            (std::vector<std::string>{"Celine Adair"}));
  EXPECT_EQ(CleanAuthors({"By Ann Lee and Bo Ray"}), (std::vector<std::string>{"Ann Lee", "Bo Ray"}));
  EXPECT_EQ(CleanAuthors({"https://www.facebook.example/annlee", "Staff Writer", "Ann Lee", "ann lee"}),
            (std::vector<std::string>{"Ann Lee"}));
  EXPECT_EQ(CleanAuthors({"Pat Writer"}), (std::vector<std::string>{"Pat Writer"}));  // a surname, not a role
  EXPECT_TRUE(CleanAuthors({"Updated 10:42 AM"}).empty());
}

TEST(Outlets, HostsWithOrWithoutSchemeAndThroughTheArchive) {
  EXPECT_EQ(HostOfUrl("https://www.people.com/a/b"), "people.com");
  EXPECT_EQ(HostOfUrl("people.com/celebrity/x-y"), "people.com");
  EXPECT_EQ(HostOfUrl("www.usmagazine.com/x"), "usmagazine.com");
  EXPECT_EQ(HostOfUrl("https://web.archive.org/web/20171107225820/https://www.forbes.com/sites/x"), "forbes.com");
  EXPECT_EQ(HostOfUrl("web.archive.org/web/2017id_/http://radaronline.com/p"), "radaronline.com");
  EXPECT_EQ(HostOfUrl("not a url"), "");
  EXPECT_EQ(OutletForHost("people.com"), "People");
  EXPECT_EQ(OutletForHost("www.usmagazine.com"), "Us Weekly");
  EXPECT_EQ(OutletForHost("shinewire.example"), "shinewire.example");
  EXPECT_EQ(OutletName("people.com"), "People");
  EXPECT_EQ(OutletName("Shinewire"), "Shinewire");
}

TEST(Outlets, JsonLinesUrlWithoutSchemeGivesTheOutletName) {
  auto d = ParseJsonLine("g.jsonl", 1, R"({"title":"T","url":"people.com/x","text":"Body of the story."})");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->outlet.value_or(""), "People");
  auto given = ParseJsonLine("g.jsonl", 2, R"({"title":"T","outlet":"people.com","text":"Body."})");
  ASSERT_TRUE(given.ok());
  EXPECT_EQ(given->outlet.value_or(""), "People");  // never both "people.com" and "People"
}

TEST(JsonInput, OneObjectAnArrayAndAnArticlesField) {
  Collect sink;
  IngestBytes("one.json", "{\n  \"title\": \"One\",\n  \"text\": \"Body one.\"\n}\n", {}, sink);
  IngestBytes("arr.json", R"([{"title":"A","text":"Body a."},{"title":"B"},{"title":"C","text":"Body c."}])", {}, sink);
  IngestBytes("wrap.json", R"({"articles":[{"title":"D","text":"Body d."}]})", {}, sink);
  ASSERT_EQ(sink.docs.size(), 4u);
  EXPECT_EQ(sink.docs[0].title, "One");
  EXPECT_EQ(sink.docs[1].path, "arr.json#1");
  EXPECT_EQ(sink.docs[2].title, "C");
  EXPECT_EQ(sink.docs[3].path, "wrap.json#1");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].path, "arr.json");
  EXPECT_EQ(sink.rejects[0].where.value_or(""), "item 2");
  EXPECT_NE(sink.rejects[0].reason.find("\"text\""), std::string::npos);
}

TEST(JsonInput, BrokenArrayIsOneRejectSayingWhatWasExpected) {
  Collect sink;
  IngestBytes("bad.json", "[{\"title\":\"A\",\"text\":\"x\"},\n{\"title\":", {}, sink);
  IngestBytes("empty.json", "[]", {}, sink);
  IngestBytes("other.json", "{\"items\": 3}", {}, sink);
  EXPECT_TRUE(sink.docs.empty());
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_TRUE(sink.rejects[0].where.has_value() && sink.rejects[0].where->rfind("byte ", 0) == 0);
  EXPECT_NE(sink.rejects[0].reason.find("an array of such objects"), std::string::npos);
  EXPECT_NE(sink.rejects[0].reason.find("jq -c"), std::string::npos);
  EXPECT_NE(sink.rejects[1].reason.find("empty array"), std::string::npos);
  EXPECT_NE(sink.rejects[2].reason.find("\"articles\""), std::string::npos);
}

TEST(JsonInput, JsonLinesInADotJsonFileKeepsPerLineErrors) {
  Collect sink;
  IngestBytes("lines.json", "{\"title\":\"A\",\"text\":\"x y\"}\n{bad\n{\"title\":\"B\",\"text\":\"z\"}\n", {}, sink);
  EXPECT_EQ(sink.docs.size(), 2u);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].where.value_or(""), "line 2");
}

TEST(Gzip, EveryFormatReadsCompressed) {
  Collect sink;
  IngestBytes("a.jsonl.gz", Gzip("{\"title\":\"A\",\"text\":\"x y\"}\n{\"title\":\"B\",\"text\":\"z\"}\n"), {}, sink);
  IngestBytes("p.html.gz", Gzip(NewsPageWithoutArticleTag()), {}, sink);
  IngestBytes("t.txt.gz", Gzip("Plain title\nPlain body."), {}, sink);
  IngestBytes("arr.json.gz", Gzip(R"([{"title":"C","text":"Body c."}])"), {}, sink);
  ASSERT_EQ(sink.docs.size(), 5u);
  EXPECT_EQ(sink.docs[2].format, SourceFormat::kHtml);
  EXPECT_EQ(sink.docs[3].title, "Plain title");
  EXPECT_TRUE(sink.rejects.empty());
}

TEST(Gzip, TruncatedOrHugeDataIsAReject) {
  std::string gz = Gzip(std::string(100000, 'a'));
  auto cut = Gunzip(std::string_view(gz).substr(0, gz.size() / 2), 1 << 20);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos);
  auto big = Gunzip(gz, 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kOutOfRange);
  Collect sink;
  IngestBytes("cut.jsonl.gz", gz.substr(0, 20), {}, sink);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_NE(sink.rejects[0].reason.find("gzip"), std::string::npos);
}

TEST(Formats, UnreadableFormatsSayHowToConvert) {
  Collect sink;
  IngestBytes("paper.pdf", "%PDF-1.7\n...", {}, sink);
  IngestBytes("story.docx", std::string("PK\x03\x04rest", 8), {}, sink);
  IngestBytes("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0", 10), {}, sink);
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_NE(sink.rejects[0].reason.find("pdftotext"), std::string::npos);
  EXPECT_NE(sink.rejects[2].reason.find("binary"), std::string::npos);
  EXPECT_NE(sink.rejects[1].reason.find("zip"), std::string::npos);
}

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><title>" + title + "</title></head><body><p>" + body + "</p></body></html>";
}

TEST(JunkPages, EachKindIsARejectWithItsReason) {
  struct Case { std::string page, kind; };
  std::vector<Case> cases = {
      {Page("Robot Check", "Enter the characters you see below. Sorry, we just need to make sure you're not a robot."), "captcha"},
      {Page("Shinewire", "Please verify you are human by completing the action below before you go on."), "captcha"},
      {Page("404 - Shinewire", "The story you are looking for has moved or never existed at all, sorry."), "http error"},
      {Page("Error", "503 Service Unavailable. The server is busy right now; try again in a while please."), "http error"},
      {Page("shinewire.example", "This domain is for sale! Make an offer today and own this name for your business."), "expired domain"},
      {Page("Shinewire", "We use cookies to improve your experience. Accept all cookies or manage your settings here."), "cookie wall"},
      {Page("Shinewire", "Loading the page now."), "main text too short"},
  };
  for (const Case& c : cases) {
    Collect sink;
    IngestBytes("junk.html", c.page, {}, sink);
    EXPECT_TRUE(sink.docs.empty()) << c.kind;
    ASSERT_EQ(sink.rejects.size(), 1u) << c.kind;
    EXPECT_NE(sink.rejects[0].reason.find("not an article: " + c.kind), std::string::npos) << sink.rejects[0].reason;
  }
}

TEST(JunkPages, AnArticleThatMentionsACaptchaStays) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += std::string(kBody1) + " ";
  body += "Fans had to solve a captcha to buy tickets, which sold out in four minutes.";
  auto d = ParseHtml("ok.html", Page("Varga Tour Sells Out", body), {});
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  Collect sink;
  IngestBytes("g.jsonl", "{\"title\":\"Robot Check\",\"text\":\"Type the characters you see in this image.\"}\n"
              "{\"title\":\"Headline number 404\",\"text\":\"An article.\"}\n"
              "{\"title\":\"Page 404\",\"text\":\"Sorry, the video was deleted.\"}\n", {}, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].reason.find("captcha"), std::string::npos);
  EXPECT_EQ(sink.rejects[1].where.value_or(""), "line 3");
  // The record parser itself leaves junk to file ingest (trainers read every record).
  EXPECT_TRUE(ParseJsonLine("g.jsonl", 1, R"({"title":"Robot Check","text":"Type the characters."})").ok());
}

// Every GossipCop article with a URL, dev and train, gets an outlet (read in place).
TEST(GossipCop, EveryArticleWithAUrlHasAnOutlet) {
  for (const char* split : {"dev", "train"}) {
    const std::string rel = std::string("data/gossipcop/gossipcop_") + split + ".jsonl";
    HEARSAY_REQUIRE_SHARED(rel);
    std::ifstream in(testing::SharedDir() + "/" + rel);
    std::string line;
    uint64_t line_no = 0, with_url = 0, with_outlet = 0;
    while (std::getline(in, line)) {
      auto d = ParseJsonLine(rel, ++line_no, line);
      if (!d.ok() || !d->url || d->url->empty()) continue;
      ++with_url;
      bool has = d->outlet.has_value() && !d->outlet->empty();
      with_outlet += has;
      EXPECT_TRUE(has) << rel << " line " << line_no << ": " << *d->url;
      if (HostOfUrl(*d->url) == "people.com") {
        EXPECT_EQ(d->outlet.value_or(""), "People") << *d->url;
      }
    }
    std::printf("%s: %llu articles with a URL, %llu with an outlet\n", split, static_cast<unsigned long long>(with_url),
                static_cast<unsigned long long>(with_outlet));
    EXPECT_GT(with_url, 1000u);
  }
}

// The development set (read in place): the extractor keeps its measured level (95.1% of
// must-contain snippets present, 95.8% of must-not-contain absent when this was written;
// bench/web_extraction_eval prints the current figures). Fails on a regression of more
// than two points.
TEST(DevSet, MainTextKeepsItsLevel) {
  HEARSAY_REQUIRE_SHARED("data/web_extraction/expectations.json");
  const std::string dir = testing::SharedDir() + "/data/web_extraction";
  auto expect = nlohmann::json::parse(testing::ReadFileOrEmpty(dir + "/expectations.json"));
  double with_share = 0, without_share = 0;
  for (auto it = expect.begin(); it != expect.end(); ++it) {
    auto html = Gunzip(testing::ReadFileOrEmpty(dir + "/pages/" + it.key() + ".gz"), 64 << 20);
    ASSERT_TRUE(html.ok()) << it.key() << ": " << html.status().ToString();
    auto d = ParseHtml(it.key(), std::move(html).value(), {});
    std::string text = d.ok() ? d->text : std::string();
    std::string flat;
    for (char c : text) flat += (c == '\n') ? ' ' : c;
    auto share = [&](const char* key, bool want) {
      const auto& list = it.value()[key];
      if (list.empty()) return 1.0;
      int hits = 0;
      for (const auto& snippet : list) hits += (flat.find(snippet.get<std::string>()) != std::string::npos) == want;
      return static_cast<double>(hits) / list.size();
    };
    with_share += share("with", true);
    without_share += share("without", false);
  }
  EXPECT_GE(with_share / expect.size(), 0.93);
  EXPECT_GE(without_share / expect.size(), 0.93);
}

}  // namespace
}  // namespace hearsay::ingest
