#include "extract/train/own_outlet_train.h"

#include <algorithm>
#include <random>

#include "common/file_io.h"
#include "entities/entities.h"
#include "extract/extract.h"
#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"
#include "extract/lexicon.h"
#include "ingest/ingest.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::extract::train {
namespace {

// One article as the trainer keeps it: its units' features and groups, which
// groups name the URL's outlet, and the URL outlet's key (empty: the URL names none).
struct Art {
  std::vector<std::vector<uint64_t>> features;
  std::vector<uint32_t> group;
  std::vector<uint8_t> positive;  // per group
  std::string truth_key;
  bool names_own = false;
  int rules_group = -1;  // the group the hand rules name (OwnOutletByRules), or -1
};

bool SameKey(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() && (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0);
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// Does `text` hold `name` as written, with no word character against a word character of its
// ends (the evaluation script's \b)?
bool HoldsName(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (size_t p = text.find(name); p != std::string_view::npos; p = text.find(name, p + 1)) {
    const bool left = p == 0 || !IsWordChar(name.front()) || !IsWordChar(text[p - 1]);
    const size_t e = p + name.size();
    const bool right = e == text.size() || !IsWordChar(name.back()) || !IsWordChar(text[e]);
    if (left && right) return true;
  }
  return false;
}

// An article read as `hearsay analyze` reads it without its url and authors (pipeline.cc
// AnalyzeDocument up to the extract stage); its URL outlet only labels the candidates.
Art ReadArticle(Document doc, const entities::Tagger* tagger, const syntax::Parser* parser, uint32_t pooling) {
  Art art;
  const std::string truth = doc.outlet.value_or("");
  art.truth_key = OutletKey(truth);
  art.names_own = HoldsName(doc.text, truth);
  doc.url.reset(), doc.outlet.reset(), doc.authors.clear();
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(doc);
  if (a.layout.tokens.empty()) return art;
  entities::FindMentions(doc, a.layout, tagger, &a.mentions);
  if (parser) {
    std::vector<bool> select = SentencesToParse(doc, a.layout, a.mentions);
    a.syntax = parser->ParseDocument(doc.text, a.layout, &select);
  }
  resolve::ResolveInDocument(doc, &a);
  DocView v(doc, &a, DefaultLexicon());
  const OutletMentions m = OutletCandidates(v);
  art.positive.assign(m.group_size.size(), 0);
  if (const std::string rules = OwnOutletByRules(v); !rules.empty())
    for (const OutletCandidate& c : m.list)
      if (OutletKey(c.name) == OutletKey(rules)) art.rules_group = static_cast<int>(c.group);
  // The units scored: each mention (max pooling), or each name with its mentions' features
  // together (sum pooling).
  const bool sum = pooling == OwnOutletModel::kSumPooling;
  std::vector<uint64_t> f;
  for (size_t i = 0; i < m.list.size(); ++i) {
    OwnOutletFeatures(v, m, i, &f);
    const uint32_t g = m.list[i].group;
    if (SameKey(OutletKey(m.list[i].name), art.truth_key)) art.positive[g] = 1;
    if (sum && g < art.features.size()) {
      art.features[g].insert(art.features[g].end(), f.begin(), f.end());
      continue;
    }
    art.features.push_back(f);
    art.group.push_back(g);
  }
  return art;
}

Result<std::vector<Art>> ReadSplit(const std::string& path, const entities::Tagger* tagger,
                                   const syntax::Parser* parser, uint32_t pooling) {
  auto bytes = ReadWholeFile(path, 1ull << 30);
  if (!bytes.ok()) return bytes.status();
  std::vector<Art> out;
  uint64_t line_no = 0;
  for (size_t p = 0; p < bytes->size();) {
    size_t e = bytes->find('\n', p);
    if (e == std::string::npos) e = bytes->size();
    ++line_no;
    std::string_view line(bytes->data() + p, e - p);
    p = e + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto doc = ingest::ParseJsonLine(path, line_no, line);
    if (!doc.ok()) continue;  // the analyzer rejects it too
    out.push_back(ReadArticle(std::move(doc).value(), tagger, parser, pooling));
  }
  return out;
}

std::vector<float> Scores(const syntax::LinearModel& m, const Art& a) {
  std::vector<float> s(a.features.size());
  for (size_t i = 0; i < s.size(); ++i) {
    float c[2] = {0, 0};
    m.Score(a.features[i].data(), a.features[i].size(), c);
    s[i] = c[1] - c[0];
  }
  return s;
}

// The best candidate (all, or only those of positive groups); -1 when none.
int Best(const Art& a, const std::vector<float>& s, bool positive_only) {
  int best = -1;
  for (size_t i = 0; i < s.size(); ++i)
    if ((!positive_only || a.positive[a.group[i]]) && (best < 0 || s[i] > s[best])) best = static_cast<int>(i);
  return best;
}

// The latent ranking perceptron over the articles `idx` (see own_outlet_train.h).
void TrainOn(const std::vector<Art>& arts, std::vector<size_t> idx, const OwnOutletOptions& o,
             syntax::LinearModel* m) {
  std::mt19937 rng(o.seed);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[rng() % i]);
    for (size_t k : idx) {
      const Art& a = arts[k];
      const std::vector<float> s = Scores(*m, a);
      int guess = Best(a, s, false);
      if (guess >= 0 && s[guess] <= 0) guess = -1;  // "none" scores 0
      const int truth = Best(a, s, true);
      const bool guess_right = guess >= 0 ? a.positive[a.group[guess]] != 0 : truth < 0;
      if (guess_right) {
        m->Tick();
        continue;
      }
      if (truth >= 0) m->Update(a.features[truth].data(), a.features[truth].size(), 1, 0);
      if (guess >= 0) m->Update(a.features[guess].data(), a.features[guess].size(), 0, 1);
    }
  }
  m->Finalize();
}

// Per article with a URL outlet: the best candidate's score (-inf without one) and whether
// its name is the URL's.
struct Scored {
  float score;
  bool right;
  size_t article;
  int rules = -1;  // the hand rules name an outlet: -1 none, 0 not the URL's, 1 the URL's
};

Scored ScoreArticle(const syntax::LinearModel& m, const Art& a, size_t k) {
  const std::vector<float> s = Scores(m, a);
  const int best = Best(a, s, false);
  const int rules = a.rules_group < 0 ? -1 : a.positive[a.rules_group];
  if (best < 0) return {-1e30f, false, k, rules};
  return {s[best], a.positive[a.group[best]] != 0, k, rules};
}

// The figures at `threshold`, the model alone or (`with_rules`) as the pipeline decides: the
// hand rules' name, else the model's.
OwnOutletFigures Figures(const std::vector<Art>& arts, const std::vector<Scored>& scored, float threshold,
                         bool with_rules = false) {
  OwnOutletFigures f;
  for (const Scored& s : scored) {
    const Art& a = arts[s.article];
    const bool by_rules = with_rules && s.rules >= 0;
    const bool named = by_rules || s.score > threshold;
    f.articles += 1;
    f.named += named, f.right += by_rules ? s.rules == 1 : named && s.right;
    f.names_own += a.names_own, f.found_own += a.names_own && named;
    f.reachable += std::any_of(a.positive.begin(), a.positive.end(), [](uint8_t p) { return p != 0; });
  }
  return f;
}

// The lowest threshold whose named articles are right in at least `precision` of cases, over
// the articles the hand rules name none of (the model decides only those in the pipeline).
float ChooseThreshold(std::vector<Scored> scored, double precision) {
  scored.erase(std::remove_if(scored.begin(), scored.end(), [](const Scored& s) { return s.rules >= 0; }),
               scored.end());
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.article < b.article;
  });
  size_t right = 0, best_k = 0;
  for (size_t k = 0; k < scored.size() && scored[k].score > -1e29f; ++k) {
    right += scored[k].right;
    const bool tie = k + 1 < scored.size() && scored[k + 1].score == scored[k].score;
    if (!tie && double(right) >= precision * double(k + 1)) best_k = k + 1;
  }
  if (best_k == 0) return scored.empty() ? 0.0f : scored.front().score;
  if (best_k == scored.size() || scored[best_k].score < -1e29f) return scored[best_k - 1].score - 1.0f;
  return (scored[best_k - 1].score + scored[best_k].score) / 2;
}

uint32_t FoldOf(const std::string& key, int folds) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return static_cast<uint32_t>(h % static_cast<uint64_t>(folds));
}

// Out-of-fold scores of the articles `all` of train: article k in fold k % folds, or
// (`by_outlet`) in the fold of its URL outlet's key, so no fold's model saw its outlets.
std::vector<Scored> CrossValidate(const std::vector<Art>& train, const std::vector<size_t>& all,
                                  const OwnOutletOptions& o, bool by_outlet) {
  std::vector<Scored> cv;
  for (int f = 0; f < o.folds; ++f) {
    std::vector<size_t> in, held;
    for (size_t k : all) {
      const uint32_t fold = by_outlet ? FoldOf(train[k].truth_key, o.folds) : uint32_t(k % size_t(o.folds));
      (fold == uint32_t(f) ? held : in).push_back(k);
    }
    syntax::LinearModel m(2);
    TrainOn(train, in, o, &m);
    for (size_t k : held) cv.push_back(ScoreArticle(m, train[k], k));
  }
  std::sort(cv.begin(), cv.end(), [](const Scored& a, const Scored& b) { return a.article < b.article; });
  return cv;
}

}  // namespace

Result<OwnOutletTrained> TrainOwnOutlet(const OwnOutletOptions& o) {
  auto tagger = entities::LoadTagger(o.models_dir);
  if (!tagger.ok()) return tagger.status();
  std::unique_ptr<syntax::Parser> parser;
  if (auto p = syntax::Parser::Load(o.models_dir + "/parser.hsp"); p.ok()) parser = std::move(p).value();
  else return p.status();
  auto train = ReadSplit(o.gossipcop_dir + "/gossipcop_train.jsonl", tagger->get(), parser.get(), o.pooling);
  if (!train.ok()) return train.status();
  auto dev = ReadSplit(o.gossipcop_dir + "/gossipcop_dev.jsonl", tagger->get(), parser.get(), o.pooling);
  if (!dev.ok()) return dev.status();
  OwnOutletTrained out;
  std::vector<size_t> all;
  for (size_t k = 0; k < train->size(); ++k)
    if (!(*train)[k].truth_key.empty()) all.push_back(k), out.train_candidates += (*train)[k].features.size();
  const std::vector<Scored> cv = CrossValidate(*train, all, o, false);
  const std::vector<Scored> cv_outlets = CrossValidate(*train, all, o, true);
  out.model = std::make_unique<OwnOutletModel>();
  out.model->pooling = o.pooling;
  out.model->threshold = ChooseThreshold(cv, o.precision);
  out.cv = Figures(*train, cv, out.model->threshold);
  out.cv_with_rules = Figures(*train, cv, out.model->threshold, true);
  out.cv_outlets = Figures(*train, cv_outlets, out.model->threshold);
  out.cv_outlets_threshold = ChooseThreshold(cv_outlets, o.precision);
  out.cv_outlets_own = Figures(*train, cv_outlets, out.cv_outlets_threshold);
  TrainOn(*train, all, o, &out.model->linear);
  std::vector<Scored> scored;
  for (size_t k = 0; k < dev->size(); ++k)
    if (!(*dev)[k].truth_key.empty()) scored.push_back(ScoreArticle(out.model->linear, (*dev)[k], k));
  out.dev = Figures(*dev, scored, out.model->threshold);
  out.dev_with_rules = Figures(*dev, scored, out.model->threshold, true);
  return out;
}

}  // namespace hearsay::extract::train
