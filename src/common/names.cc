// Names of the record enums, as written in hearsay.json and the store.
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay {

const char* SourceFormatName(SourceFormat f) {
  switch (f) {
    case SourceFormat::kPlainText: return "text";
    case SourceFormat::kJsonLines: return "jsonl";
    case SourceFormat::kHtml: return "html";
    case SourceFormat::kStdin: return "stdin";
  }
  return "text";
}

SourceFormat SourceFormatFromName(const std::string& name) {
  if (name == "jsonl") return SourceFormat::kJsonLines;
  if (name == "html") return SourceFormat::kHtml;
  if (name == "stdin") return SourceFormat::kStdin;
  return SourceFormat::kPlainText;
}

const char* TokenKindName(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kQuote: return "quote";
    case TokenKind::kUrl: return "url";
    case TokenKind::kHandle: return "handle";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kSymbol: return "symbol";
  }
  return "symbol";
}

const char* BlockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::kTitle: return "title";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kCaption: return "caption";
    case BlockKind::kBody: return "body";
  }
  return "body";
}

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kWork: return "WORK";
    case EntityType::kOutlet: return "OUTLET";
    case EntityType::kMisc: return "MISC";
    case EntityType::kAge: return "AGE";
    case EntityType::kDate: return "DATE";
    case EntityType::kMoney: return "MONEY";
    case EntityType::kHandle: return "HANDLE";
  }
  return "MISC";
}

const char* SourceKindName(SourceKind k) {
  switch (k) {
    case SourceKind::kNamed: return "named";
    case SourceKind::kAnonymous: return "anonymous";
    case SourceKind::kOutlet: return "outlet";
    case SourceKind::kAuthor: return "author";
    case SourceKind::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* AttributionKindName(AttributionKind k) {
  switch (k) {
    case AttributionKind::kDirect: return "direct";
    case AttributionKind::kIndirect: return "indirect";
    case AttributionKind::kMixed: return "mixed";
  }
  return "direct";
}

const char* PolarityName(Polarity p) { return p == Polarity::kDenied ? "denied" : "affirmed"; }

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kHedged: return "hedged";
    case Modality::kSpeculative: return "speculative";
  }
  return "asserted";
}

const char* ContradictionKindName(ContradictionKind kind) {
  switch (kind) {
    case ContradictionKind::kPolarity: return "polarity";
    case ContradictionKind::kExclusiveState: return "exclusive_state";
    case ContradictionKind::kAge: return "age";
    case ContradictionKind::kIntraArticle: return "intra_article";
  }
  return "polarity";
}

bool ContradictionKindFromName(std::string_view name, ContradictionKind* kind) {
  for (ContradictionKind k : {ContradictionKind::kPolarity, ContradictionKind::kExclusiveState, ContradictionKind::kAge,
                              ContradictionKind::kIntraArticle})
    if (name == ContradictionKindName(k)) {
      *kind = k;
      return true;
    }
  return false;
}

const char* ProvenanceKindName(ProvenanceKind kind) {
  switch (kind) {
    case ProvenanceKind::kCites: return "cites";
    case ProvenanceKind::kQuotes: return "quotes";
    case ProvenanceKind::kNearDuplicate: return "near_duplicate";
  }
  return "cites";
}

bool ProvenanceKindFromName(std::string_view name, ProvenanceKind* kind) {
  for (ProvenanceKind k : {ProvenanceKind::kCites, ProvenanceKind::kQuotes, ProvenanceKind::kNearDuplicate})
    if (name == ProvenanceKindName(k)) {
      *kind = k;
      return true;
    }
  return false;
}

}  // namespace hearsay
