// Training of the family-relation scorer (relation_train.h describes data, labels, method).
#include "extract/train/relation_train.h"

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "entities/entities.h"
#include "extract/attribution_model.h"
#include "extract/extract.h"
#include "resolve/resolve.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::extract::train {
namespace {

struct Models {
  std::unique_ptr<entities::Tagger> tagger;
  std::unique_ptr<syntax::Parser> parser;
  std::unique_ptr<AttributionModel> attribution;
};

Status LoadAll(const std::string& dir, Models* m) {
  auto tagger = entities::LoadTagger(dir);
  if (!tagger.ok()) return tagger.status();
  m->tagger = std::move(tagger).value();
  auto parser = syntax::Parser::Load(dir + "/parser.hsp");
  if (!parser.ok()) return parser.status();
  m->parser = std::move(parser).value();
  auto attribution = AttributionModel::Load(dir + "/attribution.hsa");
  if (!attribution.ok()) return attribution.status();
  m->attribution = std::move(attribution).value();
  return Status::Ok();
}

// A text analysed as the pipeline does (whole text as body; every sentence parsed: a
// sentence's parse does not depend on which others are), and its family candidates with every
// pair of people of a sentence.
std::vector<FamilyCandidate> Candidates(const Models& m, const Document& doc, DocumentAnalysis* a) {
  a->layout = text::AnalyzeTextSpan(doc.text, 0, 0);
  entities::FindMentions(doc, a->layout, m.tagger.get(), &a->mentions);
  a->syntax = m.parser->ParseDocument(doc.text, a->layout);
  resolve::ResolveInDocument(doc, a, {m.tagger ? m.tagger->gazetteer() : nullptr, nullptr});
  return ExtractFamilyCandidates(doc, a, m.attribution.get(), /*all_pairs=*/true);
}

struct Example {
  std::vector<uint64_t> features;
  bool positive = false;
  Family family = Family::kSpouse;
};

std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The local entity with a mention overlapping bytes [b, e), or -1.
int32_t EntityOver(const DocumentAnalysis& a, uint32_t b, uint32_t e) {
  for (const Mention& m : a.mentions)
    if (m.entity_idx >= 0 && m.byte_begin < e && m.byte_end > b && m.type == EntityType::kPerson) return m.entity_idx;
  return -1;
}

// One KBP37 block: the sentence without marks, the marked spans and the label.
struct KbpSentence {
  std::string text, label;
  uint32_t e1b = 0, e1e = 0, e2b = 0, e2e = 0;
};

bool ParseKbpLine(const std::string& line, KbpSentence* out) {
  const size_t tab = line.find('\t');
  if (tab == std::string::npos) return false;
  std::istringstream words(line.substr(tab + 1));
  std::string w;
  while (words >> w) {
    if (w == "\"") continue;
    const uint32_t next = static_cast<uint32_t>(out->text.size() + (out->text.empty() ? 0 : 1));
    const uint32_t end = static_cast<uint32_t>(out->text.size());
    if (w == "<e1>") out->e1b = next;
    else if (w == "</e1>") out->e1e = end;
    else if (w == "<e2>") out->e2b = next;
    else if (w == "</e2>") out->e2e = end;
    else out->text += (out->text.empty() ? "" : " ") + w;
  }
  return out->e1e > out->e1b && out->e2e > out->e2b;
}

Status ReadKbp(const Models& m, const std::string& path, std::vector<Example>* out, size_t* n) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot read " + path + " (../shared/data/kbp37 absent?)");
  std::string line, label;
  while (std::getline(in, line)) {
    KbpSentence s;
    if (!ParseKbpLine(line, &s) || !std::getline(in, s.label)) continue;
    ++*n;
    Document doc;
    doc.text = s.text;
    DocumentAnalysis a;
    const std::vector<FamilyCandidate> cands = Candidates(m, doc, &a);
    const int32_t e1 = EntityOver(a, s.e1b, s.e1e), e2 = EntityOver(a, s.e2b, s.e2e);
    if (e1 < 0 || e2 < 0 || e1 == e2) continue;
    const bool spouse = s.label.rfind("per:spouse", 0) == 0;
    for (const FamilyCandidate& c : cands) {  // KBP37 labels no kin but spouses
      if (c.family != Family::kSpouse || !((c.a == e1 && c.b == e2) || (c.a == e2 && c.b == e1))) continue;
      out->push_back({c.features, spouse, c.family});
    }
  }
  return Status::Ok();
}

// The names an entity is written with in a document (name, aliases, non-descriptor mentions).
std::set<std::string> NamesOf(const Document& doc, const DocumentAnalysis& a, int32_t e) {
  std::set<std::string> out{Fold(a.local_entities[e].name)};
  for (const std::string& al : a.local_entities[e].aliases) out.insert(Fold(al));
  for (const Mention& m : a.mentions)
    if (m.entity_idx == e && !m.descriptor) out.insert(Fold(std::string_view(doc.text).substr(m.byte_begin, m.byte_end - m.byte_begin)));
  return out;
}

// A DialogRE dialogue's labels: (x, y) folded names -> relations.
using Labels = std::map<std::pair<std::string, std::string>, std::set<std::string>>;

// Does the dialogue say family f between argument names x and y (x parent of y for kParent)?
bool Says(const Labels& labels, Family f, const std::string& x, const std::string& y) {
  auto has = [&](const std::string& p, const std::string& q, const char* r) {
    auto it = labels.find({p, q});
    return it != labels.end() && it->second.count(r);
  };
  switch (f) {
    case Family::kSpouse: return has(x, y, "per:spouse") || has(y, x, "per:spouse");
    case Family::kSibling: return has(x, y, "per:siblings") || has(y, x, "per:siblings");
    case Family::kParent: return has(y, x, "per:parents") || has(x, y, "per:children");
  }
  return false;
}

// The name each "Speaker N" of a dialogue goes by (its per:alternate_names argument), by
// folded speaker label.
std::map<std::string, std::string> SpeakerNames(const nlohmann::json& d) {
  std::map<std::string, std::string> out;
  for (const auto& r : d[1]) {
    const std::string x = r["x"].get<std::string>(), y = r["y"].get<std::string>();
    bool alt = false;
    for (const auto& rel : r["r"]) alt = alt || rel.get<std::string>() == "per:alternate_names";
    if (alt && x.rfind("Speaker ", 0) == 0 && y.rfind("Speaker ", 0) != 0) out.emplace(Fold(x), y);
  }
  return out;
}

// A dialogue as an article: each turn a paragraph; a speaker with a name speaks it as a quote
// ("Name said: \"…\"") so that "I", "my" inside resolve to them as in news quotations.
std::string DialogueText(const nlohmann::json& d, const std::map<std::string, std::string>& names) {
  std::string text;
  for (const auto& turn : d[0]) {
    const std::string t = turn.get<std::string>();
    const size_t colon = t.find(": ");
    auto it = colon == std::string::npos ? names.end() : names.find(Fold(t.substr(0, colon)));
    text += it == names.end() ? t : it->second + " said: \"" + t.substr(colon + 2) + "\"";
    text += "\n\n";
  }
  return text;
}

void DialogueExamples(const Models& m, const nlohmann::json& d, std::vector<Example>* out) {
  Document doc;
  const std::map<std::string, std::string> names = SpeakerNames(d);
  doc.text = DialogueText(d, names);
  auto name_of = [&](const std::string& arg) {
    auto it = names.find(Fold(arg));
    return it == names.end() ? Fold(arg) : Fold(it->second);
  };
  Labels labels;
  std::set<std::string> args;
  for (const auto& r : d[1]) {
    const std::string x = name_of(r["x"].get<std::string>()), y = name_of(r["y"].get<std::string>());
    args.insert(x), args.insert(y);
    for (const auto& rel : r["r"]) labels[{x, y}].insert(rel.get<std::string>());
  }
  DocumentAnalysis a;
  const std::vector<FamilyCandidate> cands = Candidates(m, doc, &a);
  for (const FamilyCandidate& c : cands) {
    std::set<std::string> na = NamesOf(doc, a, c.a), nb = NamesOf(doc, a, c.b);
    bool known = false, positive = false;
    for (const std::string& x : na)
      for (const std::string& y : nb) {
        if (!args.count(x) || !args.count(y) || x == y) continue;
        known = true;
        positive = positive || Says(labels, c.family, x, y) || (c.family != Family::kParent && Says(labels, c.family, y, x));
      }
    if (known) out->push_back({c.features, positive, c.family});
  }
}

Status ReadDialogRe(const Models& m, const std::string& path, std::vector<Example>* out, size_t* n) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot read " + path + " (../shared/data/dialogre absent?)");
  nlohmann::json data;
  try {
    in >> data;
  } catch (const std::exception& e) {
    return DataLossError(path + ": not JSON (" + e.what() + ")");
  }
  for (const auto& d : data) {
    ++*n;
    DialogueExamples(m, d, out);
  }
  return Status::Ok();
}

// Averaged perceptron over the examples, shuffled per epoch (own Fisher-Yates on mt19937).
void Fit(const std::vector<Example>& ex, const RelationOptions& o, RelationScorer* model) {
  std::vector<size_t> order(ex.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(o.seed);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t i : order) {
      float s[2] = {0, 0};
      model->linear.Score(ex[i].features.data(), ex[i].features.size(), s);
      const int guess = s[1] > s[0] ? 1 : 0, truth = ex[i].positive ? 1 : 0;
      if (guess != truth) model->linear.Update(ex[i].features.data(), ex[i].features.size(), truth, guess);
      else model->linear.Tick();
    }
  }
  model->linear.Finalize();
}

}  // namespace

Result<RelationTrained> TrainRelations(const RelationOptions& o) {
  Models m;
  Status s = LoadAll(o.models_dir, &m);
  if (!s.ok()) return s;
  RelationTrained r;
  std::vector<Example> ex;
  s = ReadKbp(m, o.kbp37_dir + "/train.txt", &ex, &r.kbp_sentences);
  if (s.ok()) s = ReadDialogRe(m, o.dialogre_dir + "/train.json", &ex, &r.dialogues);
  if (!s.ok()) return s;
  for (const Example& e : ex) ++(e.positive ? r.positives : r.negatives)[int(e.family)];
  r.model = std::make_unique<RelationScorer>();
  Fit(ex, o, r.model.get());
  r.model->drop_threshold = o.drop_threshold;
  r.model->add_threshold = o.add_threshold;
  for (const Example& e : ex) r.train_right += (r.model->Score(e.features) > 0) == e.positive;
  r.train_examples = ex.size();
  return r;
}

}  // namespace hearsay::extract::train
