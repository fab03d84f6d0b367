// Training the lemmatiser: edit rules per XPOS and suffix, exceptions where they fail.
#include <map>

#include "syntax/train/inventory.h"

namespace hearsay::syntax::train {
namespace {

LemmaRule EditOf(const std::string& form, const std::string& lemma) {
  size_t cp = 0;
  while (cp < form.size() && cp < lemma.size() && form[cp] == lemma[cp]) ++cp;
  LemmaRule r;
  r.strip = uint8_t(std::min<size_t>(form.size() - cp, 255));
  r.append = lemma.substr(cp);
  return r;
}

using RuleKey = std::pair<uint8_t, std::string>;  // strip, append

}  // namespace

void BuildLemmatizer(const std::vector<GoldSentence>& train, ParserModel* m) {
  const size_t tags = m->xpos_names.size();
  std::vector<std::map<std::string, std::map<RuleKey, size_t>>> votes(tags);
  std::map<std::string, std::map<std::string, size_t>> seen;  // lower \t xpos -> lemma counts
  for (const auto& s : train)
    for (const auto& w : s.words) {
      int x = m->XposId(w.xpos);
      if (x < 0 || w.lemma == "_") continue;
      WordInfo info = MakeWordInfo(w.form);
      ++seen[info.lower + "\t" + w.xpos][w.lemma];
      if (w.upos == "PROPN") continue;
      LemmaRule r = EditOf(info.lower, w.lemma);
      for (size_t len = 1; len <= 5 && len <= info.lower.size(); ++len)
        ++votes[x][info.lower.substr(info.lower.size() - len)][{r.strip, r.append}];
    }
  m->lemmatizer.rules.assign(tags, {});
  for (size_t x = 0; x < tags; ++x)
    for (const auto& [suffix, counts] : votes[x]) {
      const RuleKey* best = nullptr;
      size_t best_count = 0, total = 0;
      for (const auto& [key, c] : counts) {
        total += c;
        if (c > best_count) { best = &key; best_count = c; }
      }
      if (total >= 2) m->lemmatizer.rules[x][HashStr(suffix)] = LemmaRule{best->first, best->second};
    }
  // Exceptions: the most frequent lemma of each (form, XPOS) the rules do not produce.
  for (const auto& [key, counts] : seen) {
    const std::string* best = nullptr;
    size_t best_count = 0;
    for (const auto& [lemma, c] : counts)
      if (c > best_count) { best = &lemma; best_count = c; }
    size_t tab = key.find('\t');
    std::string xpos = key.substr(tab + 1);
    int x = m->XposId(xpos);
    WordInfo info = MakeWordInfo(key.substr(0, tab));
    if (xpos.rfind("NNP", 0) == 0 && MakeWordInfo(*best).lower == info.lower) continue;  // proper nouns keep their form
    std::string by_rules = m->lemmatizer.Lemma(info, Upos::kX, uint8_t(x));
    if (by_rules != *best) m->lemmatizer.exceptions[Lemmatizer::Key(info.lower, uint8_t(x))] = *best;
  }
}

}  // namespace hearsay::syntax::train
