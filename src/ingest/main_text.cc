// Main-content extraction (see internal/main_text.h for the method).
#include "ingest/internal/main_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "ingest/internal/page_words.h"

namespace hearsay::ingest::internal {
namespace {

constexpr size_t kMinParagraphChars = 25;  // shorter own text does not score ancestors
constexpr size_t kMinRetryChars = 250;     // less than this: read again without pruning
constexpr double kWidenGain = 1.1;         // an ancestor replaces the winner when it holds this much
constexpr double kWidenShare = 0.5;        // more paragraph text, which is this share of its text
constexpr double kWrapperShare = 0.5;      // a hinted element with more of the page's text is a wrapper

// Elements whose content is never text.
bool IsNeverText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MENU:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_OPTION: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

// Page chrome by tag.
bool IsChromeTag(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER;
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BR:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_HR: case GUMBO_TAG_MAIN: case GUMBO_TAG_DL: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

const char* AttrOf(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

// Class and id words (data/web/page_words.tsv): a class matches when one of its words
// (split at non-letters) starts with a listed word, or equals a short one.
bool WordMatches(std::string_view word, const std::string& listed) {
  size_t n = listed.size();
  if (n <= 4) return word == listed || (word.size() > n && word.substr(0, n) == listed && n >= 4);
  return word.substr(0, std::min(word.size(), n)) == listed && word.size() >= n;
}

// "posts", "articles", "stories": a list of other pages ("related-posts"), not content.
bool IsPluralOf(std::string_view word, std::string_view listed) {
  if (word.size() == listed.size() + 1 && word.back() == 's') return word.substr(0, listed.size()) == listed;
  return !listed.empty() && listed.back() == 'y' && word.size() == listed.size() + 2 &&
         word.substr(0, listed.size() - 1) == listed.substr(0, listed.size() - 1) && word.substr(listed.size() - 1) == "ies";
}

// Hint of one class or id token ("post-author", "lg:text-lg"): its head word, the last of
// its words that is listed, decides (a "post-author" box is an author box, an
// "article-content" block is content). A responsive variant ("lg:") is ignored, and "text"
// opening a token is a style utility ("text-gray-dark"), not a role.
int TokenHint(std::string_view token) {
  const PageWords& words = EmbeddedPageWords();
  if (size_t colon = token.rfind(':'); colon != std::string_view::npos) token.remove_prefix(colon + 1);
  int hint = 0;
  size_t k = 0, word_idx = 0;
  std::string word;
  while (k < token.size()) {
    while (k < token.size() && !std::isalpha(static_cast<unsigned char>(token[k]))) ++k;
    word.clear();
    while (k < token.size() && std::isalpha(static_cast<unsigned char>(token[k])))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(token[k++])));
    if (word.empty()) continue;
    bool utility = word_idx++ == 0 && word == "text" && k < token.size();
    int word_hint = 0;
    for (const std::string& x : words.content)
      if (!utility && WordMatches(word, x) && !IsPluralOf(word, x)) word_hint = 1;
    for (const std::string& x : words.boilerplate)
      if (WordMatches(word, x)) word_hint = -1;
    if (word_hint != 0) hint = word_hint;
    if (std::find(words.breakpoint.begin(), words.breakpoint.end(), word) != words.breakpoint.end())
      hint = 0;  // "hidden-xs", "nav-mobile": shown on other screens
  }
  return hint;
}

// Hint of one element from its class, id and role tokens: -1 boilerplate, +1 content, 0
// neither or both.
int HintOf(const GumboNode* n) {
  bool neg = false, pos = false;
  for (const char* attr : {"class", "id", "role"}) {
    const char* v = AttrOf(n, attr);
    if (!v) continue;
    std::string_view names(v);
    while (!names.empty()) {
      size_t b = 0;
      while (b < names.size() && std::isspace(static_cast<unsigned char>(names[b]))) ++b;
      size_t e = b;
      while (e < names.size() && !std::isspace(static_cast<unsigned char>(names[e]))) ++e;
      int h = TokenHint(names.substr(b, e - b));
      neg = neg || h < 0;
      pos = pos || h > 0;
      names.remove_prefix(e);
    }
  }
  return neg == pos ? 0 : neg ? -1 : 1;
}

// A control that calls to act: <button>, a submit input, a link with role=button or a
// class/id word of the button class ("button", "btn").
bool IsButton(const GumboNode* n) {
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_BUTTON) return true;
  const char* type = AttrOf(n, "type");
  if (tag == GUMBO_TAG_INPUT) return type && std::strcmp(type, "submit") == 0;
  if (tag != GUMBO_TAG_A) return false;
  const char* role = AttrOf(n, "role");
  if (role && std::strcmp(role, "button") == 0) return true;
  for (const char* attr : {"class", "id"}) {
    const char* v = AttrOf(n, attr);
    if (!v) continue;
    std::string lower(v);
    for (char& c : lower) c = static_cast<char>(std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) : ' ');
    std::string_view rest(lower);
    while (!rest.empty()) {
      size_t b = rest.find_first_not_of(' ');
      if (b == std::string_view::npos) break;
      size_t e = std::min(rest.find(' ', b), rest.size());
      std::string_view w = rest.substr(b, e - b);
      const auto& button = EmbeddedPageWords().button;
      if (std::find(button.begin(), button.end(), w) != button.end()) return true;
      rest.remove_prefix(e);
    }
  }
  return false;
}

constexpr size_t kCtaLinkMaxWords = 4;  // "Support the newsroom": longer link text is prose

// A link whose text opens with a call to act of data/web/page_words.tsv ("Donate",
// "Subscribe now") in at most kCtaLinkMaxWords words.
bool IsCallToActLink(const GumboNode* a) {
  std::string text;
  std::vector<const GumboNode*> stack{a};
  while (!stack.empty() && text.size() < 80) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      (text += n->v.text.text) += ' ';
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }
  std::string lower;
  size_t words = 0;
  bool space = true;
  for (char c : text) {
    bool ws = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (ws && !space && !lower.empty()) lower += ' ';
    if (!ws) {
      words += space;
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    space = ws;
  }
  if (words == 0 || words > kCtaLinkMaxWords) return false;
  for (const std::string& w : EmbeddedPageWords().button_text)
    if (lower.rfind(w, 0) == 0 && (lower.size() == w.size() || lower[w.size()] == ' ')) return true;
  return false;
}

bool IsHidden(const GumboNode* n) {
  if (AttrOf(n, "hidden")) return true;
  const char* aria = AttrOf(n, "aria-hidden");
  if (aria && std::strcmp(aria, "true") == 0) return true;
  const char* style = AttrOf(n, "style");
  if (!style) return false;
  std::string s;
  for (const char* p = style; *p; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p))) s += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// One element of the page, in pre-order.
struct Node {
  const GumboNode* el = nullptr;
  int32_t parent = -1;
  int8_t hint = 0;
  bool chrome = false;     // this element or an ancestor is page chrome (tag or negative hint)
  bool chrome_self = false;  // this element itself is
  uint32_t chars = 0;      // non-space text bytes in the subtree
  uint32_t link_chars = 0; // of which inside <a>
  uint32_t own_chars = 0;  // text whose nearest block ancestor is this element
  uint32_t own_commas = 0;
  uint32_t own_link_chars = 0;
  uint32_t good_chars = 0;  // own text of link-poor paragraphs outside chrome, in the subtree
  uint32_t buttons = 0;     // buttons in the subtree (<button>, submit inputs, links styled or marked as buttons)
  bool cta_link = false;    // a link whose text calls to act ("Donate", "Join now"), see IsCallToActLink
  double score = 0;
  bool candidate = false;
};

struct Tree {
  bool prune = true;  // chrome and negative hints are dropped
  std::vector<Node> nodes;
  std::unordered_map<const GumboNode*, int32_t> index;
};

void CountText(const GumboNode* t, Tree& tree, int32_t el_idx, int32_t block_idx, bool in_link) {
  uint32_t chars = 0, commas = 0;
  for (const char* p = t->v.text.text; *p; ++p) {
    if (!std::isspace(static_cast<unsigned char>(*p))) ++chars;
    if (*p == ',') ++commas;
  }
  Node& e = tree.nodes[el_idx];
  e.chars += chars;
  if (in_link) e.link_chars += chars;
  tree.nodes[block_idx].own_chars += chars;
  tree.nodes[block_idx].own_commas += commas;
  if (in_link) tree.nodes[block_idx].own_link_chars += chars;
}

// Chrome: nav/header/footer/aside and negatively hinted elements, with their subtrees;
// a hinted element holding most of the page's text is not chrome (a layout wrapper named
// "above-footer" or "has-sidebar").
void MarkChrome(Tree& tree, bool hints) {
  const double page_chars = tree.nodes[0].chars;
  for (Node& n : tree.nodes) {
    bool parent_chrome = n.parent >= 0 && tree.nodes[n.parent].chrome;
    bool wrapper = n.chars > kWrapperShare * page_chars;
    n.chrome_self = IsChromeTag(n.el->v.element.tag) || (hints && n.hint < 0 && !wrapper);
    n.chrome = parent_chrome || n.chrome_self;
  }
}

// Pre-order walk building `tree`; `prune` marks chrome subtrees. Then sums bottom-up.
Tree BuildTree(const GumboNode* root, bool prune) {
  Tree tree;
  tree.prune = prune;
  struct Item { const GumboNode* n; int32_t parent; int32_t block; bool in_link; };
  std::vector<Item> stack{{root, -1, -1, false}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.n->type == GUMBO_NODE_TEXT || it.n->type == GUMBO_NODE_CDATA) {
      if (it.parent >= 0) CountText(it.n, tree, it.parent, it.block, it.in_link);
      continue;
    }
    if (it.n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = it.n->v.element.tag;
    if (IsNeverText(tag) || IsHidden(it.n)) {
      if (it.parent >= 0 && IsButton(it.n)) ++tree.nodes[it.parent].buttons;
      continue;
    }
    auto idx = static_cast<int32_t>(tree.nodes.size());
    Node node;
    node.el = it.n;
    node.parent = it.parent;
    node.hint = static_cast<int8_t>(HintOf(it.n));
    node.buttons = IsButton(it.n) ? 1 : 0;
    node.cta_link = tag == GUMBO_TAG_A && node.buttons == 0 && IsCallToActLink(it.n);
    tree.nodes.push_back(node);
    tree.index.emplace(it.n, idx);
    int32_t block = IsBlockTag(tag) || it.block < 0 ? idx : it.block;
    bool in_link = it.in_link || tag == GUMBO_TAG_A;
    const GumboVector& ch = it.n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(ch.data[i]), idx, block, in_link});
  }
  for (size_t i = tree.nodes.size(); i-- > 1;) {
    Node& n = tree.nodes[i];
    if (n.parent < 0) continue;
    tree.nodes[n.parent].chars += n.chars;
    tree.nodes[n.parent].link_chars += n.link_chars;
  }
  // A call-to-act link standing alone in its parent (no other text beside it) is a button.
  for (size_t i = tree.nodes.size(); i-- > 1;) {
    Node& n = tree.nodes[i];
    if (n.cta_link && n.parent >= 0 && tree.nodes[n.parent].chars == n.chars) ++n.buttons;
    if (n.parent >= 0) tree.nodes[n.parent].buttons += n.buttons;
  }
  MarkChrome(tree, prune);
  for (size_t i = tree.nodes.size(); i-- > 0;) {
    Node& n = tree.nodes[i];
    bool good = !n.chrome && n.own_chars >= kMinParagraphChars && n.own_link_chars < 0.3 * n.own_chars;
    if (good) n.good_chars += n.own_chars;
    if (n.parent >= 0) tree.nodes[n.parent].good_chars += n.good_chars;
  }
  return tree;
}

double LinkDensity(const Node& n) { return n.chars ? static_cast<double>(n.link_chars) / n.chars : 0.0; }

double TagBase(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_LI: case GUMBO_TAG_FORM: case GUMBO_TAG_ADDRESS: return -3;
    case GUMBO_TAG_TH: return -5;
    default: return IsHeadingTag(tag) ? -5 : 0;
  }
}

// Paragraph scores flow to up to five ancestors (parent first); a class/id hint then
// adds or takes up to 25 points, never more than the element earned from its paragraphs.
int32_t ScoreCandidates(Tree& tree) {
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    const Node& p = tree.nodes[i];
    GumboTag tag = p.el->v.element.tag;
    if (p.chrome || p.own_chars < kMinParagraphChars || IsHeadingTag(tag)) continue;
    double points = 1.0 + p.own_commas + std::min(p.own_chars / 100.0, 3.0);
    int32_t a = p.parent;
    for (int level = 0; level < 5 && a >= 0; ++level, a = tree.nodes[a].parent) {
      Node& anc = tree.nodes[a];
      if (!anc.candidate) {
        anc.candidate = true;
        anc.score = TagBase(anc.el->v.element.tag);
      }
      anc.score += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  int32_t best = -1;
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    Node& n = tree.nodes[i];
    if (!n.candidate) continue;
    n.score += n.hint * std::min(25.0, std::max(0.0, n.score));
    n.score *= 1.0 - LinkDensity(n);
    if (best < 0 || n.score > tree.nodes[best].score) best = static_cast<int32_t>(i);
  }
  return best;
}

bool IsAncestor(const Tree& tree, int32_t anc, int32_t node) {
  for (int32_t a = node; a >= 0; a = tree.nodes[a].parent)
    if (a == anc) return true;
  return false;
}

// An ancestor of `best` holding three or more candidates scoring 75% of it replaces it;
// so does a parent of which `best` holds nearly all the text.
int32_t WidenCandidate(const Tree& tree, int32_t best) {
  std::vector<int32_t> near;
  for (size_t i = 0; i < tree.nodes.size(); ++i)
    if (tree.nodes[i].candidate && static_cast<int32_t>(i) != best && tree.nodes[i].score >= 0.75 * tree.nodes[best].score)
      near.push_back(static_cast<int32_t>(i));
  if (near.size() >= 3) {
    for (int32_t a = tree.nodes[best].parent; a >= 0; a = tree.nodes[a].parent) {
      int held = 0;
      for (int32_t c : near) held += IsAncestor(tree, a, c) ? 1 : 0;
      if (held >= 3) {
        best = a;
        break;
      }
      if (tree.nodes[a].el->v.element.tag == GUMBO_TAG_BODY) break;
    }
  }
  // Climb to the highest ancestor below <body> that adds article-like text (a fifth more
  // link-poor paragraph text) and is mostly such text.
  int32_t chosen = best;
  for (int32_t a = tree.nodes[best].parent; a >= 0; a = tree.nodes[a].parent) {
    const Node& n = tree.nodes[a];
    if (n.el->v.element.tag == GUMBO_TAG_BODY || n.chrome) break;
    if (n.good_chars >= kWidenGain * tree.nodes[chosen].good_chars && n.good_chars >= kWidenShare * n.chars) chosen = a;
  }
  return chosen;
}

// Roots to output: the winner and siblings scoring at least a fifth of it (and 10), or
// paragraphs of long, link-poor text beside it.
std::vector<int32_t> ContentRoots(const Tree& tree, int32_t best) {
  int32_t parent = tree.nodes[best].parent;
  if (parent < 0) return {best};
  std::vector<int32_t> roots;
  double threshold = std::max(10.0, tree.nodes[best].score * 0.2);
  const GumboVector& ch = tree.nodes[parent].el->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    auto it = tree.index.find(static_cast<const GumboNode*>(ch.data[i]));
    if (it == tree.index.end()) continue;
    const Node& s = tree.nodes[it->second];
    bool take = it->second == best || (!s.chrome && s.candidate && s.score >= threshold) ||
                (!s.chrome && s.el->v.element.tag == GUMBO_TAG_P && s.chars > 80 && LinkDensity(s) < 0.25);
    if (take) roots.push_back(it->second);
  }
  return roots;
}

}  // namespace

namespace {

// Furniture lines: short lines opening with a listed prefix or holding a listed word
// (data/web/page_words.tsv), and the shapes below.
constexpr size_t kFurnitureMaxChars = 250;  // longer lines are text even if they contain the words

constexpr size_t kNoticeMaxChars = 500;     // a line opening with a copyright sign is a notice up to this
constexpr size_t kLabelMaxWords = 3;        // "Release Date:", "Filed Under:": a label without its value
constexpr int kMixedScriptWords = 3;        // words spelt with Latin and Cyrillic letters at once

// Words mixing Latin and Cyrillic letters ("Аdvеrtіѕе" with Cyrillic А, е, і, ѕ): spelling
// that hides an advertisement from filters; no language writes words that way.
int MixedScriptWords(std::string_view text) {
  int mixed = 0;
  bool latin = false, cyrillic = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (c == ' ') {
      mixed += latin && cyrillic;
      latin = cyrillic = false;
    } else if (std::isalpha(c)) {
      latin = true;
    } else if (c == 0xD0 || c == 0xD1) {  // lead byte of U+0400..U+047F
      cyrillic = true;
    }
  }
  return mixed;
}

// A short label line: a few capitalised words ending with a colon ("Release Date:").
bool IsLabelLine(std::string_view text) {
  if (text.empty() || text.back() != ':') return false;
  size_t words = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && text[i - 1] != ' ') continue;
    if (text[i] == ' ') continue;
    if (!std::isupper(static_cast<unsigned char>(text[i]))) return false;
    ++words;
  }
  return words <= kLabelMaxWords;
}

// A line that is only a site's host name ("EXAMPLE.COM", "news.example.org"): a source credit.
bool IsHostLine(std::string_view text) {
  if (text.size() < 4 || text.size() > 64 || text.find(' ') != std::string_view::npos) return false;
  size_t dot = text.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || text.size() - dot < 3) return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  for (size_t i = dot + 1; i < text.size(); ++i)
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

bool IsFurniture(const std::string& text, HtmlBlockKind kind) {
  if (MixedScriptWords(text) >= kMixedScriptWords) return true;
  if (text.size() <= kNoticeMaxChars && text.rfind("\xC2\xA9", 0) == 0) return true;  // "© 2022 ..."
  if (text.size() > kFurnitureMaxChars) return false;
  if ((kind != HtmlBlockKind::kHeading && IsLabelLine(text)) || IsHostLine(text)) return true;
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const PageWords& words = EmbeddedPageWords();
  for (const std::string& p : words.line_prefix)
    if (lower.rfind(p, 0) == 0) return true;
  for (const std::string& w : words.line_word)  // a word must open at a word boundary ("unsubscribe" is not "subscribe")
    for (size_t at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1))
      if (at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]))) return true;
  return false;
}

std::string Collapse(const std::string& in) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < in.size(); ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    bool ws = std::isspace(c) != 0;
    if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) {  // no-break space
      ws = true;
      ++i;
    }
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += static_cast<char>(c);
    }
  }
  return out;
}

HtmlBlockKind KindOf(GumboTag tag, HtmlBlockKind inherited) {
  if (IsHeadingTag(tag)) return HtmlBlockKind::kHeading;
  if (tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_CAPTION) return HtmlBlockKind::kCaption;
  if (tag == GUMBO_TAG_BLOCKQUOTE) return HtmlBlockKind::kQuote;
  if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) return HtmlBlockKind::kListItem;
  return inherited;
}

constexpr uint32_t kCtaBoxMaxChars = 600;  // a box with a button and less text calls to act
constexpr size_t kTeaserTailBytes = 40;  // an ellipsis this close to the end cuts a teaser short

// Text of a subtree ends with an ellipsis ("…" or "..."): a teaser cut short.
bool EndsWithEllipsis(const GumboNode* root) {
  std::string text;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      text += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT && !IsNeverText(n->v.element.tag)) {
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }
  // The ellipsis may be followed by a short label ("… Wikipedia", "... more").
  size_t from = text.size() > kTeaserTailBytes ? text.size() - kTeaserTailBytes : 0;
  return text.find("\xE2\x80\xA6", from) != std::string::npos || text.find("...", from) != std::string::npos;
}

// A list of teasers: two or more items, most of them cut short with an ellipsis (excerpts
// of other pages: related entries, "more stories").
bool IsTeaserList(const GumboNode* list) {
  int items = 0, cut = 0;
  const GumboVector& ch = list->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    auto* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT || c->v.element.tag != GUMBO_TAG_LI) continue;
    ++items;
    cut += EndsWithEllipsis(c);
  }
  return items >= 2 && 2 * cut > items;
}

// Whether an element inside the content is dropped with its subtree.
bool DropInside(const Node& n, bool is_root, uint32_t root_chars) {
  GumboTag tag = n.el->v.element.tag;
  if (is_root) return false;
  if (n.chrome_self) return true;
  double ld = LinkDensity(n);
  // A small box with a button in it: a call to act (join, donate, buy, download the app).
  bool box = tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_P || tag == GUMBO_TAG_FORM;
  if (box && n.buttons > 0 && n.chars < kCtaBoxMaxChars && 3 * n.chars < root_chars) return true;
  if (IsHeadingTag(tag) && ld > 0.5) return true;  // a heading linking elsewhere ("SEE: other story")
  if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && IsTeaserList(n.el)) return true;
  bool container = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ||
                   tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI;
  if (container && ld > 0.5) return true;
  if (container && ld > 0.3 && n.own_commas < 3 && n.hint <= 0 && n.chars < 400) return true;
  return false;
}

struct Emitter {
  std::vector<HtmlBlock>* out;
  std::string cur;
  HtmlBlockKind kind = HtmlBlockKind::kParagraph;
  void Flush() {
    std::string text = Collapse(cur);
    cur.clear();
    if (text.empty() || IsFurniture(text, kind)) return;
    out->push_back(HtmlBlock{std::move(text), kind});
  }
};

void EmitRoot(const Tree& tree, int32_t root, Emitter& em) {
  struct Item { const GumboNode* n; bool end; HtmlBlockKind kind; };
  std::vector<Item> stack{{tree.nodes[root].el, false, HtmlBlockKind::kParagraph}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.end) {
      em.kind = it.kind;
      em.Flush();
      continue;
    }
    if (it.n->type == GUMBO_NODE_TEXT || it.n->type == GUMBO_NODE_CDATA || it.n->type == GUMBO_NODE_WHITESPACE) {
      em.cur += it.n->v.text.text;
      continue;
    }
    if (it.n->type != GUMBO_NODE_ELEMENT) continue;
    auto found = tree.index.find(it.n);
    if (found == tree.index.end()) continue;  // never text
    const Node& node = tree.nodes[found->second];
    if (DropInside(node, found->second == root, tree.nodes[root].chars)) continue;
    GumboTag tag = it.n->v.element.tag;
    HtmlBlockKind kind = KindOf(tag, it.kind);
    if (IsBlockTag(tag)) {
      em.kind = it.kind;
      em.Flush();
      stack.push_back({it.n, true, kind});
    }
    const GumboVector& ch = it.n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(ch.data[i]), false, kind});
  }
  em.Flush();
}

std::vector<HtmlBlock> ExtractOnce(const GumboNode* root, bool prune) {
  Tree tree = BuildTree(root, prune);
  std::vector<HtmlBlock> blocks;
  if (tree.nodes.empty()) return blocks;
  int32_t best = ScoreCandidates(tree);
  Emitter em{&blocks};
  if (best < 0) {
    EmitRoot(tree, 0, em);
    return blocks;
  }
  best = WidenCandidate(tree, best);
  for (int32_t r : ContentRoots(tree, best)) EmitRoot(tree, r, em);
  return blocks;
}

}  // namespace

size_t BlocksChars(const std::vector<HtmlBlock>& blocks) {
  size_t n = 0;
  for (const auto& b : blocks) n += b.text.size();
  return n;
}

std::vector<HtmlBlock> ExtractMainText(const GumboNode* root) {
  std::vector<HtmlBlock> blocks = ExtractOnce(root, true);
  if (BlocksChars(blocks) >= kMinRetryChars) return blocks;
  std::vector<HtmlBlock> again = ExtractOnce(root, false);
  return BlocksChars(again) > BlocksChars(blocks) ? again : blocks;
}

}  // namespace hearsay::ingest::internal
