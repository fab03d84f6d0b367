#include "extract/internal/doc_view.h"

#include <algorithm>
#include <climits>

#include "common/utf8.h"

namespace hearsay::extract {
namespace {

// Lower-cases ASCII letters and maps the curly apostrophe (U+2019) to '\''.
std::string Lower(std::string_view w) {
  std::string s;
  s.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 || static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      s.push_back('\'');
      i += 2;
      continue;
    }
    s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  return s;
}

// (defined below the anonymous namespace)
}  // namespace

bool DocView::HasParse(uint32_t tok) const {
  uint32_t s = tok < sent_of.size() ? sent_of[tok] : UINT32_MAX;
  return s != UINT32_MAX && s < a.syntax.sentences.size() && a.syntax.sentences[s].parsed && word_of_tok[tok] >= 0;
}

Gender NounGender(std::string_view w) {
  static constexpr std::string_view kFemale[] = {
      "actress", "woman", "wife", "girlfriend", "daughter", "mother", "mom", "sister", "singer-actress",
      "businesswoman", "socialite", "fiancée", "queen", "princess", "ex-wife", "stepdaughter", "mum", "lady"};
  static constexpr std::string_view kMale[] = {"actor",  "man",      "husband", "boyfriend",  "son",
                                               "father", "dad",      "brother", "businessman", "fiancé",
                                               "king",   "prince",   "ex-husband", "stepson",  "frontman"};
  for (std::string_view f : kFemale)
    if (w == f) return Gender::kFemale;
  for (std::string_view m : kMale)
    if (w == m) return Gender::kMale;
  return Gender::kUnknown;
}

Modality Weaker(Modality a, Modality b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

DocView::DocView(const Document& d, DocumentAnalysis* analysis, const Lexicon& l)
    : doc(d), a(*analysis), lex(l), toks(analysis->layout.tokens), tree(analysis->syntax) {
  const uint32_t n = size();
  word_of_tok.assign(n, -1);
  for (size_t w = a.syntax.words.size(); w-- > 0;)
    if (a.syntax.words[w].token < n) word_of_tok[a.syntax.words[w].token] = int32_t(w);
  lower.resize(n);
  for (uint32_t i = 0; i < n; ++i) lower[i] = Lower(Text(i));
  personal_pronoun.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    Gender g = PronounGender(lower[i]);
    personal_pronoun[i] = g == Gender::kMale || g == Gender::kFemale || IsFirstPerson(lower[i]);
  }
  sent_of.assign(n, UINT32_MAX);
  for (uint32_t s = 0; s < a.layout.sentences.size(); ++s)
    for (uint32_t t = a.layout.sentences[s].token_begin; t < a.layout.sentences[s].token_end; ++t) sent_of[t] = s;
  mention_at.assign(n, -1);
  uint32_t t = 0;
  for (uint32_t m = 0; m < a.mentions.size(); ++m) {
    const Mention& men = a.mentions[m];
    // Mentions are sorted by byte_begin; tokens too. Rewind for overlapping mentions.
    while (t > 0 && toks[t - 1].byte_end > men.byte_begin) --t;
    while (t < n && toks[t].byte_end <= men.byte_begin) ++t;
    for (uint32_t k = t; k < n && toks[k].byte_begin < men.byte_end; ++k) {
      // A longer mention (a name) wins over a shorter one at the same token.
      int32_t cur = mention_at[k];
      if (cur < 0 || (a.mentions[cur].byte_end - a.mentions[cur].byte_begin) < (men.byte_end - men.byte_begin))
        mention_at[k] = static_cast<int32_t>(m);
    }
  }
  // Photo captions and credits name photographers and describe pictures: no claims and no
  // antecedents come from them.
  for (const Paragraph& p : a.layout.paragraphs) {
    if (p.kind != BlockKind::kCaption) continue;
    for (uint32_t s = p.sentence_begin; s < p.sentence_end; ++s)
      for (uint32_t k = a.layout.sentences[s].token_begin; k < a.layout.sentences[s].token_end; ++k) mention_at[k] = -1;
  }
  quote_at.assign(n, -1);
  t = 0;
  for (uint32_t q = 0; q < a.layout.quote_spans.size(); ++q) {
    const QuoteSpan& qs = a.layout.quote_spans[q];
    while (t > 0 && toks[t - 1].byte_end > qs.byte_begin) --t;
    while (t < n && toks[t].byte_end <= qs.byte_begin) ++t;
    for (uint32_t k = t; k < n && toks[k].byte_begin < qs.byte_end; ++k)
      if (quote_at[k] < 0) quote_at[k] = static_cast<int32_t>(q);
  }
  quote_record.assign(a.layout.quote_spans.size(), -1);
  entity_gender.assign(a.local_entities.size(), Gender::kUnknown);
  for (size_t e = 0; e < a.local_entities.size(); ++e) {
    const std::string& g = a.local_entities[e].gender;
    if (g == "male") entity_gender[e] = Gender::kMale;
    else if (g == "female") entity_gender[e] = Gender::kFemale;
  }
  // Gender from the text where resolve left it open: a gendered noun right before or after a
  // name ("actress Ana X", "X, the actress"), counted per entity.
  std::vector<int> female(a.local_entities.size(), 0), male(a.local_entities.size(), 0);
  for (uint32_t k = 0; k + 1 < n; ++k) {
    Gender g = NounGender(lower[k]);
    if (g == Gender::kUnknown) continue;
    int32_t e = EntityAt(k + 1);
    if (e < 0 && k >= 2 && lower[k - 1] == "the" && lower[k - 2] == ",") e = EntityAt(k - 3);
    if (e < 0 || a.local_entities[e].type != EntityType::kPerson) continue;
    (g == Gender::kFemale ? female : male)[e]++;
  }
  for (size_t e = 0; e < entity_gender.size(); ++e)
    if (entity_gender[e] == Gender::kUnknown && female[e] != male[e])
      entity_gender[e] = female[e] > male[e] ? Gender::kFemale : Gender::kMale;
  if (doc.published) published = ParseIsoDate(*doc.published);
}

std::string DocView::TextRange(uint32_t b, uint32_t e) const {
  if (b >= e) return "";
  return doc.text.substr(toks[b].byte_begin, toks[e - 1].byte_end - toks[b].byte_begin);
}

bool DocView::IsCap(uint32_t tok) const {
  if (tok >= size()) return false;
  std::string_view w = Text(tok);
  if (w.empty()) return false;
  int len = 1;
  return utf8::IsUpper(utf8::Decode(w, 0, &len));
}

bool DocView::IsClauseBreak(uint32_t tok) const {
  const std::string& w = lower[tok];
  return w == ";" || w == ":" || w == "(" || w == ")" || w == "." || w == "!" || w == "?" ||
         w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--";
}

int32_t DocView::EntityAt(uint32_t tok) const {
  if (tok >= size()) return -1;
  int32_t m = mention_at[tok];
  return m < 0 ? -1 : a.mentions[m].entity_idx;
}

EntityType DocView::TypeAt(uint32_t tok) const {
  if (tok >= size()) return EntityType::kMisc;
  int32_t m = mention_at[tok];
  return m < 0 ? EntityType::kMisc : a.mentions[m].type;
}

uint32_t DocView::MentionEnd(uint32_t tok) const {
  int32_t m = tok < size() ? mention_at[tok] : -1;
  if (m < 0) return tok + 1;
  uint32_t k = tok;
  while (k < size() && mention_at[k] == m) ++k;
  return k;
}

uint32_t DocView::MentionBegin(uint32_t tok) const {
  int32_t m = tok < size() ? mention_at[tok] : -1;
  if (m < 0) return tok;
  uint32_t k = tok;
  while (k > 0 && mention_at[k - 1] == m) --k;
  return k;
}

Gender DocView::PronounGender(std::string_view w) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return Gender::kMale;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return Gender::kFemale;
  if (w == "they" || w == "them" || w == "their" || w == "themselves") return Gender::kPlural;
  return Gender::kUnknown;
}

bool DocView::IsPossessivePronoun(std::string_view w) {
  return w == "his" || w == "her" || w == "their" || w == "its" || w == "my" || w == "our";
}

bool DocView::IsFirstPerson(std::string_view w) {
  return w == "i" || w == "me" || w == "my" || w == "mine" || w == "myself" || w == "we" || w == "us" || w == "our" ||
         w == "ours" || w == "ourselves";
}

int32_t DocView::QuoteSpeakerAt(uint32_t tok) const {
  int32_t q = tok < size() ? quote_at[tok] : -1;
  if (q < 0 || static_cast<size_t>(q) >= quote_record.size() || quote_record[q] < 0) return -1;
  const Attribution& speaker = a.quotes[quote_record[q]].speaker;
  return speaker.kind == SourceKind::kNamed ? speaker.entity_idx : -1;
}

int32_t DocView::PersonAt(uint32_t tok) const {
  if (tok >= size()) return -1;
  if (personal_pronoun[tok]) return ResolvePronoun(tok);
  int32_t m = mention_at[tok];
  if (m >= 0 && a.mentions[m].type == EntityType::kPerson && a.mentions[m].entity_idx >= 0)
    return a.mentions[m].entity_idx;
  return -1;
}

namespace {

bool IsNumberToken(const DocView& v, uint32_t k) { return k < v.size() && v.toks[k].kind == TokenKind::kNumber; }

}  // namespace

int32_t DocView::ResolvePronoun(uint32_t tok) const {
  if (tok >= size()) return -1;
  int32_t m = mention_at[tok];
  if (m >= 0 && a.mentions[m].entity_idx >= 0) return a.mentions[m].entity_idx;
  // Resolve cannot know who speaks a quotation (the quotes pass decides): a first-person
  // pronoun inside one is its named speaker.
  return IsFirstPerson(lower[tok]) ? QuoteSpeakerAt(tok) : -1;
}

bool DocView::Fits(int32_t e, Gender g) const {
  if (e < 0 || a.local_entities[e].type != EntityType::kPerson) return false;
  return entity_gender[e] == Gender::kUnknown || entity_gender[e] == g;
}

std::vector<int32_t> DocView::CoordinationBefore(uint32_t end) const {
  if (end == 0 || end > size()) return {};
  uint32_t y_last = end - 1;
  int32_t y = mention_at[y_last] >= 0 ? PersonAt(y_last) : -1;
  if (y < 0 || IsPossessivePronoun(lower[y_last])) return {};
  uint32_t k = MentionBegin(y_last);
  if (k < 2 || (lower[k - 1] != "and" && lower[k - 1] != "&")) return {};
  uint32_t j = k - 1;  // the "and"
  if (lower[j - 1] == ",") {
    --j;
    if (j >= 2 && IsNumberToken(*this, j - 1) && lower[j - 2] == ",") j -= 2;  // "X, 43, and Y"
  }
  if (j == 0 || sent_of[j - 1] != sent_of[y_last] || mention_at[j - 1] < 0 || IsPossessivePronoun(lower[j - 1]))
    return {};
  int32_t x = PersonAt(j - 1);
  if (x < 0 || x == y) return {};
  // The last two of a longer list ("Kourtney, Kim, Khloe and Robert") are no pair.
  uint32_t xb = MentionBegin(j - 1);
  if (xb >= 2 && lower[xb - 1] == "," && mention_at[xb - 2] >= 0 && PersonAt(xb - 2) >= 0) return {};
  return {x, y};
}

std::vector<int32_t> DocView::ResolvePlural(uint32_t tok) const {
  const std::string& w = lower[tok];
  const uint32_t s = sent_of[tok];
  if (s == UINT32_MAX) return {};
  if (w == "we" || w == "us" || w == "our" || w == "ours") {
    // The speaker and the person coordinated with "I"/"me" in the speaker's quotations of
    // this paragraph ("Lorcan and I are friends ... We are not dating").
    int32_t speaker = QuoteSpeakerAt(tok);
    if (speaker < 0) return {};
    uint32_t para = a.layout.sentences[s].paragraph_idx;
    for (uint32_t k = tok; k-- > 0;) {
      if (sent_of[k] == UINT32_MAX || a.layout.sentences[sent_of[k]].paragraph_idx != para) break;
      if ((lower[k] != "i" && lower[k] != "me") || QuoteSpeakerAt(k) != speaker) continue;
      int32_t other = -1;
      if (k >= 2 && lower[k - 1] == "and" && mention_at[k - 2] >= 0) other = PersonAt(k - 2);
      if (other < 0 && k + 2 < size() && lower[k + 1] == "and" && mention_at[k + 2] >= 0) other = PersonAt(k + 2);
      if (other >= 0 && other != speaker) return {speaker, other};
    }
    return {};
  }
  bool the_pair = (w == "couple" || w == "pair" || w == "two") && tok > 0 && lower[tok - 1] == "the";
  if (!(w == "they" || w == "them" || w == "their" || the_pair)) return {};
  const bool outside = quote_at[tok] < 0;
  for (uint32_t back = 0; back <= 3 && back <= s; ++back) {
    const Sentence& sn = a.layout.sentences[s - back];
    uint32_t end = back == 0 ? tok : sn.token_end;
    std::vector<int32_t> latest;
    for (uint32_t k = sn.token_begin; k < end; ++k) {
      if (mention_at[k] < 0 || (k + 1 < end && mention_at[k + 1] == mention_at[k])) continue;
      if (back == 0 && outside && quote_at[k] >= 0) continue;
      std::vector<int32_t> pair = CoordinationBefore(k + 1);
      if (!pair.empty()) latest = pair;
    }
    if (!latest.empty()) return latest;
  }
  return {};
}

int32_t DocView::PossessorBefore(uint32_t tok) const {
  // "Cruise's" is tokenised as "Cruise" "'s" or as one word "Cruise's"; "de Armas'" as "Armas" "'".
  if (tok == 0) return -1;
  uint32_t k = tok - 1;
  const std::string& w = lower[k];
  if ((w == "'s" || w == "'") && k > 0) return PersonAt(k - 1) >= 0 && mention_at[k - 1] >= 0 ? PersonAt(k - 1) : -1;
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("s'"))) {
    int32_t m = mention_at[k];
    if (m >= 0 && a.mentions[m].type == EntityType::kPerson) return a.mentions[m].entity_idx;
  }
  if (IsPossessivePronoun(w) && w != "its" && w != "their") return ResolvePronoun(k);
  return -1;
}

uint32_t DocView::MatchHedge(uint32_t tok, Modality* m) const {
  auto it = lex.hedge_first.find(lower[tok]);
  if (it == lex.hedge_first.end()) return 0;
  uint32_t best = 0;
  for (uint32_t idx : it->second) {
    const Phrase& p = lex.hedges[idx];
    uint32_t k = 0;
    while (k < p.words.size() && tok + k < size() && lower[tok + k] == p.words[k]) ++k;
    if (k == p.words.size() && k > best) {
      best = k;
      *m = p.modality;
    }
  }
  return best;
}

uint32_t DocView::MatchPhrase(const std::vector<std::string>& words, uint32_t tok, uint32_t limit,
                              bool loose_last) const {
  uint32_t k = tok;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string& want = words[w];
    auto ok = [&](uint32_t i) {
      if (i >= limit) return false;
      if (want == "POSS") return IsPossessivePronoun(lower[i]);
      return lower[i] == want;
    };
    if (w == 0) {
      if (!ok(k)) return 0;
      ++k;
      continue;
    }
    uint32_t max_gap = (loose_last && w + 1 == words.size()) ? 3 : 2;
    uint32_t gap = 0;
    while (!ok(k) && gap < max_gap && k < limit) {
      const std::string& g = lower[k];
      bool skippable = (loose_last && w + 1 == words.size())
                           ? (IsWord(k) && !lex.Cue(g))
                           : (lex.IsNegator(g) || (g.size() > 3 && g.ends_with("ly")));
      if (!skippable) return 0;
      ++k;
      ++gap;
    }
    if (!ok(k)) return 0;
    ++k;
  }
  return k;
}

bool DocView::WrittenLowerElsewhere(uint32_t tok) const {
  const std::string_view word = lower[tok];
  for (const auto& [w, seen] : lower_written_)
    if (w == word) return seen;
  bool seen = false;
  for (uint32_t k = 0; k < size() && !seen; ++k) seen = lower[k] == word && IsWord(k) && !IsCap(k);
  lower_written_.emplace_back(word, seen);
  return seen;
}

}  // namespace hearsay::extract
