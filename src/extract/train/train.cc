#include "extract/train/train.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "common/file_io.h"
#include "extract/internal/doc_view.h"
#include "extract/lexicon.h"
#include "text/text.h"

namespace hearsay::extract::train {
namespace fs = std::filesystem;
namespace {

struct Example {
  std::vector<uint64_t> features;
  bool cue = false;
};

// The spans of type `type` in a brat file: "T<n>\t<type> <start> <end>[;<start> <end>]\t<surface>";
// each fragment is a span, or (`join`) one span from the first fragment's start to the last's end.
std::vector<std::pair<uint32_t, uint32_t>> Spans(const std::string& ann, const std::vector<uint32_t>& c2b,
                                                 const std::string& type, bool join) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  std::stringstream ss(ann);
  std::string line;
  while (std::getline(ss, line)) {
    if (line.rfind('T', 0) != 0) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line.compare(tab + 1, type.size() + 1, type + " ") != 0) continue;
    const size_t from = tab + 2 + type.size();
    std::string mid = line.substr(from, line.find('\t', tab + 1) - from);
    std::stringstream ms(mid);
    std::string frag;
    uint32_t lo = UINT32_MAX, hi = 0;
    while (std::getline(ms, frag, ';')) {
      uint32_t a = 0, b = 0;
      std::stringstream fs_(frag);
      if (!(fs_ >> a >> b) || a >= b || b >= c2b.size()) continue;
      if (!join) out.push_back({c2b[a], c2b[b]});
      lo = std::min(lo, c2b[a]), hi = std::max(hi, c2b[b]);
    }
    if (join && lo < hi) out.push_back({lo, hi});
  }
  return out;
}

}  // namespace

Result<std::vector<Article>> ReadSplit(const std::string& dir_name) {
  const fs::path dir(dir_name);
  if (!fs::is_directory(dir / "attributions") || !fs::is_directory(dir / "text"))
    return NotFoundError(dir.string() + ": no text/ and attributions/ folders (PolNeAR absent?)");
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(dir / "attributions")) anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  std::map<std::string, fs::path> first;
  for (const fs::path& a : anns) {
    std::string stem = a.stem().string();
    first.emplace(stem.substr(0, stem.rfind('_')), a);
  }
  std::vector<Article> out;
  for (const auto& [name, ann_path] : first) {
    auto text = ReadWholeFile((dir / "text" / (name + ".txt")).string(), 16u << 20);
    if (!text.ok()) continue;  // an annotation without its text is not an example
    auto ann = ReadWholeFile(ann_path.string(), 16u << 20);
    if (!ann.ok()) return ann.status();
    Article a;
    a.text = std::move(*text);
    const std::vector<uint32_t> c2b = CharToByte(a.text);
    a.cues = Spans(*ann, c2b, "Cue", false);
    a.contents = Spans(*ann, c2b, "Content", true);
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

// Calls fn(view, token, is_cue, quote_in_sentence) for every word token outside quotation marks in a body sentence.
template <typename Fn>
void ForEachToken(const Article& art, Fn fn) {
  Document doc;
  doc.text = art.text;
  DocumentAnalysis a;
  a.layout = text::AnalyzeTextSpan(doc.text, 0, 0);
  if (a.layout.tokens.empty()) return;
  DocView v(doc, &a, DefaultLexicon());
  for (const Sentence& sn : a.layout.sentences) {
    if (a.layout.paragraphs[sn.paragraph_idx].kind != BlockKind::kBody) continue;
    const bool quote_mark = HasQuoteMark(v, sn.token_begin, sn.token_end);
    for (uint32_t t = sn.token_begin; t < sn.token_end; ++t) {
      if (!v.IsWord(t) || v.quote_at[t] >= 0) continue;
      bool cue = std::any_of(art.cues.begin(), art.cues.end(), [&](const auto& c) {
        return v.toks[t].byte_begin < c.second && c.first < v.toks[t].byte_end;
      });
      fn(v, t, cue, quote_mark);
    }
  }
}

// Threshold maximising F-beta over (score, is_cue) pairs, recall over `gold` positives (beta > 1
// favours recall); *f1 is F1 at that threshold.
double BestThreshold(std::vector<std::pair<float, bool>> scored, size_t gold, double beta, double* p, double* r,
                     double* f1) {
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t tp = 0;
  double best = -1, best_t = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    tp += scored[i].second;
    if (i + 1 < scored.size() && scored[i + 1].first == scored[i].first) continue;
    double prec = double(tp) / double(i + 1), rec = gold ? double(tp) / double(gold) : 0;
    const double b2 = beta * beta;
    double f = prec + rec > 0 ? (1 + b2) * prec * rec / (b2 * prec + rec) : 0;
    if (f > best) {
      best = f, *p = prec, *r = rec, *f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
      best_t = i + 1 < scored.size() ? (scored[i].first + scored[i + 1].first) / 2 : scored[i].first - 1;
    }
  }
  return best_t;
}

}  // namespace

std::vector<uint32_t> CharToByte(const std::string& s) {
  std::vector<uint32_t> m;
  for (uint32_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) m.push_back(i);
  m.push_back(static_cast<uint32_t>(s.size()));
  return m;
}

void TrainCueModel(const Options& o, const std::vector<Article>& train, const std::vector<Article>& dev,
                   AttributionModel* model, Trained* out) {
  AttributionModel& m = *model;
  std::map<std::string, std::pair<int, int>> counts;  // word -> (cue tokens, all tokens)
  for (const Article& art : train)
    ForEachToken(art, [&](const DocView& v, uint32_t t, bool cue, bool) {
      auto& c = counts[v.lower[t]];
      c.first += cue;
      ++c.second;
    });
  for (const auto& [w, n] : counts)
    if (n.first >= o.min_count && n.first >= o.min_rate * n.second) m.vocabulary.insert(w);
  m.IndexVocabulary();
  std::vector<Example> examples;
  for (const Article& art : train)
    ForEachToken(art, [&](const DocView& v, uint32_t t, bool cue, bool quote_mark) {
      if (!m.IsCandidate(v.lower[t])) return;
      Example ex;
      ex.cue = cue;
      CueFeatures(v, t, quote_mark, &ex.features);
      examples.push_back(std::move(ex));
    });
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(o.seed);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t i : order) {
      const Example& ex = examples[i];
      float s[2] = {0, 0};
      m.linear.Score(ex.features.data(), ex.features.size(), s);
      int guess = s[1] > s[0] ? 1 : 0, truth = ex.cue ? 1 : 0;
      if (guess != truth) m.linear.Update(ex.features.data(), ex.features.size(), truth, guess);
      else m.linear.Tick();
    }
  }
  m.linear.Finalize();
  std::vector<std::pair<float, bool>> scored;
  std::vector<uint64_t> f;
  out->dev_gold_tokens = out->dev_gold_outside_vocabulary = 0;
  for (const Article& art : dev)
    ForEachToken(art, [&](const DocView& v, uint32_t t, bool cue, bool quote_mark) {
      out->dev_gold_tokens += cue;
      if (!m.IsCandidate(v.lower[t])) {
        out->dev_gold_outside_vocabulary += cue;
        return;
      }
      CueFeatures(v, t, quote_mark, &f);
      scored.push_back({m.Score(f), cue});
    });
  m.threshold = static_cast<float>(BestThreshold(scored, out->dev_gold_tokens, o.cue_beta, &out->dev_precision, &out->dev_recall, &out->dev_f1));
  double p1, r1, f1;  // the quote threshold: best cue-token F1
  m.quote_threshold = static_cast<float>(BestThreshold(scored, out->dev_gold_tokens, 1.0, &p1, &r1, &f1));
  out->train_examples = examples.size();
}

Result<Trained> Train(const Options& o) {
  auto train = ReadSplit((fs::path(o.polnear_dir) / "train").string());
  if (!train.ok()) return train.status();
  auto dev = ReadSplit((fs::path(o.polnear_dir) / "dev").string());
  if (!dev.ok()) return dev.status();
  Trained out;
  out.model = std::make_unique<AttributionModel>();
  TrainCueModel(o, *train, *dev, out.model.get(), &out);
  out.train_articles = train->size();
  out.dev_articles = dev->size();
  if (!o.models_dir.empty()) {
    Status s = TrainSpanParts(o, *train, *dev, out.model.get(), &out);
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace hearsay::extract::train
