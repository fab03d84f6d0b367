// Quote speakers left open by the cue passes (ResolveQuoteSpeakers): words that name nobody
// yet ("…," the singer tweeted; "…," she said with no antecedent near; "…," they said;
// "…," the statement added) and quotes in a run after a speaker's quote.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "extract/internal/passes.h"

namespace hearsay::extract {
namespace {

// The paragraph of token `tok`, UINT32_MAX outside sentences.
uint32_t ParagraphAt(const DocView& v, uint32_t tok) {
  uint32_t s = tok < v.size() ? v.sent_of[tok] : UINT32_MAX;
  return s == UINT32_MAX ? UINT32_MAX : v.a.layout.sentences[s].paragraph_idx;
}

// The first token at or after byte `b`.
uint32_t TokenAtByte(const DocView& v, uint32_t b) {
  auto it = std::lower_bound(v.toks.begin(), v.toks.end(), b, [](const Token& k, uint32_t x) { return k.byte_begin < x; });
  return static_cast<uint32_t>(it - v.toks.begin());
}

// The person a descriptor or pronoun at `tok` most likely denotes, read back over the text
// outside quotation marks (a long quotation between does not count as distance): the first
// person (the subject, usually) fitting gender `g` of the latest body sentence that names a
// person there, looking through at most three such sentences and twelve sentences in all.
int32_t PersonBefore(const DocView& v, uint32_t tok, Gender g) {
  const uint32_t s = v.sent_of[tok];
  if (s == UINT32_MAX) return -1;
  int named = 0;
  for (uint32_t back = 0; back <= 12 && back <= s && named < 3; ++back) {
    const Sentence& sn = v.a.layout.sentences[s - back];
    if (v.a.layout.paragraphs[sn.paragraph_idx].kind != BlockKind::kBody) continue;
    uint32_t end = back == 0 ? tok : sn.token_end;
    int32_t any = -1, known = -1;
    for (uint32_t k = sn.token_begin; k < end; ++k) {
      if (v.quote_at[k] >= 0 || v.mention_at[k] < 0) continue;
      int32_t p = v.PersonAt(k);
      if (p < 0 || DocView::IsPossessivePronoun(v.lower[k])) continue;
      if (any < 0 && (g == Gender::kUnknown || v.Fits(p, g))) any = p;
      if (known < 0 && g != Gender::kUnknown && v.entity_gender[p] == g) known = p;
      if (any < 0) any = -2;  // a person who does not fit: keep looking in this sentence only
    }
    if (known >= 0) return known;
    if (any >= 0) return any;
    if (any == -2) ++named;
  }
  return -1;
}

// The one person the headline names (a mention in the title block), -1 when it names none or
// several: the article's subject, for a "she says" before the body names anyone.
int32_t HeadlinePerson(const DocView& v) {
  int32_t one = -1;
  for (const Paragraph& p : v.a.layout.paragraphs) {
    if (p.kind != BlockKind::kTitle) continue;
    for (uint32_t s = p.sentence_begin; s < p.sentence_end; ++s)
      for (uint32_t k = v.a.layout.sentences[s].token_begin; k < v.a.layout.sentences[s].token_end; ++k) {
        int32_t person = v.mention_at[k] >= 0 ? v.PersonAt(k) : -1;
        if (person < 0 || person == one) continue;
        if (one >= 0) return -1;
        one = person;
      }
  }
  return one;
}

// The speaker of quote `qi - 1` when it is a person of the article or anonymous and the quote
// lies in paragraph `para` or the one before; nullptr otherwise.
const Attribution* PreviousSpeaker(const DocView& v, size_t qi, uint32_t para) {
  if (qi == 0) return nullptr;
  const Quote& pq = v.a.quotes[qi - 1];
  uint32_t pe = TokenAtByte(v, pq.byte_end);
  uint32_t pp = ParagraphAt(v, pe > 0 ? pe - 1 : 0);
  if (pp == UINT32_MAX || pp > para || pp + 1 < para) return nullptr;
  const Attribution& s = pq.speaker;
  return (s.kind == SourceKind::kNamed && s.entity_idx >= 0) || s.kind == SourceKind::kAnonymous ? &s : nullptr;
}

constexpr int32_t kNameOnly = -2;  // a name that is no person of the article's

// The head noun of a definite descriptor [b, e): the word before its first "of"/"to" ("the
// mother of two", "the mother to X"), else its last word.
uint32_t DescriptorHead(const DocView& v, uint32_t b, uint32_t e) {
  for (uint32_t k = b + 1; k + 1 < e; ++k)
    if (v.lower[k] == "of" || v.lower[k] == "to") return k - 1;
  return e - 1;
}

// Is `w` shaped like a singular noun for a person: an agent or occupation suffix ("-ist",
// "-ess", "-ian", "-or", "-er", "-ee", "-ant": "the fitness enthusiast", "the songstress", "the
// nominee", "the informant")? Only asked of the subject of a speech cue.
bool PersonShapedNoun(std::string_view w) {
  if (w.size() < 4 || (w.ends_with("s") && !w.ends_with("ss"))) return false;
  for (std::string_view suffix : {"ist", "ess", "ian", "or", "er", "ee", "ant"})
    if (w.ends_with(suffix)) return true;
  return false;
}

// Does the phrase [b, e) describe a person: a person noun ("the singer", "the weatherman"), a
// person-shaped noun ("the nominee"), a noun with "star"/"alum" after a title ("the Magic Mike
// alum") or a stated age ("the 21-year-old")?
bool DescribesPerson(const DocView& v, uint32_t b, uint32_t e) {
  const std::string& last = v.lower[DescriptorHead(v, b, e)];
  if (IsPersonNoun(v, last) || NounGender(last) != Gender::kUnknown || last.ends_with("man") || last.ends_with("woman") ||
      PersonShapedNoun(last) || last == "alum")
    return true;
  for (uint32_t k = b; k < e; ++k)
    if (v.lower[k].find("-year") != std::string::npos) return true;
  return false;
}

// A person for the words [b, e) of an unresolved speaker: one to three capitalised words the
// tagger left ("said Khloe") as the article's person named by the last of them, else kNameOnly;
// "he"/"she" as the person of that gender read back past quotations (PersonBefore), or, when no
// one is named back there, the one person of the headline; "the couple", "the pair" and "they"
// as the coordination it stands for (its first person); a definite descriptor of a
// person ("the singer", "the 21-year-old") as the person before it of the noun's gender when
// that is `previous_named`, the named speaker of the quote before, or one of `recent_speakers`.
// -1 when none.
int32_t PersonForWords(const DocView& v, uint32_t b, uint32_t e, int32_t previous_named,
                       const std::set<int32_t>& recent_speakers) {
  const std::string& first = v.lower[b];
  const uint32_t last = e - 1;
  if (e == b + 1 && (first == "he" || first == "she")) {
    Gender g = DocView::PronounGender(first);
    int32_t p = PersonBefore(v, b, g);
    if (p < 0 && PersonBefore(v, b, Gender::kUnknown) < 0) p = HeadlinePerson(v);  // no one named since
    return p >= 0 && (v.entity_gender[p] == g || v.entity_gender[p] == Gender::kUnknown) ? p : -1;
  }
  if ((first == "the" && (v.lower[last] == "couple" || v.lower[last] == "pair")) || (e == b + 1 && first == "they")) {
    std::vector<int32_t> two = v.ResolvePlural(last);
    return two.empty() ? -1 : two[0];
  }
  if (first == "the") {
    const uint32_t head = DescriptorHead(v, b, e);
    if (e - b > 6 || !v.IsWord(last) || v.IsCap(last) || !DescribesPerson(v, b, e)) return -1;
    for (uint32_t k = b; k <= head; ++k)  // "the family of …", "the source's friend": no one person
      if (v.lex.source_nouns.count(v.lower[k]) || v.lower[k] == "family") return -1;
    // The person read back must also have spoken a quotation shortly before (the quote before,
    // or any in this paragraph or the three before): "…," Kotb said. … "…," the journalist said.
    int32_t p = PersonBefore(v, b, NounGender(v.lower[head]));
    return p >= 0 && (p == previous_named || recent_speakers.count(p)) ? p : -1;
  }
  if (e - b > 3 || DocView::PronounGender(first) != Gender::kUnknown || first == "i" || first == "it" ||
      first == "they" || first == "we" || first == "you")  // "They said": a pronoun is no name
    return -1;
  for (uint32_t k = b; k < e; ++k)
    if (!v.IsWord(k) || !v.IsCap(k) || v.lex.source_nouns.count(v.lower[k]) ||
        (v.mention_at[k] < 0 && v.WrittenLowerElsewhere(k)))  // a common word: "Nobody said"
      return -1;
  int32_t p = PersonNamedLike(v, v.Text(last));
  return p >= 0 ? p : kNameOnly;
}

// The source of the latest attribution whose cue comes before quote `self` and its cue, in
// the paragraphs [para - 2, para], when it is anonymous ("a source told X that …. “…,” they
// added": a source's singular "they", quoted or reporting); nullptr when none or when that
// latest source is someone else.
const Attribution* RecentAnonymous(const DocView& v, const AttributionRecord& self, uint32_t para) {
  // A continuation has no cue of its own: its content's start.
  const uint32_t qbyte = self.cue_byte_end > 0 ? std::min(self.content_byte_begin, self.cue_byte_begin) : self.content_byte_begin;
  const AttributionRecord* latest = nullptr;
  for (const AttributionRecord& r : v.a.attributions) {
    if (&r == &self || r.cue_byte_end == 0 || r.cue_byte_end > qbyte || (latest && r.cue_byte_begin <= latest->cue_byte_begin))
      continue;
    uint32_t pp = ParagraphAt(v, TokenAtByte(v, r.cue_byte_begin));
    if (pp != UINT32_MAX && pp + 2 >= para) latest = &r;
  }
  return latest && latest->source.kind == SourceKind::kAnonymous ? &latest->source : nullptr;
}

// Does the quotation [qb, qe) open its sentence, or follow a colon?
bool OpensSentence(const DocView& v, uint32_t qb) {
  return v.sent_of[qb] != UINT32_MAX && (v.SentenceOf(qb).token_begin == qb || (qb > 0 && v.IsPunct(qb - 1, ":")));
}

// Is anyone but `speaker` named, or a cue spoken, outside quotations in tokens [b, e)? A person
// the quotation [qb, qe) speaks of in the third person is no other voice ("…,” the insider said.
// But Kris will be there. “Kris has assured her girls …”).
bool OtherVoiceBetween(const DocView& v, uint32_t b, uint32_t e, const Attribution& speaker, uint32_t qb, uint32_t qe) {
  for (uint32_t k = b; k < e; ++k) {
    if (v.quote_at[k] >= 0) continue;
    if (v.lex.Cue(v.lower[k])) return true;
    if (v.mention_at[k] >= 0 && v.a.mentions[v.mention_at[k]].type != EntityType::kPerson) return true;
    int32_t p = v.PersonAt(k);
    if (p >= 0 && !(speaker.kind == SourceKind::kNamed && p == speaker.entity_idx) && !SpeaksOf(v, qb, qe, p))
      return true;
  }
  return false;
}

// A run: the speaker of the quotation before when quote `qi` (record r, tokens from qb, in
// paragraph para) opens its sentence after a speaker's quotation in this paragraph (or opens
// the next one), with no one else named and no cue spoken between. nullptr otherwise.
const Attribution* SpeakerOfRun(const DocView& v, size_t qi, const AttributionRecord& r, uint32_t qb, uint32_t para) {
  if (!OpensSentence(v, qb) || qi == 0) return nullptr;
  const Attribution* prev = PreviousSpeaker(v, qi, para);
  if (!prev) return nullptr;
  const Quote& pq = v.a.quotes[qi - 1];
  uint32_t from = TokenAtByte(v, pq.byte_end);
  // In the next paragraph only a quotation opening it ("Tickets sold out. “…”" there is not hers).
  if (ParagraphAt(v, from - 1) != para && v.a.layout.paragraphs[para].byte_begin != r.content_byte_begin) return nullptr;
  if (pq.cue_byte_end > pq.byte_end) {  // past the cue's clause: "…," a source told X of Y's reaction.
    from = TokenAtByte(v, pq.cue_byte_end);
    while (from < qb && v.quote_at[from] < 0 && !v.IsPunct(from, ".")) ++from;
  }
  uint32_t qe = TokenAtByte(v, r.content_byte_end);
  return OtherVoiceBetween(v, from, qb, *prev, qb, qe) ? nullptr : prev;
}

// A quotation [qb, qe) opening its sentence right after a sentence that reports someone's words ("Kim told ET she is happy.", "…, a source said." — an indirect
// attribution with its cue there), in its paragraph, or opening its paragraph after a body
// paragraph ending in such a sentence: that attribution's source, when it is a person of the
// article the quotation does not speak of in the third person, or an unnamed source. Every
// source reported in that sentence must agree, and so must the speaker of any quotation there.
// nullptr otherwise.
const Attribution* LeadInSource(const DocView& v, uint32_t qb, uint32_t qe) {
  const uint32_t s = v.sent_of[qb];
  if (s == UINT32_MAX || s == 0 || v.a.layout.sentences[s].token_begin != qb) return nullptr;
  const Sentence& cur = v.a.layout.sentences[s];
  const Sentence& ps = v.a.layout.sentences[s - 1];
  const Paragraph& pp = v.a.layout.paragraphs[ps.paragraph_idx];
  bool opens_para = v.a.layout.paragraphs[cur.paragraph_idx].sentence_begin == s;
  if (pp.kind != BlockKind::kBody || (ps.paragraph_idx != cur.paragraph_idx && !(opens_para && ps.paragraph_idx + 1 == cur.paragraph_idx)))
    return nullptr;
  const Attribution* found = nullptr;
  for (const AttributionRecord& x : v.a.attributions) {
    if (x.kind == AttributionKind::kDirect || x.cue_byte_end == 0 || x.cue_byte_begin < ps.byte_begin ||
        x.cue_byte_end > ps.byte_end)
      continue;
    const Attribution& a = x.source;
    bool person = a.kind == SourceKind::kNamed && a.entity_idx >= 0;
    if (!person && a.kind != SourceKind::kAnonymous) return nullptr;
    if (found && !(found->kind == a.kind && found->entity_idx == a.entity_idx && found->anonymous_id == a.anonymous_id))
      return nullptr;
    found = &a;
  }
  if (!found || (found->kind == SourceKind::kNamed && SpeaksOf(v, qb, qe, found->entity_idx))) return nullptr;
  // A quotation in that sentence is the same source's words ("X admits it was “hard” to …"), or
  // no one's yet; a quoted term no pass took for a quotation ("is “sad and disappointed” that …,
  // a source tells X.") is the reporting sentence's own words.
  for (uint32_t k = ps.token_begin; k < ps.token_end; ++k) {
    int32_t span = v.quote_at[k];
    int32_t q = span >= 0 ? v.quote_record[span] : -1;
    if (q < 0) continue;
    const Attribution& a = v.a.quotes[q].speaker;
    if (a.kind != SourceKind::kUnknown &&
        !(a.kind == found->kind && a.entity_idx == found->entity_idx && a.anonymous_id == found->anonymous_id))
      return nullptr;
  }
  return found;
}

// An interview's speaker label: the person of the article named by the one to three capitalised
// words and the colon that open body paragraph `para` ("Dana Kim: I thought, “…”"), when the
// quotation at qb has no other speaker before it in its clause ("…, and they said, “…”", "the
// director said, “…”": a person, a third-person pronoun or a cue not after "I"/"we").
// -1 otherwise.
int32_t LabelSpeaker(const DocView& v, uint32_t qb, uint32_t para) {
  const Paragraph& p = v.a.layout.paragraphs[para];
  if (p.kind != BlockKind::kBody || p.sentence_end <= p.sentence_begin) return -1;
  const uint32_t b = v.a.layout.sentences[p.sentence_begin].token_begin;
  uint32_t colon = b;
  while (colon < qb && colon < b + 3 && v.IsWord(colon) && v.IsCap(colon)) ++colon;
  if (colon == b || colon >= qb || !v.IsPunct(colon, ":")) return -1;
  int32_t person = v.PersonAt(b) >= 0 && v.MentionEnd(b) == colon ? v.PersonAt(b) : PersonNamedLike(v, v.Text(colon - 1));
  if (person < 0) return -1;
  for (uint32_t k = qb; k > colon + 1 && !v.IsClauseBreak(k - 1) && v.quote_at[k - 1] < 0; --k) {
    const std::string& w = v.lower[k - 1];
    if (w == "he" || w == "she" || w == "they" || w == "it" || w == "you" || v.PersonAt(k - 1) >= 0) return -1;
    // A cue whose subject is not the speaker's "I"/"we" ("the director said, “…”").
    if (v.lex.Cue(w) && (k - 1 == colon + 1 || (v.lower[k - 2] != "i" && v.lower[k - 2] != "we"))) return -1;
  }
  return person;
}

Attribution NamedSpeaker(int32_t person) {
  Attribution a;
  a.kind = SourceKind::kNamed;
  a.entity_idx = person;
  return a;
}

void SetSpeaker(DocView& v, AttributionRecord* r, const Attribution& s) {
  r->source = s;
  v.a.quotes[r->quote_idx].speaker = s;
}

// The people who spoke the quotations before quote `qi` whose paragraph lies in [para - 3, para].
std::set<int32_t> RecentSpeakers(const DocView& v, size_t qi, uint32_t para) {
  std::set<int32_t> out;
  for (size_t i = qi; i-- > 0;) {
    const Quote& q = v.a.quotes[i];
    uint32_t pp = ParagraphAt(v, TokenAtByte(v, q.byte_begin));
    if (pp == UINT32_MAX || pp + 3 < para) break;
    if (q.speaker.kind == SourceKind::kNamed && q.speaker.entity_idx >= 0) out.insert(q.speaker.entity_idx);
  }
  return out;
}

bool SameSource(const Attribution& a, const Attribution& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == SourceKind::kNamed) return a.entity_idx >= 0 && a.entity_idx == b.entity_idx;
  return a.kind == SourceKind::kAnonymous && a.anonymous_id >= 0 && a.anonymous_id == b.anonymous_id;
}

// Has an unnamed source an attribution whose cue comes before r's, in paragraphs [para - 3, para]?
bool AnonymousSpokeNear(const DocView& v, const AttributionRecord& r, uint32_t para) {
  const uint32_t before = r.cue_byte_end > 0 ? std::min(r.content_byte_begin, r.cue_byte_begin) : r.content_byte_begin;
  for (const AttributionRecord& x : v.a.attributions) {
    if (&x == &r || x.cue_byte_end == 0 || x.cue_byte_end > before || x.source.kind != SourceKind::kAnonymous) continue;
    uint32_t pp = ParagraphAt(v, TokenAtByte(v, x.cue_byte_begin));
    if (pp != UINT32_MAX && pp + 3 >= para) return true;
  }
  return false;
}

// A speaker for the words of quote `qi`'s attribution r (tokens [b, e)): "they" after an
// unnamed source, a name, a pronoun or a descriptor (PersonForWords), "the statement" as the
// speaker before. False when none.
bool SpeakerForWords(DocView& v, size_t qi, AttributionRecord* r, uint32_t b, uint32_t e, uint32_t para) {
  // A continuation carries the words of the quotation before it: it keeps that one's reading.
  if (qi > 0 && v.a.quotes[qi - 1].speaker.byte_begin == r->source.byte_begin &&
      v.a.quotes[qi - 1].speaker.byte_end == r->source.byte_end) {
    const Attribution& before = v.a.quotes[qi - 1].speaker;
    if (before.kind != SourceKind::kUnknown) SetSpeaker(v, r, before);
    return before.kind != SourceKind::kUnknown;
  }
  const Attribution* source = v.lower[b] == "they" && e == b + 1 ? RecentAnonymous(v, *r, para) : nullptr;
  if (source) {
    Attribution s = *source;  // the words stay this quote's own
    s.text = r->source.text, s.byte_begin = r->source.byte_begin, s.byte_end = r->source.byte_end;
    SetSpeaker(v, r, s);
    return true;
  }
  // A "they" near an unnamed source is that source's singular "they" even when RecentAnonymous
  // saw someone else's cue last ("The source revealed both X and Y are frustrated. “…,” they
  // added."): no pair is read for it.
  if (v.lower[b] == "they" && e == b + 1 && AnonymousSpokeNear(v, *r, para)) return false;
  const Attribution* prev = PreviousSpeaker(v, qi, para);
  int32_t p = PersonForWords(v, b, e, prev && prev->kind == SourceKind::kNamed ? prev->entity_idx : -1,
                             RecentSpeakers(v, qi, para));
  auto writing = v.lex.source_nouns.find(v.lower[e - 1]);
  if (p >= 0 || p == kNameOnly) {
    Attribution s = r->source;
    s.kind = SourceKind::kNamed;
    s.entity_idx = std::max(p, -1);
    SetSpeaker(v, r, s);
    return true;
  }
  if (writing == v.lex.source_nouns.end() || writing->second != SourceNounKind::kWriting) return false;
  // "…," Kim's lawsuit read, "…," her statement added: the possessor's words.
  for (uint32_t k = b + 1; k < e; ++k)
    if (int32_t owner = v.PossessorBefore(k); owner >= 0) {
      SetSpeaker(v, r, NamedSpeaker(owner));
      return true;
    }
  // "…," the statement added: the words of whoever spoke the quotation before (a latest speaker
  // further back was tried: statements and letters are as often another party's).
  if (prev) SetSpeaker(v, r, *prev);
  return prev != nullptr;
}

// The quotation qi between two quotations of one speaker: the nearest quotation before it with
// a person of the article or an unnamed source as speaker, and the nearest after it with any
// known speaker, both at most three paragraphs away, have the same speaker; no other voice
// speaks between them ("…," the cop said); the quotation does
// not speak of that person in the third person. A direct attribution with a speaker or words,
// or an indirect one with a speech or writing cue of the lexicon, is another voice. That speaker ("…," the insider said. Author's
// paragraph. “…” Author's paragraph. “…,” the insider added.), else nullptr.
const Attribution* SpeakerBetween(const DocView& v, size_t qi, uint32_t qb, uint32_t qe, uint32_t para) {
  if (qi == 0 || qi + 1 >= v.a.quotes.size()) return nullptr;
  size_t pi = qi - 1, ni = qi + 1;
  while (pi > 0 && v.a.quotes[pi].speaker.kind == SourceKind::kUnknown && v.a.quotes[pi].speaker.byte_end == 0) --pi;
  while (ni + 1 < v.a.quotes.size() && v.a.quotes[ni].speaker.kind == SourceKind::kUnknown &&
         v.a.quotes[ni].speaker.byte_end == 0)
    ++ni;
  const Quote& pq = v.a.quotes[pi];
  const Quote& nq = v.a.quotes[ni];
  if (!SameSource(pq.speaker, nq.speaker)) return nullptr;
  uint32_t pp = ParagraphAt(v, TokenAtByte(v, pq.byte_begin)), np = ParagraphAt(v, TokenAtByte(v, nq.byte_begin));
  if (pp == UINT32_MAX || np == UINT32_MAX || pp + 3 < para || np > para + 3) return nullptr;
  for (uint32_t x = pp; x <= np; ++x)
    if (v.a.layout.paragraphs[x].kind != BlockKind::kBody) return nullptr;
  for (const AttributionRecord& r : v.a.attributions) {
    if (r.cue_byte_end == 0 || r.cue_byte_begin < pq.byte_end || r.cue_byte_end > nq.byte_begin) continue;
    if (r.quote_idx >= 0 && v.a.quotes[r.quote_idx].byte_begin == nq.byte_begin) continue;  // the next quote's cue
    // Another quotation's speaker, or another source of a speech verb ("Kim told X that …");
    // not a learned cue's guess over the author's narration ("she turned to drugs").
    bool words = r.source.byte_end > r.source.byte_begin;
    const CueVerb* cue = v.lex.Cue(v.lower[TokenAtByte(v, r.cue_byte_begin)]);
    bool voice = r.kind == AttributionKind::kDirect ? r.source.kind != SourceKind::kUnknown || words
                                                     : r.source.kind != SourceKind::kUnknown && cue &&
                                                           (cue->cls == CueClass::kSpeech || cue->cls == CueClass::kWriting);
    if (voice && !SameSource(r.source, pq.speaker)) return nullptr;
  }
  if (pq.speaker.kind == SourceKind::kNamed && SpeaksOf(v, qb, qe, pq.speaker.entity_idx)) return nullptr;
  return &pq.speaker;
}

// The interviewee of a question-and-answer article: the person of the article who speaks the
// most quotations, at least two and more than half of those with a named speaker. -1 otherwise.
int32_t MainSpeaker(const DocView& v) {
  std::vector<uint32_t> count(v.a.local_entities.size(), 0);
  uint32_t named = 0;
  int32_t best = -1;
  for (const Quote& q : v.a.quotes) {
    if (q.speaker.kind != SourceKind::kNamed || q.speaker.entity_idx < 0) continue;
    ++named;
    int32_t e = q.speaker.entity_idx;
    if (++count[e] > (best < 0 ? 0 : count[best])) best = e;
  }
  return best >= 0 && count[best] >= 2 && 2 * count[best] > named ? best : -1;
}

// Is body paragraph `para` an interviewer's question: no quotation (a quoted title may stand
// there), its last word a "?" ("Did you know there is a course called ‘Harbor Studies’?")?
bool IsQuestionParagraph(const DocView& v, uint32_t para) {
  const Paragraph& p = v.a.layout.paragraphs[para];
  if (p.kind != BlockKind::kBody || p.sentence_end <= p.sentence_begin) return false;
  const uint32_t b = v.a.layout.sentences[p.sentence_begin].token_begin;
  const uint32_t e = v.a.layout.sentences[p.sentence_end - 1].token_end;
  for (uint32_t k = b; k < e; ++k)
    if (v.quote_at[k] >= 0 && v.quote_record[v.quote_at[k]] >= 0) return false;
  return e > b && v.IsPunct(e - 1, "?");
}

// An answer in a question-and-answer article: the quotation opens body paragraph `para` right
// after the interviewer's question paragraph; the article's main speaker (MainSpeaker), unless
// the answer speaks of them in the third person. -1 otherwise.
int32_t InterviewAnswerSpeaker(const DocView& v, uint32_t qb, uint32_t qe, uint32_t para, int32_t main_speaker) {
  if (main_speaker < 0 || para == 0 || !IsQuestionParagraph(v, para - 1)) return -1;
  const Paragraph& p = v.a.layout.paragraphs[para];
  if (p.kind != BlockKind::kBody || v.a.layout.sentences[p.sentence_begin].token_begin != qb) return -1;
  return SpeaksOf(v, qb, qe, main_speaker) ? -1 : main_speaker;
}

// The late sieves, once the runs are read: a quotation between two of one speaker's
// (SpeakerBetween); an interviewee's answer after a question paragraph (InterviewAnswerSpeaker).
void SpeakLateQuotes(DocView& v, const std::vector<int32_t>& record_of) {
  const int32_t main_speaker = MainSpeaker(v);
  for (size_t qi = 0; qi < v.a.quotes.size(); ++qi) {
    if (record_of[qi] < 0 || v.quote_fragment[qi]) continue;
    AttributionRecord& r = v.a.attributions[record_of[qi]];
    if (r.source.kind != SourceKind::kUnknown || r.source.byte_end > r.source.byte_begin) continue;
    uint32_t qb = TokenAtByte(v, r.content_byte_begin), qe = TokenAtByte(v, r.content_byte_end);
    if (qb >= qe || qb >= v.size() || !OpensSentence(v, qb)) continue;
    uint32_t para = ParagraphAt(v, qb);
    if (para == UINT32_MAX || v.a.layout.paragraphs[para].kind != BlockKind::kBody) continue;
    if (const Attribution* a = SpeakerBetween(v, qi, qb, qe, para)) {
      Attribution s = *a;
      SetSpeaker(v, &r, s);
    } else if (int32_t p = InterviewAnswerSpeaker(v, qb, qe, para, main_speaker); p >= 0) {
      SetSpeaker(v, &r, NamedSpeaker(p));
    }
  }
}

}  // namespace

void ResolveQuoteSpeakers(DocView& v) {
  std::vector<int32_t> record_of(v.a.quotes.size(), -1);  // quote -> its attribution
  for (size_t i = 0; i < v.a.attributions.size(); ++i)
    if (v.a.attributions[i].kind == AttributionKind::kDirect && v.a.attributions[i].quote_idx >= 0)
      record_of[v.a.attributions[i].quote_idx] = static_cast<int32_t>(i);
  for (size_t qi = 0; qi < v.a.quotes.size(); ++qi) {
    if (record_of[qi] < 0) continue;
    AttributionRecord& r = v.a.attributions[record_of[qi]];
    if (r.source.kind != SourceKind::kUnknown) continue;
    uint32_t qb = TokenAtByte(v, r.content_byte_begin), qe = TokenAtByte(v, r.content_byte_end);
    if (qb >= qe || qb >= v.size()) continue;
    uint32_t para = ParagraphAt(v, qb);
    if (para == UINT32_MAX) continue;
    if (r.source.byte_end > r.source.byte_begin) {
      uint32_t b = TokenAtByte(v, r.source.byte_begin), e = TokenAtByte(v, r.source.byte_end);
      if (b < e && e <= v.size()) SpeakerForWords(v, qi, &r, b, e, para);
      continue;
    }
    if (const Attribution* a = SpeakerOfRun(v, qi, r, qb, para)) SetSpeaker(v, &r, *a);
    else if (const Attribution* a = LeadInSource(v, qb, qe)) SetSpeaker(v, &r, *a);
    else if (int32_t p = v.quote_fragment[qi] ? -1 : LabelSpeaker(v, qb, para); p >= 0) SetSpeaker(v, &r, NamedSpeaker(p));
  }
  SpeakLateQuotes(v, record_of);
  // Last, a partial quotation the sentence around it gives to someone (QuoteSpeaker::TryInSentence).
  for (size_t qi = 0; qi < v.a.quotes.size(); ++qi) {
    if (record_of[qi] < 0 || qi >= v.quote_in_sentence.size() || v.quote_in_sentence[qi].kind == SourceKind::kUnknown)
      continue;
    AttributionRecord& r = v.a.attributions[record_of[qi]];
    if (r.source.kind == SourceKind::kUnknown) SetSpeaker(v, &r, v.quote_in_sentence[qi]);
  }
}

}  // namespace hearsay::extract
