// Training and evaluation of the pronoun ranker on GUM (train.h).
#include "resolve/train/train.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "entities/entities.h"
#include "extract/extract.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::resolve::train {
namespace {

struct GumMention {
  uint32_t tok_begin = 0, tok_end = 0;  // GUM token range
  bool person = false;
  int chain = -1;
};

struct GumDoc {
  std::string name;
  std::vector<std::string> words;
  std::vector<uint32_t> sentence_start;  // first token of each sentence
  std::vector<GumMention> mentions;
  Document doc;
  std::vector<std::pair<uint32_t, uint32_t>> bytes;  // per GUM token
};

// Reads the brackets of one token ("(person-6", "person-6)", "(abstract-7)",
// "abstract-3)abstract-4)", "(place-9-Portsmouth"): opens push, closes pop.
void ReadBrackets(const std::string& field, uint32_t tok, std::vector<std::pair<int, GumMention>>* open,
                  std::vector<GumMention>* out) {
  size_t i = 0;
  while (i < field.size()) {
    bool opens = field[i] == '(';
    if (opens) ++i;
    size_t type_begin = i;
    while (i < field.size() && field[i] >= 'a' && field[i] <= 'z') ++i;
    std::string type = field.substr(type_begin, i - type_begin);
    if (i >= field.size() || field[i] != '-' || type.empty()) return;
    ++i;
    int chain = 0;
    while (i < field.size() && std::isdigit(static_cast<unsigned char>(field[i]))) chain = chain * 10 + (field[i++] - '0');
    if (i < field.size() && field[i] == '-')
      while (i < field.size() && field[i] != '(' && field[i] != ')') ++i;
    bool closes = i < field.size() && field[i] == ')';
    if (closes) ++i;
    GumMention m{tok, tok + 1, type == "person", chain};
    if (opens && closes) {
      out->push_back(m);
    } else if (opens) {
      open->push_back({chain, m});
    } else if (closes) {
      for (size_t k = open->size(); k-- > 0;)
        if ((*open)[k].first == chain) {
          GumMention done = (*open)[k].second;
          done.tok_end = tok + 1;
          out->push_back(done);
          open->erase(open->begin() + long(k));
          break;
        }
    }
  }
}

bool NoSpaceBefore(const std::string& w) {
  static const char* kClose[] = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"};
  for (const char* c : kClose)
    if (w == c) return true;
  return false;
}

// Joins the tokens into text: the first sentence is the headline block.
void BuildText(GumDoc* g) {
  std::string& t = g->doc.text;
  bool quote_open = false, glue = true;
  size_t next_sentence = 1;
  for (uint32_t k = 0; k < g->words.size(); ++k) {
    const std::string& w = g->words[k];
    if (next_sentence < g->sentence_start.size() && g->sentence_start[next_sentence] == k) {
      if (next_sentence == 1) {
        g->doc.title_byte_end = static_cast<uint32_t>(t.size());
        t += "\n\n";
        g->doc.body_byte_begin = static_cast<uint32_t>(t.size());
        glue = true;
      }
      ++next_sentence;
    }
    bool is_quote = w == "\"" || w == "``" || w == "''";
    bool space = !glue && !(is_quote && quote_open) && !(!is_quote && NoSpaceBefore(w));
    if (space) t += ' ';
    uint32_t b = static_cast<uint32_t>(t.size());
    t += is_quote ? "\"" : w;
    g->bytes.push_back({b, static_cast<uint32_t>(t.size())});
    glue = w == "(" || w == "$" || (is_quote && !quote_open);
    if (is_quote) quote_open = !quote_open;
  }
  g->doc.title = g->doc.text.substr(0, g->doc.title_byte_end);
  g->doc.id = g->name;
  g->doc.path = g->name;
}

std::optional<GumDoc> ReadGum(const std::filesystem::path& path) {
  std::ifstream in(path);
  GumDoc g;
  g.name = path.stem().string();
  std::vector<std::pair<int, GumMention>> open;
  std::string line;
  bool new_sentence = true;
  while (std::getline(in, line)) {
    if (line.empty()) {
      new_sentence = true;
      continue;
    }
    if (line[0] == '#') continue;
    std::stringstream ss(line);
    std::string idx, word, brackets;
    std::getline(ss, idx, '\t');
    std::getline(ss, word, '\t');
    std::getline(ss, brackets, '\t');
    if (word == "_") return std::nullopt;  // words withheld
    if (new_sentence) g.sentence_start.push_back(static_cast<uint32_t>(g.words.size()));
    new_sentence = false;
    ReadBrackets(brackets, static_cast<uint32_t>(g.words.size()), &open, &g.mentions);
    g.words.push_back(word);
  }
  if (g.words.empty()) return std::nullopt;
  BuildText(&g);
  return g;
}

struct Stages {
  std::unique_ptr<entities::Tagger> tagger;
  std::unique_ptr<syntax::Parser> parser;
};

hearsay::Result<Stages> LoadStages(const std::string& dir) {
  Stages s;
  auto tagger = entities::LoadTagger(dir);
  if (!tagger.ok()) return tagger.status();
  s.tagger = std::move(tagger).value();
  if (!s.tagger) return NotFoundError("no entity tagger (ner.hsm) in " + dir);
  auto parser = syntax::Parser::Load(dir + "/parser.hsp");
  if (!parser.ok()) return parser.status();
  s.parser = std::move(parser).value();
  return s;
}

// A document read up to in-document resolution, as the pipeline does.
DocumentAnalysis BeforeResolve(const GumDoc& g, const Stages& st) {
  DocumentAnalysis a;
  a.layout = text::AnalyzeText(g.doc);
  entities::FindMentions(g.doc, a.layout, st.tagger.get(), &a.mentions);
  std::vector<bool> select = extract::SentencesToParse(g.doc, a.layout, a.mentions);
  a.syntax = st.parser->ParseDocument(g.doc.text, a.layout, &select);
  return a;
}

std::vector<GumDoc> ReadSplit(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".conll") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<GumDoc> out;
  for (const auto& f : files)
    if (auto g = ReadGum(f)) out.push_back(std::move(*g));
  return out;
}

// The GUM chain of each local entity: the chain of the smallest GUM person mention holding
// most of its name mentions; -1 when none.
std::vector<int> EntityChains(const GumDoc& g, const DocumentAnalysis& a) {
  std::vector<std::map<int, int>> votes(a.local_entities.size());
  for (const Mention& m : a.mentions) {
    if (m.type != EntityType::kPerson || m.descriptor || m.entity_idx < 0) continue;
    int best = -1;
    uint32_t best_len = UINT32_MAX;
    for (const GumMention& gm : g.mentions) {
      if (!gm.person) continue;
      uint32_t b = g.bytes[gm.tok_begin].first, e = g.bytes[gm.tok_end - 1].second;
      if (b <= m.byte_begin && m.byte_end <= e && e - b < best_len) {
        best_len = e - b;
        best = gm.chain;
      }
    }
    if (best >= 0) votes[m.entity_idx][best]++;
  }
  std::vector<int> out(votes.size(), -1);
  for (size_t e = 0; e < votes.size(); ++e) {
    int n = 0;
    for (const auto& [chain, c] : votes[e])
      if (c > n) {
        n = c;
        out[e] = chain;
      }
  }
  return out;
}

// GUM chain of the single-token mention at bytes [b, e), or -1.
int PronounChain(const GumDoc& g, uint32_t b, uint32_t e) {
  for (const GumMention& gm : g.mentions)
    if (gm.tok_end == gm.tok_begin + 1 && g.bytes[gm.tok_begin].first == b && g.bytes[gm.tok_begin].second == e)
      return gm.chain;
  return -1;
}

// Gold index into c.candidates, -1 for none; -2 when the pronoun is no GUM mention.
int GoldOf(const GumDoc& g, const PronounCase& c, const std::vector<int>& chains) {
  int chain = PronounChain(g, c.byte_begin, c.byte_end);
  if (chain < 0) return -2;
  for (size_t i = 0; i < c.candidates.size(); ++i)
    if (chains[c.candidates[i].entity] == chain) return static_cast<int>(i);
  return -1;
}

void Count(Score* s, int gold, int picked_right, bool picked_none) {
  ++s->pronouns;
  if (gold >= 0) ++s->resolvable;
  if (picked_right) {
    ++s->right;
    if (gold >= 0) ++s->resolvable_right;
  } else if (gold >= 0 && picked_none) {
    ++s->missed;
  } else if (!picked_none) {
    ++s->wrong_person;
  }
}

// The entity of the descriptor mention at [b, e) that resolution added, -1 when none.
int32_t DescriptorAt(const DocumentAnalysis& a, uint32_t b, uint32_t e) {
  for (const Mention& m : a.mentions)
    if (m.descriptor && m.byte_begin == b && m.byte_end == e) return m.entity_idx;
  return -1;
}

// Scores one document: the ranker's picks (or, without a model, the rule's descriptors) on
// the pronouns the ranker would see.
void EvaluateDoc(const GumDoc& g, const DocumentAnalysis& base, const Stages& st, const CorefModel* model, Score* s) {
  struct Seen {
    uint32_t b, e;
    int gold;
    int32_t gold_entity;
  };
  std::vector<Seen> cases;
  std::vector<int> chains;
  DocumentAnalysis a = base;
  Knowledge k{st.tagger->gazetteer(), model};
  PronounChooser record = [&](const PronounCase& c, const DocumentAnalysis& an) {
    if (chains.empty()) chains = EntityChains(g, an);
    int gold = GoldOf(g, c, chains);
    if (gold != -2) cases.push_back({c.byte_begin, c.byte_end, gold, gold >= 0 ? c.candidates[gold].entity : -1});
    return model ? model->Choose(c) : -1;
  };
  ResolveInDocument(g.doc, &a, k, record);
  if (!model) {  // the rule's own run, on the same pronouns
    a = base;
    ResolveInDocument(g.doc, &a, Knowledge{st.tagger->gazetteer(), nullptr});
  }
  for (const Seen& c : cases) {
    int32_t picked = DescriptorAt(a, c.b, c.e);
    bool right = c.gold >= 0 ? picked == c.gold_entity : picked < 0;
    Count(s, c.gold, right, picked < 0);
  }
  ++s->documents;
}

// An example with dense feature ids: options[0] is "none", options[1 + i] candidate i.
struct Dense {
  std::vector<std::vector<uint32_t>> options;
  int gold = 0;  // index into options
};

// One full-batch step: the mean log-loss gradient plus L2, AdaGrad-scaled.
void Step(const std::vector<Dense>& data, const Options& o, std::vector<double>* w, std::vector<double>* g2) {
  std::vector<double> grad(w->size());
  for (size_t f = 0; f < w->size(); ++f) grad[f] = o.l2 * (*w)[f];
  double total = 0;
  for (const Dense& ex : data) total += ex.gold == 0 ? o.none_weight : 1.0;
  const double inv = 1.0 / total;
  std::vector<double> s;
  for (const Dense& ex : data) {
    const double weight = ex.gold == 0 ? o.none_weight : 1.0;
    s.assign(ex.options.size(), 0);
    double mx = -1e300;
    for (size_t j = 0; j < ex.options.size(); ++j) {
      for (uint32_t f : ex.options[j]) s[j] += (*w)[f];
      mx = std::max(mx, s[j]);
    }
    double z = 0;
    for (double& v : s) z += (v = std::exp(v - mx));
    for (size_t j = 0; j < ex.options.size(); ++j) {
      double coeff = (s[j] / z - (int(j) == ex.gold ? 1.0 : 0.0)) * inv * weight;
      for (uint32_t f : ex.options[j]) grad[f] += coeff;
    }
  }
  for (size_t f = 0; f < w->size(); ++f) {
    (*g2)[f] += grad[f] * grad[f];
    (*w)[f] -= o.rate * grad[f] / (std::sqrt((*g2)[f]) + 1e-8);
  }
}

// The log-linear ranker's weights for `cases` (features in key order: deterministic).
std::vector<std::pair<uint64_t, float>> Fit(const std::vector<std::pair<PronounCase, int>>& cases, const Options& o) {
  std::map<uint64_t, uint32_t> id;
  auto add = [&](const std::vector<uint64_t>& fs) {
    for (uint64_t f : fs) id.emplace(f, 0);
  };
  for (const auto& [c, gold] : cases) {
    add(c.none_features);
    for (const PronounCandidate& k : c.candidates) add(k.features);
  }
  std::vector<uint64_t> key;
  for (auto& [k, v] : id) {
    v = static_cast<uint32_t>(key.size());
    key.push_back(k);
  }
  auto dense = [&](const std::vector<uint64_t>& fs) {
    std::vector<uint32_t> out;
    for (uint64_t f : fs) out.push_back(id[f]);
    return out;
  };
  std::vector<Dense> data;
  for (const auto& [c, gold] : cases) {
    Dense d;
    d.options.push_back(dense(c.none_features));
    for (const PronounCandidate& k : c.candidates) d.options.push_back(dense(k.features));
    d.gold = gold + 1;
    data.push_back(std::move(d));
  }
  std::vector<double> w(key.size(), 0), g2(key.size(), 0);
  for (int it = 0; it < o.iterations && !data.empty(); ++it) Step(data, o, &w, &g2);
  std::vector<std::pair<uint64_t, float>> out;
  for (size_t f = 0; f < key.size(); ++f) out.emplace_back(key[f], static_cast<float>(w[f]));
  return out;
}

}  // namespace

hearsay::Result<Score> Evaluate(const std::string& split_dir, const std::string& models_dir, const CorefModel* model) {
  if (!std::filesystem::is_directory(split_dir)) return NotFoundError("no GUM split at " + split_dir);
  auto st = LoadStages(models_dir);
  if (!st.ok()) return st.status();
  Score s;
  for (const GumDoc& g : ReadSplit(split_dir)) EvaluateDoc(g, BeforeResolve(g, *st), *st, model, &s);
  return s;
}

hearsay::Result<Result> Train(const Options& o) {
  const std::string train_dir = o.gum_dir + "/train", dev_dir = o.gum_dir + "/dev";
  if (!std::filesystem::is_directory(train_dir)) return NotFoundError("no GUM train split at " + train_dir);
  auto st = LoadStages(o.models_dir);
  if (!st.ok()) return st.status();
  std::vector<GumDoc> docs = ReadSplit(train_dir);
  std::vector<DocumentAnalysis> base;
  for (const GumDoc& g : docs) base.push_back(BeforeResolve(g, *st));
  Result r;
  r.model = std::make_unique<CorefModel>();
  r.train_documents = docs.size();
  std::vector<std::pair<PronounCase, int>> cases;
  for (size_t d = 0; d < docs.size(); ++d) {
    std::vector<int> chains;
    PronounChooser teach = [&](const PronounCase& c, const DocumentAnalysis& an) {
      if (chains.empty()) chains = EntityChains(docs[d], an);
      int gold = GoldOf(docs[d], c, chains);
      if (gold == -2) return -1;
      cases.emplace_back(c, gold);
      return gold;
    };
    DocumentAnalysis a = base[d];
    ResolveInDocument(docs[d].doc, &a, Knowledge{st->tagger->gazetteer(), nullptr}, teach);
  }
  r.train_pronouns = cases.size();
  r.model->SetWeights(Fit(cases, o));
  std::vector<GumDoc> dev = ReadSplit(dev_dir);
  for (const GumDoc& g : dev) {
    DocumentAnalysis b = BeforeResolve(g, *st);
    EvaluateDoc(g, b, *st, r.model.get(), &r.dev_model);
    EvaluateDoc(g, b, *st, nullptr, &r.dev_rules);
  }
  return r;
}

}  // namespace hearsay::resolve::train
