#pragma once
// Article features of the credibility model: hashed word n-grams of headline, lead and
// body, headline character n-grams, the outlet's host and the bylines, and named evidence/style features (anonymous attributions, hedges,
// exclusive framing, clickbait headline, on-record quotes, ...).
//
// Input: a Document and its TextLayout (the text stage's tokens, reused so scoring costs
// one pass over the tokens). Output: an ArticleFeatures record, the same at training and at
// scoring time: the trainer and the runtime model both call ExtractFeatures.
//
//   hearsay::score::Lexicons lex = hearsay::score::DefaultLexicons();   // or from the model file
//   hearsay::score::ArticleFeatures f;
//   hearsay::score::ExtractFeatures(doc, layout, lex, kDefaultHashBits, &f);
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

constexpr uint32_t kFeatureSetVersion = 2;  // 2: URL path words
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
  float value = 0;         // 1/sqrt(n) of its namespace (title, body) or 1 (host)
  uint32_t token_idx = 0;  // last token of the n-gram (for reasons); author: index into
                           // Document::authors; UINT32_MAX otherwise
  uint8_t order = 1;       // 1 word unigram, 2 word bigram, 3 character n-gram,
                           // 0 host, 4 author, 5 URL path word
};

// Outlet, byline and URL features ("meta"): outside the tf-idf text vector.
inline bool IsMeta(const HashedFeature& h) { return h.order == 0 || h.order >= 4; }

struct ArticleFeatures {
  std::vector<HashedFeature> hashed;
  std::array<float, kDenseCount> dense{};
  Evidence evidence;
  std::string host;  // "people.com", "" when unknown
};

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

// Words of a URL's path (after the host; query and fragment dropped; an archived copy's
// inner URL): runs of ASCII letters and digits holding a letter, at most 30 bytes, at most
// 24 of them. "https://x.com/news/star-weds-2018/" gives {"news", "star", "weds"}.
std::vector<std::string_view> UrlPathWords(std::string_view url);

// FNV-1a 64 of the ASCII-lower-cased bytes.
uint64_t HashLower(std::string_view s);

// Fills *out. Precondition: `layout` is text::AnalyzeText(doc) (or empty tokens).
void ExtractFeatures(const Document& doc, const TextLayout& layout, const CueTable& cues, uint32_t hash_bits,
                     ArticleFeatures* out);

// Fingerprint of the feature space (version, hash scheme, dense names, built-in cue lists).
uint64_t FeatureFingerprint();

}  // namespace hearsay::score
