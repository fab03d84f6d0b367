#pragma once
// The passes of ExtractClaims, in call order:
//   1. FindOutlets: the document's own outlet ("X can reveal") and the outlets it cites
//      ("according to X", "a source told X", "X now writes"); fills detected_outlet, citations.
//   2. FindQuotes: speakers of the text stage's quote spans; fills analysis.quotes.
//   3. FindFrames: per sentence, who the content after a reporting cue belongs to
//      ("According to X, ...", "insiders suggest that ...").
//   4. FindAges, FindRelations: claims, each attributed through SourceAt/ModalityAt.
// Each pass reads the DocView and what earlier passes wrote.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/internal/dates.h"
#include "extract/internal/doc_view.h"

namespace hearsay::extract {

class AttributionModel;
class RelationScorer;
class OwnOutletModel;

// State shared between the passes of one document.
struct PassState {
  const OwnOutletModel* own_outlet = nullptr;  // decides the document's own outlet; null: the hand rules
  // Outlet citations by token: the outlet named at token ranges (for "the tabloid" and via_outlet).
  struct OutletMention {
    uint32_t tok_begin = 0, tok_end = 0;
    std::string outlet;
  };
  std::vector<OutletMention> outlets;   // in text order
  std::vector<Attribution> anonymous;   // by anonymous_id: the first attribution of that source
  std::vector<uint32_t> anonymous_tok;  // by anonymous_id: first token of the noun phrase
  std::vector<bool> anonymous_role;     // by anonymous_id: an on-record role ("her publicist")
  std::map<std::pair<uint32_t, uint32_t>, Attribution> resolved;  // memo: trimmed NP range -> source
  // Per sentence: the reporting frame, if any.
  struct Frame {
    bool present = false;
    uint32_t content_tok = 0;  // tokens in [content_tok, content_end) belong to the frame's source
    uint32_t content_end = UINT32_MAX;  // before the cue for a trailing one ("…, X said.")
    uint32_t source_tok_begin = 0, source_tok_end = 0;  // the source noun phrase (tokens)
    uint32_t cue_tok = 0;                                // the cue ("said", "according")
    Attribution source;
    Modality modality = Modality::kReported;
    bool denial = false;  // "X denied (reports) that …": the source denies the content
  };
  std::vector<Frame> frames;
  // Does the frame of tok's sentence own tok?
  bool InFrame(uint32_t sentence, uint32_t tok) const {
    return sentence < frames.size() && frames[sentence].present && tok >= frames[sentence].content_tok &&
           tok < frames[sentence].content_end;
  }
};

// Returns the outlet name for a capitalised run at [tok, end) if it reads as an outlet, else "".
std::string OutletNameAt(const DocView& v, uint32_t tok, uint32_t* end);
// How the article speaks of the outlet-shaped name at tokens [i, end) when it speaks of itself
// (the hand rules of sources.cc), never inside a quotation (someone quoted speaks): kFrame "X
// can reveal", "X has learned", "X has confirmed", "X understands", "told X exclusively",
// "exclusively tells X"; kPhrase "exclusively revealed to X", "X (has) reached out to", "pick up
// the new issue of X", a tip line, "As X readers know", a dateline "(X) --"; kMined a context
// of data/attribution/self_reference.tsv; kNone otherwise.
enum class SelfReferenceKind : uint8_t { kNone, kFrame, kPhrase, kMined };
SelfReferenceKind SelfReferenceAt(const DocView& v, uint32_t i, uint32_t end);
// The document's own outlet by the hand rules: the first outlet-shaped name SelfReferenceAt
// reads as the article's own (a known host's outlet for a web address), or "".
std::string OwnOutletByRules(const DocView& v);
// Latest outlet named before tok (for "the tabloid"), or "".
std::string LastOutletBefore(const PassState& st, uint32_t tok);

void FindOutlets(DocView& v, PassState* st);
void FindQuotes(DocView& v, PassState* st);
void FindFrames(DocView& v, PassState* st);

// Resolves a source noun phrase [np_begin, np_end) (a speaker, the subject of a cue) to an
// attribution. `cue_tok` is the cue verb (for "writes"/"reports" outlet speakers) or UINT32_MAX.
Attribution ResolveSource(DocView& v, PassState* st, uint32_t np_begin, uint32_t np_end, uint32_t cue_tok);
// The source of the cue at `cue` with its subject before it in [sb, cue): the noun phrase from
// the last comma ("the source said"), else the one opening the clause when an apposition
// stands between ("Phil X, a spokesman for the union, said"). Sets [*np_b, *np_e).
Attribution CueSubject(DocView& v, PassState* st, uint32_t sb, uint32_t cue, uint32_t* np_b, uint32_t* np_e);
// The local person entity whose name holds `word` as a whole word, ignoring case ("PENCE"),
// if exactly one does; else -1.
int32_t PersonNamedLike(const DocView& v, std::string_view word);
// The subject noun phrase of the cue word `cue` (an index into a.syntax.words) as tokens
// [*b, *e): the subject's subtree on its side of the cue, stopping at quotation marks; a
// subject outside the tokens [qb, qe) is preferred. False when the verb has no subject.
bool SubjectTokens(const DocView& v, int cue, uint32_t qb, uint32_t qe, uint32_t* b, uint32_t* e);
// Sets the via_outlet of a (possibly anonymous) source, for every later reference to it too.
void AttachVia(PassState* st, Attribution* a, const std::string& via);
// The via_outlet after a cue: "told In Touch", "told X exclusively". Empty when none.
std::optional<std::string> ViaOutletAfter(const DocView& v, uint32_t tok, uint32_t limit);

// The source and modality of content at token `tok` (a claim trigger): the quote speaker if
// tok is quoted, else the sentence's frame if tok follows its cue, else the author.
Attribution SourceAt(const DocView& v, const PassState& st, uint32_t tok);
Modality ModalityAt(const DocView& v, const PassState& st, uint32_t tok);

// Date expression starting at tok (before `limit`); returns one past its end, or 0.
uint32_t MatchDate(const DocView& v, uint32_t tok, uint32_t limit, DateSpan* out);
// Is the date expression at `date_tok` governed by a "since" in its clause, at or after `lo`
// and at most eight words before it ("since his divorce from X in 2012")?
bool SinceGoverns(const DocView& v, uint32_t date_tok, uint32_t lo);
// `d` as a "since" span: from its start to the publication date (open_start).
DateSpan OpenSince(const DocView& v, const DateSpan& d);
// "since then", "ever since", "since that time", a clause-final "since" at `tok`: the span from
// the latest date expression before it (this sentence, else the one before) to the publication
// date. Empty when `tok` is no such anaphor or no date precedes it.
std::optional<DateSpan> AnaphoricSince(const DocView& v, uint32_t tok);
// The date expression of the clause around `tok` in its sentence (nearest, after preferred;
// a governing "since" makes it a span to the publication date; an anaphoric "since then"
// takes the date it points back to).
std::optional<DateSpan> TimeNear(const DocView& v, uint32_t tok);

// Appends a claim with source, modality and evidence (the sentence of `tok`) filled in.
Claim* AddClaim(DocView& v, const PassState& st, uint32_t tok, int32_t subject, Predicate predicate,
                int32_t object);

void FindAges(DocView& v, PassState* st);

// Fills analysis.attributions from the quotes and frames (after FindQuotes): one per quote
// (kDirect, with its speaker and cue) and one per frame outside quotation marks (kIndirect;
// kMixed when its content holds a quotation spoken with another cue), sorted by content.
void BuildAttributions(DocView& v, const PassState& st);
// Adds the attributions of sentences led by a person's name and a colon ("Voss: the bridge
// will reopen"): the colon is the cue, the name (resolved to a person of the article) the
// source, the rest of the sentence the content. After BuildAttributions.
void AddColonAttributions(DocView& v, PassState* st);
// Adds the attributions whose cue the learned model finds (attribution_model.h) and no quote
// or frame has taken: source and content from the sentence's shape around the cue.
void AddModelAttributions(DocView& v, PassState* st, const AttributionModel& model);
// The learned span parts of the model (attribution_model.h) over the indirect and mixed
// attributions (after AddModelAttributions): each content ends where the end model ranks
// best, and an attribution the keep model scores at or below its threshold is dropped. A
// model without those parts changes nothing.
void RefineAttributions(DocView& v, const AttributionModel& model);
// The tokens of an attribution record: cue [*cue_b, *cue_e) (empty when it has none) and
// content [*cb, *ce). False when the content maps to no tokens of one sentence.
bool AttributionTokens(const DocView& v, const AttributionRecord& r, uint32_t* cue_b, uint32_t* cue_e, uint32_t* cb,
                       uint32_t* ce);
// Quotes still without a speaker (no cue, no words) take one from their paragraph: the one person
// it names outside quotations, else (a quote opening a paragraph that names nobody) the one
// person the last sentence of the paragraph before names. After the attribution passes.
void SpeakQuotesFromParagraphs(DocView& v);
// Does the quotation over tokens [qb, qe) speak of `person` in the third person: a name or a
// pronoun resolved to them, or "he"/"she"/"his"/"her" of their gender ("Britney is in love",
// "She has tried talking to her sisters": an insider speaking of them, not they themselves)?
bool SpeaksOf(const DocView& v, uint32_t qb, uint32_t qe, int32_t person);
// Quotes whose speaker is still unknown (speakers.cc), after SpeakQuotesFromParagraphs. Words
// that name nobody yet: "…," the weatherman said: the person read back past quotations when
// that person spoke the quote before; "he"/"she": the person of that gender read back past
// quotations; "they": the anonymous source of a quote up to two paragraphs back; "the couple":
// the coordination's first person; one to three capitalised words: the person so named, else a
// named speaker without a person; "the statement added": the speaker of the quote before. A
// quotation without words opening its sentence right after a person's or an anonymous source's
// quotation (in its paragraph, or opening the next; no one else named and no cue between)
// continues that speaker.
void ResolveQuoteSpeakers(DocView& v);
// Drops the quotes that are short phrases quoted inside a sentence (not opening it, not after a
// colon or comma: "a “for your consideration” push", a title) and that no pass gave a speaker or
// words: terms, titles and scare quotes, not speech. Their direct attributions go too; quote
// indices are renumbered; a mixed attribution that held only such a phrase becomes indirect.
// After ResolveQuoteSpeakers.
void DropUnspokenFragments(DocView& v);

// Nouns that head a descriptor of a person ("the 37-year-old actress", "the 62-year-old
// Top Gun actor"): occupations, relations (role_nouns.tsv) and gendered nouns.
bool IsPersonNoun(const DocView& v, std::string_view w);

// All passes of ExtractClaims, keeping the pass state (for the attribution evaluation, which
// scores frames as well as quotes).
// `relations`: the learned family-relation scorer (relation_scorer.h), null: the rules' claims
// as they are.
void RunPasses(DocView& v, PassState* st, const AttributionModel* model = nullptr,
               const RelationScorer* relations = nullptr);
void FindRelations(DocView& v, PassState* st, const RelationScorer* scorer = nullptr);

}  // namespace hearsay::extract
