#pragma once
// The records every stage after ingest produces: the text layout of a document
// (tokens, sentences, paragraphs), entity mentions, quotes, claims, and the corpus-level
// records of fusion (entities, clusters, contradictions, provenance, duplicates).
//
// All spans are half-open byte ranges into Document::text. Records are plain structs;
// the stage libraries are functions that fill them. Field names follow the output
// contract of hearsay.json (docs/contract.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/predicate.h"
#include "hearsay/syntax.h"

namespace hearsay {

// ---- text stage -------------------------------------------------------------

enum class TokenKind : uint8_t {
  kWord,      // letters, digits, inner apostrophes/hyphens/periods: "don't", "62-year-old", "U.K."
  kNumber,    // 2025, 3.5, 1,000, 30s
  kPunct,     // . , ; : ! ? ( ) - — …
  kQuote,     // " “ ” ' ‘ ’ used as quotation marks
  kUrl,       // https://..., pic.twitter.com/x, RadarOnline.com
  kHandle,    // @name
  kHashtag,   // #tag
  kSymbol,    // anything else ($, %, &, emoji)
};
const char* TokenKindName(TokenKind kind);

struct Token {
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;     // > byte_begin
  TokenKind kind = TokenKind::kWord;
  bool space_before = false; // whitespace (or start of paragraph) precedes the token
};

enum class BlockKind : uint8_t {
  kTitle,    // the headline
  kHeading,  // a short title-case line inside the body ("Family Estrangement")
  kCaption,  // a photo caption/credit ("(Photo by X/Getty Images)")
  kBody,     // an ordinary paragraph
};
const char* BlockKindName(BlockKind kind);

struct Sentence {
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
  uint32_t token_begin = 0;  // index into TextLayout::tokens, half-open
  uint32_t token_end = 0;
  uint32_t paragraph_idx = 0;
};

struct Paragraph {
  uint32_t byte_begin = 0;   // first non-space byte of the line(s)
  uint32_t byte_end = 0;     // one past the last non-space byte
  BlockKind kind = BlockKind::kBody;
  uint32_t sentence_begin = 0;  // index into TextLayout::sentences, half-open
  uint32_t sentence_end = 0;
};

// Quotation spans found by the text stage: an opening mark to its closing mark, which may
// lie in a later paragraph. Attribution (who speaks) is the extract stage's job.
struct QuoteSpan {
  uint32_t byte_begin = 0;   // at the opening mark (or paragraph start when it is missing)
  uint32_t byte_end = 0;     // one past the closing mark
  bool missing_open = false; // closing mark with no opening mark before it
};

struct TextLayout {
  std::vector<Token> tokens;        // sorted, non-overlapping
  std::vector<Sentence> sentences;  // tile each paragraph's tokens, in order
  std::vector<Paragraph> paragraphs;
  std::vector<QuoteSpan> quote_spans;
  // Tokens and sentences freed once only the corpus stages and the views follow (they
  // read their counts alone; pipeline.h ReleaseForCorpus); 0 while they are held.
  uint32_t released_tokens = 0;
  uint32_t released_sentences = 0;
  size_t token_count() const { return tokens.size() + released_tokens; }
  size_t sentence_count() const { return sentences.size() + released_sentences; }
};

// ---- entities ---------------------------------------------------------------

enum class EntityType : uint8_t { kPerson, kOrg, kLoc, kWork, kOutlet, kMisc, kAge, kDate, kMoney, kHandle };
const char* EntityTypeName(EntityType type);  // "PERSON", "ORG", ...

// Made as Mention{begin, end, type, confidence, entity_idx, descriptor}; the members are
// laid out by size (20 bytes, not 24: a corpus holds about 80 per article).
struct Mention {
  Mention() = default;
  Mention(uint32_t begin, uint32_t end, EntityType t = EntityType::kPerson, float conf = 1.0f, int32_t entity = -1,
          bool desc = false)
      : byte_begin(begin), byte_end(end), confidence(conf), entity_idx(entity), type(t), descriptor(desc) {}
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
  float confidence = 1.0f;
  int32_t entity_idx = -1;    // index into DocumentAnalysis::local_entities, -1 if unresolved
  EntityType type = EntityType::kPerson;
  bool descriptor = false;    // "the 62-year-old actor", a pronoun, etc.
};

// A local entity's gender: "female", "male" or "" (not known; any other text reads as ""). One
// byte, not a string (a corpus holds one per local entity); it reads and compares as its text.
class GenderText {
 public:
  GenderText() = default;
  GenderText(std::string_view text) : v_(text == "female" ? 1 : text == "male" ? 2 : 0) {}
  GenderText(const char* text) : GenderText(std::string_view(text)) {}
  GenderText(const std::string& text) : GenderText(std::string_view(text)) {}
  const std::string& str() const {
    static const std::string kText[] = {"", "female", "male"};
    return kText[v_];
  }
  operator const std::string&() const { return str(); }
  bool empty() const { return v_ == 0; }
  friend bool operator==(GenderText a, GenderText b) { return a.v_ == b.v_; }

 private:
  uint8_t v_ = 0;
};

// An entity as seen inside one document (after in-document coreference).
struct LocalEntity {
  std::string name;              // canonical (longest proper) name
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;
  GenderText gender;             // "female", "male" or ""
};

// ---- extract ----------------------------------------------------------------

enum class SourceKind : uint8_t { kNamed, kAnonymous, kOutlet, kAuthor, kUnknown };
const char* SourceKindName(SourceKind kind);

struct Attribution {
  SourceKind kind = SourceKind::kUnknown;
  int32_t entity_idx = -1;                // local entity of a named speaker
  std::string text;                       // the words naming the source ("a source", "In Touch")
  std::optional<std::string> via_outlet;  // outlet the attribution passed through
  int32_t anonymous_id = -1;              // same anonymous source within a document
  uint32_t byte_begin = 0;                // the words naming the source in the text, half-open;
  uint32_t byte_end = 0;                  //   0/0 when none (the author, a lead-in speaker)
};

struct Quote {
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
  Attribution speaker;
  uint32_t cue_byte_begin = 0;  // the cue verb ("said"), if any
  uint32_t cue_byte_end = 0;
};

// One attribution relation (PolNeAR's sense): a source, a cue and the content it owns.
// kDirect: the content is a quotation; kIndirect: reported speech or belief without quotation
// marks ("X said that …", "according to X, …"); kMixed: reported content holding a quotation.
enum class AttributionKind : uint8_t { kDirect, kIndirect, kMixed };
const char* AttributionKindName(AttributionKind kind);  // "direct", "indirect", "mixed"

struct AttributionRecord {
  AttributionKind kind = AttributionKind::kDirect;
  Attribution source;             // who; source.byte_begin/end are the source's words
  uint32_t cue_byte_begin = 0;    // the cue ("said", "according to", a colon); 0/0 when none
  uint32_t cue_byte_end = 0;
  uint32_t content_byte_begin = 0;  // what is attributed, half-open, non-empty
  uint32_t content_byte_end = 0;
  int32_t quote_idx = -1;         // index into DocumentAnalysis::quotes when the content is a quotation
};

enum class Polarity : uint8_t { kAffirmed, kDenied };
enum class Modality : uint8_t { kAsserted, kReported, kHedged, kSpeculative };
const char* PolarityName(Polarity p);
const char* ModalityName(Modality m);

struct Claim {
  int32_t subject_entity = -1;          // local entity index
  Predicate predicate = Predicate::kNone;  // DESIGN.md predicate list (hearsay/predicate.h)
  int32_t object_entity = -1;           // local entity index, or -1
  std::optional<std::string> object_text;  // when the object is not an entity (occupation, place)
  std::optional<std::string> value;     // "62" for age, etc.
  Polarity polarity = Polarity::kAffirmed;
  Modality modality = Modality::kAsserted;
  std::optional<std::string> time_from; // ISO date
  std::optional<std::string> time_to;
  Attribution source;
  // The subject (for a relation: either person) is not named where the claim is read: it was
  // resolved from a descriptor ("the 36-year-old actress"), a pronoun or, for a relation, the
  // nearest person before its trigger; so it is less certain than a named one.
  bool subject_inferred = false;
  // The relation held and has ended by the time of writing, though no end date is stated:
  // "ex-", "former", "late", "then-", "her first husband", "no longer", a past-tense state with
  // no date ("was married to X"). Fusion never compares an ended relation as current.
  bool ended = false;
  uint32_t evidence_byte_begin = 0;     // the sentence (or clause) the claim came from
  uint32_t evidence_byte_end = 0;
};

// How an article points at an outlet: it cites it ("according to X", "X reported"), quotes
// an interview it gave ("she told X: …"), or copies another article (near-duplicate text).
enum class ProvenanceKind : uint8_t {
  kCites,
  kQuotes,
  kNearDuplicate,
};
const char* ProvenanceKindName(ProvenanceKind kind);  // "cites", "quotes", "near_duplicate"
bool ProvenanceKindFromName(std::string_view name, ProvenanceKind* kind);  // false if unknown

struct CitedOutlet {
  std::string outlet;
  ProvenanceKind kind = ProvenanceKind::kCites;  // kCites or kQuotes
  uint32_t byte_begin = 0;   // the evidence span
  uint32_t byte_end = 0;
};

// Everything the per-document stages learn about one document.
struct DocumentAnalysis {
  TextLayout layout;
  syntax::Syntax syntax;  // empty when no parser model is loaded
  std::vector<Mention> mentions;
  std::vector<LocalEntity> local_entities;
  std::vector<Quote> quotes;
  std::vector<AttributionRecord> attributions;  // in text order of their content
  std::vector<Claim> claims;
  std::vector<CitedOutlet> citations;
  std::optional<std::string> detected_outlet;  // the document's own outlet read from its text
  std::optional<double> credibility;           // article model score, 0..1 (1 = credible)
  std::vector<std::string> credibility_reasons;
};

// ---- fuse / score (corpus level) ---------------------------------------------

struct DateWindow {
  std::string earliest;  // ISO
  std::string latest;    // ISO
  std::vector<std::string> basis;
};

struct MentionRef {
  uint32_t doc_idx = 0;
  uint32_t mention_idx = 0;
};

struct Entity {
  std::string id;                 // "e1", ... (stable for the same input)
  std::string name;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;
  std::optional<DateWindow> birth_window;
  std::vector<MentionRef> mentions;
  double merge_confidence = 1.0;
};

// A document's local entity (DocumentAnalysis::local_entities).
struct LocalEntityRef {
  uint32_t doc_idx = 0;
  uint32_t local_idx = 0;
};

struct ClaimRef {
  uint32_t doc_idx = 0;
  uint32_t claim_idx = 0;
};

struct ClaimCluster {
  std::string id;
  std::string subject;            // global entity id
  Predicate predicate = Predicate::kNone;
  std::optional<std::string> object;  // global entity id or literal
  std::optional<std::string> value;
  std::vector<ClaimRef> claims;
  std::vector<uint32_t> documents;
  std::vector<std::string> outlets;
  uint32_t first_doc = 0;
  std::optional<std::string> first_date;
  uint32_t independent_sources = 0;
  // Parallel to `documents`: the earlier document of the cluster this one re-reports
  // (near-duplicate copy, same outlet, or relayed through the origin's outlet), -1 for an
  // independent origin. documents[] is in report order, so the chain reads front to back.
  std::vector<int32_t> rereport_of;
  // An evidence grade by rules (score/score.h ScoreClusters), not a probability: the
  // points of the evidence, the grade they fall in ("strong", "moderate", "weak", "very
  // weak"), and sigmoid(points) as a 0..1 index of the same order (hearsay.json "score").
  double credibility = 0.5;
  double evidence_points = 0;
  std::string grade = "weak";
  std::vector<std::string> reasons;
};

enum class ContradictionKind : uint8_t {
  kPolarity,        // one relation affirmed in one article and denied in another
  kExclusiveState,  // states that cannot hold together over overlapping time
  kAge,             // an age no common birth window explains
  kIntraArticle,    // an affirmation and a denial (or two exclusive states) in one article
};
const char* ContradictionKindName(ContradictionKind kind);  // "polarity", "exclusive_state", ...
bool ContradictionKindFromName(std::string_view name, ContradictionKind* kind);  // false if unknown

struct Contradiction {
  std::string a, b;               // claim or cluster ids
  ContradictionKind kind = ContradictionKind::kPolarity;
  std::string explanation;        // names both articles by title and outlet
  double confidence = 0;          // 0..1, from both sides' evidence (fuse/contradictions.h)
};

struct ProvenanceEdge {
  uint32_t doc_idx = 0;
  std::string outlet;
  ProvenanceKind kind = ProvenanceKind::kCites;
  std::string evidence;
  int32_t target_doc = -1;        // corpus document the edge points at (the cited outlet's
                                  // article, or the earlier near-duplicate), -1 if none
};

struct DuplicatePair {
  uint32_t a = 0, b = 0;          // doc indices
  double similarity = 0;
};

// The result of the corpus-level stages.
struct CorpusAnalysis {
  std::vector<Entity> entities;
  // Per document, local entity index -> global entity index (-1 for none).
  std::vector<std::vector<int32_t>> local_to_global;
  std::vector<ClaimCluster> clusters;
  // Per document, claim index -> cluster index.
  std::vector<std::vector<int32_t>> claim_cluster;
  std::vector<Contradiction> contradictions;
  std::vector<ProvenanceEdge> provenance;
  std::vector<DuplicatePair> duplicates;
  std::vector<std::optional<DateWindow>> estimated_published;  // per document
};

}  // namespace hearsay
