#pragma once
// Main-content extraction over a gumbo tree: which blocks of a web page are the article.
//
// In: the parsed page (any GumboNode, normally the document root). Out: the article's
// blocks in document order, each one paragraph of collapsed text with its kind.
//
// How (details in docs/formats.md, "Main text of a web page"):
//   1. Every element gets its text and link-text length and a class/id hint (words such
//      as "article", "content" raise it; "comment", "related", "share", "newsletter"
//      lower it). Hidden elements, scripts and form controls are not text.
//   2. Paragraph-like blocks (own text of 25 characters or more) outside page chrome
//      (nav, header, footer, aside, negatively hinted subtrees) score their ancestors by
//      length and commas; an ancestor's score is scaled by (1 - its link density).
//   3. The best container wins; an ancestor holding several near-best containers
//      replaces it; siblings scoring close to it are added.
//   4. Inside the container, chrome, negatively hinted subtrees, link lists (link density
//      above the limits) and boilerplate lines ("Read more:", "Sign up for…") are dropped.
// If that leaves less than 250 bytes of text the page is read again with class/id hints
// off (chrome tags still dropped), and the longer result is kept (pages whose whole
// layout carries a "sidebar" class, for instance).
//
// Thread safety: pure function of the tree.
#include <gumbo.h>

#include <string>
#include <vector>

namespace hearsay::ingest::internal {

enum class HtmlBlockKind { kParagraph, kHeading, kCaption, kQuote, kListItem };

struct HtmlBlock {
  std::string text;  // white space collapsed, never empty
  HtmlBlockKind kind = HtmlBlockKind::kParagraph;
};

// Main-content blocks of the page under `root`, in document order.
std::vector<HtmlBlock> ExtractMainText(const GumboNode* root);

// Text length (UTF-8 bytes, white space collapsed) of all blocks together.
size_t BlocksChars(const std::vector<HtmlBlock>& blocks);

}  // namespace hearsay::ingest::internal
