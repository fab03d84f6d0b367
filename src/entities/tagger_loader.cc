// The statistical tagger behind the Tagger interface: one SentenceInput per layout
// sentence (block kind from its paragraph), document statistics over all of them, Viterbi
// per sentence in two stages (model.h), BIO spans -> Mention byte ranges.
#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "entities/entities.h"
#include "entities/model.h"
#include "entities/rules.h"

namespace hearsay::entities {
namespace {

std::string_view Text(const Document& doc, uint32_t begin, uint32_t end) {
  return std::string_view(doc.text).substr(begin, end - begin);
}

// LowerCase(a) == lower, without building LowerCase(a) (same byte rule, features.cc).
bool LowerEquals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (c != static_cast<unsigned char>(lower[i])) return false;
    if (static_cast<unsigned char>(a[i]) == 0xC3 && i + 1 < a.size()) {
      unsigned char d = a[++i];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      if (d != static_cast<unsigned char>(lower[i])) return false;
    }
  }
  return true;
}

// One round of (a), (b), (d) and (e) of MakePeopleConsistent below. Membership tests are
// hashed (a document of thousands of mentions stays linear); the outcome is that of testing
// every name in order: (e) takes the type of the last ORG/LOC/MISC mention with that tail.
void ConsistentOneWordPeople(const Document& doc, const TextLayout& layout, const Gazetteer& gaz, std::vector<Mention>* ms) {
  std::unordered_set<std::string_view> parts, seen_first;
  std::vector<std::string_view> firsts;  // distinct
  auto add_first = [&](std::string_view f) {
    if (seen_first.insert(f).second) firsts.push_back(f);
  };
  for (const Mention& m : *ms) {
    if (m.type != EntityType::kPerson) continue;
    std::string_view t = Text(doc, m.byte_begin, m.byte_end);
    size_t sp = t.find(' '), last_sp = t.rfind(' ');
    if (sp == std::string_view::npos) continue;
    std::string_view last = t.substr(last_sp + 1);
    if (last.size() > 2 && last.front() == '[' && last.back() == ']') last = last.substr(1, last.size() - 2);
    parts.insert(t.substr(0, sp));
    parts.insert(last);
    add_first(t.substr(0, sp));
  }
  for (const Mention& m : *ms)
    if (m.type == EntityType::kPerson) {
      std::string_view t = Text(doc, m.byte_begin, m.byte_end);
      if (t.find(' ') == std::string_view::npos) add_first(t);
    }
  std::unordered_map<std::string_view, EntityType> other_tails;  // the last mention's type
  for (const Mention& m : *ms) {
    if (m.type != EntityType::kOrg && m.type != EntityType::kLoc && m.type != EntityType::kMisc) continue;
    std::string_view t = Text(doc, m.byte_begin, m.byte_end);
    size_t sp = t.rfind(' ');
    if (sp != std::string_view::npos) other_tails[t.substr(sp + 1)] = m.type;
  }
  auto token_after = [&](uint32_t byte_end, int k) -> std::string_view {
    auto it = std::lower_bound(layout.tokens.begin(), layout.tokens.end(), byte_end,
                               [](const Token& t, uint32_t b) { return t.byte_begin < b; });
    for (int i = 1; i < k && it != layout.tokens.end(); ++i) ++it;
    if (it == layout.tokens.end()) return {};
    return Text(doc, it->byte_begin, it->byte_end);
  };
  for (Mention& m : *ms) {
    std::string_view t = Text(doc, m.byte_begin, m.byte_end);
    if (t.find(' ') != std::string_view::npos) continue;
    if (m.type == EntityType::kPerson) {  // (e)
      if (parts.count(t)) continue;
      auto tail = other_tails.find(t);
      if (tail != other_tails.end()) m.type = tail->second;
      continue;
    }
    if (m.type == EntityType::kWork || m.type == EntityType::kOutlet) continue;
    if (parts.count(t)) {
      m.type = EntityType::kPerson;
      continue;
    }
    const std::string lower = LowerCase(t);
    const WordEntry* e = gaz.FindWord(HashBytes(lower, kGazetteerSeed));
    std::string_view n1 = token_after(m.byte_end, 1), n2 = token_after(m.byte_end, 2);
    bool age = n1 == "," && !n2.empty() && n2.size() <= 3 && std::all_of(n2.begin(), n2.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (age && e && (e->classes & kFirstName)) m.type = EntityType::kPerson;
    if (e && (e->classes & kFirstName) && t.size() >= 3) {  // (d)
      for (std::string_view f : firsts)
        if (f.size() > t.size() && (f.substr(0, t.size()) == t || LowerEquals(f.substr(f.size() - t.size()), lower))) {
          m.type = EntityType::kPerson;
          break;
        }
    }
  }
}

// Document-level consistency for people, applied after the per-sentence decode:
//   (a) a one-word name mention whose word is the first or last word of a multi-word
//       PERSON mention elsewhere in the document is that person's name ("Khayrova");
//   (b) a one-word mention that is a known given name followed by ", <age>," is a person
//       ("Isabella, 31,").
//   (c) "Given [Surname]" (an editor's bracketed completion) is one PERSON mention;
//   (d) a one-word given name that starts or ends a PERSON mention's first word is a
//       short form of it ("Bella" for "Isabella");
//   (e) a one-word PERSON that is the last word of an ORG/LOC/MISC mention elsewhere
//       takes that type ("Scientology" after "Church of Scientology");
//   (f) a mention whose text is a PERSON mention elsewhere is PERSON; (g) "Word at <Place>" is
//       a venue; (h) a headline span holding a PERSON's full name is that PERSON.
void MakePeopleConsistent(const Document& doc, const TextLayout& layout, const Gazetteer& gaz, std::vector<Mention>* ms) {
  auto token_idx = [&](uint32_t byte_begin) -> long {
    auto it = std::lower_bound(layout.tokens.begin(), layout.tokens.end(), byte_begin,
                               [](const Token& t, uint32_t b) { return t.byte_begin < b; });
    return it == layout.tokens.end() || it->byte_begin != byte_begin ? -1 : it - layout.tokens.begin();
  };
  auto tok = [&](long i) -> std::string_view {
    if (i < 0 || static_cast<size_t>(i) >= layout.tokens.size()) return {};
    return Text(doc, layout.tokens[i].byte_begin, layout.tokens[i].byte_end);
  };
  auto is_cap = [](std::string_view w) { return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) == 0xC3); };
  // (c)
  for (size_t i = 0; i + 3 < layout.tokens.size(); ++i) {
    if (tok(i + 1) != "[" || tok(i + 3) != "]" || !is_cap(tok(i)) || !is_cap(tok(i + 2))) continue;
    uint32_t begin = layout.tokens[i].byte_begin, end = layout.tokens[i + 3].byte_end;
    const WordEntry* e = gaz.FindWord(HashBytes(LowerCase(tok(i)), kGazetteerSeed));
    bool named = e && (e->classes & kFirstName);
    for (const Mention& m : *ms)
      if (m.byte_begin < end && begin < m.byte_end) named = true;
    if (!named) continue;
    ms->erase(std::remove_if(ms->begin(), ms->end(), [&](const Mention& m) { return m.byte_begin < end && begin < m.byte_end; }),
              ms->end());
    ms->push_back(Mention{begin, end, EntityType::kPerson, 0.8f, -1, false});
  }
  // (g) "Word at <Place>" where Word is a one-word PERSON that is no known name: a venue
  //     or programme named after the place ("Jazz at Lincoln Center").
  for (Mention& m : *ms) {
    if (m.type != EntityType::kPerson) continue;
    long t = token_idx(m.byte_begin);
    if (t < 0 || Text(doc, m.byte_begin, m.byte_end).find(' ') != std::string_view::npos || tok(t + 1) != "at") continue;
    const WordEntry* e = gaz.FindWord(HashBytes(LowerCase(Text(doc, m.byte_begin, m.byte_end)), kGazetteerSeed));
    if (e && (e->classes & (kFirstNameCommon | kSurnameCommon))) continue;
    if (t + 2 >= static_cast<long>(layout.tokens.size())) continue;
    for (Mention& place : *ms)
      if ((place.type == EntityType::kLoc || place.type == EntityType::kOrg) &&
          place.byte_begin == layout.tokens[t + 2].byte_begin) {
        m.type = EntityType::kLoc;
        m.byte_end = place.byte_end;
        place.type = EntityType::kHandle;  // marked for removal below
        place.byte_end = place.byte_begin;
      }
  }
  ms->erase(std::remove_if(ms->begin(), ms->end(), [](const Mention& m) { return m.byte_end == m.byte_begin; }), ms->end());
  // (f) a mention whose exact text is a PERSON mention elsewhere in the document is PERSON.
  {
    std::unordered_set<std::string_view> people;
    for (const Mention& m : *ms)
      if (m.type == EntityType::kPerson) people.insert(Text(doc, m.byte_begin, m.byte_end));
    for (Mention& m : *ms)
      if ((m.type == EntityType::kLoc || m.type == EntityType::kOrg || m.type == EntityType::kMisc) &&
          people.count(Text(doc, m.byte_begin, m.byte_end)))
        m.type = EntityType::kPerson;
    NarrowHeadlineSpansToPeople(doc, ms);  // (h), rules.h
  }
  // Two rounds: a mention made PERSON in the first round is evidence in the second.
  for (int round = 0; round < 2; ++round) ConsistentOneWordPeople(doc, layout, gaz, ms);
}

class ModelTagger : public Tagger {
 public:
  explicit ModelTagger(std::shared_ptr<const NerModel> model) : model_(std::move(model)) {}

  void Tag(const Document& doc, const TextLayout& layout, std::vector<Mention>* out) const override {
    std::vector<SentenceInput> inputs;
    inputs.reserve(layout.sentences.size());
    for (const Sentence& s : layout.sentences) {
      SentenceInput in;
      in.tokens.reserve(s.token_end - s.token_begin);
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Token& k = layout.tokens[t];
        in.tokens.emplace_back(doc.text.data() + k.byte_begin, k.byte_end - k.byte_begin);
      }
      if (s.paragraph_idx < layout.paragraphs.size()) in.block = layout.paragraphs[s.paragraph_idx].kind;
      inputs.push_back(std::move(in));
    }
    std::vector<std::vector<int>> doc_labels;
    model_->TagDocument(inputs, &doc_labels);
    for (size_t si = 0; si < inputs.size(); ++si) {
      const Sentence& s = layout.sentences[si];
      const std::vector<int>& labels = doc_labels[si];
      for (size_t i = 0; i < labels.size();) {
        if (labels[i] == kOutside) {
          ++i;
          continue;
        }
        int type = LabelType(labels[i]);
        size_t j = i + 1;
        while (j < labels.size() && labels[j] == InsideLabel(type)) ++j;
        Mention m;
        m.byte_begin = layout.tokens[s.token_begin + i].byte_begin;
        m.byte_end = layout.tokens[s.token_begin + j - 1].byte_end;
        m.type = kTaggerTypes[type];
        m.confidence = 0.9f;
        out->push_back(m);
        i = j;
      }
    }
    MakePeopleConsistent(doc, layout, model_->gazetteer(), out);
  }

  const Gazetteer* gazetteer() const override { return &model_->gazetteer(); }
  const NerModel* model() const override { return model_.get(); }

 private:
  std::shared_ptr<const NerModel> model_;
};

}  // namespace

std::unique_ptr<Tagger> MakeTagger(std::unique_ptr<NerModel> model) {
  return std::make_unique<ModelTagger>(std::shared_ptr<const NerModel>(std::move(model)));
}

Result<std::unique_ptr<Tagger>> LoadTaggerFile(const std::string& path) {
  auto model = NerModel::Load(path);
  if (!model.ok()) return model.status();
  return MakeTagger(std::move(*model));
}

Result<std::unique_ptr<Tagger>> LoadTagger(const std::string& models_dir) {
  std::string path = (std::filesystem::path(models_dir) / kNerModelFile).string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::unique_ptr<Tagger>();
  return LoadTaggerFile(path);
}

}  // namespace hearsay::entities
