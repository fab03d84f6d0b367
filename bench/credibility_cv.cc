// credibility_cv: cross-validation on GossipCop *train only* of text learners, outlet-prior
// records and stacks for the article credibility model, over the TSV of credibility_dump
// (dev rows are skipped unread). Nothing here ships; a configuration that wins here is
// built into src/score/train and measured on dev once. Replaces bench/credibility_explore.py
// where sklearn is not installed.
//
//   build/bench/credibility_dump --out /tmp/cred.tsv
//   build/bench/credibility_cv /tmp/cred.tsv [--folds 5] [--only NAME,...]
//
// Prints, per configuration, the out-of-fold macro-F1 at the best threshold in 0.20..0.80
// (chosen on the same out-of-fold scores, as the trainer does); folds: row i in fold i % 5,
// as the trainer's FoldOf. Learners: AdaGrad logistic regression (the shipped learner, no
// restyled copies), L2-loss linear SVM by dual coordinate descent, NB-SVM (features scaled by
// the training folds' log-count ratios); a k-nearest-neighbour vote. Stack: logistic
// regression (Newton, L2 1) over the learners' out-of-fold margins, the outlet-prior records
// (fold-wise) and the evidence features, itself cross-validated on the same folds.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Vec = std::vector<std::pair<uint32_t, float>>;
constexpr uint32_t kBits = 22;

struct Row {
  int y = 0;
  std::vector<std::string> title, body;
  std::vector<double> dense;
  std::string host, sec;
  std::vector<std::string> cited, auth;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  return s;
}

std::vector<Row> Load(const std::string& path) {
  std::ifstream in(path);
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::string cur;
    for (char c : line) {
      if (c == '\t') f.push_back(cur), cur.clear();
      else cur += c;
    }
    f.push_back(cur);
    if (f.size() < 9 || f[0] != "train") continue;  // dev is never read
    Row r;
    r.y = std::stoi(f[1]);
    for (auto& w : Split(f[2], ' ')) r.title.push_back(Lower(w));
    for (auto& w : Split(f[3], ' ')) r.body.push_back(Lower(w));
    for (auto& x : Split(f[4], ',')) r.dense.push_back(std::stod(x));
    r.host = f[5];
    r.cited = Split(f[6], '|');
    r.auth = Split(f[7], '|');
    r.sec = f[8];
    rows.push_back(std::move(r));
  }
  return rows;
}

uint64_t Fnv(const std::string& s, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ (seed * 0x9E3779B97F4A7C15ull);
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
uint32_t Bucket(uint64_t h) { return static_cast<uint32_t>((h ^ (h >> 29)) & ((1u << kBits) - 1)); }

// Namespaces of a feature set.
enum Ns : unsigned { kT1 = 1, kT2 = 2, kB1 = 4, kB2 = 8, kB3 = 16, kLead = 32, kTC = 64, kBC = 128, kT3 = 256 };

void Grams(const std::vector<std::string>& w, int n, uint64_t ns, std::vector<uint32_t>* out) {
  for (size_t i = 0; i + n <= w.size(); ++i) {
    std::string g = w[i];
    for (int k = 1; k < n; ++k) g += ' ' + w[i + k];
    out->push_back(Bucket(Fnv(g, ns)));
  }
}

void CharGrams(const std::vector<std::string>& w, uint64_t ns, std::vector<uint32_t>* out) {
  for (const std::string& word : w) {
    std::string t = " " + word + " ";
    for (int len = 3; len <= 5; ++len)
      for (size_t b = 0; b + len <= t.size(); ++b) out->push_back(Bucket(Fnv(t.substr(b, len), ns)));
  }
}

// Sparse counts of a row under namespace set `ns`.
Vec Counts(const Row& r, unsigned ns) {
  std::vector<uint32_t> idx;
  if (ns & kT1) Grams(r.title, 1, 11, &idx);
  if (ns & kT2) Grams(r.title, 2, 12, &idx);
  if (ns & kT3) Grams(r.title, 3, 13, &idx);
  if (ns & kB1) Grams(r.body, 1, 21, &idx);
  if (ns & kB2) Grams(r.body, 2, 22, &idx);
  if (ns & kB3) Grams(r.body, 3, 23, &idx);
  if (ns & kLead) {
    std::vector<std::string> lead(r.body.begin(), r.body.begin() + std::min<size_t>(50, r.body.size()));
    Grams(lead, 1, 31, &idx);
  }
  if (ns & kTC) CharGrams(r.title, 41, &idx);
  if (ns & kBC) CharGrams(r.body, 42, &idx);
  std::sort(idx.begin(), idx.end());
  Vec v;
  for (uint32_t i : idx) {
    if (!v.empty() && v.back().first == i) v.back().second += 1;
    else v.push_back({i, 1.0f});
  }
  return v;
}

// Sublinear tf * smooth idf (fitted on all train rows: unsupervised), L2-normalised; df < min_df dropped.
std::vector<Vec> Tfidf(const std::vector<Vec>& counts, int min_df) {
  std::vector<uint32_t> df(1u << kBits, 0);
  for (const Vec& v : counts)
    for (auto& p : v) ++df[p.first];
  double n = counts.size();
  std::vector<Vec> out(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) {
    double norm = 0;
    for (auto [j, c] : counts[i]) {
      if (df[j] < static_cast<uint32_t>(min_df)) continue;
      float v = static_cast<float>((1 + std::log(c)) * (std::log((1 + n) / (1 + df[j])) + 1));
      out[i].push_back({j, v});
      norm += v * v;
    }
    for (auto& p : out[i]) p.second = static_cast<float>(p.second / std::sqrt(norm + 1e-12));
  }
  return out;
}

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

double MacroF1(const std::vector<double>& p, const std::vector<int>& y, double t) {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    bool r = p[i] >= t;
    if (r && y[i]) ++tp;
    else if (r) ++fp;
    else if (y[i]) ++fn;
    else ++tn;
  }
  double f1r = tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0, f1f = tn ? 2.0 * tn / (2.0 * tn + fn + fp) : 0;
  return (f1r + f1f) / 2;
}

// Best macro-F1 over thresholds 0.20..0.80 of Platt-calibrated scores (calibrated on the same
// out-of-fold margins, so the grid covers the useful range whatever the margins' scale).
std::pair<double, double> Best(const std::vector<double>& z, const std::vector<int>& y) {
  double a = 1, b = 0;
  for (int it = 0; it < 50; ++it) {
    double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (size_t i = 0; i < z.size(); ++i) {
      double p = Sigmoid(a * z[i] + b), d = p - y[i], s = p * (1 - p);
      ga += d * z[i], gb += d, haa += s * z[i] * z[i], hab += s * z[i], hbb += s;
    }
    double det = haa * hbb - hab * hab;
    a -= (hbb * ga - hab * gb) / det, b -= (haa * gb - hab * ga) / det;
  }
  std::vector<double> p(z.size());
  for (size_t i = 0; i < z.size(); ++i) p[i] = Sigmoid(a * z[i] + b);
  std::pair<double, double> best{-1, 0.5};
  for (int k = 20; k <= 80; ++k) best = std::max(best, {MacroF1(p, y, k / 100.0), k / 100.0});
  return best;
}

using Learner = std::function<std::vector<double>(const std::vector<Vec>&, const std::vector<int>&, const std::vector<size_t>&,
                                                  const std::vector<size_t>&)>;

// The shipped learner: AdaGrad LR, 5 epochs, lr 0.1, l2 1e-6, mean of the last 3 epochs.
Learner AdaGradLr(int epochs, double lr) {
  return [=](const std::vector<Vec>& x, const std::vector<int>& y, const std::vector<size_t>& in, const std::vector<size_t>& out) {
    std::vector<float> w(1u << kBits, 0), g2(1u << kBits, 0);
    std::vector<double> u(1u << kBits, 0);
    double b = 0, gb2 = 0, ub = 0, t = 1;
    std::mt19937_64 rng(20240601);
    std::vector<size_t> order = in;
    for (int e = 0; e < epochs; ++e) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      bool avg = e >= epochs - 3;
      for (size_t i : order) {
        double z = b;
        for (auto [j, v] : x[i]) z += w[j] * v;
        double g = Sigmoid(z) - y[i];
        for (auto [j, v] : x[i]) {
          double gj = g * v + 1e-6 * w[j];
          g2[j] += gj * gj;
          float d = static_cast<float>(-lr * gj / std::sqrt(g2[j] + 1e-8));
          w[j] += d;
          if (avg) u[j] += t * d;
        }
        gb2 += g * g;
        double db = -lr * g / std::sqrt(gb2 + 1e-8);
        b += db;
        if (avg) ub += t * db, t += 1;
      }
    }
    std::vector<double> z;
    for (size_t i : out) {
      double s = b - ub / t;
      for (auto [j, v] : x[i]) s += (w[j] - u[j] / t) * v;
      z.push_back(s);
    }
    return z;
  };
}

// L2-regularised L2-loss SVM (dual coordinate descent, liblinear's solver 1), bias as a
// feature of value 1. `scale` (may be empty) multiplies feature j before training.
std::vector<double> SvmFit(const std::vector<Vec>& x, const std::vector<int>& y, const std::vector<size_t>& in,
                           const std::vector<size_t>& out, double c, const std::vector<float>& scale) {
  auto sv = [&](size_t, uint32_t j, float v) { return scale.empty() ? v : v * scale[j]; };
  std::vector<double> w(1u << kBits, 0), alpha(in.size(), 0), qd(in.size());
  double b = 0, dii = 1 / (2 * c);
  for (size_t k = 0; k < in.size(); ++k) {
    double q = 1 + dii;
    for (auto [j, v] : x[in[k]]) q += sv(in[k], j, v) * sv(in[k], j, v);
    qd[k] = q;
  }
  std::vector<size_t> order(in.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937_64 rng(1);
  for (int it = 0; it < 30; ++it) {
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    double maxpg = 0;
    for (size_t k : order) {
      size_t i = in[k];
      double yi = y[i] ? 1 : -1, z = b;
      for (auto [j, v] : x[i]) z += w[j] * sv(i, j, v);
      double g = yi * z - 1 + dii * alpha[k];
      double pg = alpha[k] == 0 ? std::min(g, 0.0) : g;
      maxpg = std::max(maxpg, std::fabs(pg));
      if (pg == 0) continue;
      double old = alpha[k];
      alpha[k] = std::max(old - g / qd[k], 0.0);
      double d = (alpha[k] - old) * yi;
      for (auto [j, v] : x[i]) w[j] += d * sv(i, j, v);
      b += d;
    }
    if (maxpg < 1e-3) break;
  }
  std::vector<double> z;
  for (size_t i : out) {
    double s = b;
    for (auto [j, v] : x[i]) s += w[j] * sv(i, j, v);
    z.push_back(s);
  }
  return z;
}

Learner Svm(double c) {
  return [=](const std::vector<Vec>& x, const std::vector<int>& y, const std::vector<size_t>& in, const std::vector<size_t>& out) {
    return SvmFit(x, y, in, out, c, {});
  };
}

// NB-SVM: scale by the log-count ratio of binarised features over the training rows (alpha 1).
Learner NbSvm(double c) {
  return [=](const std::vector<Vec>& x, const std::vector<int>& y, const std::vector<size_t>& in, const std::vector<size_t>& out) {
    std::vector<float> p(1u << kBits, 1), q(1u << kBits, 1);
    double sp = 0, sq = 0;
    for (size_t i : in)
      for (auto [j, v] : x[i]) (y[i] ? p : q)[j] += 1;
    for (size_t j = 0; j < p.size(); ++j) sp += p[j], sq += q[j];
    std::vector<float> r(p.size());
    for (size_t j = 0; j < p.size(); ++j) r[j] = static_cast<float>(std::log((p[j] / sp) / (q[j] / sq)));
    return SvmFit(x, y, in, out, c, r);
  };
}

// Out-of-fold margins of a learner; folds run on two threads.
std::vector<double> Oof(const Learner& l, const std::vector<Vec>& x, const std::vector<int>& y, int folds) {
  std::vector<double> z(y.size());
  auto run = [&](int f) {
    std::vector<size_t> in, out;
    for (size_t i = 0; i < y.size(); ++i) (static_cast<int>(i % folds) == f ? out : in).push_back(i);
    std::vector<double> s = l(x, y, in, out);
    for (size_t k = 0; k < out.size(); ++k) z[out[k]] = s[k];
  };
  for (int f = 0; f < folds; f += 2) {
    std::thread t([&, f] { if (f + 1 < folds) run(f + 1); });
    run(f);
    t.join();
  }
  return z;
}

// k-nearest training rows by cosine (tf-idf rows): [max sim, weighted vote in -1..1].
std::vector<std::array<double, 2>> Knn(const std::vector<Vec>& x, const std::vector<int>& y, int folds, int k) {
  std::vector<std::vector<std::pair<uint32_t, float>>> post(1u << kBits);
  std::vector<std::array<double, 2>> out(y.size());
  for (size_t i = 0; i < x.size(); ++i)
    for (auto [j, v] : x[i]) post[j].push_back({static_cast<uint32_t>(i), v});
  auto one = [&](size_t i, std::vector<double>& sim) {
    std::fill(sim.begin(), sim.end(), 0.0);
    for (auto [j, v] : x[i])
      for (auto [d, u] : post[j]) sim[d] += v * u;
    std::vector<std::pair<double, size_t>> top;
    for (size_t d = 0; d < sim.size(); ++d)
      if (d % folds != i % folds && sim[d] > 0) top.push_back({sim[d], d});
    size_t m = std::min<size_t>(k, top.size());
    std::partial_sort(top.begin(), top.begin() + m, top.end(), std::greater<>());
    double vs = 0, ws = 1e-9;
    for (size_t t = 0; t < m; ++t) vs += top[t].first * top[t].first * (2 * y[top[t].second] - 1), ws += top[t].first * top[t].first;
    out[i] = {m ? top[0].first : 0, vs / ws};
  };
  std::thread t([&] { std::vector<double> s(x.size()); for (size_t i = 1; i < x.size(); i += 2) one(i, s); });
  std::vector<double> s(x.size());
  for (size_t i = 0; i < x.size(); i += 2) one(i, s);
  t.join();
  return out;
}

// Fold-wise smoothed log-odds records (host, cited, bylines, section; >= 3 articles; m pseudo
// articles) minus the base log-odds, and "host known without a record".
std::vector<std::vector<double>> Prior(const std::vector<Row>& rows, const std::vector<int>& y, int folds, double m) {
  std::vector<std::vector<double>> P(rows.size(), std::vector<double>(5, 0));
  std::vector<std::function<std::vector<std::string>(const Row&)>> keys = {
      [](const Row& r) { return r.host.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.host}; },
      [](const Row& r) { return r.cited; }, [](const Row& r) { return r.auth; },
      [](const Row& r) { return r.sec.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.sec}; }};
  for (int f = 0; f < folds; ++f) {
    double n = 0, real = 0;
    for (size_t i = 0; i < rows.size(); ++i)
      if (static_cast<int>(i % folds) != f) n += 1, real += y[i];
    double base = real / n, lb = std::log(base / (1 - base));
    for (size_t k = 0; k < keys.size(); ++k) {
      std::map<std::string, std::pair<int, int>> rec;
      for (size_t i = 0; i < rows.size(); ++i) {
        if (static_cast<int>(i % folds) == f) continue;
        auto ks = keys[k](rows[i]);
        std::sort(ks.begin(), ks.end());
        ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
        for (auto& key : ks) rec[key].first += 1, rec[key].second += y[i];
      }
      for (size_t i = 0; i < rows.size(); ++i) {
        if (static_cast<int>(i % folds) != f) continue;
        double s = 0;
        int c = 0;
        for (auto& key : keys[k](rows[i])) {
          auto it = rec.find(key);
          if (it == rec.end() || it->second.first < 3) continue;
          double nn = it->second.first, r = it->second.second;
          s += std::log((r + m * base) / (nn - r + m * (1 - base))) - lb, ++c;
        }
        P[i][k] = c ? s / c : 0;
      }
    }
  }
  for (size_t i = 0; i < rows.size(); ++i) P[i][4] = !rows[i].host.empty() && P[i][0] == 0;
  return P;
}

// Dense logistic regression by Newton, L2 `l2` on all but the last column (a constant 1).
std::vector<double> DenseLr(const std::vector<std::vector<double>>& X, const std::vector<int>& y, const std::vector<size_t>& in, double l2) {
  size_t n = X[0].size();
  std::vector<double> beta(n, 0);
  for (int it = 0; it < 25; ++it) {
    std::vector<double> g(n, 0), h(n * n, 0);
    for (size_t i : in) {
      double z = 0;
      for (size_t k = 0; k < n; ++k) z += beta[k] * X[i][k];
      double p = Sigmoid(z), s = std::max(p * (1 - p), 1e-9);
      for (size_t k = 0; k < n; ++k) {
        g[k] += (p - y[i]) * X[i][k];
        for (size_t m = 0; m < n; ++m) h[k * n + m] += s * X[i][k] * X[i][m];
      }
    }
    for (size_t k = 0; k + 1 < n; ++k) g[k] += l2 * beta[k], h[k * n + k] += l2;
    h[n * n - 1] += 1e-9;
    // Gaussian elimination.
    std::vector<double> a = h, r = g;
    for (size_t c = 0; c < n; ++c) {
      for (size_t rr = c + 1; rr < n; ++rr) {
        double f = a[rr * n + c] / a[c * n + c];
        for (size_t k = c; k < n; ++k) a[rr * n + k] -= f * a[c * n + k];
        r[rr] -= f * r[c];
      }
    }
    for (size_t c = n; c-- > 0;) {
      for (size_t k = c + 1; k < n; ++k) r[c] -= a[c * n + k] * r[k];
      r[c] /= a[c * n + c];
    }
    double mx = 0;
    for (size_t k = 0; k < n; ++k) beta[k] -= r[k], mx = std::max(mx, std::fabs(r[k]));
    if (mx < 1e-8) break;
  }
  return beta;
}

// Out-of-fold stacked margins over columns (a constant is appended).
std::vector<double> Stack(std::vector<std::vector<double>> X, const std::vector<int>& y, int folds) {
  for (auto& r : X) r.push_back(1);
  std::vector<double> z(y.size());
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> in;
    for (size_t i = 0; i < y.size(); ++i)
      if (static_cast<int>(i % folds) != f) in.push_back(i);
    auto beta = DenseLr(X, y, in, 1.0);
    for (size_t i = 0; i < y.size(); ++i)
      if (static_cast<int>(i % folds) == f) {
        z[i] = 0;
        for (size_t k = 0; k < beta.size(); ++k) z[i] += beta[k] * X[i][k];
      }
  }
  return z;
}

// One cross-validation run over the dumped train rows: each learner's out-of-fold scores are
// kept by name, then stacked.
class CvRun {
 public:
  CvRun(std::vector<Row> rows, int folds, std::string only) : rows_(std::move(rows)), folds_(folds), only_(std::move(only)) {
    for (auto& r : rows_) y_.push_back(r.y);
  }

  void Run() {
    std::printf("train rows %zu (dev not read), folds %d\n", rows_.size(), folds_);
    TextLearners();
    NeighbourVote();
    StandardiseEvidence();
    Stacks();
  }

 private:
  using Matrix = std::vector<std::vector<double>>;

  bool Want(const std::string& name) const { return only_.empty() || only_.find("," + name + ",") != std::string::npos; }

  void Report(const std::string& name, const std::vector<double>& z) {
    auto [f1, t] = Best(z, y_);
    std::printf("%-44s %.4f  (t %.2f)\n", name.c_str(), f1, t);
    std::fflush(stdout);
    oof_[name] = z;
  }

  void TextLearners() {
    struct Set { const char* name; unsigned ns; int min_df; };
    const std::vector<Set> sets = {{"w12", kT1 | kT2 | kB1 | kB2 | kLead | kTC, 1},
                                   {"w123", kT1 | kT2 | kT3 | kB1 | kB2 | kB3 | kLead | kTC, 2},
                                   {"char", kTC | kBC, 2}};
    for (const Set& s : sets) {
      if (!Want(s.name)) continue;
      std::vector<Vec> counts(rows_.size());
      for (size_t i = 0; i < rows_.size(); ++i) counts[i] = Counts(rows_[i], s.ns);
      X_[s.name] = Tfidf(counts, s.min_df);
      const auto& x = X_[s.name];
      std::string n = s.name;
      if (Want("ada")) Report(n + " adagrad-lr (shipped learner)", Oof(AdaGradLr(5, 0.1), x, y_, folds_));
      for (double c : {0.3, 1.0, 3.0})
        if (Want("svm")) Report(n + " svm C " + std::to_string(c).substr(0, 4), Oof(Svm(c), x, y_, folds_));
      for (double c : {0.3, 1.0, 3.0})
        if (Want("nbsvm")) Report(n + " nb-svm C " + std::to_string(c).substr(0, 4), Oof(NbSvm(c), x, y_, folds_));
    }
  }

  void NeighbourVote() {
    if (!Want("knn") || !X_.count("w12")) return;
    auto k = Knn(X_["w12"], y_, folds_, 10);
    std::vector<double> a, b;
    for (auto& p : k) a.push_back(p[0]), b.push_back(p[1]);
    oof_["knn max"] = a, oof_["knn vote"] = b;
    Report("knn vote (w12, 10)", b);
  }

  void StandardiseEvidence() {
    dense_.assign(rows_.size(), {});
    size_t d = rows_[0].dense.size();
    std::vector<double> mu(d, 0), sd(d, 0);
    for (auto& r : rows_) for (size_t k = 0; k < d; ++k) mu[k] += r.dense[k] / rows_.size();
    for (auto& r : rows_) for (size_t k = 0; k < d; ++k) sd[k] += (r.dense[k] - mu[k]) * (r.dense[k] - mu[k]) / rows_.size();
    for (size_t i = 0; i < rows_.size(); ++i)
      for (size_t k = 0; k < d; ++k) dense_[i].push_back((rows_[i].dense[k] - mu[k]) / std::sqrt(sd[k] + 1e-12));
  }

  // Stack inputs: the named learners' scores, the neighbour vote, a prior and the evidence.
  Matrix Columns(const std::vector<std::string>& use, const Matrix* prior, bool evidence, bool with_knn) {
    Matrix Z(rows_.size());
    for (size_t i = 0; i < rows_.size(); ++i) {
      for (auto& n : use) Z[i].push_back(oof_[n][i]);
      if (with_knn)
        Z[i].push_back(oof_["knn max"][i]), Z[i].push_back(oof_["knn vote"][i]),
            Z[i].push_back(oof_["knn max"][i] * oof_["knn vote"][i]);
      if (prior) Z[i].insert(Z[i].end(), (*prior)[i].begin(), (*prior)[i].end());
      if (evidence) Z[i].insert(Z[i].end(), dense_[i].begin(), dense_[i].end());
    }
    return Z;
  }

  void Stacks() {
    std::vector<std::string> names;
    for (auto& [n, z] : oof_)
      if (n.rfind("knn", 0) != 0) names.push_back(n);
    bool knn = oof_.count("knn vote") > 0;
    auto P10 = Prior(rows_, y_, folds_, 10);
    for (auto& n : names) {
      Report("stack " + n + " +evidence", Stack(Columns({n}, nullptr, true, false), y_, folds_));
      Report("stack " + n + " +prior", Stack(Columns({n}, &P10, false, false), y_, folds_));
      Report("stack " + n + " +prior+evidence", Stack(Columns({n}, &P10, true, false), y_, folds_));
    }
    if (names.size() > 1) {
      Report("stack ALL text", Stack(Columns(names, nullptr, false, false), y_, folds_));
      Report("stack ALL text +evidence", Stack(Columns(names, nullptr, true, false), y_, folds_));
      Report("stack ALL text +prior+evidence", Stack(Columns(names, &P10, true, false), y_, folds_));
    }
    if (knn) {
      Report("stack ALL text +knn +evidence", Stack(Columns(names, nullptr, true, true), y_, folds_));
      Report("stack ALL text +knn +prior+evidence", Stack(Columns(names, &P10, true, true), y_, folds_));
    }
    for (double m : {1.0, 3.0, 30.0, 100.0}) {
      auto P = Prior(rows_, y_, folds_, m);
      Report("stack ALL text +prior(m " + std::to_string(m).substr(0, 5) + ")+evidence",
             Stack(Columns(names, &P, true, knn), y_, folds_));
    }
  }

  std::vector<Row> rows_;
  std::vector<int> y_;
  int folds_;
  std::string only_;
  std::map<std::string, std::vector<double>> oof_;
  std::map<std::string, std::vector<Vec>> X_;
  Matrix dense_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: credibility_cv DUMP.tsv [--folds N] [--only a,b]\n"), 2;
  int folds = 5;
  std::string only;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--folds") folds = std::stoi(argv[i + 1]);
    else if (a == "--only") only = "," + std::string(argv[i + 1]) + ",";
  }
  CvRun(Load(argv[1]), folds, only).Run();
  return 0;
}
