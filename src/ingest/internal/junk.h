#pragma once
// Pages that are not articles, told apart from articles before analysis.
//
// Kinds (each a Reject whose reason starts "not an article: <kind>"):
//   captcha        "Robot Check", "Are you a robot?", "verify you are human", Cloudflare's
//                  "Just a moment..." / "Attention Required!"
//   http error     a title or short page saying 404 / 403 / 500 / 502 / 503, "Page not found"
//   expired domain "domain expired", "this domain is for sale", parked pages
//   cookie wall    a short page whose text is a cookie or consent prompt
//   too short      main text under kMinArticleChars bytes
// Cues are matched case-insensitively in the title (any length) and in the main text only
// when it is short (under kShortPageChars), so an article that mentions a captcha stays.
// The cue lists are data in junk.cc; docs/formats.md lists them.
#include <string>
#include <vector>

#include "hearsay/status.h"
#include "ingest/internal/main_text.h"

namespace hearsay::ingest::internal {

inline constexpr size_t kMinArticleChars = 40;    // main text below this is not an article
inline constexpr size_t kShortPageChars = 1500;   // text cues are read only on pages this short

// OK for an article page; FAILED_PRECONDITION "not an article: KIND page (cue)" otherwise.
// `page_text` is all the text of the page (cues on short pages are read there too, as the
// extractor drops cookie prompts and notices from the main text).
Status CheckArticlePage(const std::string& title, const std::vector<HtmlBlock>& blocks, const std::string& page_text);

// The same test for a title and a plain body. `min_chars` 0 skips the length test (JSON
// and JSON Lines records, whose text a crawler already chose).
Status CheckArticleText(const std::string& title, const std::string& body, size_t min_chars = kMinArticleChars,
                        const std::string& page_text = {});

}  // namespace hearsay::ingest::internal
