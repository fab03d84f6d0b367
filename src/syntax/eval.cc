// Evaluation against CoNLL-U gold (conllu.h): gold words and hearsay's own words.
#include <map>

#include "syntax/conllu.h"
#include "text/text.h"

namespace hearsay::syntax {
namespace {

std::string UniversalPart(std::string_view label) { return std::string(label.substr(0, label.find(':'))); }

// Gold forms joined by single spaces, and the words over them.
std::string FormsText(const GoldSentence& s, std::vector<Word>* words) {
  std::string text;
  words->clear();
  for (const auto& g : s.words) {
    if (!text.empty()) text += ' ';
    uint32_t b = uint32_t(text.size());
    text += g.form.empty() ? "_" : g.form;
    words->push_back(Word{b, uint32_t(text.size()), 0});
  }
  return text;
}

void Score(const Parser& p, const GoldWord& g, const Word& w, bool head_ok, Scores* sc) {
  ++sc->aligned;
  sc->upos += g.upos == UposName(w.upos);
  sc->xpos += g.xpos == p.XposName(w.xpos);
  sc->lemma += g.lemma == w.lemma;
  if (head_ok) {
    ++sc->uas;
    sc->las += UniversalPart(g.deprel) == RelName(w.rel);
  }
}

GoldSentence Predicted(const Parser& p, const GoldSentence& s, const std::vector<Word>& words) {
  GoldSentence out;
  out.comments = s.comments;
  out.text = s.text;
  out.multiwords = s.multiwords;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    GoldWord g = s.words[i];
    g.lemma = w.lemma;
    g.feats = "_";
    g.upos = UposName(w.upos);
    g.xpos = std::string(p.XposName(w.xpos));
    g.head = w.head + 1;
    g.deprel = std::string(p.LabelName(w.label));
    out.words.push_back(std::move(g));
  }
  return out;
}

// hearsay's words no gold word matches, as "+<tab>word".
void ListExtraWords(const std::string& text, const std::vector<Word>& words, const std::vector<int>& align,
                    std::vector<std::string>* out) {
  std::vector<bool> used(words.size(), false);
  for (int a : align)
    if (a >= 0) used[size_t(a)] = true;
  for (size_t j = 0; j < words.size(); ++j)
    if (!used[j]) out->push_back("+\t" + text.substr(words[j].byte_begin, words[j].byte_end - words[j].byte_begin));
}

}  // namespace

Scores EvaluateGoldWords(const Parser& parser, const std::vector<GoldSentence>& gold, std::vector<GoldSentence>* out) {
  Scores total;
  std::vector<Word> words;
  for (const GoldSentence& s : gold) {
    std::string text = FormsText(s, &words);
    parser.ParseWords(text, &words);
    total.gold += s.words.size();
    total.predicted += words.size();
    for (size_t i = 0; i < words.size(); ++i)
      Score(parser, s.words[i], words[i], words[i].head + 1 == s.words[i].head, &total);
    if (out) out->push_back(Predicted(parser, s, words));
  }
  return total;
}

Scores EvaluateOwnWords(const Parser& parser, const std::vector<GoldSentence>& gold,
                        std::vector<std::string>* unaligned) {
  Scores total;
  std::vector<std::pair<uint32_t, uint32_t>> ranges, spans;
  std::vector<Token> tokens;
  std::vector<Word> words;
  for (const GoldSentence& s : gold) {
    std::string text = WordsText(s, &ranges);
    tokens.clear();
    text::Tokenize(text, 0, uint32_t(text.size()), &tokens);
    words.clear();
    for (uint32_t t = 0; t < tokens.size(); ++t) {
      spans.clear();
      SplitToken(text, tokens[t], &parser.model_multiwords(), &spans);
      for (auto [b, e] : spans) words.push_back(Word{b, e, t});
    }
    parser.ParseWords(text, &words);
    std::map<std::pair<uint32_t, uint32_t>, int> at;
    for (size_t j = 0; j < words.size(); ++j) at[{words[j].byte_begin, words[j].byte_end}] = int(j);
    std::vector<int> align(s.words.size(), -1);
    for (size_t i = 0; i < s.words.size(); ++i)
      if (ranges[i].second > ranges[i].first)
        if (auto it = at.find(ranges[i]); it != at.end()) align[i] = it->second;
    total.gold += s.words.size();
    total.predicted += words.size();
    if (unaligned) ListExtraWords(text, words, align, unaligned);
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (align[i] < 0 && unaligned) {
        std::string over;
        for (const Word& w : words)
          if (w.byte_end > ranges[i].first && w.byte_begin < ranges[i].second)
            over += (over.empty() ? "" : "|") + text.substr(w.byte_begin, w.byte_end - w.byte_begin);
        unaligned->push_back(s.words[i].form + "\t" + over);
      }
      if (align[i] < 0) continue;
      const Word& w = words[align[i]];
      int gh = s.words[i].head;
      bool head_ok = gh == 0 ? w.head < 0 : (align[gh - 1] >= 0 && w.head == align[gh - 1]);
      Score(parser, s.words[i], w, head_ok, &total);
    }
  }
  return total;
}

std::string WriteConllu(const GoldSentence& s) {
  std::string out;
  for (const auto& c : s.comments) out += c + "\n";
  size_t mi = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (mi < s.multiwords.size() && s.multiwords[mi].first == int(i) + 1) {
      const auto& m = s.multiwords[mi++];
      out += std::to_string(m.first) + "-" + std::to_string(m.last) + "\t" + m.surface + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
    }
    const GoldWord& w = s.words[i];
    out += std::to_string(i + 1) + "\t" + w.form + "\t" + w.lemma + "\t" + w.upos + "\t" + w.xpos + "\t" +
           (w.feats.empty() ? "_" : w.feats) + "\t" + std::to_string(w.head) + "\t" + w.deprel + "\t_\t" +
           (w.misc.empty() ? "_" : w.misc) + "\n";
  }
  return out + "\n";
}

}  // namespace hearsay::syntax
