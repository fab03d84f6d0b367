// Quotes and their speakers: cue after ("...," one added), cue before ("A source told us:"),
// cue inside ("...," he said, "..."), continuation paragraphs, and the quote that lost its
// opening mark (the span then starts at the sentence of its closing mark).
#include <algorithm>
#include <cctype>
#include <climits>
#include <set>
#include <string>

#include "extract/internal/passes.h"

namespace hearsay::extract {
namespace {

struct TokRange {
  uint32_t b = 0, e = 0;
};

TokRange TokensOf(const DocView& v, uint32_t byte_b, uint32_t byte_e) {
  const auto& t = v.toks;
  auto lb = std::lower_bound(t.begin(), t.end(), byte_b, [](const Token& k, uint32_t x) { return k.byte_begin < x; });
  auto le = std::lower_bound(t.begin(), t.end(), byte_e, [](const Token& k, uint32_t x) { return k.byte_begin < x; });
  return {static_cast<uint32_t>(lb - t.begin()), static_cast<uint32_t>(le - t.begin())};
}

uint32_t ParagraphOf(const DocView& v, uint32_t tok) {
  uint32_t s = v.sent_of[tok];
  return s == UINT32_MAX ? UINT32_MAX : v.a.layout.sentences[s].paragraph_idx;
}

// A source that may speak a quote: anything resolved, or an unresolved personal pronoun.
bool Usable(const Attribution& a) {
  if (a.kind != SourceKind::kUnknown) return true;
  return a.text == "he" || a.text == "she" || a.text == "He" || a.text == "She";
}

// A cue of a quotation at tok: a speech, writing or belief word of the lexicon, or with
// `mined` a word mined as the cue of PolNeAR's quotations (quote_cues.tsv: asked only right
// after a quotation, `…," she lamented`, where the construction itself says speech; before a
// quotation such words also name things: "a poll found"); not after a copula, "to" or an article
// ("was told", "the statement").
bool IsCueAt(const DocView& v, uint32_t tok, bool mined = false) {
  const CueVerb* c = v.lex.Cue(v.lower[tok]);
  if (c ? c->cls == CueClass::kDenial : !(mined && v.lex.quote_cues.count(v.lower[tok]))) return false;
  if (tok > 0) {
    const std::string& p = v.lower[tok - 1];
    if (p == "is" || p == "was" || p == "are" || p == "were" || p == "been" || p == "to" || p == "the" || p == "a")
      return false;
  }
  return true;
}

// Words that make a sentence about a person's speaking: "X addressed the subject on a
// podcast", "X opened up in an interview", "X spoke about it in a statement".
bool IsTalkWord(const DocView& v, uint32_t k) {
  static const std::set<std::string> kTalk = {
      "addressed", "addresses", "spoke", "speaks", "talked", "talks", "discussed", "discusses", "opened",
      "reflected", "recalled", "interview", "podcast", "statement", "post", "posted", "wrote", "writes", "essay"};
  const CueVerb* c = v.lex.Cue(v.lower[k]);
  return kTalk.count(v.lower[k]) > 0 || (c && c->cls == CueClass::kSpeech);
}

// The person who speaks the quotes of paragraph `para` when the paragraph before it leads in to
// them: a body paragraph without quotes whose last sentence opens with a person (a name or a
// pronoun) and holds a talk word. -1 otherwise.
int32_t LeadInSpeaker(const DocView& v, uint32_t para) {
  if (para == 0) return -1;
  const Paragraph& prev = v.a.layout.paragraphs[para - 1];
  if (prev.kind != BlockKind::kBody || prev.sentence_end <= prev.sentence_begin) return -1;
  const Sentence& last = v.a.layout.sentences[prev.sentence_end - 1];
  uint32_t b = last.token_begin;
  if (b >= last.token_end || DocView::IsPossessivePronoun(v.lower[b])) return -1;
  int32_t person = v.PersonAt(b);
  if (person < 0) return -1;
  bool talk = false;
  for (uint32_t k = prev.sentence_begin < prev.sentence_end ? v.a.layout.sentences[prev.sentence_begin].token_begin : b;
       k < last.token_end; ++k) {
    if (v.quote_at[k] >= 0) return -1;
    if (k >= b && IsTalkWord(v, k)) talk = true;
  }
  return talk ? person : -1;
}

// The one person that sentences [sb, se) name outside quotation marks (a name, or a pronoun
// resolved to one; a possessive counts), -1 when they name none or several.
int32_t SolePerson(const DocView& v, uint32_t sb, uint32_t se) {
  int32_t sole = -1;
  for (uint32_t s = sb; s < se; ++s) {
    const Sentence& sn = v.a.layout.sentences[s];
    for (uint32_t k = sn.token_begin; k < sn.token_end; ++k) {
      if (v.quote_at[k] >= 0) continue;
      int32_t p = v.PersonAt(k);
      if (p < 0) continue;
      if (sole >= 0 && p != sole) return -1;
      sole = p;
    }
  }
  return sole;
}

// Does paragraph `para` name anyone (any mention) outside quotation marks?
bool NamesAnyone(const DocView& v, const Paragraph& p) {
  for (uint32_t s = p.sentence_begin; s < p.sentence_end; ++s)
    for (uint32_t k = v.a.layout.sentences[s].token_begin; k < v.a.layout.sentences[s].token_end; ++k)
      if (v.quote_at[k] < 0 && v.mention_at[k] >= 0) return true;
  return false;
}

// The speaker of a quote that no cue speaks, from its paragraph `para` (the paragraph sieves of
// quote attribution): the one person the paragraph names outside quotations; else, for a quote
// opening a paragraph that names nobody outside quotations, the one person the last sentence of
// the body paragraph before it names. -1 when neither holds.
int32_t ParagraphSpeaker(const DocView& v, uint32_t para, bool opens_paragraph) {
  const Paragraph& p = v.a.layout.paragraphs[para];
  if (p.kind != BlockKind::kBody || p.sentence_end <= p.sentence_begin) return -1;
  int32_t sole = SolePerson(v, p.sentence_begin, p.sentence_end);
  if (sole >= 0 || !opens_paragraph || para == 0 || NamesAnyone(v, p)) return sole;
  const Paragraph& prev = v.a.layout.paragraphs[para - 1];
  if (prev.kind != BlockKind::kBody || prev.sentence_end <= prev.sentence_begin) return -1;
  return SolePerson(v, prev.sentence_end - 1, prev.sentence_end);
}

// The person who introduces a quotation after a colon, in the quote's sentence or the one before
// it ending in ':' ("X congratulated Y on the win: “…”", "to which X responds: “…”", "It is from
// the poet X: “…”"), in a body paragraph: of the people named in the clause before the colon
// (outside quotations, not possessives), the last one that stands right before the colon, or
// that opens the clause (or follows a comma or a conjunction there) before a word that is no
// preposition, conjunction or article (the subject of a verb, not an object). -1 when none.
int32_t ColonSpeaker(const DocView& v, uint32_t qb) {
  static const std::set<std::string> kFunction = {"for", "with", "to", "of", "in", "on", "at", "from", "by", "about",
                                                  "and", "or", "but", "the", "a", "an", "as", "after", "before", "over"};
  if (qb == 0 || !v.IsPunct(qb - 1, ":")) return -1;
  const uint32_t colon = qb - 1;
  uint32_t b = colon;
  while (b > 0 && v.quote_at[b - 1] < 0 && !v.IsClauseBreak(b - 1) && !v.IsPunct(b - 1, ".") && colon - b < 40) --b;
  if (v.sent_of[colon] == UINT32_MAX ||
      v.a.layout.paragraphs[v.a.layout.sentences[v.sent_of[colon]].paragraph_idx].kind != BlockKind::kBody)
    return -1;
  int32_t best = -1;
  for (uint32_t k = b; k < colon; ++k) {
    int32_t p = v.PersonAt(k);
    if (p < 0 || DocView::IsPossessivePronoun(v.lower[k]) || v.mention_at[k] < 0) continue;
    uint32_t e = v.MentionEnd(k);
    if (e > colon) break;
    // A subject opens the clause, follows a comma ("In 2013, X took …") or a conjunction there
    // ("…, but X swooped in …"); an object ("congratulated Y for …") does not.
    uint32_t before = k > b && (v.lower[k - 1] == "but" || v.lower[k - 1] == "and" || v.lower[k - 1] == "so") ? k - 1 : k;
    bool subject = before == b || v.IsPunct(before - 1, ",");
    if (e == colon || (subject && v.IsWord(e) && !v.IsCap(e) && !kFunction.count(v.lower[e]) && v.lower[e] != "'s"))
      best = p;
    k = e - 1;
  }
  return best;
}

}  // namespace

bool SpeaksOf(const DocView& v, uint32_t qb, uint32_t qe, int32_t person) {
  const std::string& g = v.a.local_entities[person].gender;
  for (uint32_t k = qb; k < qe && k < v.size(); ++k) {
    const std::string& w = v.lower[k];
    if (w == "i" || w == "me" || w == "my" || w == "we" || w == "us" || w == "our") continue;
    if (v.PersonAt(k) == person) return true;
    bool male = w == "he" || w == "him" || w == "his", female = w == "she" || w == "her" || w == "hers";
    if ((male && g != "female") || (female && g != "male")) return true;
  }
  return false;
}

void SpeakQuotesFromParagraphs(DocView& v) {
  for (AttributionRecord& r : v.a.attributions) {
    if (r.kind != AttributionKind::kDirect || r.quote_idx < 0 || r.source.kind != SourceKind::kUnknown ||
        r.source.byte_end > r.source.byte_begin)
      continue;
    TokRange t = TokensOf(v, r.content_byte_begin, r.content_byte_end);
    if (t.b >= t.e || t.b >= v.size()) continue;
    uint32_t para = ParagraphOf(v, t.b);
    if (para == UINT32_MAX) continue;
    // Only a quotation opening its sentence, or after a colon: a phrase quoted inside a sentence
    // ("called it “…”") is the author's report of someone's words, speaker unknown there.
    const Sentence& qs = v.a.layout.sentences[v.sent_of[t.b]];
    if (t.b != qs.token_begin && !(t.b > 0 && v.IsPunct(t.b - 1, ":"))) continue;
    int32_t person = ColonSpeaker(v, t.b);
    if (person < 0) {
      person = ParagraphSpeaker(v, para, v.a.layout.paragraphs[para].byte_begin == r.content_byte_begin);
      if (person < 0 || SpeaksOf(v, t.b, t.e, person)) continue;
    }
    r.source = Attribution{};
    r.source.kind = SourceKind::kNamed;
    r.source.entity_idx = person;
    v.a.quotes[r.quote_idx].speaker = r.source;
  }
}

namespace {

// The speech verb of the quote over tokens [qb, qe), read from the parse: the nearest cue
// word outside the quote, in the sentences the quote touches, that heads a word inside it
// (the quote is its ccomp or object) or whose head lies inside it (`"...," she said` is
// parataxis of the quote's main verb). -1 when none, or the sentences were not parsed.
int ParseCue(const DocView& v, uint32_t qb, uint32_t qe) {
  const auto& words = v.a.syntax.words;
  auto inside = [&](int w) { return w >= 0 && words[w].token >= qb && words[w].token < qe; };
  int best = -1;
  uint32_t best_dist = UINT32_MAX;
  for (uint32_t s = v.sent_of[qb]; s != UINT32_MAX && s <= v.sent_of[qe - 1] && s < v.a.syntax.sentences.size(); ++s) {
    const syntax::SentenceParse& sp = v.a.syntax.sentences[s];
    if (!sp.parsed) continue;
    for (uint32_t w = sp.word_begin; w < sp.word_end; ++w) {
      uint32_t tok = words[w].token;
      if ((tok >= qb && tok < qe) || !IsCueAt(v, tok)) continue;
      bool linked = inside(words[w].head);
      for (int c : v.tree.Children(int(w))) linked = linked || inside(c);
      uint32_t dist = tok < qb ? qb - tok : tok - qe;
      if (linked && dist < best_dist) {
        best = int(w);
        best_dist = dist;
      }
    }
  }
  return best;
}

}  // namespace

bool SubjectTokens(const DocView& v, int cue, uint32_t qb, uint32_t qe, uint32_t* b, uint32_t* e) {
  // A subject outside the quote, nearest the cue, else the tree's subject.
  int subj = -1;
  for (int c : v.tree.ChildrenWith(cue, syntax::Rel::kNsubj)) {
    uint32_t t = v.a.syntax.words[c].token;
    if (t >= qb && t < qe) continue;
    if (subj < 0 || std::abs(c - cue) < std::abs(subj - cue)) subj = c;
  }
  if (subj < 0) subj = v.tree.Subject(cue);
  if (subj < 0) return false;
  const auto& words = v.a.syntax.words;
  const uint32_t ct = words[cue].token, stok = words[subj].token;
  auto [lo, hi] = v.tree.Span(subj);
  uint32_t tb = words[lo].token, te = words[hi].token + 1;
  if (stok < ct) te = std::min(te, ct);
  else tb = std::max(tb, ct + 1);
  for (uint32_t k = stok; k > tb; --k)
    if (v.toks[k - 1].kind == TokenKind::kQuote) { tb = k; break; }
  for (uint32_t k = stok; k < te; ++k)
    if (v.toks[k].kind == TokenKind::kQuote) { te = k; break; }
  *b = tb;
  *e = te;
  return tb < te;
}

namespace {

// One quote span of the text stage, as FindQuotes reads it: tokens [qb, qe) with the marks,
// the words inside [inner_b, inner_e), and what makes it a quotation rather than a title.
struct QuoteSpanView {
  uint32_t qi = 0, qb = 0, qe = 0, inner_b = 0, inner_e = 0, byte_b = 0, para = UINT32_MAX;
  uint32_t words = 0;
  bool title_case = true, in_title = false, ends_open = false;
  // A short quotation inside a sentence, neither opening it nor after a colon or a comma ("a
  // “for your consideration” push", "hits like “…”"): a term, a title or a phrase, spoken only
  // by a cue of its own or by the frame that reports its sentence.
  bool fragment = false;
};

// The span `qi` as tokens; false when it is nested in a quote already taken, is the shorter of
// two spans opening at one mark (a nested quotation cut it), or maps to no tokens.
bool ReadQuoteSpan(const DocView& v, uint32_t qi, uint32_t last_end_byte, QuoteSpanView* out) {
  const uint32_t n = v.size();
  const auto& w = v.lower;
  const auto& spans = v.a.layout.quote_spans;
  const QuoteSpan& qs = spans[qi];
  if (qs.byte_begin < last_end_byte) return false;  // nested inside a quote already taken
  // Of spans opening at one mark, the longest: a nested quotation cuts a shorter one at its
  // own opening mark ("“… see “that” happen.”").
  if (qi + 1 < spans.size() && spans[qi + 1].byte_begin == qs.byte_begin && spans[qi + 1].byte_end > qs.byte_end)
    return false;
  TokRange r = TokensOf(v, qs.byte_begin, qs.byte_end);
  if (r.b >= r.e || r.b >= n) return false;
  QuoteSpanView q;
  q.qi = qi;
  q.qb = r.b;
  q.qe = r.e;  // [qb, qe) includes the marks
  q.byte_b = qs.byte_begin;
  if (qs.missing_open) {
    // The opening mark is missing: the quote is the sentence holding the closing mark.
    uint32_t s = v.sent_of[q.qe - 1];
    if (s != UINT32_MAX && v.a.layout.sentences[s].token_begin > q.qb) {
      q.qb = v.a.layout.sentences[s].token_begin;
      q.byte_b = v.toks[q.qb].byte_begin;
    }
  }
  q.inner_b = qs.missing_open ? q.qb : q.qb + 1;
  q.inner_e = q.qe - 1;
  for (uint32_t k = q.inner_b; k < q.inner_e; ++k)
    if (v.IsWord(k)) {
      ++q.words;
      if (!v.IsCap(k) && w[k].size() > 3 && w[k] != "with" && w[k] != "from" && w[k] != "into" && w[k] != "over" &&
          w[k] != "upon" && w[k] != "onto")  // short prepositions stay lower case in titles
        q.title_case = false;
    }
  q.para = ParagraphOf(v, q.qb);
  q.in_title = q.para != UINT32_MAX && v.a.layout.paragraphs[q.para].kind != BlockKind::kBody;
  uint32_t last_inner = q.inner_e > q.inner_b ? q.inner_e - 1 : q.inner_b;
  q.ends_open = q.inner_e > q.inner_b && (w[last_inner] == "," || w[last_inner] == "?" || w[last_inner] == "!" ||
                                          w[last_inner] == "\xE2\x80\x94" || w[last_inner] == "-");
  uint32_t s = v.sent_of[q.qb];
  q.fragment = q.words < 8 && s != UINT32_MAX && v.a.layout.sentences[s].token_begin < q.qb &&
               !v.IsPunct(q.qb - 1, ":") && !v.IsPunct(q.qb - 1, ",");
  *out = q;
  return true;
}

// Finds the speaker of one quote span: the cue rules in order (label, parse, after/before,
// lead-ins, continuation), then an unresolved pronoun read from the quote before.
class QuoteSpeaker {
 public:
  QuoteSpeaker(DocView& v, PassState* st, const QuoteSpanView& q) : v_(v), st_(st), q_(q), n_(v.size()), w_(v.lower) {}

  // True when a rule found a speaker (in speaker, cue_b, cue_e). prev_quote indexes
  // v.a.quotes (-1 for none); prev_para is the paragraph it ends in.
  bool Find(int32_t prev_quote, uint32_t prev_para);

  Attribution speaker;
  uint32_t cue_b = 0, cue_e = 0;
  Attribution in_sentence;  // the late fallback (TryInSentence), kUnknown when none

 private:
  bool Take(Attribution a, uint32_t j, uint32_t limit = UINT32_MAX);
  bool TryAfter();
  bool AfterAppositive(uint32_t k);
  Attribution InvertedSpeaker(uint32_t j);
  bool CueIn(uint32_t sb, uint32_t limit);
  Attribution ParticipleSpeaker(uint32_t j);
  uint32_t ShapedCueAfter(uint32_t start, uint32_t* np_end) const;
  bool TryBefore();
  bool TryParse();
  bool TryLabel();
  bool TryLeadIn();
  bool TrySentenceLeadIn();
  bool TryInSentence();
  void FindInSentence();
  int GoverningCue() const;
  uint32_t ShapedCueBefore(uint32_t* np_b, uint32_t* np_e) const;
  bool TryContinuation(int32_t prev_quote, uint32_t prev_para);
  void PronounFromPrevious(int32_t prev_quote, uint32_t prev_para);

  DocView& v_;
  PassState* st_;
  const QuoteSpanView& q_;
  const uint32_t n_;
  const std::vector<std::string>& w_;
  Attribution pending_;  // unresolved words of a cue right after the quote (TryAfter)
  uint32_t pending_cue_ = UINT32_MAX;
};

// Takes `a` as the speaker with the cue at token j, with the outlet it passed through
// ("a source told In Touch", looked for up to `limit`, else to the sentence's end) for
// anonymous and named sources.
bool QuoteSpeaker::Take(Attribution a, uint32_t j, uint32_t limit) {
  if (a.kind == SourceKind::kAnonymous || a.kind == SourceKind::kNamed) {
    uint32_t lim = limit != UINT32_MAX ? limit
                   : v_.sent_of[j] == UINT32_MAX ? n_ : v_.a.layout.sentences[v_.sent_of[j]].token_end;
    auto via = ViaOutletAfter(v_, j + 1, lim);
    if (via) AttachVia(st_, &a, *via);
  }
  speaker = a;
  cue_b = v_.toks[j].byte_begin;
  cue_e = v_.toks[j].byte_end;
  return true;
}

// `…," Ilse X, director of … and a lecturer at …, said.`: a name at k, its apposition between
// commas, then the cue.
bool QuoteSpeaker::AfterAppositive(uint32_t k) {
  if (!(k < n_ && v_.PersonAt(k) >= 0 && v_.MentionEnd(k) < n_ && v_.IsPunct(v_.MentionEnd(k), ","))) return false;
  uint32_t j = v_.MentionEnd(k) + 1;
  while (j < n_ && j < k + 40 && !v_.IsPunct(j, ",") && !v_.IsClauseBreak(j) && v_.toks[j].kind != TokenKind::kQuote) ++j;
  if (j + 1 < n_ && v_.IsPunct(j, ",") && IsCueAt(v_, j + 1)) {
    Attribution a = ResolveSource(v_, st_, k, v_.MentionEnd(k), j + 1);
    if (Usable(a)) return Take(a, j + 1);
  }
  return false;
}

// Inversion: the speaker follows the cue at j ("said Tom", "asks the tabloid", "added one").
Attribution QuoteSpeaker::InvertedSpeaker(uint32_t j) {
  uint32_t e = j + 1;
  while (e < n_ && e < j + 7 && !v_.IsClauseBreak(e) && w_[e] != "," && w_[e] != "of" && w_[e] != "about" &&
         w_[e] != "in" && w_[e] != "during" && w_[e] != "on" && w_[e] != "to" && w_[e] != "that" &&
         v_.toks[e].kind != TokenKind::kQuote)
    ++e;
  return ResolveSource(v_, st_, j + 1, e, j);
}

// Cue after: `…," one added`, `…," said Tom`, `…?" asks the tabloid`.
bool QuoteSpeaker::TryAfter() {
  uint32_t k = q_.qe;
  if (k < n_ && w_[k] == ",") ++k;
  uint32_t start = k;
  if (k >= n_ || ParagraphOf(v_, k) != ParagraphOf(v_, q_.qe - 1)) return false;
  if (AfterAppositive(k)) return true;
  uint32_t reach = k + 10;
  for (uint32_t j = k; j < n_ && j < reach; ++j) {
    if (v_.IsPunct(j, "(")) {  // a party and state after a name: "Rep. X (D-Wis.) said"
      uint32_t close = j + 1;
      while (close < n_ && close < j + 8 && !v_.IsPunct(close, ")")) ++close;
      if (close < n_ && v_.IsPunct(close, ")")) {
        reach += close + 1 - j;
        j = close;
        continue;
      }
    }
    if (v_.toks[j].kind == TokenKind::kQuote || w_[j] == "." || w_[j] == "!" || w_[j] == "?" || w_[j] == ";" ||
        w_[j] == ":")
      break;
    // A mined cue only in `…," she lamented`: after a quotation ending in a comma, "?" or "!",
    // at most four words on.
    if (!IsCueAt(v_, j, /*mined=*/q_.ends_open && j <= start + 4)) continue;
    // A new sentence after `."` only speaks for the quote when it starts with its cue.
    if (!q_.ends_open && j == start && v_.IsCap(j)) return false;
    Attribution a = j > start ? ResolveSource(v_, st_, start, j, j) : InvertedSpeaker(j);
    if (!Usable(a)) {
      // "…," the mayor said: words right before or after a cue right after the quote are
      // its speaker even when they name nobody, unless another rule finds one.
      if (q_.ends_open && j <= start + 4 && a.byte_end > a.byte_begin) pending_ = a, pending_cue_ = j;
      return false;
    }
    return Take(a, j);
  }
  uint32_t np_end = 0, verb = ShapedCueAfter(start, &np_end);
  if (verb == UINT32_MAX) return false;
  Attribution a = ResolveSource(v_, st_, start, np_end, verb);
  if (Usable(a)) return Take(a, verb);
  if (a.byte_end > a.byte_begin) pending_ = a, pending_cue_ = verb;
  return false;
}

// Is the word at tok shaped like a finite verb of speech: lower case letters only, at least
// min_len of them, ending in "-ed" or "-s" (not "-ss", "-us"), not a form of be/have/do or
// a verb of seeming or wanting ("tattled", "snipes", "raps")?
bool VerbShaped(const DocView& v, uint32_t tok, size_t min_len) {
  static const std::set<std::string> kNotSpeech = {"was", "has", "does", "is", "goes", "comes", "gets", "seems",
                                                   "looks", "needed", "wanted", "used"};
  const std::string& w = v.lower[tok];
  if (!v.IsWord(tok) || v.IsCap(tok) || w.size() < min_len || kNotSpeech.count(w)) return false;
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return w.ends_with("ed") || (w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("us"));
}

// `…," she expressed to X.`, `…," Voss snapped.`: right after a quotation ending in a comma, "?" or
// "!", a person (a name or "he"/"she"/"they"), perhaps an adverb, then a word shaped like a finite
// verb ("-ed", "-es", "-s"; not a form of be/have/do) and the end of the clause or a preposition:
// that construction says speech whatever the verb ("tattled", "snipes"). The verb's token, or
// UINT32_MAX when the words after the quote are not so shaped.
uint32_t QuoteSpeaker::ShapedCueAfter(uint32_t start, uint32_t* np_end) const {
  static const std::set<std::string> kAfter = {".", ",", "!", "?", ";", "to", "on", "in", "at", "during", "about",
                                               "of", "from", "before", "after", "while", "as", "when", "with", "via",
                                               "over", "later", "again", "back", "then", "in"};
  if (!q_.ends_open || start >= n_) return UINT32_MAX;
  uint32_t j = start;
  if (w_[j] == "he" || w_[j] == "she" || w_[j] == "they") ++j;
  else if (v_.mention_at[j] >= 0 && v_.PersonAt(j) >= 0) j = v_.MentionEnd(j);
  else return UINT32_MAX;
  *np_end = j;
  if (j < n_ && w_[j].size() > 4 && w_[j].ends_with("ly")) ++j;
  if (j + 1 >= n_ || !VerbShaped(v_, j, 5) || !(kAfter.count(w_[j + 1]) || v_.toks[j + 1].kind == TokenKind::kQuote))
    return UINT32_MAX;
  return j;
}

// A participle cue at j after a comma ("X walked on stage, chanting “…”"): the first person
// named in its sentence before it, past earlier quotations.
Attribution QuoteSpeaker::ParticipleSpeaker(uint32_t j) {
  Attribution a;
  for (uint32_t k = v_.a.layout.sentences[v_.sent_of[j]].token_begin; k + 1 < j && a.kind == SourceKind::kUnknown; ++k)
    if (v_.quote_at[k] < 0 && v_.PersonAt(k) >= 0 && !DocView::IsPossessivePronoun(w_[k]) &&
        !(v_.MentionEnd(k) < j && (w_[v_.MentionEnd(k)] == "'s" || w_[v_.MentionEnd(k)] == "'")))
      a = ResolveSource(v_, st_, k, v_.MentionEnd(k), j);
  return a;
}

// The first cue in tokens [sb, limit), nearest the quote first, whose subject resolves;
// appositive and inverted speakers ("Priya X, a publicist ..., said"; "said Tom:") as
// fallbacks.
bool QuoteSpeaker::CueIn(uint32_t sb, uint32_t limit) {
  for (uint32_t j = limit; j-- > sb;) {
    if (!IsCueAt(v_, j)) continue;
    uint32_t np_b = j;
    while (np_b > sb && !v_.IsPunct(np_b - 1, ",") && !v_.IsClauseBreak(np_b - 1)) --np_b;
    Attribution a = ResolveSource(v_, st_, np_b, j, j);
    if (a.kind == SourceKind::kUnknown && np_b > sb) {
      uint32_t first_comma = sb;
      while (first_comma < j && !v_.IsPunct(first_comma, ",")) ++first_comma;
      a = ResolveSource(v_, st_, sb, first_comma, j);
    }
    if (a.kind == SourceKind::kUnknown && np_b == j && j > sb && v_.IsPunct(j - 1, ",") && w_[j].size() > 4 &&
        w_[j].compare(w_[j].size() - 3, 3, "ing") == 0)
      a = ParticipleSpeaker(j);
    if (a.kind == SourceKind::kUnknown && np_b == j && j + 1 < limit &&
        (w_[j] == "said" || w_[j] == "says" || w_[j] == "asks" || w_[j] == "added")) {
      uint32_t e = j + 1;
      while (e < limit && !v_.IsPunct(e, ",") && !v_.IsPunct(e, ":")) ++e;
      a = ResolveSource(v_, st_, j + 1, e, j);
    }
    if (!Usable(a)) continue;
    return Take(a, j, limit);
  }
  return false;
}

// Cue before: `A source told us: "…"`, `He said about X: "…"`, `she mentioned, "…"`,
// `," he said, "…"` (the second half of a cue-inside quote), or a sentence ending in ':'
// right before a quote that opens its own sentence or paragraph.
bool QuoteSpeaker::TryBefore() {
  uint32_t s = v_.sent_of[q_.qb];
  if (s == UINT32_MAX) return false;
  uint32_t sb = v_.a.layout.sentences[s].token_begin;
  // Start after a quote that ends earlier in the same sentence.
  for (uint32_t k = q_.qb; k > sb; --k)
    if (v_.quote_at[k - 1] >= 0 && v_.quote_at[k - 1] != static_cast<int32_t>(q_.qi)) {
      sb = k;
      break;
    }
  if (sb < q_.qb) return CueIn(sb, q_.qb);
  if (s == 0) return false;
  const Sentence& ps = v_.a.layout.sentences[s - 1];
  if (ps.token_end == 0 || w_[ps.token_end - 1] != ":") return false;
  sb = ps.token_begin;
  for (uint32_t k = ps.token_end - 1; k > sb; --k)
    if (v_.quote_at[k - 1] >= 0) {
      sb = k;
      break;
    }
  return CueIn(sb, ps.token_end);
}

// From the parse: the speech verb linked to the quote and that verb's subject.
bool QuoteSpeaker::TryParse() {
  if (!v_.HasParse(q_.qb) && !v_.HasParse(q_.qe - 1)) return false;
  int cue = ParseCue(v_, q_.qb, q_.qe);
  uint32_t np_b, np_e;
  if (cue < 0 || !SubjectTokens(v_, cue, q_.qb, q_.qe, &np_b, &np_e)) return false;
  uint32_t j = v_.a.syntax.words[cue].token;
  if (np_b < q_.qe && np_e > q_.qb) return false;  // a subject inside the quote is a misparse
  Attribution a = ResolveSource(v_, st_, np_b, np_e, j);
  return Usable(a) && Take(a, j);
}

// A transcript's speaker label opening the quotation: `"KIM: …` (one to three capitalised
// words and a colon) naming a person of the article; a label in capitals names the person
// whose name holds it ("KIM" for Dana Kim).
bool QuoteSpeaker::TryLabel() {
  uint32_t colon = q_.inner_b;
  while (colon < q_.inner_e && colon < q_.inner_b + 3 && v_.IsWord(colon) && v_.IsCap(colon)) ++colon;
  if (colon == q_.inner_b || colon + 1 >= q_.inner_e || !v_.IsPunct(colon, ":")) return false;
  Attribution a = ResolveSource(v_, st_, q_.inner_b, colon, UINT32_MAX);
  if (a.kind != SourceKind::kNamed || a.entity_idx < 0) {
    bool capitals = true;
    for (uint32_t k = q_.inner_b; k < colon; ++k)
      for (char c : v_.Text(k)) capitals = capitals && !(c >= 'a' && c <= 'z');
    if (!capitals) return false;
    a.kind = SourceKind::kNamed;
    a.entity_idx = PersonNamedLike(v_, v_.Text(colon - 1));
  }
  return a.entity_idx >= 0 && Take(a, colon, colon + 1);  // only a person of the article
}

// A quote opening its paragraph with no cue of its own, after a paragraph whose last sentence
// has a person as its subject and speaks of talking ("X addressed the subject on a podcast."):
// that person speaks it.
bool QuoteSpeaker::TryLeadIn() {
  if (q_.para == UINT32_MAX || v_.a.layout.paragraphs[q_.para].byte_begin != q_.byte_b) return false;
  int32_t lead = LeadInSpeaker(v_, q_.para);
  if (lead < 0) return false;
  speaker.kind = SourceKind::kNamed;
  speaker.entity_idx = lead;
  return true;
}

// A quote opening a sentence of its paragraph, with no cue of its own, right after a
// quote-free sentence of that paragraph that opens with a named or unnamed source and its
// cue ("The insider states she wants in. “…”"): that source.
bool QuoteSpeaker::TrySentenceLeadIn() {
  if (q_.in_title) return false;
  uint32_t s = v_.sent_of[q_.qb];
  if (!(s != UINT32_MAX && s > 0 && v_.a.layout.sentences[s].token_begin == q_.qb &&
        v_.a.layout.sentences[s - 1].paragraph_idx == v_.a.layout.sentences[s].paragraph_idx))
    return false;
  const Sentence& ps = v_.a.layout.sentences[s - 1];
  for (uint32_t k = ps.token_begin; k < ps.token_end; ++k)
    if (v_.quote_at[k] >= 0) return false;
  // The sentence opens with the source and its cue: at most three words before the cue.
  for (uint32_t j = ps.token_begin; j < ps.token_end && j <= ps.token_begin + 3; ++j) {
    if (!IsCueAt(v_, j) || j == ps.token_begin) continue;
    const std::string& first = w_[ps.token_begin];  // a pronoun here is too weak a link
    if (first == "he" || first == "she" || first == "they" || first == "it" || first == "i" || first == "we") return false;
    Attribution a = ResolveSource(v_, st_, ps.token_begin, j, j);
    if (a.kind == SourceKind::kNamed || a.kind == SourceKind::kAnonymous) return Take(a, j, ps.token_end);
    return false;
  }
  return false;
}

// The quotation's head word in the parse: its one word (punctuation aside) whose head lies
// outside it, or the sentence's root; -1 when none, when several words lean outside (no
// constituent: a misparse), or the sentence was not parsed.
int QuoteHeadWord(const DocView& v, uint32_t qb, uint32_t qe, uint32_t inner_b, uint32_t inner_e) {
  const auto& words = v.a.syntax.words;
  int head = -1;
  for (uint32_t k = inner_b; k < inner_e; ++k) {
    int w = v.word_of_tok[k];
    if (w < 0 || words[w].upos == syntax::Upos::kPUNCT) continue;
    if (words[w].head < 0 || words[words[w].head].token < qb || words[words[w].head].token >= qe) {
      if (head >= 0) return -1;
      head = w;
    }
  }
  return head;
}

bool IsClausalRel(syntax::Rel r) {
  return r == syntax::Rel::kCcomp || r == syntax::Rel::kParataxis || r == syntax::Rel::kXcomp ||
         r == syntax::Rel::kAdvcl || r == syntax::Rel::kConj || r == syntax::Rel::kCsubj;
}

// The cue verb governing a quotation inside a sentence, from the parse: walking up from the
// quotation's head word, the nearest active verb that is a cue (lexicon or mined: "X said the
// tour was “…”", "X labeled the rumours “…”"), through clausal links, subjects and objects only
// past the first step; or the active verb right above the quotation when the quotation is its
// clause, complement or (after a comma or colon) object, and that verb comes at most five words
// before it with no punctuation between but the comma or colon ("he raps, “…”", "X called the
// rumours “…”"): that construction says whose words they are whatever the verb. No other
// quotation may stand between the cue and this one. -1 when none.
int QuoteSpeaker::GoverningCue() const {
  const auto& words = v_.a.syntax.words;
  const int head = QuoteHeadWord(v_, q_.qb, q_.qe, q_.inner_b, q_.inner_e);
  if (head < 0) return -1;
  const syntax::Rel first_rel = words[head].rel;
  auto clear_between = [&](uint32_t tok) {
    for (uint32_t k = std::min(tok, q_.qb) + 1; k < std::max(tok, q_.qb); ++k)
      if (v_.quote_at[k] >= 0) return false;
    return true;
  };
  for (int x = head, guard = 0; x >= 0 && guard < 64; ++guard) {
    const syntax::Word& w = words[x];
    if (w.head < 0) return -1;
    if (x != head && !IsClausalRel(w.rel) && w.rel != syntax::Rel::kNsubj && w.rel != syntax::Rel::kObj) return -1;
    x = w.head;
    const syntax::Word& h = words[x];
    if (h.upos != syntax::Upos::kVERB || v_.tree.IsPassive(x)) continue;
    if (IsCueAt(v_, h.token, /*mined=*/true)) return clear_between(h.token) ? x : -1;
    if (x != words[head].head || h.token >= q_.qb || h.token + 6 < q_.qb || h.lemma == "be" || h.lemma == "have" ||
        h.lemma == "do")
      continue;
    const bool marked = v_.IsPunct(q_.qb - 1, ",") || v_.IsPunct(q_.qb - 1, ":");
    bool core = (IsClausalRel(first_rel) && (marked || v_.IsWord(q_.qb - 1))) || (first_rel == syntax::Rel::kObj && marked);
    for (uint32_t k = h.token + 1; k + 1 < q_.qb && core; ++k) core = v_.IsWord(k) && v_.quote_at[k] < 0;
    if (core) return x;
  }
  return -1;
}

// Sets in_sentence when TryInSentence finds a speaker, leaving speaker and cue as they were.
void QuoteSpeaker::FindInSentence() {
  const Attribution saved = speaker;
  const uint32_t b = cue_b, e = cue_e;
  if (TryInSentence()) in_sentence = speaker;
  speaker = saved, cue_b = b, cue_e = e;
}

// Without a parse: does the quotation [qb, qe) read as a modifier or a prepositional object
// rather than a clause or an argument: a preposition right before it ("in “…”"), or after it a
// word that neither ends nor joins the clause ("a “…” push", "he “…” his girlfriend")?
bool QuotedAsModifier(const DocView& v, uint32_t qb, uint32_t qe) {
  static const std::set<std::string> kBefore = {"in", "on", "at", "with", "of", "for", "from", "by", "like", "about"};
  static const std::set<std::string> kJoins = {"and", "or", "but", "as", "because", "while", "when", "after", "before",
                                               "since", "if", "than", "that", "which", "who", "to", "in", "on", "at",
                                               "for", "with", "from", "by", "about", "of", "during", "outside", "over",
                                               "into", "until"};
  if (qb > 0 && kBefore.count(v.lower[qb - 1])) return true;
  return qe < v.size() && v.sent_of[qe] == v.sent_of[qb] && v.IsWord(qe) && !kJoins.count(v.lower[qe]);
}

// A cue before the quotation shaped like a verb of speech, without a parse: a person (a name,
// "he", "she"), perhaps an adverb, a finite-shaped verb (VerbShaped), at most four more words,
// then a comma or colon right before the quotation ("he raps, “…”", "Voss posted on Instagram:
// “…”"): the construction says speech whatever the verb. The verb's token, or UINT32_MAX.
uint32_t QuoteSpeaker::ShapedCueBefore(uint32_t* np_b, uint32_t* np_e) const {
  if (q_.qb < 3 || !(v_.IsPunct(q_.qb - 1, ",") || v_.IsPunct(q_.qb - 1, ":"))) return UINT32_MAX;
  const uint32_t sb = v_.SentenceOf(q_.qb).token_begin;
  for (uint32_t j = q_.qb - 1; j-- > sb && j + 6 >= q_.qb;) {
    if (!v_.IsWord(j) || v_.quote_at[j] >= 0) return UINT32_MAX;
    if (!VerbShaped(v_, j, 4)) continue;
    uint32_t k = j;
    if (k > sb && v_.lower[k - 1].size() > 4 && v_.lower[k - 1].ends_with("ly")) --k;
    if (k == sb) return UINT32_MAX;
    const std::string& p = v_.lower[k - 1];
    if (p == "he" || p == "she") *np_b = k - 1;
    else if (v_.PersonAt(k - 1) >= 0 && v_.MentionEnd(k - 1) == k && !v_.personal_pronoun[k - 1]) *np_b = v_.MentionBegin(k - 1);
    else return UINT32_MAX;
    *np_e = k;
    return j;
  }
  return UINT32_MAX;
}

// A quotation of three or more words inside a sentence (not opening it; no title, no heading):
// the source of its sentence's reporting frame when it lies in the frame's content and reads
// as a clause or an argument rather than a modifier (from the parse, else QuotedAsModifier;
// not after a colon: "X says the tour was “…”", not "a song with “…” lyrics") and no cue of the
// content speaks it; else the subject
// of the cue that governs it (GoverningCue) or of a verb-shaped cue right before it
// (ShapedCueBefore). A named source must be a person of the article the quotation does not speak
// of in the third person.
bool QuoteSpeaker::TryInSentence() {
  const uint32_t s = v_.sent_of[q_.qb];
  if (q_.in_title || q_.title_case || q_.words < 3 || s == UINT32_MAX || v_.a.layout.sentences[s].token_begin >= q_.qb)
    return false;
  auto fits = [&](const Attribution& a) {
    if (a.kind == SourceKind::kNamed) return a.entity_idx >= 0 && !SpeaksOf(v_, q_.qb, q_.qe, a.entity_idx);
    return Usable(a);
  };
  const bool parsed = v_.use_parse && v_.HasParse(q_.qb);
  const int head = parsed ? QuoteHeadWord(v_, q_.qb, q_.qe, q_.inner_b, q_.inner_e) : -1;
  const syntax::Rel rel = head >= 0 ? v_.a.syntax.words[head].rel : syntax::Rel::kDep;
  const bool argument = parsed ? IsClausalRel(rel) || rel == syntax::Rel::kObj || rel == syntax::Rel::kNsubj ||
                                     rel == syntax::Rel::kRoot
                               : !QuotedAsModifier(v_, q_.qb, q_.qe);
  if (argument && !v_.IsPunct(q_.qb - 1, ":") && st_->InFrame(s, q_.qb) && q_.qe <= st_->frames[s].content_end &&
      fits(st_->frames[s].source)) {
    // A cue inside the frame's content before the quotation gives the words to its own subject
    // ("According to the filing, Kim denied the claims and said Jo was “…”"): not the frame's.
    bool inner_cue = false;
    for (uint32_t k = st_->frames[s].content_tok; k < q_.qb && !inner_cue; ++k)
      inner_cue = k != st_->frames[s].cue_tok && v_.quote_at[k] < 0 && IsCueAt(v_, k, /*mined=*/true);
    if (!inner_cue) return Take(st_->frames[s].source, st_->frames[s].cue_tok);
  }
  uint32_t np_b, np_e;
  if (int cue = parsed ? GoverningCue() : -1; cue >= 0) {
    uint32_t j = v_.a.syntax.words[cue].token;
    if (SubjectTokens(v_, cue, q_.qb, q_.qe, &np_b, &np_e) && !(np_b < q_.qe && np_e > q_.qb)) {
      Attribution a = ResolveSource(v_, st_, np_b, np_e, j);
      if (fits(a)) return Take(a, j);
    }
  }
  uint32_t verb = ShapedCueBefore(&np_b, &np_e);
  if (verb == UINT32_MAX) return false;
  Attribution a = ResolveSource(v_, st_, np_b, np_e, verb);
  return fits(a) && Take(a, verb);
}

// Continuation: a quote opening a paragraph right after a paragraph that ended in a quote;
// a second quote in the sentence of the first (`…: "wriggle out of" … : "…"`); the quote
// after `"…," one said.` in the same paragraph.
bool QuoteSpeaker::TryContinuation(int32_t prev_quote, uint32_t prev_para) {
  if (!(prev_quote >= 0 && q_.para != UINT32_MAX && prev_para != UINT32_MAX)) return false;
  const uint32_t para = q_.para, byte_b = q_.byte_b, qb = q_.qb;
  const Quote& pq = v_.a.quotes[prev_quote];
  bool para_start = para == prev_para + 1 && v_.a.layout.paragraphs[para].byte_begin == byte_b;
  bool same_sentence = v_.sent_of[qb] != UINT32_MAX && pq.byte_end > 0 &&
                       v_.sent_of[TokensOf(v_, pq.byte_end - 1, pq.byte_end).b] == v_.sent_of[qb];
  bool after_cue = para == prev_para && pq.cue_byte_begin >= pq.byte_end && pq.cue_byte_end <= byte_b &&
                   TokensOf(v_, pq.byte_end, byte_b).e - TokensOf(v_, pq.byte_end, byte_b).b <= 12;
  // `"…," X said on Friday at a dinner in Y, where Z spoke. "…"`: a quote opening the
  // sentence right after the one holding the previous quote's cue (after that quote), in its
  // paragraph; the previous quote may itself run over several sentences.
  uint32_t s = v_.sent_of[qb];
  bool next_sentence = para == prev_para && s != UINT32_MAX && s > 0 && v_.a.layout.sentences[s].token_begin == qb &&
                       pq.cue_byte_begin >= pq.byte_end && v_.a.layout.sentences[s - 1].byte_begin <= pq.cue_byte_begin &&
                       pq.speaker.kind != SourceKind::kUnknown;
  if ((para_start || same_sentence || after_cue || next_sentence) &&
      (pq.speaker.kind != SourceKind::kUnknown || pq.speaker.byte_end > pq.speaker.byte_begin)) {
    speaker = pq.speaker;
    return true;
  }
  return false;
}

// An unresolved "he"/"she" as the speaker: the named speaker of the quote before, in this
// paragraph or the one before, when the gender agrees ("…," she added, after her quote); an
// unresolved "they" after an unnamed source's quote is that source (a singular "they").
void QuoteSpeaker::PronounFromPrevious(int32_t prev_quote, uint32_t prev_para) {
  if (!(speaker.kind == SourceKind::kUnknown && prev_quote >= 0 && q_.para != UINT32_MAX &&
        prev_para != UINT32_MAX && q_.para <= prev_para + 1))
    return;
  const Attribution& ps = v_.a.quotes[prev_quote].speaker;
  std::string pron = speaker.text;
  for (char& c : pron) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (pron == "they" && ps.kind == SourceKind::kAnonymous) {  // a source's singular "they"
    uint32_t wb = speaker.byte_begin, we = speaker.byte_end;
    speaker = ps;
    speaker.text = pron;
    speaker.byte_begin = wb;
    speaker.byte_end = we;
  }
  if ((pron == "he" || pron == "she") && ps.kind == SourceKind::kNamed && ps.entity_idx >= 0) {
    const std::string& g = v_.a.local_entities[ps.entity_idx].gender;
    if (g.empty() || g == (pron == "he" ? "male" : "female")) {
      speaker.kind = SourceKind::kNamed;
      speaker.entity_idx = ps.entity_idx;
    }
  }
}

bool QuoteSpeaker::Find(int32_t prev_quote, uint32_t prev_para) {
  bool found;
  if (TryLabel()) found = true;
  else if (v_.use_parse && TryParse()) found = true;
  else if (q_.ends_open) found = TryAfter() || TryBefore();
  else found = TryBefore() || TryAfter();
  if (!found && pending_cue_ != UINT32_MAX) found = Take(pending_, pending_cue_);
  if (!found) FindInSentence();
  if (q_.fragment) return found;  // no lead-in or run speaks a phrase inside a sentence
  if (!found) found = TryLeadIn();
  if (!found) found = TrySentenceLeadIn();
  if (!found) found = TryContinuation(prev_quote, prev_para);
  if (found) PronounFromPrevious(prev_quote, prev_para);
  return found;
}

// Appends the quote (and the citation of an outlet that speaks it) to the analysis.
void RecordQuote(DocView& v, const QuoteSpanView& span, const QuoteSpeaker& qs) {
  Quote q;
  q.byte_begin = span.byte_b;
  q.byte_end = v.a.layout.quote_spans[span.qi].byte_end;
  q.speaker = qs.speaker;
  q.cue_byte_begin = qs.cue_b;
  q.cue_byte_end = qs.cue_e;
  v.quote_record[span.qi] = static_cast<int32_t>(v.a.quotes.size());
  v.a.quotes.push_back(q);
  v.quote_fragment.push_back(span.fragment);
  v.quote_in_sentence.push_back(qs.in_sentence);
  const Attribution& speaker = qs.speaker;
  if (speaker.kind == SourceKind::kOutlet && !speaker.text.empty()) {
    uint32_t s = v.sent_of[span.qe - 1];
    uint32_t eb = s == UINT32_MAX ? q.byte_begin : v.a.layout.sentences[s].byte_begin;
    uint32_t ee = s == UINT32_MAX ? q.byte_end : v.a.layout.sentences[s].byte_end;
    std::string outlet = speaker.via_outlet ? *speaker.via_outlet : speaker.text;
    if (!(v.a.detected_outlet && *v.a.detected_outlet == outlet))
      v.a.citations.push_back(CitedOutlet{outlet, ProvenanceKind::kQuotes, std::min(eb, q.byte_begin), std::max(ee, q.byte_end)});
  }
}

}  // namespace

void FindQuotes(DocView& v, PassState* st) {
  const auto& spans = v.a.layout.quote_spans;
  uint32_t last_end_byte = 0;
  int32_t prev_quote = -1;  // index into v.a.quotes
  uint32_t prev_para = UINT32_MAX;
  for (uint32_t qi = 0; qi < spans.size(); ++qi) {
    QuoteSpanView span;
    if (!ReadQuoteSpan(v, qi, last_end_byte, &span)) continue;
    QuoteSpeaker finder(v, st, span);
    bool found = finder.Find(prev_quote, prev_para);
    // Scare quotes, titles and short headline fragments are not direct quotes.
    if (!found && (span.words < 4 || (span.title_case && span.words < 8) || (span.in_title && span.words < 4))) continue;
    if (!found) finder.speaker.kind = SourceKind::kUnknown;
    RecordQuote(v, span, finder);
    prev_quote = static_cast<int32_t>(v.a.quotes.size() - 1);
    prev_para = ParagraphOf(v, span.qe - 1);
    last_end_byte = spans[qi].byte_end;
  }
}

void DropUnspokenFragments(DocView& v) {
  std::vector<int32_t> new_index(v.a.quotes.size(), -1);
  std::vector<Quote> kept;
  for (size_t i = 0; i < v.a.quotes.size(); ++i) {
    const Quote& q = v.a.quotes[i];
    if (v.quote_fragment[i] && q.speaker.kind == SourceKind::kUnknown && q.speaker.byte_end <= q.speaker.byte_begin)
      continue;
    new_index[i] = static_cast<int32_t>(kept.size());
    kept.push_back(q);
  }
  if (kept.size() == v.a.quotes.size()) return;
  std::vector<bool> fragment(kept.size());
  std::vector<Attribution> in_sentence(kept.size());
  for (size_t i = 0; i < new_index.size(); ++i)
    if (new_index[i] >= 0) fragment[new_index[i]] = v.quote_fragment[i], in_sentence[new_index[i]] = v.quote_in_sentence[i];
  v.a.quotes = std::move(kept);
  v.quote_fragment = std::move(fragment);
  v.quote_in_sentence = std::move(in_sentence);
  for (int32_t& r : v.quote_record)
    if (r >= 0) r = new_index[r];
  auto& recs = v.a.attributions;
  std::erase_if(recs, [&](const AttributionRecord& r) {
    return r.kind == AttributionKind::kDirect && r.quote_idx >= 0 && new_index[r.quote_idx] < 0;
  });
  for (AttributionRecord& r : recs) {
    if (r.quote_idx < 0) continue;
    r.quote_idx = new_index[r.quote_idx];
    // Reported speech around a dropped phrase holds no quotation any more.
    if (r.quote_idx < 0 && r.kind == AttributionKind::kMixed) r.kind = AttributionKind::kIndirect;
  }
}

}  // namespace hearsay::extract
