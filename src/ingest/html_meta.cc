// Page metadata: JSON-LD reading, resolution by trust, author cleaning.
#include "ingest/internal/html_meta.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "ingest/ingest.h"

namespace hearsay::ingest::internal {
namespace {

using nlohmann::json;

bool IsArticleType(const json& type) {
  static const char* kKinds[] = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                                 "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
                                 "LiveBlogPosting", "SocialMediaPosting", "Report", "TechArticle", "ScholarlyArticle"};
  auto is = [](const json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    if (size_t slash = s.rfind('/'); slash != std::string::npos) s = s.substr(slash + 1);  // "http://schema.org/NewsArticle"
    for (const char* k : kKinds)
      if (s == k) return true;
    return false;
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is);
  return is(type);
}

bool IsTypeNamed(const json& type, const char* name) {
  if (type.is_array()) return std::any_of(type.begin(), type.end(), [&](const json& t) { return IsTypeNamed(t, name); });
  return type.is_string() && type.get<std::string>() == name;
}

std::string Str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name")) return Str(v["name"]);
  if (v.is_object() && v.contains("@value")) return Str(v["@value"]);
  if (v.is_array() && !v.empty()) return Str(v.front());
  return {};
}

// Every object in the JSON-LD value, depth first (arrays and @graph included).
void Objects(const json& v, std::vector<const json*>& out, int depth) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& x : v) Objects(x, out, depth + 1);
  } else if (v.is_object()) {
    out.push_back(&v);
    if (auto g = v.find("@graph"); g != v.end()) Objects(*g, out, depth + 1);
  }
}

std::string PublisherName(const json& pub, const std::vector<const json*>& all) {
  std::string name = Str(pub);
  if (!name.empty() || !pub.is_object() || !pub.contains("@id")) return name;
  for (const json* o : all)  // a reference: {"@id": "#org"}
    if (o != &pub && o->value("@id", json()) == pub["@id"] && o->contains("name")) return Str((*o)["name"]);
  return {};
}

void SetIfEmpty(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void ReadArticleObject(const json& a, const std::vector<const json*>& all, MetaFields& out) {
  SetIfEmpty(out.title, Str(a.value("headline", json())));
  SetIfEmpty(out.published, Str(a.value("datePublished", json())));
  SetIfEmpty(out.modified, Str(a.value("dateModified", json())));
  SetIfEmpty(out.publisher, PublisherName(a.value("publisher", json()), all));
  json url = a.value("url", json());
  if (url.is_null()) url = a.value("mainEntityOfPage", json());
  if (url.is_object()) url = url.value("@id", json());
  SetIfEmpty(out.url, Str(url));
  if (out.authors.empty()) {
    json author = a.value("author", json());
    if (!author.is_array()) author = json::array({author});
    for (const auto& x : author) {
      std::string name = Str(x);
      if (!name.empty()) out.authors.push_back(name);
    }
  }
}

}  // namespace

void ReadJsonLd(std::string_view script, MetaFields& out) {
  json v = json::parse(script.begin(), script.end(), nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) return;
  std::vector<const json*> all;
  Objects(v, all, 0);
  for (const json* o : all) {
    json type = o->value("@type", json());
    if (IsArticleType(type)) {
      ReadArticleObject(*o, all, out);
      break;
    }
  }
  for (const json* o : all) {
    json type = o->value("@type", json());
    if ((IsTypeNamed(type, "WebSite") || IsTypeNamed(type, "NewsMediaOrganization")) && o->contains("name")) {
      SetIfEmpty(out.site_name, Str((*o)["name"]));
      break;
    }
  }
}

namespace {

// The sources in order of trust.
std::array<const MetaFields*, 4> Ranked(const MetaSources& s) {
  return {&s.json_ld, &s.open_graph, &s.meta_names, &s.microdata};
}

std::string First(const MetaSources& s, std::string MetaFields::*field) {
  for (const MetaFields* f : Ranked(s))
    if (!(f->*field).empty()) return f->*field;
  return {};
}

std::string FirstDate(const MetaSources& s, std::string MetaFields::*field) {
  for (const MetaFields* f : Ranked(s)) {
    std::string d = NormalizeDate(f->*field);
    if (!d.empty()) return d;
  }
  return {};
}

// Words of job titles and date lines that are never part of a name.
constexpr const char* kRoleWords[] = {
    "reporter", "editor", "writer", "correspondent", "contributor", "staff", "columnist", "journalist",
    "producer", "photographer", "critic", "contributing", "senior", "associate", "assistant", "freelance",
    "updated", "published", "posted", "news", "desk", "team", "magazine", "expert", "digital", "content",
    "is", "at", "for", "the", "of", "in", "on", "am", "pm"};

std::string LowerWord(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '-' || s.front() == ':'))
    s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '-' || s.back() == '.'))
    s.remove_suffix(1);
  return std::string(s);
}

// A part that reads as a person's (or a desk's) name: 1-5 words, first capitalised, no
// digits; not a job title (two role words, or nothing but role words: "Staff Writer",
// "Senior Celebrity Reporter"; one role word alone may be a surname: "Pat Writer").
bool LooksLikeName(const std::string& part) {
  if (part.empty() || part.size() > 60) return false;
  if (!(std::isupper(static_cast<unsigned char>(part[0])) || static_cast<unsigned char>(part[0]) >= 0x80)) return false;
  for (char c : part)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '/' || c == '(') return false;
  int words = 0, roles = 0;
  size_t k = 0;
  while (k < part.size()) {
    while (k < part.size() && part[k] == ' ') ++k;
    size_t b = k;
    while (k < part.size() && part[k] != ' ') ++k;
    if (k == b) break;
    ++words;
    std::string w = LowerWord(std::string_view(part).substr(b, k - b));
    for (const char* r : kRoleWords) roles += w == r ? 1 : 0;
  }
  return words >= 1 && words <= 5 && roles < 2 && roles < words;
}

// Splits at separators: , | ; · • – — " and " " & " and new lines.
std::vector<std::string> SplitNames(std::string s) {
  static const char* kSeps[] = {",", "|", ";", "\n", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
                                " and ", " & ", " And "};
  for (const char* sep : kSeps)
    for (size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, at + 1)) s.replace(at, std::strlen(sep), "\x1F");
  std::vector<std::string> parts;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '\x1F') continue;
    parts.push_back(Trim(std::string_view(s).substr(b, i - b)));
    b = i + 1;
  }
  return parts;
}

std::string StripBy(std::string s) {
  static const char* kLead[] = {"written by ", "posted by ", "story by ", "words by ", "by: ", "by "};
  for (const char* lead : kLead)
    if (LowerWord(s.substr(0, std::strlen(lead))) == lead) return Trim(s.substr(std::strlen(lead)));
  return s;
}

}  // namespace

PageMeta ResolveMeta(const MetaSources& s) {
  PageMeta m;
  m.title = First(s, &MetaFields::title);
  m.published = FirstDate(s, &MetaFields::published);
  if (m.published.empty()) m.published = s.time_element;
  m.modified = FirstDate(s, &MetaFields::modified);
  m.url = !s.canonical.empty() ? s.canonical : First(s, &MetaFields::url);
  for (const MetaFields* f : Ranked(s))
    if (m.authors.empty()) m.authors = CleanAuthors(f->authors);
  if (m.authors.empty()) m.authors = CleanAuthors(s.author_links);
  m.outlet = First(s, &MetaFields::publisher);
  if (m.outlet.empty()) m.outlet = First(s, &MetaFields::site_name);
  if (!m.outlet.empty()) m.outlet = OutletName(m.outlet);
  if (m.outlet.empty()) {
    std::string host = HostOfUrl(m.url);
    if (!host.empty()) m.outlet = OutletForHost(host);
  }
  return m;
}

std::vector<std::string> CleanAuthors(const std::vector<std::string>& raw) {
  std::vector<std::string> out, seen;
  for (const std::string& given : raw) {
    if (given.find("://") != std::string::npos || given.rfind("www.", 0) == 0 || given.rfind("/", 0) == 0) continue;
    std::string collapsed;
    for (char c : given) collapsed += (c == '\t' || c == '\r') ? ' ' : c;
    for (std::string& part : SplitNames(StripBy(Trim(collapsed)))) {
      part = StripBy(part);
      std::string squeezed;
      for (char c : part)
        if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
      if (!LooksLikeName(squeezed)) continue;
      std::string key = LowerWord(squeezed);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      out.push_back(squeezed);
    }
  }
  return out;
}

}  // namespace hearsay::ingest::internal
