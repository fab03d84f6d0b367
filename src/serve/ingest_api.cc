#include "serve/ingest_api.h"

#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "store/store.h"

namespace hearsay::serve {
namespace {

struct Collect : ingest::DocumentSink {
  void OnDocument(Document d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject r) override { rejects.push_back(std::move(r)); }
  std::vector<Document> docs;
  std::vector<Reject> rejects;
};

}  // namespace

bool TokenMatches(const std::string& given, const std::string& expected) {
  unsigned diff = given.size() == expected.size() ? 0u : 1u;
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(expected[i % (expected.size() + 1)]);
  return diff == 0 && !expected.empty();
}

std::string BodyAsJsonLines(const std::string& body) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || body[first] != '[') {
    // One object, or JSON Lines: a single pretty-printed object is folded onto one line.
    Json one = Json::parse(body, nullptr, false);
    return one.is_object() ? one.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n" : body;
  }
  Json all = Json::parse(body, nullptr, false);
  if (!all.is_array()) return body;  // not JSON: the ingest stage rejects it with the line
  std::string out;
  for (const Json& item : all) out += item.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  return out;
}

Result<std::unique_ptr<Ingester>> Ingester::Create(const ServeOptions& options) {
  std::unique_ptr<Ingester> in(new Ingester(options));
  auto models = LoadModels(options.models_dir);
  if (!models.ok()) return models.status();
  in->models_ = std::move(*models);
  auto store = store::Store::Open(options.db_path);  // fails early on a read-only file
  if (!store.ok()) return store.status();
  return in;
}

Result<Json> Ingester::Ingest(const std::string& authorization, const std::string& body) {
  const std::string prefix = "Bearer ";
  std::string given = authorization.rfind(prefix, 0) == 0 ? authorization.substr(prefix.size()) : "";
  if (!TokenMatches(given, options_.token)) return PermissionDeniedError("ingest needs the server's token (Authorization: Bearer T)");
  Collect sink;
  ingest::IngestBytes("api-post.jsonl", BodyAsJsonLines(body), ingest::IngestOptions{}, sink);
  if (sink.docs.empty() && sink.rejects.empty()) return InvalidArgumentError("the body holds no article");
  std::lock_guard<std::mutex> lock(mu_);
  auto store = store::Store::Open(options_.db_path);
  if (!store.ok()) return store.status();
  auto run = (*store)->BeginRun("serve ingest");
  if (!run.ok()) return run.status();
  auto added = (*store)->AddBatch(sink.docs, sink.rejects, {}, *run);
  if (!added.ok()) return added.status();
  HEARSAY_RETURN_IF_ERROR((*store)->FinishRun(*run, sink.docs.size(), added->added, sink.rejects.size()));
  Json ids = Json::array(), rejects = Json::array();
  for (const Document& d : sink.docs) ids.push_back(d.id);
  for (const Reject& r : sink.rejects)
    rejects.push_back(Json{{"where", r.where ? Json(*r.where) : Json(nullptr)}, {"stage", r.stage}, {"reason", r.reason}});
  return Json{{"run", *run}, {"added", added->added}, {"existing", added->existing}, {"documents", ids}, {"rejects", rejects}};
}

}  // namespace hearsay::serve
