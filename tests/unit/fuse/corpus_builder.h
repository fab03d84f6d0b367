#pragma once
// Hand-built corpora for fuse and cross-document resolution tests: documents with local
// entities and claims, as the per-document stages would produce them, then the corpus
// stages run on them.
//
//   CorpusBuilder b;
//   auto& d = b.Doc("a", "2025-03-07", "StarWire");
//   int tom = d.Person("Tom Cruise"), ana = d.Person("Ana de Armas");
//   d.Claim(tom, "dating", ana).time_from = "2025-02";
//   CorpusAnalysis c = b.Run();
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "fuse/fuse.h"
#include "hearsay/document.h"
#include "hearsay/records.h"
#include "resolve/resolve.h"

namespace hearsay::testing {

struct DocBuilder {
  Document doc;
  DocumentAnalysis analysis;

  int Entity(const std::string& name, EntityType type, std::vector<std::string> aliases = {}, std::string gender = "") {
    aliases.insert(aliases.begin(), name);
    analysis.local_entities.push_back(LocalEntity{name, type, aliases, gender});
    int idx = static_cast<int>(analysis.local_entities.size()) - 1;
    Mention m;
    m.type = type;
    m.entity_idx = idx;
    analysis.mentions.push_back(m);
    return idx;
  }
  int Person(const std::string& name, std::vector<std::string> aliases = {}, std::string gender = "") {
    return Entity(name, EntityType::kPerson, std::move(aliases), std::move(gender));
  }
  hearsay::Claim& Claim(int subject, const std::string& predicate, int object = -1) {
    hearsay::Claim c;
    c.subject_entity = subject;
    c.predicate = hearsay::ParsePredicate(predicate).value();
    c.object_entity = object;
    c.source.kind = SourceKind::kAnonymous;
    c.source.text = "a source";
    analysis.claims.push_back(c);
    return analysis.claims.back();
  }
  hearsay::Claim& Age(int subject, const std::string& value) {
    hearsay::Claim& c = Claim(subject, "age");
    c.value = value;
    c.source.kind = SourceKind::kAuthor;
    return c;
  }
  hearsay::Claim& Deny(int subject, const std::string& predicate, int object = -1) {
    hearsay::Claim& c = Claim(subject, predicate, object);
    c.polarity = Polarity::kDenied;
    return c;
  }
  void Cites(const std::string& outlet, ProvenanceKind kind = ProvenanceKind::kCites) {
    analysis.citations.push_back(CitedOutlet{outlet, kind, 0, 0});
  }
};

class CorpusBuilder {
 public:
  DocBuilder& Doc(const std::string& id, std::optional<std::string> published = std::nullopt,
                  std::optional<std::string> outlet = std::nullopt, std::string text = "") {
    docs_.emplace_back();
    DocBuilder& d = docs_.back();
    d.doc.id = id;
    d.doc.published = std::move(published);
    d.doc.outlet = std::move(outlet);
    d.doc.text = std::move(text);
    d.doc.ingest_seq = docs_.size();
    return d;
  }

  CorpusAnalysis Run() {
    documents.clear();
    analyses.clear();
    for (DocBuilder& d : docs_) {
      documents.push_back(d.doc);
      analyses.push_back(d.analysis);
    }
    CorpusAnalysis corpus;
    resolve::ResolveAcrossDocuments(documents, analyses, &corpus);
    fuse::Fuse(documents, analyses, &corpus);
    return corpus;
  }

  // Global entity of local entity `local` in document `doc_idx` after Run().
  static const Entity* Global(const CorpusAnalysis& c, size_t doc_idx, int local) {
    int32_t g = c.local_to_global[doc_idx][local];
    return g < 0 ? nullptr : &c.entities[g];
  }

  std::vector<Document> documents;
  std::vector<DocumentAnalysis> analyses;

 private:
  std::deque<DocBuilder> docs_;  // stable references
};

}  // namespace hearsay::testing
