// HTML reader (gumbo). Picks the main text of an article page:
//   title     og:title, else the first <h1> of the main element, else <title>
//   outlet    og:site_name, application-name, else the host of og:url / canonical link
//   published <time datetime>, article:published_time, datePublished, date meta
//   authors   meta author, rel=author links, elements whose class names a byline
//   text      the <article> element (else <main>, else <body>), without script, style,
//             nav, header, footer, aside, form and similar page chrome; block elements
//             become paragraphs.
// Traversal is iterative (an explicit stack) so deep nesting cannot overflow the stack;
// nesting deeper than IngestOptions::max_html_depth is rejected. gumbo frees its tree
// recursively, so its memory comes from a per-page arena released in one piece instead;
// it records no parse errors (each one copies the stack of open elements: quadratic
// memory on deep pages).
#include <gumbo.h>

#include <cctype>
#include <cstring>
#include <cstddef>
#include <memory>
#include <unordered_map>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/internal/finish.h"
#include "ingest/internal/html_limits.h"
#include "ingest/internal/html_meta.h"
#include "ingest/internal/html_page.h"
#include "ingest/internal/junk.h"
#include "ingest/internal/main_text.h"

namespace hearsay::ingest {
namespace {

// Bump allocator for one parse. gumbo's own frees are no-ops; everything goes with the
// arena, so no recursive gumbo_destroy_output over a deep tree.
class GumboArena {
 public:
  static void* Allocate(void* self, size_t size) { return static_cast<GumboArena*>(self)->Take(size); }
  static void Release(void*, void*) {}

 private:
  void* Take(size_t size) {
    size = (size + alignof(std::max_align_t) - 1) & ~(alignof(std::max_align_t) - 1);
    if (blocks_.empty() || used_ + size > block_size_) {
      block_size_ = std::max<size_t>(size, 256 << 10);
      blocks_.push_back(std::make_unique_for_overwrite<std::max_align_t[]>(block_size_ / sizeof(std::max_align_t) + 1));
      used_ = 0;
    }
    void* p = reinterpret_cast<char*>(blocks_.back().get()) + used_;
    used_ += size;
    return p;
  }
  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
  size_t block_size_ = 0;
  size_t used_ = 0;
};

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool ClassHas(const GumboNode* n, const char* word) {
  const char* c = Attr(n, "class");
  if (!c) return false;
  std::string lower(c);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower.find(word) != std::string::npos;
}

// Runs of white space become one space; leading and trailing white space goes.
std::string CollapseSpace(const std::string& in) {
  std::string collapsed;
  bool space = false;
  for (char c : in) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !collapsed.empty();
    } else {
      if (space) collapsed += ' ';
      space = false;
      collapsed += c;
    }
  }
  return collapsed;
}

// Text of a subtree, white space collapsed (iterative).
std::string InnerText(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      out += ' ';
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      if (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE) continue;
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }
  return CollapseSpace(out);
}

struct PageFacts {
  const GumboNode* title_el = nullptr;
  const GumboNode* first_h1 = nullptr;
  internal::MetaSources meta;
  uint32_t max_depth = 0;
};

// <meta property|name|itemprop=KEY content=VALUE>, sorted into Open Graph, plain meta
// names and microdata.
void ReadMetaTag(const GumboNode* n, internal::MetaSources& m) {
  const char* property = Attr(n, "property");
  const char* name = Attr(n, "name");
  const char* itemprop = Attr(n, "itemprop");
  const char* content = Attr(n, "content");
  if (!content) return;
  auto set = [&](std::string& field) {
    if (field.empty()) field = content;
  };
  std::string key = property ? property : name ? name : "";
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key == "og:title") set(m.open_graph.title);
  else if (key == "og:site_name") set(m.open_graph.site_name);
  else if (key == "og:url") set(m.open_graph.url);
  else if (key == "article:published_time" || key == "og:published_time") set(m.open_graph.published);
  else if (key == "article:modified_time" || key == "og:updated_time") set(m.open_graph.modified);
  else if (key == "article:author") m.open_graph.authors.push_back(content);
  else if (key == "article:publisher" && std::strstr(content, "://") == nullptr) set(m.open_graph.publisher);
  else if (key == "author" || key == "dc.creator" || key == "sailthru.author" || key == "parsely-author")
    m.meta_names.authors.push_back(content);
  else if (key == "date" || key == "pubdate" || key == "publish-date" || key == "publishdate" || key == "sailthru.date" ||
           key == "dc.date" || key == "dc.date.issued" || key == "parsely-pub-date" || key == "article.published")
    set(m.meta_names.published);
  else if (key == "application-name" || key == "publisher" || key == "dc.publisher") set(m.meta_names.site_name);
  if (itemprop) {
    std::string ip = itemprop;
    if (ip == "datePublished") set(m.microdata.published);
    else if (ip == "dateModified") set(m.microdata.modified);
    else if (ip == "headline") set(m.microdata.title);
    else if (ip == "author" || ip == "name") m.microdata.authors.push_back(content);
  }
}

// Microdata on ordinary elements: itemprop=datePublished (datetime), headline, author.
void ReadItemprop(const GumboNode* n, const char* itemprop, internal::MetaSources& m) {
  std::string ip = itemprop;
  const char* dt = Attr(n, "datetime");
  if (ip == "datePublished" && m.microdata.published.empty()) m.microdata.published = dt ? dt : InnerText(n);
  else if (ip == "dateModified" && m.microdata.modified.empty()) m.microdata.modified = dt ? dt : InnerText(n);
  else if (ip == "headline" && m.microdata.title.empty()) m.microdata.title = InnerText(n);
  else if (ip == "author") m.microdata.authors.push_back(InnerText(n));
}

void SurveyElement(const GumboNode* n, PageFacts& f) {
  internal::MetaSources& m = f.meta;
  switch (n->v.element.tag) {
    case GUMBO_TAG_TITLE: if (!f.title_el) f.title_el = n; break;
    case GUMBO_TAG_H1: if (!f.first_h1) f.first_h1 = n; break;
    case GUMBO_TAG_TIME:
      if (m.time_element.empty()) {
        const char* dt = Attr(n, "datetime");
        m.time_element = NormalizeDate(dt ? dt : InnerText(n));
      }
      break;
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(n, "rel");
      const char* href = Attr(n, "href");
      if (rel && href && std::strcmp(rel, "canonical") == 0 && m.canonical.empty()) m.canonical = href;
      break;
    }
    case GUMBO_TAG_A: {
      const char* rel = Attr(n, "rel");
      if (rel && std::strcmp(rel, "author") == 0) m.author_links.push_back(InnerText(n));
      break;
    }
    case GUMBO_TAG_META: ReadMetaTag(n, m); return;
    case GUMBO_TAG_SCRIPT: {
      const char* type = Attr(n, "type");
      if (type && std::strcmp(type, "application/ld+json") == 0 && n->v.element.children.length > 0) {
        auto* text = static_cast<const GumboNode*>(n->v.element.children.data[0]);
        if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA) internal::ReadJsonLd(text->v.text.text, m.json_ld);
      }
      return;
    }
    default: break;
  }
  if (const char* ip = Attr(n, "itemprop")) ReadItemprop(n, ip, m);
  GumboTag tag = n->v.element.tag;
  if (tag != GUMBO_TAG_ARTICLE && tag != GUMBO_TAG_BODY && ClassHas(n, "byline") && m.author_links.empty()) {
    std::string by = InnerText(n);
    if (!by.empty() && by.size() < 160) m.author_links.push_back(by);
  }
}

void Survey(const GumboNode* root, PageFacts& f) {
  std::vector<std::pair<const GumboNode*, uint32_t>> stack{{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    f.max_depth = std::max(f.max_depth, depth);
    SurveyElement(n, f);
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(ch.data[i]), depth + 1});
  }
}

// Estimate of the element nesting gumbo will build, from the tags alone, so that a
// pathologically deep page is rejected before gumbo parses it (its scope checks walk the
// stack of open elements, so time grows with depth x tags). Follows the HTML tree builder
// loosely: void elements open nothing; "<x/>" self-closes only void elements and elements
// inside <svg>/<math>; an end tag closes the innermost open element of its name and
// everything above it, unless a non-phrasing element (for a phrasing end tag) or a scope
// boundary (for any other) lies in between, in which case it closes nothing, as gumbo
// ignores it; a start tag of p, li, dd, dt, option or a first closes an open one the same
// way. Stops counting once past `limit`.
uint64_t RoughDepthBound(std::string_view s, uint64_t limit) {
  static const char* kVoid[] = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "col", "embed",
                                "param", "track", "base", "keygen", "basefont", "bgsound", "frame"};
  static const char* kClosesItself[] = {"p", "li", "dd", "dt", "option", "a"};
  static const char* kPhrasing[] = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
                                    "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike",
                                    "strong", "sub", "sup", "time", "tt", "u", "var", "label", "big"};
  static const char* kScope[] = {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math"};
  auto in = [](const std::string& name, const auto& list) {
    for (const char* x : list)
      if (name == x) return true;
    return false;
  };
  std::vector<std::string> open;
  std::unordered_map<std::string, uint32_t> open_count;
  size_t foreign = 0;
  uint64_t max_depth = 0;
  size_t next_gt = 0;  // position of the next '>' at or after the tag name (npos: none left)
  auto pop = [&] {
    const std::string& top = open.back();
    --open_count[top];
    if (top == "svg" || top == "math") --foreign;
    open.pop_back();
  };
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    const bool end_tag = s[i + 1] == '/';
    const size_t k = i + 1 + (end_tag ? 1 : 0);
    if (k >= s.size() || !std::isalpha(static_cast<unsigned char>(s[k]))) continue;
    size_t j = k;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    std::string name(s.substr(k, j - k));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (end_tag || in(name, kClosesItself)) {
      auto it = open_count.find(name);
      if (it != open_count.end() && it->second > 0) {
        const bool phrasing = in(name, kPhrasing);
        size_t idx = open.size();
        while (idx > 0 && open[idx - 1] != name) {
          const std::string& above = open[idx - 1];
          if (phrasing ? !in(above, kPhrasing) : in(above, kScope)) break;
          --idx;
        }
        if (idx > 0 && open[idx - 1] == name)  // else blocked: gumbo ignores the tag
          while (open.size() >= idx) pop();
      }
      if (end_tag) continue;
    }
    if (next_gt != std::string_view::npos && next_gt < j) next_gt = s.find('>', j);
    bool self_closing = next_gt != std::string_view::npos && s[next_gt - 1] == '/';
    if (in(name, kVoid) || (self_closing && foreign > 0)) continue;
    if (name == "svg" || name == "math") ++foreign;
    ++open_count[name];
    open.push_back(std::move(name));
    max_depth = std::max<uint64_t>(max_depth, open.size());
    if (max_depth > limit) break;
  }
  return max_depth;
}

}  // namespace

namespace internal {

Result<HtmlPage> ReadHtmlPage(const std::string& path, std::string_view bytes, const IngestOptions& options) {
  if (bytes.empty()) return DataLossError(path + ": empty file");
  uint64_t bad = 0;
  if (internal::LooksBinary(bytes, &bad))
    return DataLossError(path + ": binary content (control or NUL byte at byte " + std::to_string(bad) + "), expected HTML");
  uint64_t rough = RoughDepthBound(bytes, 4ull * options.max_html_depth);
  if (rough > 4ull * options.max_html_depth)
    return OutOfRangeError(path + ": HTML nested about " + std::to_string(rough) + " elements deep, more than the limit of " +
                           std::to_string(options.max_html_depth));
  uint64_t tag_byte = 0, attributes = 0;
  if (internal::TagWithTooManyAttributes(bytes, options.max_html_attributes, &tag_byte, &attributes))
    return OutOfRangeError(path + ": HTML tag at byte " + std::to_string(tag_byte) + " has more than " +
                           std::to_string(options.max_html_attributes) + " attributes (the limit)");
  GumboArena arena;
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.allocator = &GumboArena::Allocate;
  gumbo_options.deallocator = &GumboArena::Release;
  gumbo_options.userdata = &arena;
  gumbo_options.max_errors = 0;
  const GumboOutput* out = gumbo_parse_with_options(&gumbo_options, bytes.data(), bytes.size());
  if (!out) return DataLossError(path + ": HTML parser failed");
  PageFacts f;
  Survey(out->root, f);
  if (f.max_depth > options.max_html_depth)
    return OutOfRangeError(path + ": HTML nested " + std::to_string(f.max_depth) + " elements deep, more than the limit of " +
                           std::to_string(options.max_html_depth));
  HtmlPage page;
  page.meta = internal::ResolveMeta(f.meta);
  page.title = page.meta.title;
  if (page.title.empty() && f.first_h1) page.title = InnerText(f.first_h1);
  if (page.title.empty() && f.title_el) page.title = InnerText(f.title_el);
  page.title = CollapseSpace(page.title);
  page.blocks = internal::ExtractMainText(out->root);
  std::string page_text = internal::BlocksChars(page.blocks) < internal::kShortPageChars ? InnerText(out->root) : std::string();
  if (Status junk = internal::CheckArticlePage(page.title, page.blocks, page_text); !junk.ok()) return junk.WithContext(path);
  return page;
}

void CountHtmlPage(const std::string& path, std::string_view bytes, const IngestOptions& options, SiteBoilerplate& site) {
  Result<HtmlPage> page = ReadHtmlPage(path, bytes, options);
  if (!page.ok()) return;
  std::vector<std::string> blocks;
  for (auto& b : page.value().blocks)
    if (b.text != page.value().title) blocks.push_back(std::move(b.text));
  site.AddPage(HostOfUrl(page.value().meta.url), blocks);
}

}  // namespace internal

Result<Document> ParseHtml(const std::string& path, std::string bytes, const IngestOptions& options,
                           const SiteBoilerplate* site) {
  Result<internal::HtmlPage> read = internal::ReadHtmlPage(path, bytes, options);
  if (!read.ok()) return read.status();
  internal::HtmlPage& page = read.value();
  const std::string host = site ? HostOfUrl(page.meta.url) : std::string();
  std::string title = page.title;
  std::vector<std::string> paras;
  for (auto& block : page.blocks) {
    if (block.text == title) continue;
    const bool headline = title.empty() && paras.empty();  // becomes the title below
    if (site && !headline && site->Repeated(host, block.text)) continue;
    paras.push_back(std::move(block.text));
  }
  if (title.empty() && paras.size() >= 2) {
    title = paras.front();
    paras.erase(paras.begin());
  }
  Document doc;
  doc.path = path;
  doc.format = SourceFormat::kHtml;
  doc.title = title;
  doc.text = title;
  doc.title_byte_end = static_cast<uint32_t>(title.size());
  doc.text += "\n\n";
  doc.body_byte_begin = static_cast<uint32_t>(doc.text.size());
  for (size_t i = 0; i < paras.size(); ++i) {
    if (i) doc.text += "\n\n";
    doc.text += paras[i];
  }
  if (paras.empty()) return DataLossError(path + ": no main text found in the HTML page");
  const internal::PageMeta& meta = page.meta;
  if (!meta.url.empty()) doc.url = meta.url;
  if (!meta.outlet.empty()) doc.outlet = meta.outlet;
  if (!meta.published.empty()) doc.published = meta.published;
  if (!meta.modified.empty()) doc.metadata.emplace_back("modified", meta.modified);
  doc.authors = meta.authors;
  doc.raw = std::move(bytes);
  if (Status s = internal::FinishDocument(doc); !s.ok()) return s.WithContext(path);
  return doc;
}

}  // namespace hearsay::ingest
