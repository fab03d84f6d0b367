// The attribution records of a document (records.h AttributionRecord): one per direct quote
// (its speaker, cue and quotation) and one per reporting frame whose content lies outside
// quotation marks or holds a quotation spoken with another cue (kMixed).
#include <algorithm>
#include <set>

#include "extract/attribution_model.h"
#include "extract/internal/passes.h"

namespace hearsay::extract {
namespace {

bool IsPreposition(std::string_view w) {
  return w == "for" || w == "with" || w == "on" || w == "in" || w == "at" || w == "from" || w == "by" ||
         w == "during" || w == "since" || w == "after" || w == "before" || w == "to" || w == "into" || w == "over";
}

// Where a content running from `cb` to the sentence end [.., end) stops: at a comma opening
// another clause (", but", ", though", ", according to", ", saying", ", which"), or before the clause of
// the next cue of the sentence (`next_cue`).
uint32_t ContentEnd(const DocView& v, uint32_t cb, uint32_t end, uint32_t next_cue) {
  uint32_t last_comma = UINT32_MAX;
  for (uint32_t k = cb; k < end; ++k) {
    if (k == next_cue) return last_comma != UINT32_MAX ? last_comma : end;
    if (v.quote_at[k] >= 0) continue;
    if (v.IsClauseBreak(k) && k > cb) return k;  // " — an opportunity he missed", "; …"
    // "C and warned …": a second cue of the same subject ends the content.
    if (k > cb && v.lower[k] == "and" && k + 1 < end && v.quote_at[k + 1] < 0 && v.lex.Cue(v.lower[k + 1])) return k;
    if (!v.IsPunct(k, ",")) continue;
    last_comma = k;
    if (k + 1 >= end) continue;
    const std::string& n = v.lower[k + 1];
    if (n == "but" || n == "though" || n == "although" || n == "while" || n == "whereas" || n == "according" ||
        n == "saying" || n == "adding" || n == "even" || n == "which" || n == "who")
      return k;
  }
  return end;
}

void SortByContent(std::vector<AttributionRecord>* out) {
  std::stable_sort(out->begin(), out->end(), [](const AttributionRecord& x, const AttributionRecord& y) {
    return x.content_byte_begin < y.content_byte_begin;
  });
}

// A content opening with a prepositional phrase before its "that" ("said during a rally in
// Ohio that …"): the token after that "that" (within twelve words, no clause break between);
// else cb.
uint32_t AfterAdjunctThat(const DocView& v, uint32_t cb, uint32_t ce) {
  if (cb >= ce || !IsPreposition(v.lower[cb])) return cb;
  for (uint32_t k = cb + 1; k < ce && k < cb + 12; ++k) {
    if (v.IsClauseBreak(k) || v.quote_at[k] >= 0) break;
    if (v.lower[k] == "that") return k + 1;
  }
  return cb;
}

// A word that opens an adjunct, not a reported clause, right after a cue ("said when she left",
// "said Friday, as …", "said, looking out on the crowd"): a subordinator, a coordinator, a
// weekday or a participle in -ing.
bool OpensAdjunct(std::string_view w) {
  static const std::set<std::string_view> kWords = {"when", "while", "after", "before", "because",
                                                    "since", "until", "although", "though", "compared"};
  return kWords.count(w) > 0;
}

// Is [cb, ce) a content? No when it is a prepositional phrase right after the cue ending at
// `cue_e` ("said at a rally") or has fewer than three words.
bool IsContent(const DocView& v, uint32_t cue_e, uint32_t cb, uint32_t ce) {
  if (cb == cue_e && cb < ce && IsPreposition(v.lower[cb])) return false;
  if (cb == cue_e && cb < ce && OpensAdjunct(v.lower[cb])) return false;
  uint32_t words = 0;
  for (uint32_t k = cb; k < ce; ++k) words += v.IsWord(k);
  return words >= 3;
}

// The content of a frame in its sentence as tokens [*b, *e): "that" and a comma opening it and
// the sentence-final mark are no part of it. False when nothing is left.
bool FrameContent(const DocView& v, const PassState::Frame& f, const Sentence& sn, uint32_t* b, uint32_t* e) {
  uint32_t cb = std::max(f.content_tok, sn.token_begin);
  uint32_t ce = std::min(f.content_end, sn.token_end);
  while (cb < ce && (v.lower[cb] == "that" || v.lower[cb] == "," || v.lower[cb] == ":")) ++cb;
  while (ce > cb + 1 && v.toks[ce - 1].kind == TokenKind::kPunct) --ce;
  if (f.content_tok > f.cue_tok) {
    cb = AfterAdjunctThat(v, cb, ce);
    ce = ContentEnd(v, cb, ce, UINT32_MAX);
    if (!IsContent(v, f.cue_tok + 1, cb, ce)) return false;
  }
  *b = cb;
  *e = ce;
  return cb < ce;
}

// Words that are no cue on their own, only beside one ("has said", "did not deny"):
// auxiliaries, negators, adverbs in -ly, prepositions.
bool OnlyBesideCue(std::string_view w) {
  return w == "to" || w == "has" || w == "have" || w == "had" || w == "is" || w == "are" || w == "was" || w == "were" ||
         w == "be" || w == "been" || w == "do" || w == "does" || w == "did" || w == "will" || w == "would" ||
         w == "not" || w == "also" || w == "never" || w == "n't" || w == "didn't" || w == "doesn't" || w == "about" ||
         w == "out" || w == "upon" || w == "off" || w == "against" || (w.size() > 4 && w.substr(w.size() - 2) == "ly");
}

// A cue the model found: tokens [b, e) of sentence `s`.
struct CueRun {
  uint32_t b = 0, e = 0;
  float score = 0;  // the best score of its words
};

// The cues of the model in sentence [sb, se): candidate words outside quotations scoring over
// the threshold; adjacent ones form one cue ("has learned"), "according" takes its "to".
std::vector<CueRun> ModelCues(const DocView& v, const AttributionModel& model, uint32_t sb, uint32_t se,
                              std::vector<uint64_t>* features) {
  std::vector<CueRun> cues;
  int quote_mark = -1;  // computed on the first candidate
  for (uint32_t t = sb; t < se; ++t) {
    if (!v.IsWord(t) || v.quote_at[t] >= 0 || !model.IsCandidate(v.lower[t])) continue;
    if (quote_mark < 0) quote_mark = HasQuoteMark(v, sb, se);
    CueFeatures(v, t, quote_mark == 1, features);
    const float score = model.Score(*features);
    if (score <= model.threshold) continue;
    uint32_t e = t + 1;
    if (v.lower[t] == "according" && e < se && v.lower[e] == "to") ++e;
    if (!cues.empty() && cues.back().e == t) cues.back().e = e, cues.back().score = std::max(cues.back().score, score);
    else cues.push_back({t, e, score});
    t = e - 1;
  }
  std::erase_if(cues, [&](const CueRun& c) {
    for (uint32_t k = c.b; k < c.e; ++k)
      if (!OnlyBesideCue(v.lower[k])) return false;
    return true;
  });
  return cues;
}

bool NoThatUntil(const DocView& v, uint32_t b, uint32_t e) {
  for (uint32_t k = b; k < e; ++k)
    if (v.lower[k] == "that") return false;
  return true;
}

// The source words and the content of a model cue in its sentence, by the sentence's shape:
//   "according to X, CONTENT" / "CONTENT, according to X."
//   "CONTENT, said X."            (inverted after a comma)
//   "CONTENT, X said (Friday)."   (trailing: a comma before the subject, few words after)
//   "X said (to Y) (that) CONTENT"   (X back to a comma, a clause mark or the previous cue)
// Sets source [*src_b, *src_e) (maybe empty) and content [*cb, *ce). False when no content.
bool CueFrame(const DocView& v, CueRun cue, uint32_t prev_cue_end, uint32_t next_cue, uint32_t sb, uint32_t se, uint32_t* src_b,
              uint32_t* src_e, uint32_t* cb, uint32_t* ce) {
  const auto& w = v.lower;
  uint32_t end = se;  // without the sentence-final marks
  while (end > sb && (v.toks[end - 1].kind == TokenKind::kPunct || v.toks[end - 1].kind == TokenKind::kQuote)) --end;
  auto phrase_end = [&](uint32_t k) {
    while (k < end && !v.IsPunct(k, ",") && !v.IsClauseBreak(k) && v.quote_at[k] < 0) ++k;
    return k;
  };
  if (w[cue.b] == "according") {
    *src_b = cue.e;
    *src_e = phrase_end(cue.e);
    if (*src_e >= end) *cb = sb, *ce = cue.b > sb && v.IsPunct(cue.b - 1, ",") ? cue.b - 1 : cue.b;
    else *cb = *src_e + 1, *ce = end;
  } else if (cue.b > sb + 3 && v.IsPunct(cue.b - 1, ",") &&
             ((phrase_end(cue.e) >= end && end - cue.e <= 8) ||
              (cue.e < end && (v.IsCap(cue.e) || w[cue.e] == "a" || w[cue.e] == "an" || w[cue.e] == "the") &&
               NoThatUntil(v, cue.e, phrase_end(cue.e)) && (phrase_end(cue.e) >= end || v.IsPunct(phrase_end(cue.e), ","))))) {
    // "…, said X." / "…, said David X, an adviser to …": the speaker follows, the content precedes.
    *src_b = cue.e, *src_e = phrase_end(cue.e);
    *cb = sb, *ce = cue.b - 1;
  } else {
    // Back to the clause's start, the previous cue ("said he did not believe"), over a
    // parenthesis inside the phrase ("Sen. X (R-Ga.) said").
    uint32_t k = cue.b;
    while (k > sb && k > prev_cue_end && !v.IsPunct(k - 1, ",") && v.quote_at[k - 1] < 0) {
      if (v.IsPunct(k - 1, ")")) {
        uint32_t open = k - 1;
        while (open > sb && !v.IsPunct(open, "(")) --open;
        if (!v.IsPunct(open, "(") || open <= sb) break;
        k = open;
        continue;
      }
      if (v.IsClauseBreak(k - 1)) break;
      --k;
    }
    *src_b = k, *src_e = cue.b;
    if (k > sb + 3 && v.IsPunct(k - 1, ",") && end <= cue.e + 5) {
      *cb = sb, *ce = k - 1;
    } else {
      *cb = cue.e;
      for (uint32_t j = cue.e; j < end && j < cue.e + 5; ++j)
        if (w[j] == "that") { *cb = j + 1; break; }
      *cb = AfterAdjunctThat(v, *cb, end);
      while (*cb < end && (v.IsPunct(*cb, ",") || v.IsPunct(*cb, ":"))) ++*cb;
      *ce = ContentEnd(v, *cb, end, next_cue);
    }
  }
  return IsContent(v, cue.e, *cb, *ce);
}

// The frame of a model cue read from the parse, when its sentence was parsed: the content is
// the clause the cue governs (its ccomp: "X said [that CONTENT]"), or the clause the cue hangs
// on as parataxis ("CONTENT, X said"), cut at the cue's own words; the source words are the
// cue's subject (SubjectTokens), empty when it has none. Same outputs as CueFrame; false when
// the parse gives no clause, so the caller falls back to the sentence's shape.
bool ParseFrame(const DocView& v, CueRun cue, uint32_t se, uint32_t* src_b, uint32_t* src_e, uint32_t* cb,
                uint32_t* ce) {
  if (!v.use_parse || v.lower[cue.b] == "according") return false;
  int w = -1;  // the word of the run whose head lies outside it
  for (uint32_t k = cue.b; k < cue.e && w < 0; ++k) {
    if (!v.HasParse(k)) return false;
    int x = v.word_of_tok[k], h = v.tree.Head(x);
    if (h < 0 || v.a.syntax.words[h].token < cue.b || v.a.syntax.words[h].token >= cue.e) w = x;
  }
  if (w < 0) return false;
  const auto& words = v.a.syntax.words;
  int clause = v.tree.Child(w, syntax::Rel::kCcomp);
  bool inverted = false;
  if (clause < 0 && words[w].rel == syntax::Rel::kParataxis && v.tree.Head(w) >= 0 &&
      words[v.tree.Head(w)].token < cue.b) {
    clause = v.tree.Head(w);
    inverted = true;
  }
  if (clause < 0) return false;
  auto [lo, hi] = v.tree.Span(clause);
  uint32_t tb = words[lo].token, te = std::min(words[hi].token + 1, se);
  if (inverted) {
    auto [clo, chi] = v.tree.Span(w);
    te = std::min(te, words[clo].token);
  }
  if (tb < cue.e && te > cue.b && !inverted) tb = cue.e;  // a content never holds its cue
  while (tb < te && (v.lower[tb] == "that" || v.IsPunct(tb, ",") || v.IsPunct(tb, ":"))) ++tb;
  while (te > tb && (v.toks[te - 1].kind == TokenKind::kPunct || v.toks[te - 1].kind == TokenKind::kQuote) &&
         v.quote_at[te - 1] < 0)
    --te;
  if (!IsContent(v, cue.e, tb, te)) return false;
  *cb = tb;
  *ce = te;
  *src_b = *src_e = cue.b;
  uint32_t nb = 0, ne = 0;
  if (SubjectTokens(v, w, tb, te, &nb, &ne)) *src_b = nb, *src_e = ne;
  return true;
}

// The source of a participle cue opening an adjunct after a comma ("X vetoed the bill,
// arguing that …", "…, citing a report"): the main clause's subject, read as the first person
// named in the sentence before the cue outside quotations. Unknown otherwise.
Attribution ParticipleSource(const DocView& v, CueRun cue, const Sentence& sn) {
  const std::string& w = v.lower[cue.b];
  if (cue.b == sn.token_begin || !v.IsPunct(cue.b - 1, ",") || w.size() < 5 || w.compare(w.size() - 3, 3, "ing") != 0)
    return Attribution{};
  for (uint32_t k = sn.token_begin; k + 1 < cue.b; ++k) {
    if (v.quote_at[k] >= 0 || v.mention_at[k] < 0 || DocView::IsPossessivePronoun(v.lower[k])) continue;
    int32_t person = v.PersonAt(k);
    uint32_t e = v.MentionEnd(k);
    if (person < 0 || (e < cue.b && (v.lower[e] == "'s" || v.lower[e] == "'"))) continue;
    Attribution p;
    p.kind = SourceKind::kNamed;
    p.entity_idx = person;
    p.text = v.TextRange(v.MentionBegin(k), e);
    p.byte_begin = v.toks[v.MentionBegin(k)].byte_begin;
    p.byte_end = v.toks[e - 1].byte_end;
    return p;
  }
  return Attribution{};
}

// The source of a model cue: its phrase [src_b, src_e) resolved; when that names nobody and
// the phrase stands before the cue, the subject CueSubject reads ("X, a spokesman, said"), else
// the person opening the sentence when the cue's clause continues it ("X attacked Y and said
// …", "X, speaking Friday, said …"). An unresolved phrase keeps its words.
Attribution ModelCueSource(DocView& v, PassState* st, CueRun cue, const Sentence& sn, uint32_t src_b, uint32_t src_e) {
  Attribution a = src_e > src_b ? ResolveSource(v, st, src_b, src_e, cue.b) : Attribution{};
  if (a.kind != SourceKind::kUnknown || src_b > cue.b) return a;
  if (src_b == cue.b) {  // no phrase before the cue: a participle's clause subject, an apposition's head
    Attribution p = ParticipleSource(v, cue, sn);
    if (p.kind != SourceKind::kUnknown || cue.b == sn.token_begin || !v.IsPunct(cue.b - 1, ",")) return p;
  }
  // "X, who said …": the relative pronoun is the source's word, X its person.
  if (v.lower[src_b] == "who" && src_b >= 2 && v.IsPunct(src_b - 1, ",")) {
    int32_t antecedent = v.PersonAt(src_b - 2);
    a.kind = antecedent >= 0 ? SourceKind::kNamed : SourceKind::kUnknown;
    a.entity_idx = antecedent;
    a.text = v.TextRange(src_b, src_b + 1);
    a.byte_begin = v.toks[src_b].byte_begin;
    a.byte_end = v.toks[src_b].byte_end;
    return a;
  }
  uint32_t np_b = 0, np_e = 0;
  Attribution subject = CueSubject(v, st, sn.token_begin, cue.b, &np_b, &np_e);
  if (subject.kind != SourceKind::kUnknown) return subject;
  int32_t opener = v.PersonAt(sn.token_begin);
  if (opener < 0 || v.quote_at[sn.token_begin] >= 0) return a.byte_end > a.byte_begin ? a : subject;  // words kept
  Attribution p;
  p.kind = SourceKind::kNamed;
  p.entity_idx = opener;
  uint32_t e = v.MentionEnd(sn.token_begin);
  p.text = v.TextRange(sn.token_begin, e);
  p.byte_begin = v.toks[sn.token_begin].byte_begin;
  p.byte_end = v.toks[e - 1].byte_end;
  return p;
}

// A quotation signed after a dash, in its paragraph: "“…” ― Dana Whitfield" (the name up to the
// line's end or a comma). Sets the attribution's and its quote's speaker when the name resolves.
void SignedQuote(DocView& v, PassState* st, AttributionRecord* r) {
  const auto& toks = v.toks;
  uint32_t qe = static_cast<uint32_t>(std::lower_bound(toks.begin(), toks.end(), r->content_byte_end,
                                                       [](const Token& t, uint32_t x) { return t.byte_begin < x; }) -
                                      toks.begin());
  if (qe + 1 >= v.size() || qe == 0 || v.sent_of[qe] == UINT32_MAX) return;
  const std::string& dash = v.lower[qe];
  if (dash != "\xE2\x80\x94" && dash != "\xE2\x80\x95" && dash != "\xE2\x80\x93" && dash != "-") return;
  const uint32_t para = v.a.layout.sentences[v.sent_of[qe]].paragraph_idx;
  if (para != v.a.layout.sentences[v.sent_of[qe - 1]].paragraph_idx) return;
  uint32_t e = qe + 1;
  while (e < v.size() && e < qe + 9 && v.sent_of[e] != UINT32_MAX &&
         v.a.layout.sentences[v.sent_of[e]].paragraph_idx == para && !v.IsPunct(e, ",") && v.quote_at[e] < 0 &&
         v.toks[e].kind != TokenKind::kQuote &&
         v.doc.text.find('\n', toks[e - 1].byte_end) >= toks[e].byte_begin)  // the line ends the name
    ++e;
  if (e == qe + 1 || !v.IsCap(qe + 1)) return;
  Attribution a = ResolveSource(v, st, qe + 1, e, UINT32_MAX);
  if (a.kind != SourceKind::kNamed && a.kind != SourceKind::kAnonymous) return;
  r->source = a;
  v.a.quotes[r->quote_idx].speaker = a;
}

// Quotes whose speaker the quotes pass left unknown take the source of the nearest model cue
// scoring over `quote_threshold` (AttributionModel::quote_threshold) outside them in the
// sentences they touch ("…," the insider added; In X's tweet, the actor
// shared, "…"): the phrase before the cue, else the one after it ("…," said X). The quote
// record takes the same speaker and cue, so quotes[] and attributions[] agree.
void SpeakUnknownQuotes(DocView& v, PassState* st, const std::vector<std::vector<CueRun>>& sentence_cues,
                        float quote_threshold) {
  const auto& toks = v.toks;
  auto first_at = [&](uint32_t byte) {
    return static_cast<uint32_t>(std::lower_bound(toks.begin(), toks.end(), byte, [](const Token& t, uint32_t x) {
                                   return t.byte_begin < x;
                                 }) - toks.begin());
  };
  for (AttributionRecord& r : v.a.attributions) {
    if (r.kind != AttributionKind::kDirect || r.quote_idx < 0 || r.source.kind != SourceKind::kUnknown) continue;
    SignedQuote(v, st, &r);
    if (r.source.kind != SourceKind::kUnknown) continue;
    uint32_t qb = first_at(r.content_byte_begin), qe = first_at(r.content_byte_end);
    if (qb >= qe || qe > v.size() || v.sent_of[qb] == UINT32_MAX || v.sent_of[qe - 1] == UINT32_MAX) continue;
    const CueRun* best = nullptr;
    uint32_t best_dist = UINT32_MAX, best_s = 0;
    for (uint32_t s = v.sent_of[qb]; s <= v.sent_of[qe - 1]; ++s)
      for (const CueRun& c : sentence_cues[s]) {
        if ((c.b >= qb && c.b < qe) || c.score <= quote_threshold) continue;
        uint32_t dist = c.b < qb ? qb - c.b : c.b - qe;
        if (dist < best_dist) best = &c, best_dist = dist, best_s = s;
      }
    if (!best) continue;
    const Sentence& sn = v.a.layout.sentences[best_s];
    uint32_t b = best->b;
    while (b > sn.token_begin && !v.IsPunct(b - 1, ",") && !v.IsClauseBreak(b - 1) && v.quote_at[b - 1] < 0) --b;
    Attribution a = ModelCueSource(v, st, *best, sn, b, best->b);
    if (a.kind == SourceKind::kUnknown && b == best->b) {
      uint32_t e = best->e;
      while (e < sn.token_end && e < best->e + 8 && !v.IsPunct(e, ",") && !v.IsClauseBreak(e) && v.quote_at[e] < 0) ++e;
      if (e > best->e) a = ResolveSource(v, st, best->e, e, best->b);
    }
    // Unresolved words right after the quote ("…,” they wrote", "…,” said the ruling") still
    // name its speaker: they are kept with kind unknown.
    bool adjacent = best->b >= qe && (b <= qe + 1 || best->b <= qe + 1);
    if (a.kind == SourceKind::kUnknown && !(adjacent && a.byte_end > a.byte_begin)) continue;
    r.source = a;
    r.cue_byte_begin = toks[best->b].byte_begin;
    r.cue_byte_end = toks[best->e - 1].byte_end;
    Quote& q = v.a.quotes[r.quote_idx];
    q.speaker = a;
    q.cue_byte_begin = r.cue_byte_begin;
    q.cue_byte_end = r.cue_byte_end;
  }
}

// Quotes still without a speaker that lie inside the content of a reported-speech attribution
// whose source has words ("X described the plan as a \"costly mistake\"", "The senator said he
// would \"…\""): that attribution's source (resolved or only its words) and cue speak them, in
// quotes[] and attributions[] alike. Attributions whose cue starts at a byte of `weak_cues`
// (model cues under the quote threshold) speak no quote.
void SpeakQuotesInsideFrames(DocView& v, const std::set<uint32_t>& weak_cues = {}) {
  std::vector<AttributionRecord>& out = v.a.attributions;
  for (AttributionRecord& r : out) {
    if (r.kind != AttributionKind::kDirect || r.quote_idx < 0 || r.source.kind != SourceKind::kUnknown) continue;
    const AttributionRecord* frame = nullptr;
    const uint32_t len = r.content_byte_end - r.content_byte_begin;
    for (const AttributionRecord& x : out) {
      if (x.kind == AttributionKind::kDirect || x.source.byte_end <= x.source.byte_begin ||
          weak_cues.count(x.cue_byte_begin))
        continue;
      uint32_t lo = std::max(x.content_byte_begin, r.content_byte_begin);
      uint32_t hi = std::min(x.content_byte_end, r.content_byte_end);
      if (hi > lo && (hi - lo) * 5 >= len * 4 && (!frame || x.content_byte_end - x.content_byte_begin <
                                                            frame->content_byte_end - frame->content_byte_begin))
        frame = &x;  // the innermost
    }
    if (!frame) continue;
    r.source = frame->source;
    r.cue_byte_begin = frame->cue_byte_begin;
    r.cue_byte_end = frame->cue_byte_end;
    Quote& q = v.a.quotes[r.quote_idx];
    q.speaker = r.source;
    q.cue_byte_begin = r.cue_byte_begin;
    q.cue_byte_end = r.cue_byte_end;
  }
}

}  // namespace

void AddModelAttributions(DocView& v, PassState* st, const AttributionModel& model) {
  std::vector<AttributionRecord>& out = v.a.attributions;
  std::set<uint32_t> taken;  // cue bytes of the quotes and frames
  for (const AttributionRecord& r : out)
    if (r.cue_byte_end > r.cue_byte_begin) taken.insert(r.cue_byte_begin);
  std::vector<uint64_t> features;
  const size_t before = out.size();
  std::set<uint32_t> weak;  // cue bytes of the model attributions under the quote threshold
  std::vector<std::vector<CueRun>> sentence_cues(v.a.layout.sentences.size());
  for (size_t si = 0; si < v.a.layout.sentences.size(); ++si) {
    const Sentence& sn = v.a.layout.sentences[si];
    if (v.a.layout.paragraphs[sn.paragraph_idx].kind != BlockKind::kBody) continue;
    sentence_cues[si] = ModelCues(v, model, sn.token_begin, sn.token_end, &features);
    const std::vector<CueRun>& cues = sentence_cues[si];
    for (size_t ci = 0; ci < cues.size(); ++ci) {
      const CueRun cue = cues[ci];
      const uint32_t next_cue = ci + 1 < cues.size() ? cues[ci + 1].b : UINT32_MAX;
      bool known = false;
      for (uint32_t k = cue.b; k < cue.e; ++k) known = known || taken.count(v.toks[k].byte_begin);
      uint32_t src_b, src_e, cb, ce;
      if (known) continue;
      const uint32_t prev_end = ci > 0 ? cues[ci - 1].e : sn.token_begin;
      if (ParseFrame(v, cue, sn.token_end, &src_b, &src_e, &cb, &ce)) {
        uint32_t tb, te;  // no subject in the parse: the source words by the sentence's shape
        if (src_b == src_e) CueFrame(v, cue, prev_end, next_cue, sn.token_begin, sn.token_end, &src_b, &src_e, &tb, &te);
      } else if (!CueFrame(v, cue, prev_end, next_cue, sn.token_begin, sn.token_end, &src_b, &src_e, &cb, &ce)) {
        continue;
      }
      AttributionRecord r;
      r.kind = AttributionKind::kIndirect;
      bool all_quoted = true, holds_quote_cue = false;
      for (uint32_t k = cb; k < ce; ++k) {
        int32_t span = v.quote_at[k];
        all_quoted = all_quoted && span >= 0;
        if (span < 0 || v.quote_record[span] < 0) continue;
        r.kind = AttributionKind::kMixed;
        if (r.quote_idx < 0) r.quote_idx = v.quote_record[span];
        const Quote& q = v.a.quotes[v.quote_record[span]];
        holds_quote_cue = holds_quote_cue || (q.cue_byte_end > q.cue_byte_begin && q.cue_byte_begin >= v.toks[cb].byte_begin &&
                                              q.cue_byte_end <= v.toks[ce - 1].byte_end);
      }
      // The quote's own attribution, or a content running over a quote and its cue ("“…,” said
      // X in a statement"): the quote's attribution says it.
      if (all_quoted || holds_quote_cue) continue;
      r.source = ModelCueSource(v, st, cue, sn, src_b, src_e);
      r.cue_byte_begin = v.toks[cue.b].byte_begin;
      r.cue_byte_end = v.toks[cue.e - 1].byte_end;
      r.content_byte_begin = v.toks[cb].byte_begin;
      r.content_byte_end = v.toks[ce - 1].byte_end;
      if (cue.score <= model.quote_threshold) weak.insert(r.cue_byte_begin);
      out.push_back(r);
    }
  }
  SpeakUnknownQuotes(v, st, sentence_cues, std::max(model.threshold, model.quote_threshold));
  SpeakQuotesInsideFrames(v, weak);
  if (out.size() == before) return;
  SortByContent(&out);
}

bool AttributionTokens(const DocView& v, const AttributionRecord& r, uint32_t* cue_b, uint32_t* cue_e, uint32_t* cb,
                       uint32_t* ce) {
  const auto& toks = v.toks;
  auto first_at = [&](uint32_t byte) {  // the first token starting at or after byte
    return static_cast<uint32_t>(std::lower_bound(toks.begin(), toks.end(), byte, [](const Token& t, uint32_t x) {
                                   return t.byte_begin < x;
                                 }) - toks.begin());
  };
  *cb = first_at(r.content_byte_begin);
  *ce = first_at(r.content_byte_end);
  if (*cb >= *ce || *ce > v.size() || v.sent_of[*cb] == UINT32_MAX || v.sent_of[*cb] != v.sent_of[*ce - 1]) return false;
  *cue_b = *cue_e = 0;
  if (r.cue_byte_end > r.cue_byte_begin) {
    *cue_b = first_at(r.cue_byte_begin);
    *cue_e = std::max(first_at(r.cue_byte_end), *cue_b + 1);
    if (*cue_e > v.size()) *cue_b = *cue_e = 0;
  }
  return true;
}

namespace {

// The candidate of [from, to) that `ranker` scores best among those `ok` admits (`from` when none).
template <typename Ok, typename Features>
uint32_t BestCandidate(const syntax::LinearModel& ranker, uint32_t from, uint32_t to, Ok ok, Features features,
                       std::vector<uint64_t>* f) {
  uint32_t best = from;
  float best_score = -1e30f;
  for (uint32_t k = from; k < to; ++k) {
    if (!ok(k)) continue;
    features(k, f);
    const float s = AttributionModel::Margin(ranker, *f);
    if (s > best_score) best = k, best_score = s;
  }
  return best;
}

}  // namespace

void RefineAttributions(DocView& v, const AttributionModel& model) {
  if (!model.HasStartModel() && !model.HasEndModel() && !model.HasKeepModel()) return;
  std::vector<uint64_t> f;
  std::erase_if(v.a.attributions, [&](AttributionRecord& r) {
    uint32_t cue_b, cue_e, cb, ce;
    if (r.kind == AttributionKind::kDirect || !AttributionTokens(v, r, &cue_b, &cue_e, &cb, &ce)) return false;
    const uint32_t cb0 = cb, ce0 = ce;
    if (model.HasStartModel())
      cb = BestCandidate(
          model.start, cb0, ce0, [&](uint32_t b) { return IsContentStartCandidate(v, cb0, b, ce0); },
          [&](uint32_t b, std::vector<uint64_t>* out) { ContentStartFeatures(v, cue_b, cue_e, cb0, b, ce0, out); }, &f);
    if (model.HasEndModel())  // candidates e = k + 1
      ce = 1 + BestCandidate(
                   model.end, cb, ce0, [&](uint32_t k) { return IsContentEndCandidate(v, cb, k + 1, ce0); },
                   [&](uint32_t k, std::vector<uint64_t>* out) { ContentEndFeatures(v, cue_b, cue_e, cb, k + 1, ce0, out); },
                   &f);
    r.content_byte_begin = v.toks[cb].byte_begin;
    r.content_byte_end = v.toks[ce - 1].byte_end;
    const Quote* q = r.quote_idx >= 0 ? &v.a.quotes[r.quote_idx] : nullptr;
    if (q && (q->byte_begin >= r.content_byte_end || q->byte_end <= r.content_byte_begin)) {  // the quotation cut off
      r.kind = AttributionKind::kIndirect;
      r.quote_idx = -1;
    }
    if (!model.HasKeepModel()) return false;
    KeepFeatures(v, model, cue_b, cue_e, cb, ce, static_cast<int>(r.source.kind), r.source.byte_end > r.source.byte_begin,
                 r.kind == AttributionKind::kMixed, &f);
    return AttributionModel::Margin(model.keep, f) <= model.keep_threshold;
  });
  SortByContent(&v.a.attributions);
}

void AddColonAttributions(DocView& v, PassState* st) {
  std::vector<AttributionRecord>& out = v.a.attributions;
  const size_t before = out.size();
  for (const Sentence& sn : v.a.layout.sentences) {
    uint32_t colon = sn.token_begin;
    while (colon < sn.token_end && colon < sn.token_begin + 4 && v.IsWord(colon) && v.IsCap(colon) &&
           v.quote_at[colon] < 0)
      ++colon;
    if (colon == sn.token_begin || colon + 1 >= sn.token_end || !v.IsPunct(colon, ":")) continue;
    uint32_t ce = sn.token_end;
    while (ce > colon + 1 && (v.toks[ce - 1].kind == TokenKind::kPunct || v.toks[ce - 1].kind == TokenKind::kQuote)) --ce;
    if (!IsContent(v, colon + 1, colon + 1, ce)) continue;
    Attribution a = ResolveSource(v, st, sn.token_begin, colon, colon);
    // Only a person of the article: outlet-shaped and anonymous labels before a colon are mostly
    // rubrics and captions ("RELATED:", "WATCH:", "Source: …").
    if (a.kind != SourceKind::kNamed || a.entity_idx < 0) continue;
    const uint32_t cue_b = v.toks[colon].byte_begin;
    if (std::any_of(out.begin(), out.end(), [&](const AttributionRecord& r) { return r.cue_byte_begin == cue_b; }))
      continue;
    AttributionRecord r;
    r.kind = AttributionKind::kIndirect;
    for (uint32_t k = colon + 1; k < ce && r.quote_idx < 0; ++k)
      if (v.quote_at[k] >= 0 && v.quote_record[v.quote_at[k]] >= 0) {
        r.kind = AttributionKind::kMixed;
        r.quote_idx = v.quote_record[v.quote_at[k]];
      }
    r.source = a;
    r.cue_byte_begin = cue_b;
    r.cue_byte_end = v.toks[colon].byte_end;
    r.content_byte_begin = v.toks[colon + 1].byte_begin;
    r.content_byte_end = v.toks[ce - 1].byte_end;
    out.push_back(r);
  }
  if (out.size() == before) return;
  SortByContent(&out);
}

void BuildAttributions(DocView& v, const PassState& st) {
  std::vector<AttributionRecord>& out = v.a.attributions;
  out.clear();
  for (size_t qi = 0; qi < v.a.quotes.size(); ++qi) {
    const Quote& q = v.a.quotes[qi];
    AttributionRecord r;
    r.kind = AttributionKind::kDirect;
    r.source = q.speaker;
    r.cue_byte_begin = q.cue_byte_begin;
    r.cue_byte_end = q.cue_byte_end;
    r.content_byte_begin = q.byte_begin;
    r.content_byte_end = q.byte_end;
    r.quote_idx = static_cast<int32_t>(qi);
    out.push_back(r);
  }
  for (size_t s = 0; s < st.frames.size(); ++s) {
    const PassState::Frame& f = st.frames[s];
    if (!f.present || f.cue_tok >= v.size() || v.quote_at[f.cue_tok] >= 0) continue;
    uint32_t cb = 0, ce = 0;
    if (!FrameContent(v, f, v.a.layout.sentences[s], &cb, &ce)) continue;
    const uint32_t cue_b = v.toks[f.cue_tok].byte_begin;
    uint32_t cue_e = v.toks[f.cue_tok].byte_end;
    if (v.lower[f.cue_tok] == "according" && f.cue_tok + 1 < v.size() && v.lower[f.cue_tok + 1] == "to")
      cue_e = v.toks[f.cue_tok + 1].byte_end;
    AttributionRecord r;
    r.kind = AttributionKind::kIndirect;
    bool spoken_here = false;  // a quotation in the content whose quote already has this cue
    for (uint32_t k = cb; k < ce; ++k) {
      int32_t span = v.quote_at[k];
      if (span < 0 || v.quote_record[span] < 0) continue;
      const Quote& q = v.a.quotes[v.quote_record[span]];
      if (q.cue_byte_begin == cue_b) spoken_here = true;
      r.kind = AttributionKind::kMixed;
      if (r.quote_idx < 0) r.quote_idx = v.quote_record[span];
    }
    if (spoken_here) continue;
    r.source = f.source;
    r.cue_byte_begin = cue_b;
    r.cue_byte_end = cue_e;
    r.content_byte_begin = v.toks[cb].byte_begin;
    r.content_byte_end = v.toks[ce - 1].byte_end;
    out.push_back(r);
  }
  SpeakQuotesInsideFrames(v);
  SortByContent(&out);
}

}  // namespace hearsay::extract
