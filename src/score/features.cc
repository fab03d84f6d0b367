// Feature extraction for the article credibility model: one pass over the text stage's
// tokens computing word hashes, cue flags and n-gram indices.
//
// Compatibility note: HashLower, Mix and the namespace seeds decide which weight a word
// uses in a shipped model. Changing any of them (or a cue list) silently scrambles every
// trained model, so bump kFeatureSetVersion with the change: FeatureFingerprint() moves
// and the loader then refuses the old file with expected vs found.
#include "score/features.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hearsay::score {
namespace {

// Cue flags of a word (or a two-word phrase).
enum CueFlag : uint16_t {
  kHedge = 1 << 0,
  kBooster = 1 << 1,
  kSourceNoun = 1 << 2,   // source, insider, pal, friend, ...
  kSpeechVerb = 1 << 3,   // said, told, revealed, ...
  kHearsay = 1 << 4,      // reportedly, allegedly, ...
  kTeaser = 1 << 5,       // headline teaser words
  kDenial = 1 << 6,
  kSocial = 1 << 7,
  kExclusiveWord = 1 << 8,
  kAccordingTo = 1 << 9,  // bigram "according to"
  kTold = 1 << 10,        // told / tells (an outlet follows in "told People")
  kFurniture = 1 << 11,   // site furniture ("advertisement", "image zoom"; see MarkTokens)
  kSiteName = 1 << 12,    // the data set's own site name ("Gossip Cop")
  kFunctionWord = 1 << 13,  // capitalised, still no name ("The", "Her")
  kInTitle = 1 << 15,     // set per token by ExtractFeatures, never in a cue table
};

// The built-in cue lists: part of the feature space (see FeatureFingerprint).
constexpr const char* kSourceNouns[] = {"source", "sources", "insider", "insiders", "tipster", "confidant", "confidante",
                                        "onlooker", "onlookers", "eyewitness", "eyewitnesses", "spy", "spies", "pal",
                                        "pals", "friend", "friends", "observer", "observers", "bystander"};
constexpr const char* kSpeechVerbs[] = {"said", "says", "say", "told", "tells", "tell", "revealed", "reveals",
                                        "added", "adds", "explained", "explains", "dished", "dishes", "spilled",
                                        "spills", "shared", "shares", "claimed", "claims", "insisted", "insists",
                                        "confirmed", "confirms", "wrote", "writes", "stated", "states", "noted",
                                        "notes", "continued", "continues", "recalled", "admitted", "admits"};
constexpr const char* kHearsayWords[] = {"reportedly", "allegedly", "rumored", "rumoured", "rumor", "rumors", "rumour",
                                         "rumours", "speculation", "speculated", "supposedly", "purportedly", "gossip",
                                         "whispers", "alleged"};
constexpr const char* kTeaserWords[] = {"shocking", "shock", "shocked", "shocks", "stunning", "stuns", "stunned",
                                        "secret", "secretly", "finally", "bombshell", "heartbreaking", "devastated",
                                        "furious", "slams", "blasts", "exposed", "truth", "omg", "wow", "insane",
                                        "epic", "you", "your", "you'll", "you're", "won't", "believe", "why",
                                        "here's", "inside", "really", "actually", "must", "never"};
constexpr const char* kDenialWords[] = {"deny", "denies", "denied", "denying", "denial", "false", "untrue", "debunk",
                                        "debunked", "debunks", "fake", "bogus", "baseless", "fabricated",
                                        "inaccurate", "nonsense", "not true"};
constexpr const char* kSocialWords[] = {"instagram", "twitter", "tweet", "tweeted", "tweets", "facebook", "snapchat",
                                        "youtube", "tiktok"};
// Furniture: a caption, or a short paragraph holding one of the words, is dropped; the
// two-word phrases are dropped wherever they stand.
constexpr const char* kFurnitureWords[] = {"advertisement", "advertising", "ad", "notifications", "newsletter", "newsletters",
                                           "subscribe", "unsubscribe", "loading", "scroll", "gallery", "getty", "shutterstock",
                                           "zoom", "excerpt", "submit", "cookies", "edit", "related", "image zoom",
                                           "read more", "click here", "sign up", "push notifications"};
constexpr const char* kSiteNames[] = {"gossipcop", "gossip cop"};
// Capitalised words that are no names (a sentence opening "The", "Her", "Mr"; months, weekdays).
constexpr const char* kFunctionWords[] = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
                                          "we", "you", "i", "his", "her", "their", "our", "my", "your", "in", "on", "at",
                                          "for", "but", "and", "or", "so", "if", "when", "after", "before", "as", "while",
                                          "with", "from", "by", "to", "of", "mr", "mrs", "ms", "dr", "not", "no", "yes",
                                          // dates: "on March 24" is no name (a month a person is named
                                          // after is still masked where the tagger finds the person)
                                          "january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december", "monday", "tuesday",
                                          "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr const char* kDenseNames[] = {"anonymous_sources", "anonymous_share", "hedge_rate",      "booster_rate",
                                       "hearsay_words",     "exclusive",       "title_punct",     "title_caps",
                                       "title_teaser",      "named_quotes",    "quote_spans",     "outlet_citations",
                                       "denials",           "social_media",    "body_exclaim",    "log_length",
                                       "byline"};
static_assert(sizeof(kDenseNames) / sizeof(kDenseNames[0]) == kDenseCount);

// Namespaces of the hashed features: the seed is mixed into the word hash.
constexpr uint64_t kNsTitleUni = 1, kNsTitleBi = 2, kNsBodyUni = 3, kNsBodyBi = 4, kNsLead = 6, kNsTitleChar = 7;
constexpr uint32_t kLeadWords = 50;  // body words that also count in the lead namespace
constexpr size_t kMaxAuthors = 3;

// Finaliser of splitmix64: spreads the FNV hash over all 64 bits before taking the top bits.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

// index = top `bits` bits of Mix(h + seed * golden ratio)
inline uint32_t Bucket(uint64_t h, uint64_t ns, uint32_t bits) {
  return static_cast<uint32_t>(Mix(h + ns * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

// Hash of a word pair: order-sensitive combination of the two word hashes.
inline uint64_t PairHash(uint64_t a, uint64_t b) { return Mix(a * 31 + 0x632BE59BD9B4E019ull) ^ b; }

inline bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

bool AllCapsWord(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (!IsUpperAscii(c)) return false;
  return true;
}

uint64_t HashOfPhrase(std::string_view phrase) {
  size_t space = phrase.find(' ');
  if (space == std::string_view::npos) return HashLower(phrase);
  return PairHash(HashLower(phrase.substr(0, space)), HashLower(phrase.substr(space + 1)));
}

// Appends the character 3- to 5-grams of `span` (lower-cased, every run of other bytes one
// space, padded with a space at both ends), each of value 1/sqrt(number of grams).
void AddCharGrams(std::string_view span, uint64_t ns, uint32_t hash_bits, std::vector<HashedFeature>* out) {
  thread_local std::string t;
  t.assign(1, ' ');
  for (char c : span) {
    auto u = static_cast<unsigned char>(c);
    bool alnum = (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80;
    if (alnum) t += IsUpperAscii(c) ? static_cast<char>(c | 0x20) : c;
    else if (t.back() != ' ') t += ' ';
  }
  if (t.back() != ' ') t += ' ';
  size_t grams = 0;
  for (size_t len = 3; len <= 5; ++len) grams += t.size() >= len ? t.size() - len + 1 : 0;
  float v = grams ? 1.0f / std::sqrt(static_cast<float>(grams)) : 0.0f;
  for (size_t len = 3; len <= 5; ++len)
    for (size_t b = 0; b + len <= t.size(); ++b)
      out->push_back({Bucket(HashLower(std::string_view(t).substr(b, len)), ns, hash_bits), v, UINT32_MAX, 3});
}

}  // namespace

const char* DenseName(Dense d) { return kDenseNames[static_cast<size_t>(d)]; }

uint64_t HashLower(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 0x20);
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

std::vector<std::string> ParseLexicon(std::string_view text) {
  std::vector<std::string> out;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    line_begin = line_end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    std::string term(line);
    for (char& c : term)
      if (IsUpperAscii(c)) c = static_cast<char>(c | 0x20);
    out.push_back(std::move(term));
  }
  return out;
}

Lexicons DefaultLexicons() {
  Lexicons lex;
  lex.hedges = {"may", "might", "maybe", "possibly", "perhaps", "likely", "seem", "seems", "appear", "believe", "suggest", "could"};
  lex.boosters = {"clearly", "definitely", "certainly", "obviously", "absolutely", "of course"};
  return lex;
}

CueTable::CueTable(const Lexicons& lex) {
  words_.assign(4096, {0, 0});
  bigrams_.assign(512, {0, 0});
  auto add = [&](std::string_view phrase, uint16_t flag) {
    bool bigram = phrase.find(' ') != std::string_view::npos;
    if (bigram && phrase.find(' ', phrase.find(' ') + 1) != std::string_view::npos) return;  // 3+ words: not matched
    Add(HashOfPhrase(phrase), flag, bigram ? &bigrams_ : &words_);
  };
  for (const auto& w : lex.hedges) add(w, kHedge);
  for (const auto& w : lex.boosters) add(w, kBooster);
  for (const char* w : kSourceNouns) add(w, kSourceNoun);
  for (const char* w : kSpeechVerbs) add(w, kSpeechVerb);
  for (const char* w : kHearsayWords) add(w, kHearsay);
  for (const char* w : kTeaserWords) add(w, kTeaser);
  for (const char* w : kDenialWords) add(w, kDenial);
  for (const char* w : kSocialWords) add(w, kSocial);
  for (const char* w : kFurnitureWords) add(w, kFurniture);
  for (const char* w : kSiteNames) add(w, kSiteName);
  for (const char* w : kFunctionWords) add(w, kFunctionWord);
  add("exclusive", kExclusiveWord);
  add("exclusively", kExclusiveWord);
  add("according to", kAccordingTo);
  add("told", kTold);
  add("tells", kTold);
}

void CueTable::Add(uint64_t h, uint16_t flag, std::vector<std::pair<uint64_t, uint16_t>>* table) {
  if (h == 0) h = 1;  // 0 marks an empty slot
  uint64_t bit = FilterBit(h);
  filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  // Keep the load factor under 1/2 so probes stay short.
  size_t used = 0;
  for (const auto& e : *table) used += e.first != 0;
  if ((used + 1) * 2 > table->size()) {
    std::vector<std::pair<uint64_t, uint16_t>> old = std::move(*table);
    table->assign(old.size() * 2, {0, 0});
    for (const auto& e : old)
      if (e.first) Add(e.first, e.second, table);
  }
  size_t mask = table->size() - 1;
  for (size_t i = Mix(h) & mask;; i = (i + 1) & mask) {
    auto& slot = (*table)[i];
    if (slot.first == h) {
      slot.second |= flag;
      return;
    }
    if (slot.first == 0) {
      slot = {h, flag};
      return;
    }
  }
}

uint16_t CueTable::Find(const std::vector<std::pair<uint64_t, uint16_t>>& table, uint64_t h) {
  if (h == 0) h = 1;
  size_t mask = table.size() - 1;
  for (size_t i = Mix(h) & mask;; i = (i + 1) & mask) {
    const auto& slot = table[i];
    if (slot.first == h) return slot.second;
    if (slot.first == 0) return 0;
  }
}

bool CueTable::MayHold(uint64_t h) const {
  if (h == 0) h = 1;
  uint64_t bit = FilterBit(h);
  return (filter_[bit / 64] >> (bit % 64)) & 1;
}

uint16_t CueTable::Flags(uint64_t word_hash) const { return MayHold(word_hash) ? Find(words_, word_hash) : 0; }
uint16_t CueTable::BigramFlags(uint64_t bigram_hash) const { return MayHold(bigram_hash) ? Find(bigrams_, bigram_hash) : 0; }

std::string NormalizedHost(std::string_view url) {
  // An archived copy is judged by the outlet it archived: web.archive.org/web/<stamp>/<url>.
  if (size_t archive = url.find("web.archive.org/web/"); archive != std::string_view::npos) {
    std::string_view rest = url.substr(archive + 20);
    size_t slash = rest.find('/');
    if (slash != std::string_view::npos) {
      std::string inner = NormalizedHost(rest.substr(slash + 1));
      if (!inner.empty()) return inner;
    }
  }
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/?#:");
  std::string host(url.substr(0, end));
  for (char& c : host)
    if (IsUpperAscii(c)) c = static_cast<char>(c | 0x20);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos || host.find(' ') != std::string::npos) return {};
  return host;
}

std::string OutletKey(std::string_view name) {
  if (size_t scheme = name.find("://"); scheme != std::string_view::npos) name.remove_prefix(scheme + 3);
  bool host = name.find('.') != std::string_view::npos && name.find(' ') == std::string_view::npos;
  if (host) {
    if (name.rfind("www.", 0) == 0) name.remove_prefix(4);
    size_t dot = name.rfind('.');
    name = name.substr(0, dot);
  }
  std::string key;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '\'' && i + 2 >= name.size()) break;  // trailing 's or '
    if (IsUpperAscii(c)) c = static_cast<char>(c | 0x20);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    else if (c == ' ' && key == "the") key.clear();
  }
  return key;
}

namespace {

// What ExtractFeatures does with a token besides its word hash.
enum TokenMask : uint8_t { kKeep = 0, kPersonMask = 1, kOutletMask = 2, kDrop = 3 };

// An upper-case first letter: ASCII A-Z or a Latin-1 capital (U+00C0..U+00DE but U+00D7,
// "Élodie"). Other non-ASCII openings are not capitals: the curly apostrophe of "he’s" or
// "don’t" starts a token of its own and must not read as a name.
bool Capitalised(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return IsUpperAscii(static_cast<char>(c));
  auto c1 = static_cast<unsigned char>(w.size() > 1 ? w[1] : 0);
  return c == 0xC3 && c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97;
}

// Token index range [first, last) of a byte range.
std::pair<size_t, size_t> TokenRange(const std::vector<Token>& toks, uint32_t byte_begin, uint32_t byte_end) {
  auto first = std::lower_bound(toks.begin(), toks.end(), byte_begin, [](const Token& t, uint32_t b) { return t.byte_end <= b; });
  auto last = std::lower_bound(first, toks.end(), byte_end, [](const Token& t, uint32_t b) { return t.byte_begin < b; });
  return {static_cast<size_t>(first - toks.begin()), static_cast<size_t>(last - toks.begin())};
}

// Names the tagger may have missed, by their shape in the body: a capitalised word that
// does not open its sentence, and every word of a run of two or more capitalised words
// (function words, cue words and "I" excepted). Their hashes join *name_words.
void ProperNounWords(const Document& doc, const TextLayout& layout, const CueTable& cues, const std::vector<uint8_t>& mask,
                     std::vector<uint64_t>* name_words) {
  const auto& toks = layout.tokens;
  auto candidate = [&](size_t i) {
    if (toks[i].kind != TokenKind::kWord || mask[i] != kKeep) return false;
    std::string_view w = std::string_view(doc.text).substr(toks[i].byte_begin, toks[i].byte_end - toks[i].byte_begin);
    return w.size() >= 2 && Capitalised(w) && cues.Flags(HashLower(w)) == 0;
  };
  for (const Sentence& s : layout.sentences) {
    if (s.byte_begin < doc.body_byte_begin) continue;
    size_t prev_word = SIZE_MAX;  // the previous word token of the sentence
    bool prev_candidate = false;
    for (size_t i = s.token_begin; i < s.token_end && i < toks.size(); ++i) {
      if (toks[i].kind != TokenKind::kWord) continue;
      bool c = candidate(i);
      if (c && (prev_word != SIZE_MAX || (i + 1 < s.token_end && candidate(i + 1))))
        name_words->push_back(HashLower(std::string_view(doc.text).substr(toks[i].byte_begin, toks[i].byte_end - toks[i].byte_begin)));
      if (c && prev_candidate && prev_word != SIZE_MAX)
        name_words->push_back(HashLower(std::string_view(doc.text).substr(toks[prev_word].byte_begin, toks[prev_word].byte_end - toks[prev_word].byte_begin)));
      prev_word = i;
      prev_candidate = c;
    }
  }
}

// Masks names, outlets and the site name, and drops furniture (see features.h).
void MarkTokens(const Document& doc, const TextLayout& layout, const std::vector<Mention>& mentions, const CueTable& cues,
                std::vector<uint8_t>* mask) {
  std::string_view text = doc.text;
  const auto& toks = layout.tokens;
  mask->assign(toks.size(), kKeep);
  auto word = [&](size_t i) { return text.substr(toks[i].byte_begin, toks[i].byte_end - toks[i].byte_begin); };
  std::vector<uint64_t> person_words;
  for (const Mention& m : mentions) {
    if (m.descriptor || (m.type != EntityType::kPerson && m.type != EntityType::kOutlet)) continue;
    auto [first, last] = TokenRange(toks, m.byte_begin, m.byte_end);
    for (size_t i = first; i < last; ++i) {
      (*mask)[i] = m.type == EntityType::kPerson ? kPersonMask : kOutletMask;
      if (m.type == EntityType::kPerson && toks[i].kind == TokenKind::kWord && Capitalised(word(i)))
        person_words.push_back(HashLower(word(i)));
    }
  }
  ProperNounWords(doc, layout, cues, *mask, &person_words);
  std::sort(person_words.begin(), person_words.end());
  uint64_t prev_hash = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != TokenKind::kWord) continue;
    std::string_view w = word(i);
    uint64_t h = HashLower(w);
    if ((*mask)[i] == kKeep && Capitalised(w) && std::binary_search(person_words.begin(), person_words.end(), h))
      (*mask)[i] = kPersonMask;
    uint16_t bf = prev_hash ? cues.BigramFlags(PairHash(prev_hash, h)) : 0;
    if (bf & kSiteName) (*mask)[i] = (*mask)[i - 1] = kOutletMask;
    if (cues.Flags(h) & kSiteName) (*mask)[i] = kOutletMask;
    if (bf & kFurniture) (*mask)[i] = (*mask)[i - 1] = kDrop;
    prev_hash = h;
  }
  for (const Paragraph& p : layout.paragraphs) {
    auto [first, last] = TokenRange(toks, p.byte_begin, p.byte_end);
    bool drop = p.kind == BlockKind::kCaption;
    size_t words = 0;
    for (size_t i = first; i < last && !drop; ++i) {
      if (toks[i].kind != TokenKind::kWord && toks[i].kind != TokenKind::kNumber) continue;
      ++words;
      drop = (cues.Flags(HashLower(word(i))) & kFurniture) != 0;
    }
    drop = drop && (p.kind == BlockKind::kCaption || words <= 12);
    if (drop && p.kind != BlockKind::kTitle)
      for (size_t i = first; i < last; ++i) (*mask)[i] = kDrop;
  }
}

void AddExample(Evidence* ev, Dense d, uint32_t token, const std::vector<uint64_t>& hashes) {
  auto k = static_cast<size_t>(d);
  uint8_t& n = ev->example_count[k];
  uint32_t idx = token & ~Evidence::kExampleBigram;
  for (uint8_t e = 0; e < n; ++e)
    if (hashes[ev->examples[k][e] & ~Evidence::kExampleBigram] == hashes[idx]) return;
  if (n < ev->examples[k].size()) ev->examples[k][n++] = token;
}

// The headline with masked runs as " person " / " outlet " and dropped tokens left out.
std::string MaskedHeadline(const Document& doc, const TextLayout& layout, const std::vector<uint8_t>& mask) {
  std::string out;
  auto [first, last] = TokenRange(layout.tokens, doc.title_byte_begin, doc.title_byte_end);
  for (size_t i = first; i < last; ++i) {
    const Token& t = layout.tokens[i];
    if (mask[i] == kDrop) continue;
    if (t.space_before || i == first) out += ' ';
    if (mask[i] == kKeep) out.append(doc.text, t.byte_begin, t.byte_end - t.byte_begin);
    else if (i == first || mask[i - 1] != mask[i]) out += mask[i] == kPersonMask ? " person " : " outlet ";
  }
  return out;
}

// The distinct outlets the text cites (OUTLET mentions), without the article's own outlet
// and the site name; names with a masked person word are skipped.
void CitedOutlets(const Document& doc, const TextLayout& layout, const std::vector<Mention>& mentions,
                  const std::vector<uint8_t>& mask, ArticleFeatures* out) {
  std::string own = OutletKey(out->host);
  std::vector<std::pair<std::string, std::string>> cited;
  for (const Mention& m : mentions) {
    if (m.type != EntityType::kOutlet || m.descriptor || m.byte_end > doc.text.size()) continue;
    auto [first, last] = TokenRange(layout.tokens, m.byte_begin, m.byte_end);
    bool person = false;
    for (size_t i = first; i < last; ++i) person |= mask[i] == kPersonMask;
    std::string_view name = std::string_view(doc.text).substr(m.byte_begin, m.byte_end - m.byte_begin);
    std::string key = OutletKey(name);
    if (person || key.empty() || key == own || key == "gossipcop" || name.size() > 40) continue;
    cited.emplace_back(key, std::string(name));
  }
  std::stable_sort(cited.begin(), cited.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, name] : cited)
    if (out->cited_outlets.empty() || out->cited_outlets.back() != key) {
      out->cited_outlets.push_back(key);
      out->cited_names.push_back(name);
    }
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (IsUpperAscii(c)) c = static_cast<char>(c | 0x20);
  return out;
}

// Bylines and the URL's section word, keys of the outlet prior.
void SourceKeys(const Document& doc, const TextLayout& layout, const std::vector<uint8_t>& mask, ArticleFeatures* out) {
  out->authors.clear();
  out->url_section.clear();
  for (const std::string& a : doc.authors)
    if (!a.empty() && a.size() <= 40 && out->authors.size() < kMaxAuthors) out->authors.push_back(LowerAscii(a));
  if (!doc.url) return;
  std::string_view url = *doc.url;
  if (size_t archive = url.find("web.archive.org/web/"); archive != std::string_view::npos) {
    std::string_view rest = url.substr(archive + 20);
    if (size_t slash = rest.find('/'); slash != std::string_view::npos) url = rest.substr(slash + 1);
  }
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  size_t path = url.find('/');
  if (path == std::string_view::npos) return;
  std::string_view rest = url.substr(path + 1);
  size_t end = rest.find('/');
  if (end == std::string_view::npos || end == 0 || end > 24 || end + 1 >= rest.size()) return;  // a directory with more after it
  std::string_view word = rest.substr(0, end);
  for (char c : word)
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return;  // letters only: no slugs, dates or ids
  std::string key = LowerAscii(word);
  for (size_t i = 0; i < layout.tokens.size(); ++i)
    if (mask[i] == kPersonMask &&
        LowerAscii(std::string_view(doc.text).substr(layout.tokens[i].byte_begin, layout.tokens[i].byte_end - layout.tokens[i].byte_begin)) == key)
      return;
  out->url_section = key;
}

// Pass 1: a hash per kept word (one placeholder per masked run), cue flags, counts.
void CountTokens(const Document& doc, const TextLayout& layout, const std::vector<uint8_t>& mask, const CueTable& cues,
                 std::vector<uint64_t>* hashes, std::vector<uint16_t>* flags, Evidence* ev_out) {
  Evidence& ev = *ev_out;
  std::string_view text = doc.text;
  const auto& toks = layout.tokens;
  const size_t n = toks.size();
  hashes->assign(n, 0);
  flags->assign(n, 0);
  static const uint64_t kPersonHash = HashLower("<person>"), kOutletHash = HashLower("<outlet>");
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (mask[i] == kDrop) continue;
    std::string_view w = text.substr(t.byte_begin, t.byte_end - t.byte_begin);
    bool in_title = doc.title_byte_end > doc.title_byte_begin && t.byte_begin >= doc.title_byte_begin &&
                    t.byte_end <= doc.title_byte_end;
    if (t.kind == TokenKind::kPunct) {
      bool bang = w.find('!') != std::string_view::npos;
      bool question = w.find('?') != std::string_view::npos;
      if (in_title) {
        ev.title_exclaim |= bang;
        ev.title_question |= question;
      } else if (bang) {
        ++ev.body_exclaims;
      }
      continue;
    }
    if (t.kind == TokenKind::kUrl) {
      if (w.find("twitter") != std::string_view::npos || w.find("instagram") != std::string_view::npos) ++ev.social_media;
      continue;
    }
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    if (mask[i] != kKeep && i > 0 && mask[i - 1] == mask[i]) continue;  // inside a masked run
    uint64_t h = mask[i] == kKeep ? HashLower(w) : mask[i] == kPersonMask ? kPersonHash : kOutletHash;
    (*hashes)[i] = h;
    uint16_t f = mask[i] == kKeep ? cues.Flags(h) : 0;
    (*flags)[i] = static_cast<uint16_t>(f | (in_title ? kInTitle : 0));
    auto i32 = static_cast<uint32_t>(i);
    if (in_title) {
      ++ev.title_words;
      if (mask[i] == kKeep && AllCapsWord(w)) ++ev.title_caps_words;
      if (f & kTeaser) ++ev.title_teasers, AddExample(&ev, Dense::kTitleTeaser, i32, *hashes);
      if (f & kExclusiveWord) ++ev.exclusive_marks;
      continue;
    }
    ++ev.body_words;
    if (f & kHedge) ++ev.hedges, AddExample(&ev, Dense::kHedgeRate, i32, *hashes);
    if (f & kBooster) ++ev.boosters, AddExample(&ev, Dense::kBoosterRate, i32, *hashes);
    if (f & kHearsay) ++ev.hearsay_words, AddExample(&ev, Dense::kHearsayWords, i32, *hashes);
    if (f & kDenial) ++ev.denials, AddExample(&ev, Dense::kDenials, i32, *hashes);
    if (f & kSocial) ++ev.social_media, AddExample(&ev, Dense::kSocialMedia, i32, *hashes);
    if ((f & kExclusiveWord) && (ev.body_words <= 50 || AllCapsWord(w))) ++ev.exclusive_marks;
  }
}

// Pass 2: word n-grams, two-word cues and anonymous attributions.
void AddNgrams(const Document& doc, const TextLayout& layout, const CueTable& cues, uint32_t hash_bits,
               const std::vector<uint64_t>& hashes, const std::vector<uint16_t>& flags, const std::vector<uint8_t>& mask,
               ArticleFeatures* out) {
  Evidence& ev = out->evidence;
  std::string_view text = doc.text;
  const auto& toks = layout.tokens;
  const size_t n = toks.size();
  float title_value = ev.title_words ? 1.0f / std::sqrt(static_cast<float>(ev.title_words)) : 0.0f;
  float body_value = ev.body_words ? 1.0f / std::sqrt(static_cast<float>(ev.body_words)) : 0.0f;
  out->hashed.reserve(2 * (ev.title_words + ev.body_words) + 1);
  auto capitalised_word = [&](size_t j) {
    return j < n && hashes[j] && IsUpperAscii(text[toks[j].byte_begin]) && !(flags[j] & kSourceNoun);
  };
  uint32_t body_seen = 0;
  float lead_value = 1.0f / std::sqrt(static_cast<float>(std::clamp<uint32_t>(ev.body_words, 1, kLeadWords)));
  size_t prev = SIZE_MAX;  // previous word token in the same block (title or body)
  bool prev_in_title = false;
  for (size_t i = 0; i < n; ++i) {
    if (!hashes[i]) continue;
    bool in_title = (flags[i] & kInTitle) != 0;
    uint64_t h = hashes[i];
    float value = in_title ? title_value : body_value;
    auto i32 = static_cast<uint32_t>(i);
    bool masked = mask[i] != kKeep;
    out->hashed.push_back({Bucket(h, in_title ? kNsTitleUni : kNsBodyUni, hash_bits), value, i32, 1, masked});
    if (!in_title && body_seen++ < kLeadWords) out->hashed.push_back({Bucket(h, kNsLead, hash_bits), lead_value, i32, 1, masked});
    if (prev != SIZE_MAX && prev_in_title == in_title) {
      uint64_t ph = PairHash(hashes[prev], h);
      out->hashed.push_back({Bucket(ph, in_title ? kNsTitleBi : kNsBodyBi, hash_bits), value, i32, 2, masked || mask[prev] != kKeep});
      if (!in_title) {
        uint16_t bf = cues.BigramFlags(ph);
        uint32_t ex = i32 | Evidence::kExampleBigram;
        if (bf & kHedge) ++ev.hedges, AddExample(&ev, Dense::kHedgeRate, ex, hashes);
        if (bf & kBooster) ++ev.boosters, AddExample(&ev, Dense::kBoosterRate, ex, hashes);
        if (bf & kDenial) ++ev.denials, AddExample(&ev, Dense::kDenials, ex, hashes);
        if ((bf & kAccordingTo) && capitalised_word(i + 1)) ++ev.outlet_citations, AddExample(&ev, Dense::kOutletCitations, ex, hashes);
      }
    }
    prev = i;
    prev_in_title = in_title;
    if (in_title) continue;
    uint16_t f = flags[i];
    if ((f & kTold) && capitalised_word(i + 1)) ++ev.outlet_citations, AddExample(&ev, Dense::kOutletCitations, i32, hashes);
    if (f & kSourceNoun) {
      // Anonymous attribution: a source noun with a speech verb (or "according to") within
      // [i-6, i+8], not followed by a capitalised name ("friend Jennifer" is named).
      if (capitalised_word(i + 1)) continue;
      size_t lo = i >= 6 ? i - 6 : 0, hi = std::min(n, i + 9);
      bool speech = false;
      for (size_t j = lo; j < hi && !speech; ++j) speech = (flags[j] & kSpeechVerb) != 0;
      if (!speech && i >= 2 && hashes[i - 2] && (cues.BigramFlags(PairHash(hashes[i - 2], hashes[i - 1])) & kAccordingTo))
        speech = true;
      if (speech) ++ev.anonymous_sources, AddExample(&ev, Dense::kAnonymousShare, i32, hashes);
    }
  }
}

// Quotes: a quotation span with a speech verb within 8 words of either end and no source
// noun there counts as on record (a named speaker, or a pronoun standing for one).
void CountQuotes(const TextLayout& layout, const std::vector<uint16_t>& flags, Evidence* ev) {
  const auto& toks = layout.tokens;
  const size_t n = toks.size();
  ev->quote_spans = static_cast<uint32_t>(layout.quote_spans.size());
  for (const QuoteSpan& q : layout.quote_spans) {
    auto first = std::lower_bound(toks.begin(), toks.end(), q.byte_begin,
                                  [](const Token& t, uint32_t b) { return t.byte_begin < b; }) - toks.begin();
    auto last = std::lower_bound(toks.begin(), toks.end(), q.byte_end,
                                 [](const Token& t, uint32_t b) { return t.byte_begin < b; }) - toks.begin();
    size_t lo = static_cast<size_t>(first) >= 8 ? first - 8 : 0, hi = std::min(n, static_cast<size_t>(last) + 8);
    bool speech = false, anonymous = false;
    for (size_t j = lo; j < static_cast<size_t>(first); ++j) {
      speech |= (flags[j] & kSpeechVerb) != 0;
      anonymous |= (flags[j] & kSourceNoun) != 0;
    }
    for (size_t j = static_cast<size_t>(last); j < hi; ++j) {
      speech |= (flags[j] & kSpeechVerb) != 0;
      anonymous |= (flags[j] & kSourceNoun) != 0;
    }
    if (speech && !anonymous) ++ev->named_quotes;
  }
}

void SetDense(const Evidence& ev, std::array<float, kDenseCount>* d) {
  auto set = [&](Dense k, double v) { (*d)[static_cast<size_t>(k)] = static_cast<float>(v); };
  double words = std::max<uint32_t>(ev.body_words, 1);
  set(Dense::kAnonymousSources, std::log1p(ev.anonymous_sources));
  set(Dense::kAnonymousShare,
      ev.anonymous_sources / (1.0 + ev.anonymous_sources + ev.named_quotes + ev.outlet_citations));
  set(Dense::kHedgeRate, std::min(100.0 * ev.hedges / words, 20.0));
  set(Dense::kBoosterRate, std::min(100.0 * ev.boosters / words, 20.0));
  set(Dense::kHearsayWords, std::log1p(ev.hearsay_words));
  set(Dense::kExclusive, ev.exclusive_marks > 0 ? 1.0 : 0.0);
  set(Dense::kTitlePunct, (ev.title_exclaim ? 1.0 : 0.0) + (ev.title_question ? 1.0 : 0.0));
  set(Dense::kTitleCaps, ev.title_words ? static_cast<double>(ev.title_caps_words) / ev.title_words : 0.0);
  set(Dense::kTitleTeaser, std::min<uint32_t>(ev.title_teasers, 3));
  set(Dense::kNamedQuotes, std::log1p(ev.named_quotes));
  set(Dense::kQuoteSpans, std::log1p(ev.quote_spans));
  set(Dense::kOutletCitations, std::log1p(ev.outlet_citations));
  set(Dense::kDenials, std::log1p(ev.denials));
  set(Dense::kSocialMedia, std::log1p(ev.social_media));
  set(Dense::kBodyExclaim, std::min(100.0 * ev.body_exclaims / words, 10.0));
  set(Dense::kLogLength, std::log1p(ev.body_words));
  set(Dense::kByline, ev.byline ? 1.0 : 0.0);
}

}  // namespace

void ExtractFeatures(const Document& doc, const TextLayout& layout, const std::vector<Mention>& mentions, const CueTable& cues,
                     uint32_t hash_bits, ArticleFeatures* out, bool mask_names) {
  out->hashed.clear();
  out->dense.fill(0);
  out->evidence = Evidence{};
  out->cited_outlets.clear();
  out->cited_names.clear();
  thread_local std::vector<uint8_t> mask;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<uint16_t> flags;
  if (mask_names) MarkTokens(doc, layout, mentions, cues, &mask);
  else mask.assign(layout.tokens.size(), kKeep);
  CountTokens(doc, layout, mask, cues, &hashes, &flags, &out->evidence);
  AddNgrams(doc, layout, cues, hash_bits, hashes, flags, mask, out);
  CountQuotes(layout, flags, &out->evidence);
  // Headline character 3- to 5-grams: spelling variants and word pieces the word features miss.
  AddCharGrams(MaskedHeadline(doc, layout, mask), kNsTitleChar, hash_bits, &out->hashed);
  out->evidence.byline = !doc.authors.empty();
  out->host = doc.url ? NormalizedHost(*doc.url) : std::string();
  if (out->host.empty() && doc.outlet) out->host = NormalizedHost(*doc.outlet);
  CitedOutlets(doc, layout, mentions, mask, out);
  SourceKeys(doc, layout, mask, out);
  SetDense(out->evidence, &out->dense);
}

std::string MaskedWords(const Document& doc, const TextLayout& layout, const std::vector<Mention>& mentions, const CueTable& cues) {
  std::vector<uint8_t> mask;
  MarkTokens(doc, layout, mentions, cues, &mask);
  std::string out;
  bool body = false;
  for (size_t i = 0; i < layout.tokens.size(); ++i) {
    const Token& t = layout.tokens[i];
    if (mask[i] == kDrop || (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber)) continue;
    if (mask[i] != kKeep && i > 0 && mask[i - 1] == mask[i]) continue;
    bool in_title = t.byte_begin >= doc.title_byte_begin && t.byte_end <= doc.title_byte_end && doc.title_byte_end > doc.title_byte_begin;
    if (!in_title && !body) body = true, out += '\n';
    else if (!out.empty() && out.back() != '\n') out += ' ';
    if (mask[i] == kKeep) out.append(doc.text, t.byte_begin, t.byte_end - t.byte_begin);
    else out += mask[i] == kPersonMask ? "<person>" : "<outlet>";
  }
  if (!body) out += '\n';
  return out;
}

uint64_t FeatureFingerprint() {
  std::string spec = "hearsay-credibility-features v" + std::to_string(kFeatureSetVersion) +
                     "|fnv1a64-lower|splitmix|ns:title,body,lead50,host,titlechar3-5,author3,urlpath24|";
  for (const char* name : kDenseNames) spec += std::string(name) + ",";
  auto add_list = [&](const char* tag, const auto& list) {
    spec += tag;
    for (const char* w : list) spec += std::string(w) + ",";
  };
  add_list("|src:", kSourceNouns);
  add_list("|speech:", kSpeechVerbs);
  add_list("|hearsay:", kHearsayWords);
  add_list("|teaser:", kTeaserWords);
  add_list("|denial:", kDenialWords);
  add_list("|social:", kSocialWords);
  add_list("|furniture:", kFurnitureWords);
  add_list("|site:", kSiteNames);
  add_list("|function:", kFunctionWords);
  return HashLower(spec);
}

}  // namespace hearsay::score
