#pragma once
// One web page read up to its main-text blocks (shared by ParseHtml and the first pass of
// a run that counts site boilerplate, ingest.cc).
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"
#include "ingest/ingest.h"
#include "ingest/internal/html_meta.h"
#include "ingest/internal/main_text.h"

namespace hearsay::ingest::internal {

struct HtmlPage {
  PageMeta meta;
  std::string title;                // metadata title, else first <h1>, else <title>; collapsed
  std::vector<HtmlBlock> blocks;    // main-text blocks in document order (title included)
};

// Parses `bytes` with the limits of `options` and extracts metadata and main text.
// Errors, prefixed with `path`: empty or binary input, nesting or attributes over the
// limits (OUT_OF_RANGE), pages that are not articles (CheckArticlePage).
Result<HtmlPage> ReadHtmlPage(const std::string& path, std::string_view bytes, const IngestOptions& options);

// The first pass of a run over several pages: adds the page's blocks (the title left out)
// to `site` under the host of its URL. Pages ReadHtmlPage rejects are not counted.
void CountHtmlPage(const std::string& path, std::string_view bytes, const IngestOptions& options, SiteBoilerplate& site);

}  // namespace hearsay::ingest::internal
