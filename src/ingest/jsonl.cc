// JSON Lines reader: one article per line.
// Fields read: id, url, outlet, published, title, text; GossipCop's publish_date and
// authors; every other scalar field is kept in Document::metadata (label, ...).
// `text` of the Document is "title\n\nbody" (see hearsay/document.h).
#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "ingest/internal/finish.h"
#include "ingest/internal/json_article.h"

namespace hearsay::ingest {

Result<Document> ParseJsonLine(const std::string& file, uint64_t line_no, std::string_view line) {
  const std::string where = file + ":" + std::to_string(line_no);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    return DataLossError(where + ": not JSON (" + what + ")");
  }
  return ParseJsonArticle(where, j, std::string(line));
}

Result<Document> ParseJsonArticle(const std::string& where, const nlohmann::json& j, std::string raw) {
  if (!j.is_object()) return DataLossError(where + ": expected a JSON object, found " + std::string(j.type_name()));
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number() || it->is_boolean()) return it->dump();
    return {};
  };
  auto text_it = j.find("text");
  if (text_it == j.end()) return DataLossError(where + ": no \"text\" field");
  if (!text_it->is_string())
    return DataLossError(where + ": \"text\" is " + std::string(text_it->type_name()) + ", expected a string");
  std::string body = text_it->get<std::string>();
  Document doc;
  doc.format = SourceFormat::kJsonLines;
  doc.path = where;
  doc.raw = std::move(raw);
  doc.id = str("id");
  doc.title = str("title");
  std::string url = str("url");
  if (!url.empty()) doc.url = url;
  std::string outlet = OutletName(str("outlet"));
  if (outlet.empty()) outlet = OutletName(str("site_name"));
  if (outlet.empty() && !url.empty()) outlet = OutletForHost(HostOfUrl(url));
  if (!outlet.empty()) doc.outlet = outlet;
  std::string published = NormalizeDate(str("published"));
  if (published.empty()) published = NormalizeDate(str("publish_date"));
  if (!published.empty()) doc.published = published;
  if (auto a = j.find("authors"); a != j.end()) {
    std::vector<std::string> given;
    if (a->is_array()) {
      for (const auto& x : *a)
        if (x.is_string()) given.push_back(x.get<std::string>());
    } else if (a->is_string()) {
      given.push_back(a->get<std::string>());
    }
    doc.authors = std::move(given);  // as the crawler gave them (the credibility model is trained on these)
  }
  static const char* kRead[] = {"id", "url", "outlet", "site_name", "published", "publish_date", "title", "text", "authors"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool read = false;
    for (const char* k : kRead) read = read || it.key() == k;
    if (read || it->is_object() || it->is_array() || it->is_null()) continue;
    doc.metadata.emplace_back(it.key(), it->is_string() ? it->get<std::string>() : it->dump());
  }
  // Collapse the title to one line so it stays one paragraph.
  for (char& c : doc.title)
    if (c == '\n' || c == '\r') c = ' ';
  doc.text = doc.title;
  doc.title_byte_begin = 0;
  doc.title_byte_end = static_cast<uint32_t>(doc.title.size());
  doc.text += "\n\n";
  doc.body_byte_begin = static_cast<uint32_t>(doc.text.size());
  doc.text += body;
  bool body_has_text = false;
  for (char c : body) body_has_text = body_has_text || !std::isspace(static_cast<unsigned char>(c));
  if (!body_has_text) return DataLossError(where + ": \"text\" is empty");
  if (Status s = internal::FinishDocument(doc); !s.ok()) return s.WithContext(where);
  return doc;
}

}  // namespace hearsay::ingest
