#include "score/article_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "text/text.h"

namespace hearsay::score {
namespace {

static_assert(std::endian::native == std::endian::little, "model files are little-endian; add byte swapping");

constexpr uint32_t kMinHashBits = 10, kMaxHashBits = 26;

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

uint64_t Fnv1a(const char* data, size_t n) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 0x100000001B3ull;
  }
  return h;
}

std::string Hex(uint64_t v) {
  char buf[19];
  std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(v));
  return buf;
}

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void PutString(const std::string& s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void PutBytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reader; the first failure sticks and names the byte offset and field.
class Reader {
 public:
  Reader(const std::string& bytes, size_t end, std::string where) : bytes_(bytes), end_(end), where_(std::move(where)) {}
  template <typename T>
  bool Get(T* v, const char* field) {
    if (!Need(sizeof(T), field)) return false;
    std::memcpy(v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s, const char* field) {
    uint32_t n = 0;
    if (!Get(&n, field) || !Need(n, field)) return false;
    s->assign(bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool GetBytes(void* p, size_t n, const char* field) {
    if (!Need(n, field)) return false;
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool ok() const { return error_.empty(); }
  Status status() const { return DataLossError(error_); }
  size_t pos() const { return pos_; }

 private:
  bool Need(size_t n, const char* field) {
    if (!error_.empty()) return false;
    if (n > end_ - pos_) {
      error_ = where_ + ": truncated at byte " + std::to_string(pos_) + " reading " + field + " (needs " +
               std::to_string(n) + " bytes, " + std::to_string(end_ - pos_) + " left); retrain with `hearsay train credibility`";
      return false;
    }
    return true;
  }
  const std::string& bytes_;
  size_t end_;
  size_t pos_ = 0;
  std::string where_;
  std::string error_;
};

std::string Plural(uint32_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// The words for one dense feature of one article; `raises` is the sign of its contribution.
std::string PhraseDense(Dense d, const Evidence& ev, float z) {
  switch (d) {
    case Dense::kAnonymousSources:
      return ev.anonymous_sources ? Plural(ev.anonymous_sources, "anonymous-source attribution", "anonymous-source attributions") +
                                        " (\"a source\", \"an insider\")"
                                  : "no anonymous-source attributions";
    case Dense::kAnonymousShare: {
      uint32_t all = ev.anonymous_sources + ev.named_quotes + ev.outlet_citations;
      if (!all) return "no attributed statements";
      return std::to_string(ev.anonymous_sources) + " of " + std::to_string(all) + " attributions anonymous";
    }
    case Dense::kHedgeRate:
      return ev.hedges ? Plural(ev.hedges, "hedging word", "hedging words") + " (\"may\", \"seems\")" : "no hedging words";
    case Dense::kBoosterRate:
      return ev.boosters ? Plural(ev.boosters, "booster word", "booster words") + " (\"clearly\", \"definitely\")" : "no booster words";
    case Dense::kHearsayWords:
      return ev.hearsay_words ? Plural(ev.hearsay_words, "hearsay word", "hearsay words") + " (\"reportedly\", \"allegedly\")"
                              : "no hearsay words such as \"reportedly\"";
    case Dense::kExclusive:
      return ev.exclusive_marks ? "framed as an exclusive" : "not framed as an exclusive";
    case Dense::kTitlePunct:
      return ev.title_exclaim || ev.title_question ? "headline in clickbait style ('!' or '?')" : "headline without '!' or '?'";
    case Dense::kTitleCaps:
      return ev.title_caps_words ? "headline in clickbait style (" + Plural(ev.title_caps_words, "all-caps word", "all-caps words") + ")"
                                 : "headline without all-caps words";
    case Dense::kTitleTeaser:
      return ev.title_teasers ? "headline in clickbait style (" + Plural(ev.title_teasers, "teaser word", "teaser words") + ")"
                              : "plain headline (no teaser words)";
    case Dense::kNamedQuotes:
      return ev.named_quotes ? Plural(ev.named_quotes, "on-record quote with a named speaker", "on-record quotes with named speakers")
                             : "no on-record quotes with named speakers";
    case Dense::kQuoteSpans:
      return ev.quote_spans ? Plural(ev.quote_spans, "quotation", "quotations") : "no quotations";
    case Dense::kOutletCitations:
      return ev.outlet_citations ? Plural(ev.outlet_citations, "citation of another outlet", "citations of other outlets") +
                                       " (\"according to\", \"told ...\")"
                                 : "no citations of other outlets";
    case Dense::kDenials:
      return ev.denials ? Plural(ev.denials, "denial word", "denial words") + " (\"denied\", \"not true\")" : "no denials";
    case Dense::kSocialMedia:
      return ev.social_media ? Plural(ev.social_media, "social-media reference", "social-media references") : "no social-media references";
    case Dense::kBodyExclaim:
      return ev.body_exclaims ? Plural(ev.body_exclaims, "exclamation mark", "exclamation marks") + " in the text"
                              : "no exclamation marks in the text";
    case Dense::kLogLength:
      return std::string(z < 0 ? "short" : "long") + " article (" + Plural(ev.body_words, "word", "words") + ")";
    case Dense::kByline:
      return ev.byline ? "names its author" : "no byline";
    case Dense::kCount:
      break;
  }
  return "";
}

std::string Span(const Document& doc, const TextLayout& layout, uint32_t token_idx, uint8_t order) {
  const auto& toks = layout.tokens;
  if (token_idx >= toks.size()) return "";
  uint32_t end = toks[token_idx].byte_end;
  uint32_t begin = toks[token_idx].byte_begin;
  if (order == 2) {
    for (uint32_t j = token_idx; j-- > 0;) {
      if (toks[j].kind == TokenKind::kWord || toks[j].kind == TokenKind::kNumber) {
        begin = toks[j].byte_begin;
        break;
      }
    }
  }
  if (end - begin > 60) return "";
  std::string s = doc.text.substr(begin, end - begin);
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

constexpr uint32_t kMaxCalibrationBins = 100;

// 1 + ln(n) for a term count n >= 1, from a table for the common small counts.
float OnePlusLog(uint32_t n) {
  static const std::array<float, 64> table = [] {
    std::array<float, 64> t{};
    for (uint32_t i = 1; i < t.size(); ++i) t[i] = 1.0f + std::log(static_cast<float>(i));
    return t;
  }();
  return n < table.size() ? table[n] : 1.0f + std::log(static_cast<float>(n));
}

Status ReadCalibration(Reader* r, const std::string& where, ModelCalibration* c) {
  r->GetString(&c->dataset, "calibration dataset");
  r->Get(&c->n, "calibration n");
  for (double* v : {&c->threshold, &c->macro_f1, &c->accuracy, &c->brier, &c->log_loss, &c->ece}) r->Get(v, "calibration metric");
  uint32_t bins = 0;
  r->Get(&bins, "calibration bin count");
  if (!r->ok()) return r->status();
  if (bins > kMaxCalibrationBins)
    return DataLossError(where + ": " + std::to_string(bins) + " calibration bins, expected at most " + std::to_string(kMaxCalibrationBins) +
                         "; rebuild it with `hearsay train credibility`");
  c->bins.resize(bins);
  for (ModelCalibration::Bin& b : c->bins) {
    r->Get(&b.lo, "bin lo");
    r->Get(&b.hi, "bin hi");
    r->Get(&b.n, "bin n");
    r->Get(&b.mean_predicted, "bin mean predicted");
    r->Get(&b.observed_real, "bin observed real");
  }
  return r->ok() ? Status::Ok() : r->status();
}

}  // namespace

LinearArticleModel::LinearArticleModel(ArticleModelParams params) : params_(std::move(params)), cues_(params_.lexicons) {
  // Weight and idf of a bucket side by side: one cache line per feature at scoring time.
  slots_.resize(params_.weights.size());
  for (size_t j = 0; j < slots_.size(); ++j) slots_[j] = {params_.weights[j], params_.tfidf ? params_.idf[j] : 1.0f};
  params_.weights = {};
  params_.idf = {};
}

float LinearArticleModel::weight(uint32_t j) const { return slots_[j].weight; }

void LinearArticleModel::TextVector(const ArticleFeatures& f, std::vector<std::pair<uint32_t, float>>* out) const {
  out->clear();
  if (!params_.tfidf) {
    for (const HashedFeature& h : f.hashed)
      if (!IsMeta(h)) out->emplace_back(h.index, h.value);
    return;
  }
  // tf-idf: v_j = (1 + ln tf_j) idf_j, then v /= ||v||_2. Occurrences are counted in a
  // small per-thread open-addressing table (bucket + 1 -> position in *out) sized to the
  // article, so the work stays in cache; each new bucket's slot is prefetched meanwhile.
  thread_local std::vector<std::pair<uint32_t, uint32_t>> seen;
  size_t cap = 64;
  while (cap < 2 * f.hashed.size()) cap *= 2;
  seen.assign(cap, {0, 0});
  const size_t mask = cap - 1;
  thread_local std::vector<uint32_t> tf;
  tf.clear();
  for (const HashedFeature& h : f.hashed) {
    if (IsMeta(h)) continue;
    uint32_t key = h.index + 1;
    for (size_t i = (key * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
      if (seen[i].first == key) {
        ++tf[seen[i].second];
        break;
      }
      if (seen[i].first == 0) {
        __builtin_prefetch(&slots_[h.index]);
        seen[i] = {key, static_cast<uint32_t>(out->size())};
        out->emplace_back(h.index, 0.0f);
        tf.push_back(1);
        break;
      }
    }
  }
  double norm2 = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    auto& [idx, v] = (*out)[i];
    v = OnePlusLog(tf[i]) * slots_[idx].idf;
    norm2 += static_cast<double>(v) * v;
  }
  float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
  for (auto& [idx, v] : *out) v *= inv;
}

double LinearArticleModel::Logit(const ArticleFeatures& f) const {
  thread_local std::vector<std::pair<uint32_t, float>> text;
  TextVector(f, &text);
  return LogitOf(f, text);
}

double LinearArticleModel::LogitOf(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text) const {
  double z = params_.bias;
  for (const auto& [idx, v] : text) z += static_cast<double>(slots_[idx].weight) * v;
  if (params_.use_meta)
    for (const HashedFeature& h : f.hashed)
      if (IsMeta(h)) z += static_cast<double>(slots_[h.index].weight) * h.value;
  for (size_t k = 0; k < kDenseCount; ++k)
    z += params_.dense_weight[k] * ((f.dense[k] - params_.dense_mean[k]) / params_.dense_scale[k]);
  return z;
}


void LinearArticleModel::Terms(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text_vec,
                               std::vector<Term>* out) const {
  out->clear();
  double text = 0, best_pos = 0, best_neg = 0;
  uint32_t pos = UINT32_MAX, neg = UINT32_MAX;
  for (const auto& [idx, v] : text_vec) {
    double c = static_cast<double>(slots_[idx].weight) * v;
    text += c;
    if (c > best_pos) best_pos = c, pos = idx;
    if (c < best_neg) best_neg = c, neg = idx;
  }
  double url = 0;
  for (size_t i = 0; params_.use_meta && i < f.hashed.size(); ++i) {
    const HashedFeature& h = f.hashed[i];
    double c = static_cast<double>(slots_[h.index].weight) * h.value;
    if (h.order == 0 || h.order == 4) out->push_back({c, Term::kMeta, static_cast<uint32_t>(i)});
    if (h.order == 5) url += c;
  }
  if (url != 0) out->push_back({url, Term::kUrl, 0});
  if (!text_vec.empty()) out->push_back({text, Term::kText, text >= 0 ? pos : neg});
  for (size_t k = 0; k < kDenseCount; ++k) {
    float z = (f.dense[k] - params_.dense_mean[k]) / params_.dense_scale[k];
    out->push_back({params_.dense_weight[k] * z, Term::kDense, static_cast<uint32_t>(k)});
  }
  std::stable_sort(out->begin(), out->end(), [](const Term& a, const Term& b) { return std::fabs(a.logit) > std::fabs(b.logit); });
}

std::string LinearArticleModel::Phrase(const Term& t, const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const {
  switch (t.kind) {
    case Term::kMeta: {
      const HashedFeature& h = f.hashed[t.arg];
      if (h.order == 0) return "outlet " + f.host + " (its record in the training data)";
      if (h.token_idx < doc.authors.size()) return "byline " + doc.authors[h.token_idx] + " (its record in the training data)";
      return "a byline (its record in the training data)";
    }
    case Term::kUrl:
      return "the URL's section and slug words (their record in the training data)";
    case Term::kText: {
      std::string words;
      for (const HashedFeature& h : f.hashed)
        if (h.index == t.arg && (h.order == 1 || h.order == 2)) {
          words = Span(doc, layout, h.token_idx, h.order);
          break;
        }
      std::string reason = std::string("wording typical of ") + (t.logit >= 0 ? "reliable" : "unreliable") + " stories";
      if (!words.empty()) reason += " (e.g. \"" + words + "\")";
      return reason;
    }
    case Term::kDense: {
      float z = (f.dense[t.arg] - params_.dense_mean[t.arg]) / params_.dense_scale[t.arg];
      return PhraseDense(static_cast<Dense>(t.arg), f.evidence, z);
    }
  }
  return "";
}

std::vector<Contribution> LinearArticleModel::Explain(const Document& doc, const TextLayout& layout,
                                                      const ArticleFeatures& f) const {
  thread_local std::vector<std::pair<uint32_t, float>> text_vec;
  thread_local std::vector<Term> terms;
  TextVector(f, &text_vec);
  Terms(f, text_vec, &terms);
  std::vector<Contribution> out;
  for (const Term& t : terms) out.push_back({Phrase(t, doc, layout, f), t.logit});
  return out;
}

double LinearArticleModel::ScoreFeatures(const Document& doc, const TextLayout& layout, const ArticleFeatures& f,
                                         std::vector<std::string>* reasons, size_t max_reasons) const {
  thread_local std::vector<std::pair<uint32_t, float>> text_vec;
  TextVector(f, &text_vec);
  double score = Sigmoid(params_.calib_a * LogitOf(f, text_vec) + params_.calib_b);
  if (reasons) {
    reasons->clear();
    // Only the largest terms are phrased. Two identical phrases read as repetition; keep the first.
    thread_local std::vector<Term> terms;
    Terms(f, text_vec, &terms);
    for (const Term& t : terms) {
      if (reasons->size() >= max_reasons || std::fabs(t.logit) < 0.05) break;
      std::string reason = Phrase(t, doc, layout, f);
      bool repeated = false;
      for (const auto& prev : *reasons) repeated |= prev.compare(0, reason.size(), reason) == 0;
      if (!repeated) reasons->push_back(reason + (t.logit > 0 ? " (raises credibility)" : " (lowers credibility)"));
    }
    if (reasons->empty()) reasons->push_back("no strong evidence either way");
  }
  return score;
}

double LinearArticleModel::Score(const Document& doc, const DocumentAnalysis& analysis,
                                 std::vector<std::string>* reasons) const {
  thread_local ArticleFeatures features;
  if (analysis.layout.tokens.empty() && !doc.text.empty()) {
    TextLayout layout = text::AnalyzeText(doc);
    ExtractFeatures(doc, layout, cues_, params_.hash_bits, &features);
    return ScoreFeatures(doc, layout, features, reasons);
  }
  ExtractFeatures(doc, analysis.layout, cues_, params_.hash_bits, &features);
  return ScoreFeatures(doc, analysis.layout, features, reasons);
}

std::string LinearArticleModel::Serialize() const {
  Writer w;
  w.PutBytes(kArticleModelMagic, sizeof kArticleModelMagic);
  w.Put<uint32_t>(kArticleModelFormatVersion);
  w.Put<uint64_t>(FeatureFingerprint());
  w.Put<uint32_t>(params_.hash_bits);
  w.Put<uint32_t>(static_cast<uint32_t>(kDenseCount));
  w.PutString(params_.engine_version);
  w.PutString(params_.training_note);
  for (const auto* list : {&params_.lexicons.hedges, &params_.lexicons.boosters}) {
    w.Put<uint32_t>(static_cast<uint32_t>(list->size()));
    for (const auto& s : *list) w.PutString(s);
  }
  for (size_t k = 0; k < kDenseCount; ++k) {
    w.PutString(DenseName(static_cast<Dense>(k)));
    w.Put<float>(params_.dense_mean[k]);
    w.Put<float>(params_.dense_scale[k]);
    w.Put<float>(params_.dense_weight[k]);
  }
  w.Put<float>(params_.bias);
  w.Put<float>(params_.calib_a);
  w.Put<float>(params_.calib_b);
  w.Put<float>(params_.threshold);
  w.Put<uint32_t>((params_.tfidf ? 1u : 0u) | (params_.use_meta ? 0u : 2u));
  const ModelCalibration& c = params_.calibration;
  w.PutString(c.dataset);
  w.Put<uint32_t>(c.n);
  for (double v : {c.threshold, c.macro_f1, c.accuracy, c.brier, c.log_loss, c.ece}) w.Put<double>(v);
  w.Put<uint32_t>(static_cast<uint32_t>(c.bins.size()));
  for (const ModelCalibration::Bin& b : c.bins) {
    w.Put<double>(b.lo);
    w.Put<double>(b.hi);
    w.Put<uint32_t>(b.n);
    w.Put<double>(b.mean_predicted);
    w.Put<double>(b.observed_real);
  }
  for (const Slot& slot : slots_) w.Put<float>(slot.weight);
  if (params_.tfidf)
    for (const Slot& slot : slots_) w.Put<float>(slot.idf);
  w.Put<uint64_t>(Fnv1a(w.out().data(), w.out().size()));
  return std::move(w.out());
}

Result<std::unique_ptr<LinearArticleModel>> ParseArticleModel(const std::string& bytes, const std::string& where) {
  const std::string retrain = "; rebuild it with `hearsay train credibility`";
  if (bytes.empty()) return DataLossError(where + ": empty file, expected an article model starting with magic \"HSCREDM\"" + retrain);
  if (bytes.size() < sizeof kArticleModelMagic || std::memcmp(bytes.data(), kArticleModelMagic, sizeof kArticleModelMagic) != 0) {
    std::string found = bytes.substr(0, std::min<size_t>(8, bytes.size()));
    for (char& c : found)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '.';
    return DataLossError(where + ": wrong magic: expected \"HSCREDM\", found \"" + found + "\" (not a hearsay article model)" + retrain);
  }
  if (bytes.size() < 8 + 8) return DataLossError(where + ": truncated header (" + std::to_string(bytes.size()) + " bytes)" + retrain);
  Reader r(bytes, bytes.size() - 8, where);
  char magic[8];
  uint32_t version = 0, hash_bits = 0, dense_count = 0;
  uint64_t fingerprint = 0;
  r.GetBytes(magic, 8, "magic");
  r.Get(&version, "format version");
  if (!r.ok()) return r.status();
  if (version > kArticleModelFormatVersion)
    return FailedPreconditionError(where + ": format version " + std::to_string(version) + " is newer than the highest supported (" +
                                   std::to_string(kArticleModelFormatVersion) + "); update hearsay or retrain the model");
  if (version < kArticleModelFormatVersion)
    return FailedPreconditionError(where + ": format version " + std::to_string(version) + " is older than the supported " +
                                   std::to_string(kArticleModelFormatVersion) + retrain);
  r.Get(&fingerprint, "feature fingerprint");
  r.Get(&hash_bits, "hash_bits");
  r.Get(&dense_count, "dense feature count");
  if (!r.ok()) return r.status();
  if (fingerprint != FeatureFingerprint())
    return FailedPreconditionError(where + ": feature fingerprint mismatch: expected " + Hex(FeatureFingerprint()) + ", found " +
                                   Hex(fingerprint) + " (the model was trained with another feature set)" + retrain);
  if (hash_bits < kMinHashBits || hash_bits > kMaxHashBits)
    return DataLossError(where + ": hash_bits " + std::to_string(hash_bits) + " out of range [" + std::to_string(kMinHashBits) + ", " +
                         std::to_string(kMaxHashBits) + "]" + retrain);
  if (dense_count != kDenseCount)
    return FailedPreconditionError(where + ": expected " + std::to_string(kDenseCount) + " evidence features, found " +
                                   std::to_string(dense_count) + retrain);
  // The checksum covers everything before it: check it before trusting any length field.
  uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, bytes.data() + bytes.size() - 8, 8);
  uint64_t sum = Fnv1a(bytes.data(), bytes.size() - 8);
  if (sum != stored_sum)
    return DataLossError(where + ": checksum mismatch: expected " + Hex(stored_sum) + ", computed " + Hex(sum) + " (file corrupt)" + retrain);

  ArticleModelParams p;
  p.hash_bits = hash_bits;
  r.GetString(&p.engine_version, "engine version");
  r.GetString(&p.training_note, "training note");
  for (auto* list : {&p.lexicons.hedges, &p.lexicons.boosters}) {
    uint32_t n = 0;
    r.Get(&n, "lexicon size");
    for (uint32_t i = 0; i < n && r.ok(); ++i) {
      std::string s;
      r.GetString(&s, "lexicon entry");
      list->push_back(std::move(s));
    }
  }
  for (size_t k = 0; k < kDenseCount && r.ok(); ++k) {
    std::string name;
    r.GetString(&name, "dense feature name");
    r.Get(&p.dense_mean[k], "dense mean");
    r.Get(&p.dense_scale[k], "dense scale");
    r.Get(&p.dense_weight[k], "dense weight");
    if (r.ok() && name != DenseName(static_cast<Dense>(k)))
      return FailedPreconditionError(where + ": evidence feature " + std::to_string(k) + ": expected \"" +
                                     DenseName(static_cast<Dense>(k)) + "\", found \"" + name + "\"" + retrain);
    if (r.ok() && !(p.dense_scale[k] > 0))
      return DataLossError(where + ": evidence feature \"" + name + "\" has scale " + std::to_string(p.dense_scale[k]) +
                           ", expected > 0" + retrain);
  }
  r.Get(&p.bias, "bias");
  r.Get(&p.calib_a, "calibration a");
  r.Get(&p.calib_b, "calibration b");
  r.Get(&p.threshold, "threshold");
  uint32_t flags = 0;
  r.Get(&flags, "flags");
  if (r.ok() && flags > 3)
    return DataLossError(where + ": flags " + std::to_string(flags) + ", expected 0..3" + retrain);
  p.tfidf = flags & 1;
  p.use_meta = !(flags & 2);
  if (Status s = ReadCalibration(&r, where, &p.calibration); !s.ok()) return s;
  p.weights.resize(size_t{1} << hash_bits);
  r.GetBytes(p.weights.data(), p.weights.size() * sizeof(float), "weights");
  if (p.tfidf) {
    p.idf.resize(size_t{1} << hash_bits);
    r.GetBytes(p.idf.data(), p.idf.size() * sizeof(float), "idf");
  }
  if (!r.ok()) return r.status();
  if (r.pos() != bytes.size() - 8)
    return DataLossError(where + ": " + std::to_string(bytes.size() - 8 - r.pos()) + " unexpected bytes before the checksum" + retrain);
  return std::make_unique<LinearArticleModel>(std::move(p));
}

}  // namespace hearsay::score
