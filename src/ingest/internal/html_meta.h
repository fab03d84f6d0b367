#pragma once
// Page metadata of a web page, gathered by source and then resolved in order of trust:
// JSON-LD (NewsArticle and kin), Open Graph, <meta name=...>, microdata, <time>.
//
//   internal::MetaSources src;                  // filled while walking the page
//   internal::ReadJsonLd(script_text, src.json_ld);
//   internal::PageMeta meta = internal::ResolveMeta(src);
//
// Thread safety: pure functions.
#include <string>
#include <string_view>
#include <vector>

namespace hearsay::ingest::internal {

// What one kind of source says; empty fields: it said nothing.
struct MetaFields {
  std::string title, published, modified, publisher, site_name, url;
  std::vector<std::string> authors;
};

struct MetaSources {
  MetaFields json_ld, open_graph, meta_names, microdata;
  std::string time_element;                // first <time> (datetime or text), normalised
  std::string canonical;                   // <link rel=canonical>
  std::vector<std::string> author_links;   // rel=author, byline elements
};

struct PageMeta {
  std::string title, published, modified, outlet, url;
  std::vector<std::string> authors;  // cleaned (CleanAuthors)
};

// Reads one <script type="application/ld+json"> body: the first object whose @type is an
// article kind (Article, NewsArticle, BlogPosting, ReportageNewsArticle, ...), also inside
// arrays and @graph, fills the empty fields of `out` (publisher given by @id is looked up
// in the graph); a WebSite/Organization name fills site_name. Invalid JSON is ignored.
void ReadJsonLd(std::string_view script, MetaFields& out);

// Resolves each field from the most trusted source that has it. The outlet is the
// publisher, else the site name, else the name of the URL's host (OutletForHost); dates
// are normalised (NormalizeDate).
PageMeta ResolveMeta(const MetaSources& sources);

// Author names without roles, dates, "By" and links: "Celine Adair , Senior Celebrity
// Reporter · December 3, 2025" -> {"Celine Adair"}; "By Ann Lee and Bo Ray" -> both.
// Duplicates (case-insensitive) are dropped; order kept.
std::vector<std::string> CleanAuthors(const std::vector<std::string>& raw);

}  // namespace hearsay::ingest::internal
