#pragma once
// A per-document view the extract passes share: lower-cased token text, token -> sentence,
// token -> mention, token -> quote span, the publication date, and the helpers every pattern
// needs (clause bounds, person lookup, pronoun fallback, hedges, negation).
//
// Assumes: (a) the layout and mentions of the analysis are filled and sorted by byte offset;
// (b) mentions do not cross token boundaries in the middle of a token (a mention covers the
// tokens it overlaps). Owned by one ExtractClaims call; not shared between threads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/internal/dates.h"
#include "extract/lexicon.h"
#include "hearsay/document.h"
#include "hearsay/records.h"
#include "syntax/tree.h"

namespace hearsay::extract {

enum class Gender : uint8_t { kUnknown, kMale, kFemale, kPlural };

struct DocView {
  DocView(const Document& doc, DocumentAnalysis* analysis, const Lexicon& lex);

  const Document& doc;
  DocumentAnalysis& a;
  const Lexicon& lex;
  const std::vector<Token>& toks;
  std::vector<std::string> lower;      // per token: ASCII lower case, curly apostrophes as '\''
  std::vector<uint8_t> personal_pronoun;  // per token: he/she/him/her/his/hers..., or first person
  std::vector<uint32_t> sent_of;       // token -> sentence index (UINT32_MAX outside sentences)
  std::vector<int32_t> mention_at;     // token -> index of the mention covering it, or -1
  std::vector<int32_t> quote_at;       // token -> index into layout.quote_spans containing it, or -1
  std::vector<Gender> entity_gender;   // per local entity, from LocalEntity::gender and the text
  std::optional<Ymd> published;        // the document's date, if any
  std::vector<int32_t> quote_record;   // per quote span: index into a.quotes, or -1 (set by quotes pass)
  std::vector<bool> quote_fragment;    // per a.quotes: a short phrase quoted inside a sentence (quotes pass)
  // per a.quotes: the speaker the sentence around a partial quotation gives (its reporting frame
  // or governing cue), taken only when no other rule names one (ResolveQuoteSpeakers); kUnknown: none
  std::vector<Attribution> quote_in_sentence;

 private:
  mutable std::vector<std::pair<std::string_view, bool>> lower_written_;  // memo: word -> written in lower case

 public:
  // The dependency parse (a.syntax), when the pipeline ran the parser: the tree view, and
  // per token the index of its first word (-1 without a parse); per word its token.
  syntax::Tree tree;
  std::vector<int32_t> word_of_tok;
  bool HasParse(uint32_t tok) const;  // tok's sentence was parsed
  bool use_parse = true;               // patterns over the parse first (off: token patterns only, for comparison)

  uint32_t size() const { return static_cast<uint32_t>(toks.size()); }
  std::string_view Text(uint32_t tok) const {
    return std::string_view(doc.text).substr(toks[tok].byte_begin, toks[tok].byte_end - toks[tok].byte_begin);
  }
  std::string TextRange(uint32_t tok_begin, uint32_t tok_end) const;  // original bytes
  bool IsCap(uint32_t tok) const;       // starts with an upper-case letter
  bool IsWord(uint32_t tok) const { return toks[tok].kind == TokenKind::kWord; }
  bool IsPunct(uint32_t tok, std::string_view p) const { return lower[tok] == p; }
  bool IsClauseBreak(uint32_t tok) const;  // ; : ( ) — and sentence-final marks
  // Does the document also write the word of `tok` in lower case ("When" and "when", "Good" and
  // "good")? A capitalised word that does is a common word, no name. A scan of the document per
  // word asked about, remembered.
  bool WrittenLowerElsewhere(uint32_t tok) const;
  const Sentence& SentenceOf(uint32_t tok) const { return a.layout.sentences[sent_of[tok]]; }

  // The person entity a token denotes: a resolved person mention covering it, else a
  // pronoun resolved by the fallback. -1 when none.
  int32_t PersonAt(uint32_t tok) const;
  // Entity of any resolved mention covering tok (any type), -1 if none.
  int32_t EntityAt(uint32_t tok) const;
  EntityType TypeAt(uint32_t tok) const;  // type of the mention at tok (kMisc when none)
  // First token after the mention covering tok (tok + 1 when none).
  uint32_t MentionEnd(uint32_t tok) const;
  uint32_t MentionBegin(uint32_t tok) const;

  // The person resolve gave the personal or possessive pronoun at tok (its descriptor
  // mention: resolve owns third-person coreference, docs/entities.md); a first-person pronoun
  // ("I", "my") inside a quotation is the quotation's named speaker. -1 when unknown.
  int32_t ResolvePronoun(uint32_t tok) const;
  bool Fits(int32_t entity, Gender g) const;  // a person whose known gender is g, or unknown
  // The two people a plural reference at tok stands for: "they", "them", "their", "the
  // couple", "the pair" -> the latest coordination "X (, 43,) and Y" of two people in the
  // sentence before tok or up to three sentences back; "we", "us", "our" inside a named
  // quotation -> its speaker and the person coordinated with "I"/"me" in the speaker's
  // quotations of the paragraph ("Lorcan and I"). Empty when unknown.
  std::vector<int32_t> ResolvePlural(uint32_t tok) const;
  // The two people coordinated as "X (, 43,) and Y" with Y's mention ending right before
  // `end` (X the person before "and"), or an empty vector.
  std::vector<int32_t> CoordinationBefore(uint32_t end) const;
  static Gender PronounGender(std::string_view lower_word);  // kUnknown if not a pronoun
  static bool IsPossessivePronoun(std::string_view lower_word);  // his her their its my our
  static bool IsFirstPerson(std::string_view lower_word);        // i me my mine we us our ...
  // The named person speaking the quotation that holds tok (after the quotes pass), or -1.
  int32_t QuoteSpeakerAt(uint32_t tok) const;

  // Index of the token after a possessive name ("Cruise's", "de Armas'"): the person entity
  // whose mention ends right before tok's "'s" / "'" token, or -1.
  int32_t PossessorBefore(uint32_t tok) const;

  // Does a hedge phrase start at tok? Returns its length in tokens (0 if none) and its modality.
  uint32_t MatchHedge(uint32_t tok, Modality* m) const;
  // Matches `words` starting at tok; POSS matches his/her/their/its. Between words, up to two
  // adverbs ("-ly") or negators may intervene; the last word may be a preposition standing up
  // to three words further when `loose_last`. Returns one past the last matched token, or 0.
  uint32_t MatchPhrase(const std::vector<std::string>& words, uint32_t tok, uint32_t limit, bool loose_last) const;
};

// The gender a person noun states ("actress", "husband"), or kUnknown.
Gender NounGender(std::string_view lower_word);

// Lowest commitment of two modalities: asserted > reported > hedged > speculative.
Modality Weaker(Modality a, Modality b);

}  // namespace hearsay::extract
