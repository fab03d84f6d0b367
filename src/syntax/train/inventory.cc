#include "syntax/train/inventory.h"

#include <algorithm>
#include <map>

namespace hearsay::syntax::train {
namespace {

template <typename K>
std::vector<K> ByCount(const std::map<K, size_t>& counts) {
  std::vector<std::pair<K, size_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<K> out;
  for (auto& [k, c] : v) out.push_back(k);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
  return s;
}

bool IsLetters(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

}  // namespace

Status BuildInventory(const std::vector<GoldSentence>& train, ParserModel* m) {
  std::map<std::string, size_t> xpos, labels;
  std::map<std::pair<std::string, std::string>, size_t> classes;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      ++xpos[w.xpos];
      if (w.deprel != "root") ++labels[w.deprel];
      ++classes[{w.upos, w.xpos}];
    }
  m->xpos_names = ByCount(xpos);
  m->label_names = {"root"};
  for (auto& l : ByCount(labels)) m->label_names.push_back(l);
  if (m->xpos_names.size() > 250 || m->label_names.size() > 255 || classes.size() > 255)
    return InvalidArgumentError("treebank has too many tags or labels for the model format");
  for (const auto& l : m->label_names) {
    Rel r;
    if (!RelFromLabel(l, &r)) return InvalidArgumentError("unknown dependency relation in treebank: " + l);
    m->label_rels.push_back(r);
  }
  for (const auto& x : m->xpos_names) m->xpos_closed.push_back(IsClosedXpos(x));
  for (const auto& [u, x] : ByCount(classes)) {
    Upos upos;
    if (!UposFromName(u, &upos)) return InvalidArgumentError("unknown UPOS in treebank: " + u);
    m->tag_classes.push_back(TagClass{upos, uint8_t(m->XposId(x))});
  }
  return Status::Ok();
}

void BuildMultiwords(const std::vector<GoldSentence>& train, MultiwordTable* table) {
  std::map<std::string, std::map<std::vector<uint8_t>, size_t>> split;
  std::map<std::string, size_t> whole, kept, hyph;
  for (const auto& s : train) {
    std::vector<bool> in_mwt(s.words.size(), false);
    for (const auto& mw : s.multiwords) {
      std::string surface = Lower(mw.surface), joined;
      std::vector<uint8_t> at;
      for (int k = mw.first; k <= mw.last && k <= int(s.words.size()); ++k) {
        in_mwt[k - 1] = true;
        if (k > mw.first) at.push_back(uint8_t(joined.size()));
        joined += Lower(s.words[k - 1].form);
      }
      if (joined == surface && surface.size() < 40) ++split[surface][at];
    }
    for (size_t i = 0; i < s.words.size(); ++i) {
      const GoldWord& w = s.words[i];
      if (!in_mwt[i]) ++whole[Lower(w.form)];
      size_t dash = w.form.find('-');
      if (dash != std::string::npos && dash > 0 && dash + 1 < w.form.size()) ++kept[Lower(w.form.substr(0, dash))];
      if (w.xpos == "HYPH" && i > 0 && w.misc.find("SpaceAfter=No") != std::string::npos &&
          s.words[i - 1].misc.find("SpaceAfter=No") != std::string::npos)
        ++hyph[Lower(s.words[i - 1].form)];
    }
  }
  for (const auto& [surface, ways] : split) {
    size_t total = 0;
    for (const auto& [at, c] : ways) total += c;
    const auto best = std::max_element(ways.begin(), ways.end(), [](auto& a, auto& b) { return a.second < b.second; });
    if (total >= 2 && total >= whole[surface]) table->splits[surface] = best->first;
  }
  for (const auto& [prefix, c] : kept)
    if (IsLetters(prefix) && c >= 2 && c > hyph[prefix]) table->hyphen_prefixes[prefix] = 1;
}

std::vector<TrainSentence> MakeTrainSentences(const std::vector<GoldSentence>& gold, const ParserModel& m) {
  std::vector<TrainSentence> out;
  out.reserve(gold.size());
  std::map<std::pair<int, int>, int> class_of;
  for (size_t c = 0; c < m.tag_classes.size(); ++c) class_of[{int(m.tag_classes[c].upos), m.tag_classes[c].xpos}] = int(c);
  for (const auto& s : gold) {
    TrainSentence ts;
    const int n = int(s.words.size());
    for (const auto& w : s.words) {
      ts.info.push_back(MakeWordInfo(w.form));
      Upos u = Upos::kX;
      UposFromName(w.upos, &u);
      auto it = class_of.find({int(u), m.XposId(w.xpos)});
      ts.tag.push_back(it == class_of.end() ? 0 : it->second);
      ts.head.push_back(w.head <= 0 ? n : w.head - 1);
      int l = m.LabelId(w.deprel);
      ts.label.push_back(l < 0 ? m.LabelId("dep") : l);
    }
    m.FillClusters(&ts.info);
    ts.pred_tag = ts.tag;
    ts.proj_head = Projectivize(ts.head);
    out.push_back(std::move(ts));
  }
  return out;
}

TagDictionary BuildTagDictionary(const std::vector<TrainSentence>& data) {
  std::unordered_map<uint64_t, std::map<int, size_t>> seen;
  for (const auto& s : data)
    for (size_t i = 0; i < s.info.size(); ++i) ++seen[s.info[i].form][s.tag[i]];
  TagDictionary dict;
  for (const auto& [form, classes] : seen) {
    size_t total = 0, best = 0;
    int best_class = 0;
    for (const auto& [c, n] : classes) {
      total += n;
      if (n > best) { best = n; best_class = c; }
    }
    if (total >= 20 && double(best) >= 0.995 * double(total)) dict[form] = uint8_t(best_class);
  }
  return dict;
}

std::unordered_map<uint64_t, uint64_t> BuildAmbiguityClasses(const std::vector<TrainSentence>& data) {
  std::unordered_map<uint64_t, std::map<int, size_t>> seen;
  for (const auto& s : data)
    for (size_t i = 0; i < s.info.size(); ++i) ++seen[s.info[i].low][s.tag[i]];
  std::unordered_map<uint64_t, uint64_t> out;
  for (const auto& [low, classes] : seen) {
    size_t total = 0;
    uint64_t h = 0xA3B;
    for (const auto& [c, n] : classes) {
      total += n;
      h = Mix(h, uint64_t(c) + 1);
    }
    if (total >= 2) out[low] = h;
  }
  return out;
}

void ToParseWords(const TrainSentence& s, const std::vector<int>& tags, const ParserModel& m,
                  std::vector<ParseWord>* out) {
  out->resize(s.info.size());
  for (size_t i = 0; i < s.info.size(); ++i) {
    uint8_t x = m.tag_classes[tags[i]].xpos;
    (*out)[i] = ParseWord{s.info[i].low, s.info[i].cluster, x, m.xpos_closed[x]};
  }
}

}  // namespace hearsay::syntax::train
