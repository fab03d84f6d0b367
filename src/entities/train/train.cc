#include "entities/train/train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/file_io.h"
#include "common/sha256.h"
#include "entities/train/clusters.h"
#include "text/text.h"

namespace hearsay::entities::train {
namespace {

constexpr uint64_t kMaxDataBytes = 1ull << 30;

std::vector<std::string> SplitWs(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == sep || (sep == ' ' && c == '\t')) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

int TypeIndex(const std::string& conll_type) {
  static const char* kNames[] = {"PER", "ORG", "LOC", "MISC", "OUTLET", "WORK"};
  for (int t = 0; t < kNumTypes; ++t)
    if (conll_type == kNames[t]) return t;
  return -1;
}

// IOB1 -> IOB2: an I-X tag starts a span unless the previous tag is B-X or I-X.
void Iob1ToIob2(const std::vector<std::string>& tags, std::vector<int>* labels, const std::string& where) {
  labels->clear();
  int prev_type = -1;
  for (const std::string& tag : tags) {
    if (tag == "O" || tag.size() < 3) {
      labels->push_back(kOutside);
      prev_type = -1;
      continue;
    }
    int type = TypeIndex(tag.substr(2));
    if (type < 0) {
      std::cerr << "hearsay: " << where << ": unknown tag " << tag << ", read as O\n";
      labels->push_back(kOutside);
      prev_type = -1;
      continue;
    }
    bool begin = tag[0] == 'B' || prev_type != type;
    labels->push_back(begin ? BeginLabel(type) : InsideLabel(type));
    prev_type = type;
  }
}

}  // namespace

Result<std::vector<LabeledDocument>> ReadConll2003(const std::string& path) {
  auto bytes = ReadWholeFile(path, kMaxDataBytes);
  if (!bytes.ok()) return bytes.status();
  std::vector<LabeledDocument> docs;
  std::istringstream in(*bytes);
  std::string line;
  std::vector<std::string> tokens, tags;
  uint64_t line_no = 0;
  auto flush = [&] {
    if (tokens.empty()) return;
    if (docs.empty()) docs.emplace_back();
    LabeledSentence s;
    s.tokens = std::move(tokens);
    Iob1ToIob2(tags, &s.labels, path);
    s.block = docs.back().empty() ? BlockKind::kTitle : BlockKind::kBody;
    docs.back().push_back(std::move(s));
    tokens.clear();
    tags.clear();
  };
  while (std::getline(in, line)) {
    ++line_no;
    auto cols = SplitWs(line, ' ');
    if (cols.empty()) {
      flush();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      flush();
      docs.emplace_back();
      continue;
    }
    if (cols.size() < 2) return DataLossError(path + ":" + std::to_string(line_no) + ": expected `token ... tag`, found one column");
    tokens.push_back(cols[0]);
    tags.push_back(cols.back());
  }
  flush();
  docs.erase(std::remove_if(docs.begin(), docs.end(), [](const LabeledDocument& d) { return d.empty(); }), docs.end());
  return docs;
}

Result<std::vector<LabeledDocument>> ReadWnut17(const std::string& path) {
  auto bytes = ReadWholeFile(path, kMaxDataBytes);
  if (!bytes.ok()) return bytes.status();
  static const std::unordered_map<std::string, int> kMap = {
      {"person", 0}, {"corporation", 1}, {"group", 1}, {"location", 2}, {"product", 3}, {"creative-work", 5}};
  std::vector<LabeledDocument> docs;
  std::istringstream in(*bytes);
  std::string line;
  LabeledSentence cur;
  auto flush = [&] {
    if (cur.tokens.empty()) return;
    docs.push_back({std::move(cur)});
    cur = LabeledSentence();
  };
  while (std::getline(in, line)) {
    auto cols = SplitWs(line, '\t');
    if (cols.empty()) {
      flush();
      continue;
    }
    const std::string& tag = cols.back();
    int label = kOutside;
    if (cols.size() >= 2 && tag.size() > 2 && tag[1] == '-') {
      auto it = kMap.find(tag.substr(2));
      if (it != kMap.end()) label = tag[0] == 'B' ? BeginLabel(it->second) : InsideLabel(it->second);
    }
    if (label && !IsBegin(label) && (cur.labels.empty() || LabelType(cur.labels.back()) != LabelType(label)))
      label = BeginLabel(LabelType(label));
    cur.tokens.push_back(cols[0]);
    cur.labels.push_back(label);
  }
  flush();
  return docs;
}

void ScoreSentence(const std::vector<int>& gold, const std::vector<int>& pred, bool conll_types, Evaluation* eval) {
  auto map_type = [&](int label) {
    int t = LabelType(label);
    if (conll_types && t == 4) return 1;  // OUTLET -> ORG
    if (conll_types && t == 5) return 3;  // WORK -> MISC
    return t;
  };
  struct Span {
    size_t begin, end;
    int type;
    bool operator==(const Span& o) const { return begin == o.begin && end == o.end && type == o.type; }
  };
  auto spans = [&](const std::vector<int>& labels) {
    std::vector<Span> out;
    for (size_t i = 0; i < labels.size();) {
      int t = map_type(labels[i]);
      if (t < 0) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < labels.size() && !IsBegin(labels[j]) && labels[j] != kOutside && map_type(labels[j]) == t) ++j;
      out.push_back({i, j, t});
      i = j;
    }
    return out;
  };
  auto g = spans(gold), p = spans(pred);
  eval->tokens += gold.size();
  for (const Span& s : g) {
    ++eval->overall.gold;
    ++eval->by_type[s.type].gold;
  }
  for (const Span& s : p) {
    ++eval->overall.predicted;
    ++eval->by_type[s.type].predicted;
    if (std::find(g.begin(), g.end(), s) != g.end()) {
      ++eval->overall.correct;
      ++eval->by_type[s.type].correct;
    }
  }
}

std::string Evaluation::ToString() const {
  static const char* kNames[] = {"PER", "ORG", "LOC", "MISC", "OUTLET", "WORK"};
  char buf[256];
  std::string out;
  std::snprintf(buf, sizeof buf, "%-8s P %.4f R %.4f F1 %.4f (gold %llu, predicted %llu)\n", "overall",
                overall.Precision(), overall.Recall(), overall.F1(), (unsigned long long)overall.gold,
                (unsigned long long)overall.predicted);
  out += buf;
  for (int t = 0; t < kNumTypes; ++t) {
    const SpanCounts& c = by_type[t];
    if (!c.gold && !c.predicted) continue;
    std::snprintf(buf, sizeof buf, "%-8s P %.4f R %.4f F1 %.4f (gold %llu, predicted %llu)\n", kNames[t], c.Precision(),
                  c.Recall(), c.F1(), (unsigned long long)c.gold, (unsigned long long)c.predicted);
    out += buf;
  }
  return out;
}

namespace {

std::vector<SentenceInput> Inputs(const LabeledDocument& doc) {
  std::vector<SentenceInput> out;
  for (const LabeledSentence& s : doc) {
    SentenceInput in;
    for (const std::string& t : s.tokens) in.tokens.push_back(t);
    in.block = s.block;
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace

Evaluation Evaluate(const NerModel& model, const std::vector<LabeledDocument>& docs, bool conll_types, int stages) {
  Evaluation eval;
  std::vector<std::vector<int>> pred;
  for (const LabeledDocument& doc : docs) {
    model.TagDocument(Inputs(doc), &pred, stages);
    for (size_t i = 0; i < doc.size(); ++i) ScoreSentence(doc[i].labels, pred[i], conll_types, &eval);
  }
  return eval;
}

namespace {

// Honorifics and roles that precede a person's name. General English, not article-specific.
const char* kTitleWords[] = {"mr",       "mrs",     "ms",       "miss",     "dr",     "sir",      "dame",    "lady",
                             "lord",     "prof",    "professor", "president", "senator", "sen",    "rep",     "gov",
                             "governor", "judge",   "justice",  "king",     "queen",  "prince",   "princess", "pope",
                             "father",   "sister",  "brother",  "rev",      "reverend", "gen",    "general", "col",
                             "colonel",  "capt",    "captain",  "lt",       "sgt",    "officer",  "minister", "chancellor",
                             "mayor",    "coach",   "manager",  "director", "actor",  "actress", "singer",  "rapper",
                             "star",     "model",   "producer", "host",     "chef",   "photographer", "designer", "ceo",
                             "chairman", "spokesman", "spokeswoman", "spokesperson", "publicist", "rep", "agent",
                             "husband",  "wife",    "boyfriend", "girlfriend", "fiance", "fiancee", "ex-wife",
                             "ex-husband", "son",   "daughter", "mother",   "dad",    "mom",      "uncle",   "aunt"};

Status ReadUsNames(const std::string& dir, Gazetteer* gaz) {
  std::string first_path = dir + "/ssa_first_names_maxoccurbysex.txt";
  auto first = ReadWholeFile(first_path, kMaxDataBytes);
  if (!first.ok()) return first.status();
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> counts;  // lower name -> (female, male)
  std::istringstream in(*first);
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    auto cols = SplitWs(line, ',');
    if (cols.size() < 3) return DataLossError(first_path + ":" + std::to_string(line_no) + ": expected name,sex,count,year");
    uint32_t n = static_cast<uint32_t>(std::strtoul(cols[2].c_str(), nullptr, 10));
    auto& c = counts[LowerCase(cols[0])];
    (cols[1] == "F" ? c.first : c.second) = std::max(cols[1] == "F" ? c.first : c.second, n);
  }
  for (const auto& [name, c] : counts) {
    WordEntry e;
    e.female = c.first;
    e.male = c.second;
    e.classes = kFirstName;
    if (std::max(c.first, c.second) >= 1000) e.classes |= kFirstNameCommon;
    double total = double(c.first) + c.second;
    if (c.first >= 0.9 * total) e.classes |= kFirstNameFemale;
    if (c.second >= 0.9 * total) e.classes |= kFirstNameMale;
    gaz->AddWord(HashBytes(name, kGazetteerSeed), e);
  }
  std::string last_path = dir + "/census2010_surnames.csv";
  auto last = ReadWholeFile(last_path, kMaxDataBytes);
  if (!last.ok()) return last.status();
  std::istringstream lin(*last);
  line_no = 0;
  while (std::getline(lin, line)) {
    if (++line_no == 1) continue;  // header
    auto cols = SplitWs(line, ',');
    if (cols.size() == 1 && !line.empty() && line[0] == ',') continue;  // rows with an empty surname exist in the source
    if (cols.size() < 2) return DataLossError(last_path + ":" + std::to_string(line_no) + ": expected last_name,count");
    uint64_t n = std::strtoull(cols[1].c_str(), nullptr, 10);
    WordEntry e;
    e.classes = kSurname | (n >= 10000 ? kSurnameCommon : 0);
    gaz->AddWord(HashBytes(LowerCase(cols[0]), kGazetteerSeed), e);
  }
  return Status::Ok();
}

// Adds one phrase, tokenized with the text stage's tokenizer so it matches tagger tokens;
// returns false if it has no tokens or too many.
bool AddPhraseText(const std::string& phrase, uint8_t type, Gazetteer* gaz) {
  std::vector<Token> toks;
  text::Tokenize(phrase, 0, static_cast<uint32_t>(phrase.size()), &toks);
  if (toks.empty() || toks.size() > static_cast<size_t>(Gazetteer::kMaxPhraseTokens)) return false;
  std::vector<std::string> lowers;
  for (const Token& t : toks) lowers.push_back(LowerCase(phrase.substr(t.byte_begin, t.byte_end - t.byte_begin)));
  std::vector<std::string_view> views(lowers.begin(), lowers.end());
  gaz->AddPhrase(Gazetteer::PhraseHash(views), type);
  return true;
}

// Phrase list: one phrase per line, '#' comments, optional TAB-separated columns after the
// phrase (ignored).
Status ReadPhraseList(const std::string& path, uint8_t type, Gazetteer* gaz, size_t* count) {
  auto bytes = ReadWholeFile(path, kMaxDataBytes);
  if (!bytes.ok()) return bytes.status();
  std::istringstream in(*bytes);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    *count += AddPhraseText(line.substr(0, line.find('\t')), type, gaz);
  }
  return Status::Ok();
}

// Text of the GossipCop training articles (unlabelled), one string per article.
Result<std::vector<std::string>> ReadGossipcopTexts(const std::string& path) {
  auto bytes = ReadWholeFile(path, kMaxDataBytes);
  if (!bytes.ok()) return bytes.status();
  std::vector<std::string> texts;
  std::istringstream in(*bytes);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    try {
      auto j = nlohmann::json::parse(line);
      if (j.contains("title") && j["title"].is_string()) texts.push_back(j["title"].get<std::string>());
      if (j.contains("text") && j["text"].is_string()) texts.back() += "\n" + j["text"].get<std::string>();
    } catch (const std::exception&) {
      continue;  // crawl noise; counted by nobody because these texts only feed statistics
    }
  }
  return texts;
}

}  // namespace

Result<Gazetteer> BuildGazetteer(const TrainOptions& o) {
  Gazetteer gaz;
  HEARSAY_RETURN_IF_ERROR(ReadUsNames(o.shared_dir + "/data/us_names", &gaz));
  for (const char* w : kTitleWords) {
    WordEntry e;
    e.classes = kTitleWord;
    gaz.AddWord(HashBytes(w, kGazetteerSeed), e);
  }
  size_t phrases = 0;
  struct List {
    const char* file;
    uint8_t type;
  };
  for (const List& l : {List{"/outlets/outlets.txt", kPhraseOutlet}, List{"/works/works.txt", kPhraseWork},
                        List{"/demonyms/demonyms.txt", kPhraseMisc}}) {
    std::string path = o.data_dir + l.file;
    if (!std::filesystem::exists(path)) return NotFoundError(path + ": phrase list missing (see data/README.md)");
    HEARSAY_RETURN_IF_ERROR(ReadPhraseList(path, l.type, &gaz, &phrases));
  }
  if (o.verbose) std::cerr << "hearsay: gazetteer: " << gaz.words().size() << " words, " << phrases << " phrases\n";
  return gaz;
}

namespace {

struct Prepared {
  std::vector<uint32_t> buckets;  // feature buckets, all tokens
  std::vector<uint32_t> offsets;  // token t: buckets[offsets[t]..offsets[t+1])
  std::vector<int> gold;
  std::vector<uint64_t> keys;     // history keys (FeatureExtractor::Extract)
  size_t doc = 0;                 // index of its document; a document's sentences are adjacent
};

// Averaged structured perceptron (Collins 2002) with the lazy-averaging trick:
//   w += delta at step c, u += c * delta; averaged weights = w - u / c.
class Perceptron {
 public:
  explicit Perceptron(uint32_t hash_bits) : bits_(hash_bits) {
    size_t n = (size_t{1} << hash_bits) * kNumLabels;
    w_.assign(n, 0.0f);
    u_.assign(n, 0.0f);
  }

  // Emission scores of the current weights, or of the averaged ones.
  void Emissions(const Prepared& s, bool averaged, std::vector<float>* emit) const {
    size_t n = s.gold.size();
    emit->assign(n * kNumLabels, 0.0f);
    const float inv_c = averaged ? 1.0f / static_cast<float>(c_) : 0.0f;
    for (size_t t = 0; t < n; ++t)
      for (uint32_t f = s.offsets[t]; f < s.offsets[t + 1]; ++f) {
        const size_t base = size_t{s.buckets[f]} * kNumLabels;
        for (int l = 0; l < kNumLabels; ++l) (*emit)[t * kNumLabels + l] += w_[base + l] - u_[base + l] * inv_c;
      }
  }

  // Labels under the averaged weights (held-out prediction during training).
  void Predict(const Prepared& s, std::vector<int>* labels) const {
    std::vector<float> emit;
    Emissions(s, true, &emit);
    DenseWeights d = Transitions();
    ViterbiDecode(emit.data(), s.gold.size(), d.start, d.transition, labels);
  }

  // One training step on a sentence; returns whether it was already right.
  bool Step(const Prepared& s) {
    ++c_;
    std::vector<float> emit;
    Emissions(s, false, &emit);
    std::vector<int> pred;
    ViterbiDecode(emit.data(), s.gold.size(), start_, trans_, &pred);
    if (pred == s.gold) return true;
    const float cf = static_cast<float>(c_);
    for (size_t t = 0; t < pred.size(); ++t) {
      int g = s.gold[t], p = pred[t];
      bool prev_same = t == 0 || s.gold[t - 1] == pred[t - 1];
      if (g != p) {
        for (uint32_t f = s.offsets[t]; f < s.offsets[t + 1]; ++f) {
          size_t base = size_t{s.buckets[f]} * kNumLabels;
          w_[base + g] += 1;
          u_[base + g] += cf;
          w_[base + p] -= 1;
          u_[base + p] -= cf;
        }
      }
      if (g != p || !prev_same) {
        if (t == 0) {
          Update(&start_, &start_u_, g, 1, cf);
          Update(&start_, &start_u_, p, -1, cf);
        } else {
          Update(&trans_, &trans_u_, s.gold[t - 1] * kNumLabels + g, 1, cf);
          Update(&trans_, &trans_u_, pred[t - 1] * kNumLabels + p, -1, cf);
        }
      }
    }
    return false;
  }

  DenseWeights Averaged() const {
    DenseWeights d = Transitions();
    d.features.resize(w_.size());
    const double c = static_cast<double>(c_);
    for (size_t i = 0; i < w_.size(); ++i) d.features[i] = static_cast<float>(w_[i] - u_[i] / c);
    return d;
  }

 private:
  // Averaged start and transition scores (features left empty).
  DenseWeights Transitions() const {
    DenseWeights d;
    d.hash_bits = bits_;
    const double c = static_cast<double>(c_);
    for (int i = 0; i < kNumLabels; ++i) d.start[i] = static_cast<float>(start_[i] - start_u_[i] / c);
    for (int i = 0; i < kNumLabels * kNumLabels; ++i) d.transition[i] = static_cast<float>(trans_[i] - trans_u_[i] / c);
    return d;
  }
  template <size_t N>
  static void Update(std::array<float, N>* w, std::array<float, N>* u, int i, float delta, float c) {
    (*w)[i] += delta;
    (*u)[i] += delta * c;
  }
  uint32_t bits_;
  uint64_t c_ = 1;
  std::vector<float> w_, u_;
  std::array<float, kNumLabels> start_{}, start_u_{};
  std::array<float, kNumLabels * kNumLabels> trans_{}, trans_u_{};
};

void Prepare(const FeatureExtractor& fx, const std::vector<LabeledDocument>& docs, uint32_t hash_bits,
             std::vector<Prepared>* out) {
  const uint64_t mask = (uint64_t{1} << hash_bits) - 1;
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offs;
  size_t doc_index = out->empty() ? 0 : out->back().doc + 1;
  for (const LabeledDocument& doc : docs) {
    auto inputs = Inputs(doc);
    DocStats stats = fx.CollectDocStats(inputs);
    for (size_t i = 0; i < doc.size(); ++i) {
      feats.clear();
      Prepared p;
      fx.Extract(inputs[i], stats, &feats, &offs, &p.keys);
      p.buckets.reserve(feats.size());
      for (uint64_t f : feats) p.buckets.push_back(static_cast<uint32_t>(f & mask));
      p.offsets = offs;
      p.gold = doc[i].labels;
      p.doc = doc_index;
      out->push_back(std::move(p));
    }
    ++doc_index;
  }
}

// Stage-2 examples: each sentence's buckets plus its HistoryFeatures, computed per
// document from `stage1` (one label sequence per sentence).
std::vector<Prepared> WithHistory(const std::vector<Prepared>& sents, const std::vector<std::vector<int>>& stage1,
                                  uint32_t hash_bits) {
  const uint64_t mask = (uint64_t{1} << hash_bits) - 1;
  std::vector<Prepared> out;
  out.reserve(sents.size());
  std::vector<uint64_t> keys, hist;
  std::vector<int> labels;
  std::vector<uint32_t> begins, hist_offs;
  for (size_t first = 0; first < sents.size();) {
    size_t last = first;
    while (last < sents.size() && sents[last].doc == sents[first].doc) ++last;
    keys.clear();
    labels.clear();
    begins.clear();
    for (size_t i = first; i < last; ++i) {
      begins.push_back(static_cast<uint32_t>(keys.size()));
      keys.insert(keys.end(), sents[i].keys.begin(), sents[i].keys.end());
      labels.insert(labels.end(), stage1[i].begin(), stage1[i].end());
    }
    HistoryFeatures(keys, labels, begins, &hist, &hist_offs);
    for (size_t i = first; i < last; ++i) {
      const Prepared& s = sents[i];
      Prepared p;
      p.gold = s.gold;
      p.doc = s.doc;
      p.offsets.push_back(0);
      for (size_t t = 0; t < s.gold.size(); ++t) {
        p.buckets.insert(p.buckets.end(), s.buckets.begin() + s.offsets[t], s.buckets.begin() + s.offsets[t + 1]);
        const size_t doc_t = begins[i - first] + t;
        for (uint32_t f = hist_offs[doc_t]; f < hist_offs[doc_t + 1]; ++f)
          p.buckets.push_back(static_cast<uint32_t>(hist[f] & mask));
        p.offsets.push_back(static_cast<uint32_t>(p.buckets.size()));
      }
      out.push_back(std::move(p));
    }
    first = last;
  }
  return out;
}

// Runs `epochs` passes over sents[order[...]], reshuffling `order` before each.
void RunEpochs(const std::vector<Prepared>& sents, int epochs, std::mt19937* rng, std::vector<size_t> order,
               Perceptron* perceptron, const std::string& what, bool verbose) {
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    // Fisher-Yates with our own draw so the order does not depend on the standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[(*rng)() % i]);
    size_t right = 0;
    for (size_t idx : order) right += perceptron->Step(sents[idx]);
    if (verbose)
      std::cerr << "hearsay: " << what << " epoch " << epoch << ": " << right << "/" << order.size()
                << " sentences right\n";
  }
}

// Stage-1 labels of every training sentence from models that did not see its document
// (k-fold by document), so stage 2 learns how far stage 1 can be trusted on new text.
std::vector<std::vector<int>> JackknifeStage1(const std::vector<Prepared>& sents, const TrainOptions& o,
                                              std::mt19937* rng) {
  std::vector<std::vector<int>> labels(sents.size());
  for (int k = 0; k < o.folds; ++k) {
    std::vector<size_t> train;
    for (size_t i = 0; i < sents.size(); ++i)
      if (sents[i].doc % o.folds != static_cast<size_t>(k)) train.push_back(i);
    Perceptron p(o.hash_bits);
    RunEpochs(sents, o.fold_epochs, rng, train, &p, "fold " + std::to_string(k + 1), false);
    for (size_t i = 0; i < sents.size(); ++i)
      if (sents[i].doc % o.folds == static_cast<size_t>(k)) p.Predict(sents[i], &labels[i]);
    if (o.verbose) std::cerr << "hearsay: stage-1 fold " << k + 1 << "/" << o.folds << " done\n";
  }
  return labels;
}

std::vector<size_t> AllIndices(size_t n) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  return order;
}

}  // namespace

Result<TrainReport> TrainNer(const TrainOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  auto log = [&](const std::string& m) {
    if (o.verbose) std::cerr << "hearsay: " << m << "\n";
  };
  const std::string data = o.shared_dir + "/data";
  auto train = ReadConll2003(data + "/conll2003/eng.train");
  if (!train.ok()) return train.status().WithContext("reading training data");
  auto dev = ReadConll2003(data + "/conll2003/eng.testa");
  if (!dev.ok()) return dev.status().WithContext("reading evaluation data");
  std::vector<LabeledDocument> extra;
  if (o.use_wnut) {
    auto wnut = ReadWnut17(data + "/wnut17/wnut17train.conll");
    if (!wnut.ok()) return wnut.status().WithContext("reading WNUT-17");
    extra = std::move(*wnut);
  }
  auto gaz = BuildGazetteer(o);
  if (!gaz.ok()) return gaz.status();
  auto gossip = ReadGossipcopTexts(data + "/gossipcop/gossipcop_train.jsonl");
  if (!gossip.ok()) return gossip.status().WithContext("reading GossipCop texts");
  log("unlabelled texts: " + std::to_string(gossip->size()) + " GossipCop articles");
  // Common lower-case words and word clusters come from unlabelled text: GossipCop plus
  // the training sentences' tokens (never the evaluation data).
  std::vector<std::vector<std::string>> corpus_sentences;
  for (const auto& doc : *train)
    for (const auto& s : doc) corpus_sentences.push_back(s.tokens);
  ClusterOptions copt;
  copt.seed = o.seed;
  auto clusters = BuildClusters(*gossip, corpus_sentences, copt, &*gaz, o.verbose);
  if (!clusters.ok()) return clusters.status();
  gossip->clear();

  // Features depend on the gazetteer and clusters, so build them in their final place.
  std::unique_ptr<NerModel> shell =
      NerModel::FromDense(DenseWeights{8, {}, {}, {}}, DenseWeights{8, {}, {}, {}}, std::move(*gaz), std::move(*clusters));
  const FeatureExtractor& fx = shell->extractor();
  std::vector<Prepared> sents;
  Prepare(fx, *train, o.hash_bits, &sents);
  size_t conll_count = sents.size();
  Prepare(fx, extra, o.hash_bits, &sents);
  log("training sentences: " + std::to_string(conll_count) + " CoNLL-2003 + " + std::to_string(sents.size() - conll_count) +
      " WNUT-17");

  std::mt19937 rng(o.seed);
  std::vector<std::vector<int>> held_out = JackknifeStage1(sents, o, &rng);
  Perceptron stage1(o.hash_bits);
  RunEpochs(sents, o.epochs, &rng, AllIndices(sents.size()), &stage1, "stage 1", o.verbose);
  DenseWeights dense1 = stage1.Averaged();
  stage1 = Perceptron(8);  // release the training tables
  std::vector<Prepared> sents2 = WithHistory(sents, held_out, o.hash_bits);
  sents = std::vector<Prepared>();
  Perceptron stage2(o.hash_bits);
  RunEpochs(sents2, o.epochs, &rng, AllIndices(sents2.size()), &stage2, "stage 2", o.verbose);
  DenseWeights dense2 = stage2.Averaged();
  Gazetteer final_gaz = shell->gazetteer();
  WordClusters final_clusters = shell->clusters();
  auto model = NerModel::FromDense(dense1, dense2, std::move(final_gaz), std::move(final_clusters));
  TrainReport report;
  report.train_sentences = sents2.size();
  report.dev_stage1 = Evaluate(*model, *dev, true, 1);
  log("testa, stage 1 only:\n" + report.dev_stage1.ToString());
  report.dev = Evaluate(*model, *dev, true);
  log("testa:\n" + report.dev.ToString());
  std::string bytes = model->Serialize("hearsay ner trainer v1");
  std::error_code ec;
  auto parent = std::filesystem::path(o.out_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  HEARSAY_RETURN_IF_ERROR(WriteWholeFile(o.out_path, bytes));
  report.model_bytes = bytes.size();
  report.sha256 = Sha256Hex(bytes);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  log("wrote " + o.out_path + " (" + std::to_string(bytes.size()) + " bytes, " + std::to_string(model->row_count()) +
      " weight rows, sha256 " + report.sha256 + ")");
  return report;
}

}  // namespace hearsay::entities::train
