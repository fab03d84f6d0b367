#pragma once
// Article features of the credibility model: hashed word n-grams of headline, lead and
// body, headline character n-grams, and named evidence/style features (anonymous
// attributions, hedges, exclusive framing, clickbait headline, on-record quotes, ...); the
// outlet's host and the outlets the text cites are kept as keys for the model's explicit
// outlet prior (article_model.h), never as hashed features.
//
// Who an article is about cannot be seen: every token of a PERSON mention of the entity
// tagger (not descriptors), every capitalised body word that does not open its sentence or
// stands in a run of capitalised words (names the tagger missed; function words, cue
// words and "I" excepted), and every capitalised word equal to one of those (other forms:
// "Pitt" after "Brad Pitt", the headline's names) is replaced by one placeholder word per
// run ("<name>"); OUTLET mentions and the data set's own site name ("Gossip Cop") likewise by
// "<outlet>". Site furniture is dropped: captions, short paragraphs (<= 12 words) holding a
// furniture word ("Advertisement", "Image zoom", "push notifications", "[ edit ]") and the
// phrase "image zoom" anywhere. Without mentions only the site name is masked.
//
// Input: a Document, its TextLayout (the text stage's tokens, reused so scoring costs
// one pass over the tokens) and its mentions (entities::FindMentions). Output: an
// ArticleFeatures record, the same at training and at scoring time: the trainer and the
// runtime model both call ExtractFeatures.
//
//   hearsay::score::CueTable cues(hearsay::score::DefaultLexicons());  // or the model's
//   hearsay::score::ArticleFeatures f;
//   hearsay::score::ExtractFeatures(doc, layout, mentions, cues, kDefaultHashBits, &f);
//   for (size_t i = 0; i < f.hashed.size(); ++i) Use(f.hashed[i].index, f.hashed[i].value);
//
// Compatibility: the hash function, the namespaces, the dense feature list and the cue
// lists below define the model's feature space. Any change must bump kFeatureSetVersion
// (it enters FeatureFingerprint(), which the model loader checks), then retrain with
// `hearsay train credibility`.
//
// Never read: Document::metadata (it holds the GossipCop label), the URL's scheme (a crawl
// artefact of the data set: "real" URLs carry "https://", "fake" ones mostly do not) and
// whether Document::outlet is set (derived from that scheme by ingest).
//
// Thread safety: pure functions; a Lexicons value is immutable after construction.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::score {

constexpr uint32_t kFeatureSetVersion = 6;  // 3: names and outlets masked, furniture dropped; no host, byline or URL features; 4: proper nouns by shape; 5: a curly apostrophe is no capital; 6: months and weekdays are no names
constexpr uint32_t kDefaultHashBits = 21;  // 2^21 hashed weights (8 MiB as float32, as much again for idf)

// The named (dense) features, in model order. Values are raw; the model standardises them.
enum class Dense : uint8_t {
  kAnonymousSources,  // log1p(anonymous attributions: "a source", "an insider told", ...)
  kAnonymousShare,    // anonymous / (anonymous + named quotes + outlet citations + 1)
  kHedgeRate,         // hedge words per 100 words
  kBoosterRate,       // booster words per 100 words
  kHearsayWords,      // log1p("reportedly", "allegedly", "rumored", ...)
  kExclusive,         // 1 when framed as an exclusive
  kTitlePunct,        // '!' or '?' in the headline (0..2)
  kTitleCaps,         // share of all-caps words in the headline
  kTitleTeaser,       // teaser words in the headline ("shocking", "secret", "you", ...)
  kNamedQuotes,       // log1p(quotes with a speech verb and no anonymous source nearby)
  kQuoteSpans,        // log1p(quotation spans)
  kOutletCitations,   // log1p("according to X", "told People")
  kDenials,           // log1p("denied", "false", "not true", ...)
  kSocialMedia,       // log1p(Instagram / Twitter mentions and links)
  kBodyExclaim,       // '!' per 100 words in the body
  kLogLength,         // log1p(body words)
  kByline,            // 1 when the article names an author
  kCount
};
constexpr size_t kDenseCount = static_cast<size_t>(Dense::kCount);
const char* DenseName(Dense d);  // "anonymous_sources", ...

// Raw evidence counts behind the dense features; reasons are phrased from these.
struct Evidence {
  // Up to 3 distinct matched cue tokens per dense feature (token indices; a two-word cue
  // has kExampleBigram set and spans the word before it too), for reasons in the
  // article's own words.
  static constexpr uint32_t kExampleBigram = 1u << 31;
  std::array<std::array<uint32_t, 3>, kDenseCount> examples{};
  std::array<uint8_t, kDenseCount> example_count{};
  uint32_t body_words = 0;
  uint32_t anonymous_sources = 0;
  uint32_t hedges = 0;
  uint32_t boosters = 0;
  uint32_t hearsay_words = 0;
  uint32_t exclusive_marks = 0;
  uint32_t named_quotes = 0;
  uint32_t quote_spans = 0;
  uint32_t outlet_citations = 0;
  uint32_t denials = 0;
  uint32_t social_media = 0;
  uint32_t body_exclaims = 0;
  uint32_t title_words = 0;
  uint32_t title_caps_words = 0;
  uint32_t title_teasers = 0;
  bool title_exclaim = false;
  bool title_question = false;
  bool byline = false;
};

struct HashedFeature {
  uint32_t index = 0;      // < 2^hash_bits
  float value = 0;         // 1/sqrt(n) of its namespace (title, body, lead, headline characters)
  uint32_t token_idx = 0;  // last token of the n-gram (for reasons); UINT32_MAX otherwise
  uint8_t order = 1;       // 1 word unigram, 2 word bigram, 3 character n-gram
  bool masked = false;     // the n-gram holds a placeholder ("<person>", "<outlet>")
};

struct ArticleFeatures {
  std::vector<HashedFeature> hashed;
  std::array<float, kDenseCount> dense{};
  Evidence evidence;
  std::string host;                         // "people.com", "" when unknown
  std::vector<std::string> cited_outlets;   // OutletKey() of the OUTLET mentions, sorted, distinct,
                                            // without the article's own outlet and the site name
  std::vector<std::string> cited_names;     // the same outlets as first written in the text
  std::vector<std::string> authors;         // lower-cased bylines of <= 40 bytes, at most 3
  std::string url_section;                  // the URL's first directory word ("movies" of
                                            // "x.com/movies/slug"), lower-cased; "" when none or
                                            // when it is a word of a masked name
};

// Key of an outlet name or host for the outlet prior: lower-case letters and digits only,
// a leading "the" and a trailing "'s" dropped, a host's "www." and top-level domain dropped:
// "E! Online" and "eonline.com" both give "eonline"; "" when nothing is left.
std::string OutletKey(std::string_view name_or_host);

// Word lists matched case-insensitively; entries of one or two words.
struct Lexicons {
  std::vector<std::string> hedges;    // ../shared/data/hedge_lexicon/hedge_words.txt
  std::vector<std::string> boosters;  // ../shared/data/hedge_lexicon/booster_words.txt
};

// Built-in fallback lists (a handful of common hedges and boosters) for tests.
Lexicons DefaultLexicons();
// Reads a lexicon file: one term a line, '#' lines and blank lines skipped, lower-cased.
std::vector<std::string> ParseLexicon(std::string_view text);

// A compiled Lexicons (hash tables) ready for ExtractFeatures. Immutable; shareable.
class CueTable {
 public:
  explicit CueTable(const Lexicons& lex);
  uint16_t Flags(uint64_t word_hash) const;
  uint16_t BigramFlags(uint64_t bigram_hash) const;

 private:
  void Add(uint64_t h, uint16_t flag, std::vector<std::pair<uint64_t, uint16_t>>* table);
  static uint16_t Find(const std::vector<std::pair<uint64_t, uint16_t>>& table, uint64_t h);
  // A one-hash Bloom filter over every entry (4 KiB, stays in L1): most words are no cue,
  // and are rejected without touching the tables.
  static uint64_t FilterBit(uint64_t h) { return (h * 0x9E3779B97F4A7C15ull) >> (64 - 15); }
  bool MayHold(uint64_t h) const;
  std::array<uint64_t, 512> filter_{};
  std::vector<std::pair<uint64_t, uint16_t>> words_;    // open addressing, size power of two
  std::vector<std::pair<uint64_t, uint16_t>> bigrams_;
};

// Lower-cased host of a URL with or without a scheme ("www.X.com/a" and "https://X.com"
// both give "x.com"); "" when there is none.
std::string NormalizedHost(std::string_view url);

// FNV-1a 64 of the ASCII-lower-cased bytes.
uint64_t HashLower(std::string_view s);

// Fills *out. Precondition: `layout` is text::AnalyzeText(doc) (or empty tokens) and
// `mentions` are the entity stage's mentions over it (may be empty: then only names found
// by their shape are masked). `mask = false` masks nothing and keeps furniture (the plain
// baseline of credibility_eval; no shipped model uses it).
void ExtractFeatures(const Document& doc, const TextLayout& layout, const std::vector<Mention>& mentions, const CueTable& cues,
                     uint32_t hash_bits, ArticleFeatures* out, bool mask = true);

// The words the hashed features see, in order, for inspection and tests: the headline's
// kept words and placeholders ("<person>", "<outlet>", one per masked run), a line "\n",
// then the body's, each word as written, separated by single spaces; dropped furniture
// left out. Same preconditions as ExtractFeatures.
std::string MaskedWords(const Document& doc, const TextLayout& layout, const std::vector<Mention>& mentions, const CueTable& cues);

// Fingerprint of the feature space (version, hash scheme, dense names, built-in cue lists).
uint64_t FeatureFingerprint();

}  // namespace hearsay::score
