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

// The article's own text of a token (an example with Evidence::kExampleBigram also spans
// the word before it), lower-cased, in quotes; "" when it is out of range.
std::string ExampleText(const Document& doc, const TextLayout& layout, uint32_t example) {
  const auto& toks = layout.tokens;
  uint32_t idx = example & ~Evidence::kExampleBigram;
  if (idx >= toks.size()) return "";
  uint32_t begin = toks[idx].byte_begin, end = toks[idx].byte_end;
  if (example & Evidence::kExampleBigram)
    for (uint32_t j = idx; j-- > 0;)
      if (toks[j].kind == TokenKind::kWord || toks[j].kind == TokenKind::kNumber) {
        begin = toks[j].byte_begin;
        break;
      }
  if (end <= begin || end - begin > 40 || end > doc.text.size()) return "";
  std::string s = doc.text.substr(begin, end - begin);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return "\"" + s + "\"";
}

// " ("a", "b")" from the feature's examples in the article, or "".
std::string Examples(Dense d, const Document& doc, const TextLayout& layout, const Evidence& ev) {
  auto k = static_cast<size_t>(d);
  std::string out;
  for (uint8_t e = 0; e < ev.example_count[k]; ++e) {
    std::string w = ExampleText(doc, layout, ev.examples[k][e]);
    if (!w.empty()) out += (out.empty() ? "" : ", ") + w;
  }
  return out.empty() ? out : " (" + out + ")";
}

// The words for one dense feature of one article. Counts and rates contribute relative to
// no evidence, so a phrase always names evidence the article has; log length is measured
// against the training mean (z < 0: shorter).
std::string PhraseDense(Dense d, const Document& doc, const TextLayout& layout, const Evidence& ev, float z) {
  std::string ex = Examples(d, doc, layout, ev);
  switch (d) {
    case Dense::kAnonymousSources:
    case Dense::kAnonymousShare: {
      uint32_t all = ev.anonymous_sources + ev.named_quotes + ev.outlet_citations;
      return std::to_string(ev.anonymous_sources) + " of " + std::to_string(all) + " attributions anonymous" + ex;
    }
    case Dense::kHedgeRate: return Plural(ev.hedges, "hedging word", "hedging words") + ex;
    case Dense::kBoosterRate: return Plural(ev.boosters, "booster word", "booster words") + ex;
    case Dense::kHearsayWords: return Plural(ev.hearsay_words, "hearsay word", "hearsay words") + ex;
    case Dense::kExclusive: return "framed as an exclusive";
    case Dense::kTitlePunct: return "headline with '!' or '?'";
    case Dense::kTitleCaps: return "headline with " + Plural(ev.title_caps_words, "all-caps word", "all-caps words");
    case Dense::kTitleTeaser: return "headline with " + Plural(ev.title_teasers, "teaser word", "teaser words") + ex;
    case Dense::kNamedQuotes:
      return Plural(ev.named_quotes, "on-record quote (a speech verb, no anonymous source)",
                    "on-record quotes (a speech verb, no anonymous source)");
    case Dense::kQuoteSpans: return Plural(ev.quote_spans, "quotation", "quotations");
    case Dense::kOutletCitations:
      return Plural(ev.outlet_citations, "statement credited to a named outlet or person", "statements credited to named outlets or people") + ex;
    case Dense::kDenials: return Plural(ev.denials, "denial word", "denial words") + ex;
    case Dense::kSocialMedia: return Plural(ev.social_media, "social-media reference", "social-media references") + ex;
    case Dense::kBodyExclaim: return Plural(ev.body_exclaims, "exclamation mark", "exclamation marks") + " in the text";
    case Dense::kLogLength: return std::string(z < 0 ? "shorter" : "longer") + " than the typical article (" + Plural(ev.body_words, "word", "words") + ")";
    case Dense::kByline: return "names its author";
    case Dense::kCount: break;
  }
  return "";
}

// A word n-gram of the article shown as an example of its wording: only words written in
// lower case (so never a name, masked or missed), at most 40 bytes.
std::string LowerCaseSpan(const Document& doc, const TextLayout& layout, uint32_t token_idx, uint8_t order) {
  const auto& toks = layout.tokens;
  if (token_idx >= toks.size()) return "";
  uint32_t first = token_idx;
  if (order == 2)
    for (uint32_t j = token_idx; j-- > 0;)
      if (toks[j].kind == TokenKind::kWord || toks[j].kind == TokenKind::kNumber) {
        first = j;
        break;
      }
  for (uint32_t j = first; j <= token_idx; ++j) {
    char c = doc.text[toks[j].byte_begin];
    if ((toks[j].kind == TokenKind::kWord || toks[j].kind == TokenKind::kNumber) && !(c >= 'a' && c <= 'z')) return "";
  }
  uint32_t begin = toks[first].byte_begin, end = toks[token_idx].byte_end;
  if (end - begin > 40) return "";
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


void WriteCalibration(Writer* w, const ModelCalibration& c) {
  w->PutString(c.dataset);
  w->Put<uint32_t>(c.n);
  for (double v : {c.threshold, c.macro_f1, c.accuracy, c.brier, c.log_loss, c.ece}) w->Put<double>(v);
  w->Put<uint32_t>(static_cast<uint32_t>(c.bins.size()));
  for (const ModelCalibration::Bin& b : c.bins) {
    w->Put<double>(b.lo);
    w->Put<double>(b.hi);
    w->Put<uint32_t>(b.n);
    w->Put<double>(b.mean_predicted);
    w->Put<double>(b.observed_real);
  }
}

void WriteHead(Writer* w, const ArticleHead& h) {
  for (float v : {h.text_scale, h.bias}) w->Put<float>(v);
  for (float v : h.prior_weight) w->Put<float>(v);
  for (float v : h.dense_weight) w->Put<float>(v);
  for (float v : {h.calib_a, h.calib_b, h.threshold}) w->Put<float>(v);
  WriteCalibration(w, h.heldout);
  WriteCalibration(w, h.cv);
}

Status ReadHead(Reader* r, const std::string& where, ArticleHead* h) {
  for (float* v : {&h->text_scale, &h->bias}) r->Get(v, "head weight");
  for (float& v : h->prior_weight) r->Get(&v, "head prior weight");
  for (float& v : h->dense_weight) r->Get(&v, "head dense weight");
  for (float* v : {&h->calib_a, &h->calib_b, &h->threshold}) r->Get(v, "head calibration");
  if (Status s = ReadCalibration(r, where, &h->heldout); !s.ok()) return s;
  return ReadCalibration(r, where, &h->cv);
}

void WriteRecords(Writer* w, const std::vector<OutletRecord>& records) {
  w->Put<uint32_t>(static_cast<uint32_t>(records.size()));
  for (const OutletRecord& rec : records) {
    w->PutString(rec.key);
    w->PutString(rec.name);
    w->Put<uint32_t>(rec.n);
    w->Put<uint32_t>(rec.unreliable);
  }
}

Status ReadRecords(Reader* r, const std::string& where, std::vector<OutletRecord>* records) {
  uint32_t n = 0;
  r->Get(&n, "outlet record count");
  if (r->ok() && n > (1u << 20))
    return DataLossError(where + ": " + std::to_string(n) + " outlet records, expected at most 2^20; rebuild it with `hearsay train credibility`");
  for (uint32_t i = 0; i < n && r->ok(); ++i) {
    OutletRecord rec;
    r->GetString(&rec.key, "outlet key");
    r->GetString(&rec.name, "outlet name");
    r->Get(&rec.n, "outlet n");
    r->Get(&rec.unreliable, "outlet unreliable");
    if (r->ok() && (rec.unreliable > rec.n || (!records->empty() && !(records->back().key < rec.key))))
      return DataLossError(where + ": outlet record \"" + rec.key + "\" out of order or with more unreliable than articles; rebuild it with `hearsay train credibility`");
    records->push_back(std::move(rec));
  }
  return r->ok() ? Status::Ok() : r->status();
}

}  // namespace


void LinearArticleModel::TextVector(const ArticleFeatures& f, std::vector<std::pair<uint32_t, float>>* out) const {
  out->clear();
  if (!params_.tfidf) {
    for (const HashedFeature& h : f.hashed) out->emplace_back(h.index, h.value);
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


double OutletPrior::LogOdds(const OutletRecord& r) const {
  double p = std::clamp(base_real, 0.01, 0.99);
  double real = static_cast<double>(r.n - std::min(r.unreliable, r.n)), fake = r.unreliable;
  return std::log((real + pseudo * p) / (fake + pseudo * (1 - p))) - std::log(p / (1 - p));
}

const OutletRecord* OutletPrior::Find(const std::vector<OutletRecord>& records, const std::string& key) {
  auto it = std::lower_bound(records.begin(), records.end(), key, [](const OutletRecord& r, const std::string& k) { return r.key < k; });
  return it != records.end() && it->key == key ? &*it : nullptr;
}

LinearArticleModel::LinearArticleModel(ArticleModelParams params) : params_(std::move(params)), cues_(params_.lexicons) {
  // Weight and idf of a bucket side by side: one cache line per feature at scoring time.
  slots_.resize(params_.weights.size());
  for (size_t j = 0; j < slots_.size(); ++j) slots_[j] = {params_.weights[j], params_.tfidf ? params_.idf[j] : 1.0f};
  params_.weights = {};
  params_.idf = {};
}

float LinearArticleModel::weight(uint32_t j) const { return slots_[j].weight; }

std::array<double, kPriorCount> OutletPrior::Values(const std::string& host_key, const std::vector<std::string>& cited_keys,
                                                    const std::vector<std::string>& byline_keys, const std::string& section) const {
  std::array<double, kPriorCount> v{};
  auto mean = [&](const std::vector<OutletRecord>& records, const std::vector<std::string>& keys) {
    double sum = 0;
    size_t n = 0;
    for (const std::string& key : keys)
      if (const OutletRecord* r = Find(records, key)) sum += LogOdds(*r), ++n;
    return n ? sum / static_cast<double>(n) : 0.0;
  };
  if (!host_key.empty()) {
    const OutletRecord* r = Find(hosts, host_key);
    v[static_cast<size_t>(PriorTerm::kHost)] = r ? LogOdds(*r) : 0.0;
    v[static_cast<size_t>(PriorTerm::kHostUnknown)] = r ? 0.0 : 1.0;
  }
  v[static_cast<size_t>(PriorTerm::kCited)] = mean(cited, cited_keys);
  v[static_cast<size_t>(PriorTerm::kByline)] = mean(bylines, byline_keys);
  if (const OutletRecord* r = section.empty() ? nullptr : Find(sections, section)) v[static_cast<size_t>(PriorTerm::kSection)] = LogOdds(*r);
  return v;
}

std::array<double, kPriorCount> LinearArticleModel::PriorValues(const ArticleFeatures& f) const {
  return params_.prior.Values(f.host.empty() ? std::string() : OutletKey(f.host), f.cited_outlets, f.authors, f.url_section);
}

double LinearArticleModel::Logit(const ArticleFeatures& f) const {
  thread_local std::vector<std::pair<uint32_t, float>> text;
  TextVector(f, &text);
  return LogitOf(f, text);
}

double LinearArticleModel::LogitOf(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text) const {
  const ArticleHead& h = head();
  double t = 0;
  for (const auto& [idx, v] : text) t += static_cast<double>(slots_[idx].weight) * v;
  double z = h.bias + h.text_scale * t;
  for (size_t k = 0; k < kDenseCount; ++k) z += h.dense_weight[k] * ((f.dense[k] - params_.dense_ref[k]) / params_.dense_scale[k]);
  if (std::any_of(h.prior_weight.begin(), h.prior_weight.end(), [](float w) { return w != 0; })) {
    std::array<double, kPriorCount> prior = PriorValues(f);
    for (size_t t = 0; t < kPriorCount; ++t) z += h.prior_weight[t] * prior[t];
  }
  return z;
}

void LinearArticleModel::Terms(const ArticleFeatures& f, const std::vector<std::pair<uint32_t, float>>& text_vec,
                               std::vector<Term>* out) const {
  out->clear();
  const ArticleHead& h = head();
  double text = 0;
  for (const auto& [idx, v] : text_vec) text += static_cast<double>(slots_[idx].weight) * v;
  if (!text_vec.empty()) out->push_back({h.text_scale * text, Term::kText, 0});
  std::array<double, kPriorCount> prior = PriorValues(f);
  for (size_t p = 0; p < kPriorCount; ++p)
    if (h.prior_weight[p] != 0) out->push_back({h.prior_weight[p] * prior[p], Term::kPrior, static_cast<uint32_t>(p)});
  for (size_t k = 0; k < kDenseCount; ++k) {
    float z = (f.dense[k] - params_.dense_ref[k]) / params_.dense_scale[k];
    out->push_back({h.dense_weight[k] * z, Term::kDense, static_cast<uint32_t>(k)});
  }
  std::stable_sort(out->begin(), out->end(), [](const Term& a, const Term& b) { return std::fabs(a.logit) > std::fabs(b.logit); });
}

// "wording typical of reliable stories (e.g. "a", "b")": the two n-grams of the article
// pulling hardest in the term's direction (weight x idf), lower-case words only.
std::string LinearArticleModel::PhraseText(const Term& t, const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const {
  double sign = t.logit >= 0 ? 1 : -1;
  std::array<std::pair<double, size_t>, 2> best{{{0, SIZE_MAX}, {0, SIZE_MAX}}};
  std::string first;
  for (size_t i = 0; i < f.hashed.size(); ++i) {
    const HashedFeature& h = f.hashed[i];
    if (h.masked || (h.order != 1 && h.order != 2)) continue;
    double c = sign * head().text_scale * slots_[h.index].weight * slots_[h.index].idf;
    if (c <= best[1].first) continue;
    std::string span = LowerCaseSpan(doc, layout, h.token_idx, h.order);
    if (span.empty() || (best[0].second != SIZE_MAX && span == first)) continue;
    if (c > best[0].first) best[1] = best[0], best[0] = {c, i}, first = span;
    else best[1] = {c, i};
  }
  std::string words;
  for (const auto& [c, i] : best)
    if (i != SIZE_MAX) words += (words.empty() ? "\"" : ", \"") + LowerCaseSpan(doc, layout, f.hashed[i].token_idx, f.hashed[i].order) + "\"";
  std::string reason = std::string("wording typical of ") + (t.logit >= 0 ? "reliable" : "unreliable") + " stories";
  return words.empty() ? reason : reason + " (e.g. " + words + ")";
}

// "cites "In Touch" (52 training articles cite it, 81% unreliable)" for each cited outlet
// with a record that pushes the way the term does (`sign`: +1 raises, -1 lowers; the term
// is their mean, so at least one does), at most 3, and the training average; a cited
// outlet pulling the other way is not named under this term.
std::string LinearArticleModel::PhraseCited(const ArticleFeatures& f, double sign) const {
  const OutletPrior& p = params_.prior;
  std::string out;
  size_t shown = 0;
  for (size_t i = 0; i < f.cited_outlets.size() && shown < 3; ++i) {
    const OutletRecord* r = OutletPrior::Find(p.cited, f.cited_outlets[i]);
    if (!r || p.LogOdds(*r) * sign <= 0) continue;
    out += (shown++ ? "; " : "cites ") + std::string("\"") + f.cited_names[i] + "\" (" + std::to_string(r->n) + " training articles cite it, " +
           std::to_string(static_cast<int>(std::lround(100.0 * r->unreliable / std::max<uint32_t>(r->n, 1)))) + "% unreliable)";
  }
  if (shown) out += "; training average " + std::to_string(static_cast<int>(std::lround(100.0 * (1 - p.base_real)))) + "% unreliable";
  return out;
}

namespace {
// "N labelled articles WHAT in training, P% unreliable (training average Q%)"
std::string RecordText(const OutletRecord& r, double base_real, const std::string& what) {
  auto pct = [](double x) { return std::to_string(static_cast<int>(std::lround(100.0 * x))) + "%"; };
  return Plural(r.n, "labelled article", "labelled articles") + (what.empty() ? "" : " " + what) + " in training, " +
         pct(static_cast<double>(r.unreliable) / std::max<uint32_t>(r.n, 1)) + " unreliable (training average " + pct(1 - base_real) + ")";
}
}  // namespace

std::string LinearArticleModel::PhrasePrior(PriorTerm term, const ArticleFeatures& f, double sign) const {
  const OutletPrior& p = params_.prior;
  const OutletRecord* r = nullptr;
  switch (term) {
    case PriorTerm::kHost:
      r = OutletPrior::Find(p.hosts, OutletKey(f.host));
      return r ? "outlet " + f.host + ": " + RecordText(*r, p.base_real, "") : "";
    case PriorTerm::kHostUnknown: return "outlet " + f.host + ": no labelled articles in training";
    case PriorTerm::kCited: return PhraseCited(f, sign);
    case PriorTerm::kByline:
      for (const std::string& a : f.authors)
        if ((r = OutletPrior::Find(p.bylines, a))) return "its byline: " + RecordText(*r, p.base_real, "by the same author");
      return "";
    case PriorTerm::kSection:
      r = OutletPrior::Find(p.sections, f.url_section);
      return r ? "URL section /" + f.url_section + "/: " + RecordText(*r, p.base_real, "under it") : "";
    case PriorTerm::kCount: break;
  }
  return "";
}

std::string LinearArticleModel::Phrase(const Term& t, const Document& doc, const TextLayout& layout, const ArticleFeatures& f) const {
  switch (t.kind) {
    case Term::kPrior: return PhrasePrior(static_cast<PriorTerm>(t.arg), f, t.logit >= 0 ? 1 : -1);
    case Term::kText: return PhraseText(t, doc, layout, f);
    case Term::kDense: {
      float z = (f.dense[t.arg] - params_.dense_ref[t.arg]) / params_.dense_scale[t.arg];
      return PhraseDense(static_cast<Dense>(t.arg), doc, layout, f.evidence, z);
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
  for (const Term& t : terms)
    if (t.logit != 0) out.push_back({Phrase(t, doc, layout, f), t.logit});
  return out;
}

double LinearArticleModel::ScoreFeatures(const Document& doc, const TextLayout& layout, const ArticleFeatures& f,
                                         std::vector<std::string>* reasons, size_t max_reasons) const {
  thread_local std::vector<std::pair<uint32_t, float>> text_vec;
  TextVector(f, &text_vec);
  double score = Sigmoid(head().calib_a * LogitOf(f, text_vec) + head().calib_b);
  if (reasons) {
    reasons->clear();
    // Only the largest terms are phrased. Two identical phrases read as repetition; keep the first.
    thread_local std::vector<Term> terms;
    Terms(f, text_vec, &terms);
    for (const Term& t : terms) {
      if (reasons->size() >= max_reasons || std::fabs(t.logit) < 0.05) break;
      std::string reason = Phrase(t, doc, layout, f);
      bool repeated = reason.empty();
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
    ExtractFeatures(doc, layout, analysis.mentions, cues_, params_.hash_bits, &features);
    return ScoreFeatures(doc, layout, features, reasons);
  }
  ExtractFeatures(doc, analysis.layout, analysis.mentions, cues_, params_.hash_bits, &features);
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
    w.Put<float>(params_.dense_ref[k]);
    w.Put<float>(params_.dense_scale[k]);
  }
  w.Put<uint32_t>(params_.tfidf ? 1u : 0u);
  w.Put<double>(params_.prior.base_real);
  w.Put<double>(params_.prior.pseudo);
  for (const auto* records : {&params_.prior.hosts, &params_.prior.cited, &params_.prior.bylines, &params_.prior.sections})
    WriteRecords(&w, *records);
  for (const ArticleHead& h : params_.heads) WriteHead(&w, h);
  for (const Slot& slot : slots_) w.Put<float>(slot.weight);
  if (params_.tfidf)
    for (const Slot& slot : slots_) w.Put<float>(slot.idf);
  w.Put<uint64_t>(Fnv1a(w.out().data(), w.out().size()));
  return std::move(w.out());
}

namespace {

const char kRetrain[] = "; rebuild it with `hearsay train credibility`";

Status CheckMagic(const std::string& bytes, const std::string& where) {
  if (bytes.empty()) return DataLossError(where + ": empty file, expected an article model starting with magic \"HSCREDM\"" + kRetrain);
  if (bytes.size() < sizeof kArticleModelMagic || std::memcmp(bytes.data(), kArticleModelMagic, sizeof kArticleModelMagic) != 0) {
    std::string found = bytes.substr(0, std::min<size_t>(8, bytes.size()));
    for (char& c : found)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '.';
    return DataLossError(where + ": wrong magic: expected \"HSCREDM\", found \"" + found + "\" (not a hearsay article model)" + kRetrain);
  }
  if (bytes.size() < 8 + 8) return DataLossError(where + ": truncated header (" + std::to_string(bytes.size()) + " bytes)" + kRetrain);
  return Status::Ok();
}

// Version, feature fingerprint, table size and evidence count, then the checksum (before any
// length field is trusted).
Status ReadHeader(Reader& r, const std::string& bytes, const std::string& where, uint32_t* hash_bits) {
  char magic[8];
  uint32_t version = 0, dense_count = 0;
  uint64_t fingerprint = 0;
  r.GetBytes(magic, 8, "magic");
  r.Get(&version, "format version");
  if (!r.ok()) return r.status();
  if (version > kArticleModelFormatVersion)
    return FailedPreconditionError(where + ": format version " + std::to_string(version) + " is newer than the highest supported (" +
                                   std::to_string(kArticleModelFormatVersion) + "); update hearsay or retrain the model");
  if (version < kArticleModelFormatVersion)
    return FailedPreconditionError(where + ": format version " + std::to_string(version) + " is older than the supported " +
                                   std::to_string(kArticleModelFormatVersion) + kRetrain);
  r.Get(&fingerprint, "feature fingerprint");
  r.Get(hash_bits, "hash_bits");
  r.Get(&dense_count, "dense feature count");
  if (!r.ok()) return r.status();
  if (fingerprint != FeatureFingerprint())
    return FailedPreconditionError(where + ": feature fingerprint mismatch: expected " + Hex(FeatureFingerprint()) + ", found " +
                                   Hex(fingerprint) + " (the model was trained with another feature set)" + kRetrain);
  if (*hash_bits < kMinHashBits || *hash_bits > kMaxHashBits)
    return DataLossError(where + ": hash_bits " + std::to_string(*hash_bits) + " out of range [" + std::to_string(kMinHashBits) + ", " +
                         std::to_string(kMaxHashBits) + "]" + kRetrain);
  if (dense_count != kDenseCount)
    return FailedPreconditionError(where + ": expected " + std::to_string(kDenseCount) + " evidence features, found " +
                                   std::to_string(dense_count) + kRetrain);
  uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, bytes.data() + bytes.size() - 8, 8);
  uint64_t sum = Fnv1a(bytes.data(), bytes.size() - 8);
  if (sum != stored_sum)
    return DataLossError(where + ": checksum mismatch: expected " + Hex(stored_sum) + ", computed " + Hex(sum) + " (file corrupt)" + kRetrain);
  return Status::Ok();
}

// The hedge and booster lexicons and each evidence feature's name, reference and scale.
Status ReadLexiconsAndDense(Reader& r, const std::string& where, ArticleModelParams* p) {
  for (auto* list : {&p->lexicons.hedges, &p->lexicons.boosters}) {
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
    r.Get(&p->dense_ref[k], "dense reference");
    r.Get(&p->dense_scale[k], "dense scale");
    if (r.ok() && name != DenseName(static_cast<Dense>(k)))
      return FailedPreconditionError(where + ": evidence feature " + std::to_string(k) + ": expected \"" +
                                     DenseName(static_cast<Dense>(k)) + "\", found \"" + name + "\"" + kRetrain);
    if (r.ok() && !(p->dense_scale[k] > 0))
      return DataLossError(where + ": evidence feature \"" + name + "\" has scale " + std::to_string(p->dense_scale[k]) +
                           ", expected > 0" + kRetrain);
  }
  return Status::Ok();
}

// Flags, the outlet prior, the heads and the weight (and idf) tables.
Status ReadTables(Reader& r, const std::string& where, ArticleModelParams* p) {
  uint32_t flags = 0;
  r.Get(&flags, "flags");
  if (r.ok() && flags > 1) return DataLossError(where + ": flags " + std::to_string(flags) + ", expected 0..1" + kRetrain);
  p->tfidf = flags & 1;
  r.Get(&p->prior.base_real, "prior base rate");
  r.Get(&p->prior.pseudo, "prior pseudo-counts");
  for (auto* records : {&p->prior.hosts, &p->prior.cited, &p->prior.bylines, &p->prior.sections})
    if (Status s = ReadRecords(&r, where, records); !s.ok()) return s;
  for (ArticleHead& h : p->heads)
    if (Status s = ReadHead(&r, where, &h); !s.ok()) return s;
  p->weights.resize(size_t{1} << p->hash_bits);
  r.GetBytes(p->weights.data(), p->weights.size() * sizeof(float), "weights");
  if (p->tfidf) {
    p->idf.resize(size_t{1} << p->hash_bits);
    r.GetBytes(p->idf.data(), p->idf.size() * sizeof(float), "idf");
  }
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace

Result<std::unique_ptr<LinearArticleModel>> ParseArticleModel(const std::string& bytes, const std::string& where) {
  if (Status s = CheckMagic(bytes, where); !s.ok()) return s;
  Reader r(bytes, bytes.size() - 8, where);
  ArticleModelParams p;
  if (Status s = ReadHeader(r, bytes, where, &p.hash_bits); !s.ok()) return s;
  r.GetString(&p.engine_version, "engine version");
  r.GetString(&p.training_note, "training note");
  if (Status s = ReadLexiconsAndDense(r, where, &p); !s.ok()) return s;
  if (Status s = ReadTables(r, where, &p); !s.ok()) return s;
  if (r.pos() != bytes.size() - 8)
    return DataLossError(where + ": " + std::to_string(bytes.size() - 8 - r.pos()) + " unexpected bytes before the checksum" + kRetrain);
  return std::make_unique<LinearArticleModel>(std::move(p));
}

}  // namespace hearsay::score
