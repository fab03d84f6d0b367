// Lines repeated across pages of one site in one run are left out (SiteBoilerplate).
// Pages, people, outlets and hosts are invented.
#include "ingest/site_boilerplate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "collect_sink.h"
#include "ingest/ingest.h"

namespace hearsay::ingest {
namespace {

namespace fs = std::filesystem;

using testing_support::Collect;

const char* kFooter = "More from the desk: our reporters cover the valley's stages and studios every day of the week.";
const char* kLetter = "Our Friday letter brings the week's stage gossip to 12,000 readers before breakfast.";
const char* kPair = "Photographs on this page were taken by the Lantern Gazette's own staff photographers.";

// One article page of `host`: its own story, a footer paragraph and a letter prompt
// inside the article container, and `extra` (a line shared with some other pages).
std::string Page(const std::string& host, int n, const std::string& extra) {
  std::string p = "<html><head><title>Story " + std::to_string(n) + "</title>";
  p += "<link rel=\"canonical\" href=\"https://" + host + "/story-" + std::to_string(n) + "\"></head><body><article>";
  p += "<h1>Tamsin Orrow opens story number " + std::to_string(n) + "</h1>";
  for (int i = 0; i < 3; ++i)
    p += "<p>Tamsin Orrow, the stage actress, spoke about chapter " + std::to_string(i) + " of case " + std::to_string(n) +
         " in a long interview, saying " + std::string(n == 1 ? "she was happy" : n == 2 ? "he was tired" : "they agreed") +
         " with the " + std::to_string(i + n * 7) + " reviewers, and that the run would go on.</p>";
  p += std::string("<p>") + kLetter + "</p>";
  if (!extra.empty()) p += "<p>" + extra + "</p>";
  p += std::string("<p>") + kFooter + "</p>";
  p += "</article></body></html>";
  return p;
}

class SiteBoilerplateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("hearsay_site_bp_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  Collect Run(const std::vector<std::string>& paths) {
    Collect c;
    EXPECT_TRUE(IngestPaths(paths, {}, c).ok());
    return c;
  }
  fs::path dir_;
};

TEST_F(SiteBoilerplateTest, LinesOnThreePagesOfOneSiteAreDropped) {
  Write("a.html", Page("lanterngazette.example", 1, kPair));
  Write("b.html", Page("lanterngazette.example", 2, kPair));
  Write("c.html", Page("www.lanterngazette.example", 3, ""));
  Collect c = Run({dir_.string()});
  ASSERT_EQ(c.docs.size(), 3u);
  for (const Document& d : c.docs) {
    EXPECT_EQ(d.text.find("More from the desk"), std::string::npos) << d.text;
    EXPECT_EQ(d.text.find("Friday letter"), std::string::npos) << d.text;
    EXPECT_NE(d.text.find("Tamsin Orrow, the stage actress"), std::string::npos);
    EXPECT_EQ(d.text.substr(0, d.title_byte_end), d.title);  // offsets agree with the text
    EXPECT_EQ(d.text.find("Tamsin Orrow, the stage"), d.body_byte_begin);
  }
  // A line on only two of the three pages stays.
  EXPECT_NE(c.docs[0].text.find(kPair), std::string::npos);
  EXPECT_NE(c.docs[1].text.find(kPair), std::string::npos);
}

TEST_F(SiteBoilerplateTest, OnePageAloneKeepsItsLines) {
  Write("a.html", Page("lanterngazette.example", 1, ""));
  Collect c = Run({(dir_ / "a.html").string()});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_NE(c.docs[0].text.find("Friday letter"), std::string::npos);  // the extractor keeps it alone
}

TEST_F(SiteBoilerplateTest, PagesOfDifferentHostsKeepEverything) {
  Write("a.html", Page("lanterngazette.example", 1, ""));
  Write("b.html", Page("lanterngazette.example", 2, ""));
  Write("c.html", Page("glimmerpost.example", 3, ""));
  Write("d.html", Page("reelcourier.example", 4, ""));
  Collect c = Run({dir_.string()});
  ASSERT_EQ(c.docs.size(), 4u);
  for (const Document& d : c.docs) EXPECT_NE(d.text.find("Friday letter"), std::string::npos) << d.path;
}

TEST_F(SiteBoilerplateTest, OrderOfInputsDoesNotMatter) {
  Write("a.html", Page("lanterngazette.example", 1, kPair));
  Write("b.html", Page("lanterngazette.example", 2, kPair));
  Write("c.html", Page("lanterngazette.example", 3, ""));
  auto file = [&](const char* n) { return (dir_ / n).string(); };
  Collect x = Run({file("a.html"), file("b.html"), file("c.html")});
  Collect y = Run({file("c.html"), file("a.html"), file("b.html")});
  ASSERT_EQ(x.docs.size(), 3u);
  ASSERT_EQ(y.docs.size(), 3u);
  EXPECT_EQ(x.docs[0].text, y.docs[1].text);
  EXPECT_EQ(x.docs[2].text, y.docs[0].text);
}

TEST(SiteBoilerplateCounts, NeedsThreePagesAndHalfOfTheHost) {
  SiteBoilerplate site;
  for (int i = 0; i < 3; ++i) site.AddPage("h.example", {"Shared line number 1", "own " + std::to_string(i)});
  EXPECT_TRUE(site.Repeated("h.example", "shared LINE   number 7"));  // case, space, digits
  EXPECT_FALSE(site.Repeated("other.example", "Shared line number 1"));
  for (int i = 0; i < 4; ++i) site.AddPage("h.example", {"other " + std::to_string(i)});
  EXPECT_FALSE(site.Repeated("h.example", "Shared line number 1"));  // 3 of 7 pages: under half
  SiteBoilerplate two;
  two.AddPage("h.example", {"x line"});
  two.AddPage("h.example", {"x line"});
  EXPECT_FALSE(two.Repeated("h.example", "x line"));
  SiteBoilerplate longer;
  std::string big(SiteBoilerplate::kMaxBlockBytes + 1, 'a');
  for (int i = 0; i < 3; ++i) longer.AddPage("h.example", {big});
  EXPECT_FALSE(longer.Repeated("h.example", big));
}

}  // namespace
}  // namespace hearsay::ingest
