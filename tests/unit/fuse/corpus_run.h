#pragma once
// Runs the whole pipeline on a folder (the examples, the seeds) for the corpus tests.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "hearsay/pipeline.h"
#include "ingest/ingest.h"

namespace hearsay::testing {

struct CorpusRun {
  std::vector<Document> docs;
  CorpusResult result;
  size_t claims = 0;

  // Ingests `folder` and analyses it with the project's models (rules only when absent).
  void Analyze(const std::string& folder) {
    struct Collect : ingest::DocumentSink {
      void OnDocument(Document d) override { docs.push_back(std::move(d)); }
      void OnReject(Reject) override {}
      std::vector<Document> docs;
    } sink;
    ASSERT_TRUE(ingest::IngestPaths({folder}, {}, sink).ok());
    docs = std::move(sink.docs);
    for (size_t i = 0; i < docs.size(); ++i) docs[i].ingest_seq = i;
    auto models = LoadModels(std::string(HEARSAY_SOURCE_DIR) + "/models");
    ASSERT_TRUE(models.ok()) << models.status().ToString();
    result = AnalyzeCorpus(docs, *models, 2);
    for (const DocumentAnalysis& a : result.analyses) claims += a.claims.size();
  }

  size_t DocIndex(const std::string& path_part) const {
    for (size_t i = 0; i < docs.size(); ++i)
      if (docs[i].path.find(path_part) != std::string::npos) return i;
    return docs.size();
  }

  // The PERSON entity named `name` (or with it as an alias) that is in the most documents.
  const Entity* Person(const std::string& name) const {
    const Entity* best = nullptr;
    for (const Entity& e : result.corpus.entities) {
      if (e.type != EntityType::kPerson) continue;
      bool match = e.name == name;
      for (const std::string& a : e.aliases) match = match || a == name;
      if (match && (!best || DocCount(e) > DocCount(*best))) best = &e;
    }
    return best;
  }
  static size_t DocCount(const Entity& e) {
    std::set<uint32_t> docs;
    for (const MentionRef& m : e.mentions) docs.insert(m.doc_idx);
    return docs.size();
  }
  std::string ClusterPredicate(const std::string& cluster_id) const {
    for (const ClaimCluster& k : result.corpus.clusters)
      if (k.id == cluster_id) return std::string(hearsay::PredicateName(k.predicate));
    return "";
  }
};

}  // namespace hearsay::testing

// Expectations on claims need the extract stage, on people the entity stage. A stage that
// produces nothing fails the test (with a message naming the stage), never skips it.
#define HEARSAY_ASSERT_CLAIMS(run)                                                    \
  do {                                                                                 \
    ASSERT_GT((run).claims, 0u) << "the extract stage produced no claims"; \
  } while (0)
#define HEARSAY_ASSERT_PEOPLE(run)                                                             \
  do {                                                                                          \
    bool hearsay_people_ = false;                                                               \
    for (const auto& e : (run).result.corpus.entities)                                          \
      hearsay_people_ = hearsay_people_ || (e.type == EntityType::kPerson && e.name.find(' ') != std::string::npos); \
    ASSERT_TRUE(hearsay_people_) << "the entity stage found no full-name people";            \
  } while (0)
