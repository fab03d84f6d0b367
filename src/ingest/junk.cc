// Junk-page detection (see internal/junk.h).
#include "ingest/internal/junk.h"

#include <cctype>

namespace hearsay::ingest::internal {
namespace {

struct Cue {
  const char* kind;
  const char* text;  // lower case
  bool title_only;   // too common in text to read there
};

constexpr Cue kCues[] = {
    {"captcha", "robot check", false},
    {"captcha", "are you a robot", false},
    {"captcha", "verify you are human", false},
    {"captcha", "verify you are a human", false},
    {"captcha", "captcha", false},
    {"captcha", "unusual traffic from your computer", false},
    {"captcha", "just a moment...", true},
    {"captcha", "attention required!", true},
    {"captcha", "checking your browser", false},
    {"http error", "404 not found", false},
    {"http error", "page not found", false},
    {"http error", "403 forbidden", false},
    {"http error", "access denied", false},
    {"http error", "500 internal server error", false},
    {"http error", "502 bad gateway", false},
    {"http error", "503 service unavailable", false},
    {"http error", "error 404", false},
    {"http error", "page 404", true},
    {"http error", "404 error", true},
    {"http error", "404", true},  // only when it is the whole title (see TitleHas)
    {"expired domain", "domain expired", false},
    {"expired domain", "domain has expired", false},
    {"expired domain", "this domain is for sale", false},
    {"expired domain", "this domain may be for sale", false},
    {"expired domain", "buy this domain", false},
    {"expired domain", "domain is parked", false},
    {"cookie wall", "we use cookies", false},
    {"cookie wall", "accept all cookies", false},
    {"cookie wall", "cookie settings", false},
    {"cookie wall", "your privacy choices", false},
    {"cookie wall", "before you continue", true},
};

std::string Lower(const std::string& s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A title cue must be a whole word run in it ("404 - Site", not "4040"); a bare number
// must be the whole title or open it ("Headline number 404" is an article).
bool TitleHas(const std::string& title, const std::string& cue) {
  if (std::isdigit(static_cast<unsigned char>(cue[0])) && cue.find(' ') == std::string::npos)
    return title.rfind(cue, 0) == 0 && (title.size() == cue.size() || !std::isalnum(static_cast<unsigned char>(title[cue.size()])));
  for (size_t at = title.find(cue); at != std::string::npos; at = title.find(cue, at + 1)) {
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(title[at - 1]));
    size_t end = at + cue.size();
    bool right = end >= title.size() || !std::isalnum(static_cast<unsigned char>(title[end]));
    if (left && right) return true;
  }
  return false;
}

}  // namespace

Status CheckArticleText(const std::string& title, const std::string& body, size_t min_chars,
                        const std::string& page_text) {
  std::string t = Lower(title);
  const std::string& whole = page_text.empty() ? body : page_text;
  bool short_page = body.size() < kShortPageChars && whole.size() < 2 * kShortPageChars;
  std::string b = short_page ? Lower(whole) : std::string();
  for (const Cue& cue : kCues) {
    bool hit = TitleHas(t, cue.text) || (short_page && !cue.title_only && b.find(cue.text) != std::string::npos);
    if (hit) return FailedPreconditionError(std::string("not an article: ") + cue.kind + " page (\"" + cue.text + "\")");
  }
  size_t letters = 0;
  for (char c : body) letters += !std::isspace(static_cast<unsigned char>(c));
  if (letters < min_chars)
    return FailedPreconditionError("not an article: main text too short (" + std::to_string(letters) +
                                   " non-space bytes, at least " + std::to_string(min_chars) + " expected)");
  return Status::Ok();
}

Status CheckArticlePage(const std::string& title, const std::vector<HtmlBlock>& blocks, const std::string& page_text) {
  std::string body;
  for (const HtmlBlock& b : blocks) {
    if (b.text == title) continue;
    if (!body.empty()) body += '\n';
    body += b.text;
  }
  return CheckArticleText(title, body, kMinArticleChars, page_text);
}

}  // namespace hearsay::ingest::internal
