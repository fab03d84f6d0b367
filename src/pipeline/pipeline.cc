#include "hearsay/pipeline.h"

#include <atomic>
#include <iterator>
#include <filesystem>

#include "common/parallel.h"
#include "entities/entities.h"
#include "extract/attribution_model.h"
#include "extract/relation_scorer.h"
#include "extract/extract.h"
#include "extract/own_outlet.h"
#include "fuse/fuse.h"
#include "fuse/near_duplicates.h"
#include "resolve/resolve.h"
#include "score/score.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay {

Models::Models() = default;
Models::~Models() = default;
Models::Models(Models&&) noexcept = default;
Models& Models::operator=(Models&&) noexcept = default;

Result<Models> LoadModels(const std::string& dir) {
  Models models;
  if (!std::filesystem::is_directory(dir)) {
    models.notes.push_back("no models folder at " + dir + ": entities by rules only, articles not scored");
    return models;
  }
  auto tagger = entities::LoadTagger(dir);
  if (!tagger.ok()) return tagger.status();
  models.tagger = std::move(tagger).value();
  if (!models.tagger) models.notes.push_back("no entity tagger model in " + dir + ": entities by rules only");
  // A model file that may be absent: loaded into *out when present, else a note saying what the
  // run does without it; a file that is present but unreadable is an error.
  auto optional = [&](const std::string& file, auto load, auto* out, const std::string& without) -> Status {
    const std::string path = dir + "/" + file;
    if (!std::filesystem::exists(path)) {
      models.notes.push_back(without);
      return Status::Ok();
    }
    auto model = load(path);
    if (!model.ok()) return model.status();
    *out = std::move(model).value();
    return Status::Ok();
  };
  const Status statuses[] = {
      optional("parser.hsp", syntax::Parser::Load, &models.parser,
               "no parser model in " + dir + ": no dependency trees, extract uses token patterns only"),
      optional("attribution.hsa", extract::AttributionModel::Load, &models.attribution,
               "no attribution model in " + dir + ": reported speech only after cue verbs of the lexicon"),
      optional("relations.hsr", extract::RelationScorer::Load, &models.relations,
               "no relation scorer in " + dir + ": family relations as the rules read them"),
      optional(resolve::kCorefModelFile, resolve::CorefModel::Load, &models.coref,
               "no coreference model in " + dir + ": pronouns by the nearest-person rule"),
      optional("own_outlet.hso", extract::OwnOutletModel::Load, &models.own_outlet,
               "no own-outlet model in " + dir + ": the article's own outlet by hand rules")};
  for (const Status& s : statuses)
    if (!s.ok()) return s;
  auto article = score::LoadArticleModel(dir);
  if (!article.ok()) return article.status();
  models.article_model = std::move(article).value();
  if (!models.article_model) models.notes.push_back("no article credibility model in " + dir + ": articles not scored");
  return models;
}

DocumentAnalysis AnalyzeDocument(const Document& doc, const Models& models) {
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(doc);
  entities::FindMentions(doc, a.layout, models.tagger.get(), &a.mentions);
  if (models.parser) {  // after the entities: the relation selection counts people
    std::vector<bool> select = extract::SentencesToParse(doc, a.layout, a.mentions);
    a.syntax = models.parser->ParseDocument(doc.text, a.layout, &select);
  }
  resolve::ResolveInDocument(doc, &a, {models.tagger ? models.tagger->gazetteer() : nullptr, models.coref.get()});
  extract::ExtractClaims(doc, &a, models.attribution.get(), models.relations.get(), models.own_outlet.get());
  score::ScoreDocument(doc, models.article_model.get(), &a);
  return a;
}

namespace {

// Vectors grown by push_back hold up to twice their size; what the corpus stage keeps for
// every document of a run is cut to its size (a copy when smaller: shrink_to_fit may not).
template <typename T>
void Fit(std::vector<T>& v) {
  if (v.capacity() > v.size()) std::vector<T>(std::make_move_iterator(v.begin()), std::make_move_iterator(v.end())).swap(v);
}
void Fit(std::string& s) {
  if (s.capacity() > s.size() && s.capacity() > 15) std::string(s).swap(s);  // 15: held inline
}
void Fit(std::optional<std::string>& s) {
  if (s) Fit(*s);
}
void Fit(Attribution& a) {
  Fit(a.text);
  Fit(a.via_outlet);
}

void ShrinkKept(DocumentAnalysis* a) {
  Fit(a->layout.paragraphs);
  Fit(a->layout.quote_spans);
  Fit(a->mentions);
  Fit(a->local_entities);
  for (LocalEntity& e : a->local_entities) {
    Fit(e.name);
    Fit(e.aliases);
    for (std::string& alias : e.aliases) Fit(alias);
  }
  Fit(a->quotes);
  for (Quote& q : a->quotes) Fit(q.speaker);
  Fit(a->attributions);
  for (AttributionRecord& r : a->attributions) Fit(r.source);
  Fit(a->claims);
  for (Claim& c : a->claims) {
    for (std::optional<std::string>* s : {&c.object_text, &c.value, &c.time_from, &c.time_to}) Fit(*s);
    Fit(c.source);
  }
  Fit(a->citations);
  for (CitedOutlet& c : a->citations) Fit(c.outlet);
  Fit(a->detected_outlet);
  Fit(a->credibility_reasons);
  for (std::string& r : a->credibility_reasons) Fit(r);
}

// What every run keeps of the corpus stages until its outputs are written, cut to size.
void FitCorpus(CorpusAnalysis* c) {
  Fit(c->entities);
  for (Entity& e : c->entities) {
    Fit(e.name);
    Fit(e.aliases);
    for (std::string& alias : e.aliases) Fit(alias);
    Fit(e.mentions);
  }
  Fit(c->clusters);
  for (ClaimCluster& k : c->clusters) {
    Fit(k.claims);
    Fit(k.documents);
    Fit(k.outlets);
    Fit(k.rereport_of);
    Fit(k.reasons);
    for (std::string& r : k.reasons) Fit(r);
  }
  Fit(c->contradictions);
  Fit(c->provenance);
  Fit(c->duplicates);
}

}  // namespace

void ReleaseForCorpus(DocumentAnalysis* a) {
  a->syntax = syntax::Syntax{};
  TextLayout& l = a->layout;
  l.released_tokens += static_cast<uint32_t>(l.tokens.size());
  l.released_sentences += static_cast<uint32_t>(l.sentences.size());
  std::vector<Token>().swap(l.tokens);
  std::vector<Sentence>().swap(l.sentences);
  ShrinkKept(a);
}

CorpusResult AnalyzeCorpus(const std::vector<Document>& docs, const Models& models, int jobs,
                           const std::function<void(size_t, size_t)>& progress) {
  CorpusResult r;
  r.analyses.resize(docs.size());
  std::atomic<size_t> done{0};
  ParallelFor(docs.size(), jobs, [&](size_t i) {
    r.analyses[i] = AnalyzeDocument(docs[i], models);
    size_t n = ++done;
    if (progress) progress(n, docs.size());
  });
  r.corpus = AnalyzeCorpusStages(docs, r.analyses);
  return r;
}

CorpusAnalysis AnalyzeCorpusStages(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                                   const std::vector<DuplicatePair>* duplicates, const TextSpill* texts) {
  CorpusAnalysis corpus;
  resolve::ResolveAcrossDocuments(docs, analyses, &corpus);
  fuse::Fuse(docs, analyses, &corpus, nullptr, nullptr, duplicates, texts);
  score::ScoreClusters(docs, analyses, &corpus);
  FitCorpus(&corpus);
  return corpus;
}

std::vector<DuplicatePair> FindNearDuplicateDocuments(const std::vector<Document>& docs, int jobs, const TextSpill* texts) {
  fuse::NearDuplicateOptions options;
  options.jobs = jobs;
  options.texts = texts;
  return fuse::FindNearDuplicates(docs, options);
}

Result<CorpusAnalysis> AnalyzeCorpusStages(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                                           CorpusKeyGroups& groups, const TextSpill* texts) {
  auto buckets = groups.LshBuckets();
  if (!buckets.ok()) return buckets.status();
  auto entity_groups = groups.EntityGroups(analyses);
  if (!entity_groups.ok()) return entity_groups.status();
  CorpusAnalysis corpus;
  resolve::ResolveAcrossDocuments(docs, analyses, &corpus, &*entity_groups);
  entity_groups->clear();
  auto claim_groups = groups.ClaimGroups(analyses, corpus);
  if (!claim_groups.ok()) return claim_groups.status();
  fuse::Fuse(docs, analyses, &corpus, &*buckets, &*claim_groups, nullptr, texts);
  score::ScoreClusters(docs, analyses, &corpus);
  FitCorpus(&corpus);
  return corpus;
}

}  // namespace hearsay
