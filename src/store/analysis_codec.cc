#include "store/analysis_codec.h"

#include <cassert>
#include <cstring>

namespace hearsay::store {
namespace {

// Little-endian base-128 varints; signed values zigzag-encoded; floats as their bits.
class Writer {
 public:
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void D(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; ++i) out_ += static_cast<char>((bits >> (8 * i)) & 0xff);
  }
  void S(const std::string& s) {
    U(s.size());
    out_ += s;
  }
  void OptS(const std::optional<std::string>& s) {
    U(s ? 1 : 0);
    if (s) S(*s);
  }
  void Strings(const std::vector<std::string>& v) {
    U(v.size());
    for (const std::string& s : v) S(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; any overrun or bad value sets failed() and yields zeros.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == in_.size(); }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  uint32_t U32() {
    uint64_t v = U();
    return v > UINT32_MAX ? static_cast<uint32_t>(Fail()) : static_cast<uint32_t>(v);
  }
  int32_t I32() {
    uint64_t z = U();
    int64_t v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    return v < INT32_MIN || v > INT32_MAX ? static_cast<int32_t>(Fail()) : static_cast<int32_t>(v);
  }
  uint8_t Enum(uint8_t limit) {
    uint64_t v = U();
    return v >= limit ? static_cast<uint8_t>(Fail()) : static_cast<uint8_t>(v);
  }
  double D() {
    if (in_.size() - pos_ < 8) return static_cast<double>(Fail());
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_++])) << (8 * i);
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string S() {
    uint64_t n = U();
    if (n > in_.size() - pos_) return Fail(), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::optional<std::string> OptS() {
    if (U() == 0) return std::nullopt;
    return S();
  }
  // A predicate, stored by its name (so a cached analysis outlives a reordered enum).
  Predicate Pred() {
    std::optional<Predicate> p = ParsePredicate(S());
    if (!p) Fail();
    return p.value_or(Predicate::kNone);
  }
  // A citation's kind, stored by its name like predicates.
  ProvenanceKind Provenance() {
    ProvenanceKind k = ProvenanceKind::kCites;
    if (!ProvenanceKindFromName(S(), &k)) Fail();
    return k;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v(Count());
    for (std::string& s : v) s = S();
    return v;
  }
  // A element count: each element takes at least one byte, so more than remain is bad.
  size_t Count() {
    uint64_t n = U();
    return n > in_.size() - pos_ ? static_cast<size_t>(Fail()) : static_cast<size_t>(n);
  }

 private:
  uint64_t Fail() {
    failed_ = true;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool failed_ = false;
};

void PutLayout(Writer& w, const TextLayout& l) {
  w.U(l.tokens.size());
  uint32_t prev = 0;  // tokens are sorted: each begins at or after the previous end
  for (const Token& t : l.tokens) {
    w.I(static_cast<int64_t>(t.byte_begin) - prev);
    w.U(t.byte_end - t.byte_begin);
    w.U(static_cast<uint64_t>(t.kind) << 1 | (t.space_before ? 1 : 0));
    prev = t.byte_end;
  }
  w.U(l.sentences.size());
  for (const Sentence& s : l.sentences) {
    for (uint32_t v : {s.byte_begin, s.byte_end, s.token_begin, s.token_end, s.paragraph_idx}) w.U(v);
  }
  w.U(l.paragraphs.size());
  for (const Paragraph& p : l.paragraphs) {
    for (uint32_t v : {p.byte_begin, p.byte_end, static_cast<uint32_t>(p.kind), p.sentence_begin, p.sentence_end}) w.U(v);
  }
  w.U(l.quote_spans.size());
  for (const QuoteSpan& q : l.quote_spans) {
    w.U(q.byte_begin);
    w.U(q.byte_end);
    w.U(q.missing_open ? 1 : 0);
  }
}

void GetLayout(Reader& r, TextLayout* l) {
  l->tokens.resize(r.Count());
  uint32_t prev = 0;
  for (Token& t : l->tokens) {
    t.byte_begin = static_cast<uint32_t>(static_cast<int64_t>(prev) + r.I32());
    t.byte_end = t.byte_begin + r.U32();
    uint64_t ks = r.U();
    if ((ks >> 1) > static_cast<uint64_t>(TokenKind::kSymbol)) return (void)r.Enum(0);
    t.kind = static_cast<TokenKind>(ks >> 1);
    t.space_before = ks & 1;
    prev = t.byte_end;
  }
  l->sentences.resize(r.Count());
  for (Sentence& s : l->sentences) {
    for (uint32_t* v : {&s.byte_begin, &s.byte_end, &s.token_begin, &s.token_end, &s.paragraph_idx}) *v = r.U32();
  }
  l->paragraphs.resize(r.Count());
  for (Paragraph& p : l->paragraphs) {
    p.byte_begin = r.U32();
    p.byte_end = r.U32();
    p.kind = static_cast<BlockKind>(r.Enum(static_cast<uint8_t>(BlockKind::kBody) + 1));
    p.sentence_begin = r.U32();
    p.sentence_end = r.U32();
  }
  l->quote_spans.resize(r.Count());
  for (QuoteSpan& q : l->quote_spans) {
    q.byte_begin = r.U32();
    q.byte_end = r.U32();
    q.missing_open = r.U() != 0;
  }
}

void PutAttribution(Writer& w, const Attribution& a) {
  w.U(static_cast<uint64_t>(a.kind));
  w.I(a.entity_idx);
  w.S(a.text);
  w.OptS(a.via_outlet);
  w.I(a.anonymous_id);
  w.U(a.byte_begin);
  w.U(a.byte_end);
}

Attribution GetAttribution(Reader& r) {
  Attribution a;
  a.kind = static_cast<SourceKind>(r.Enum(static_cast<uint8_t>(SourceKind::kUnknown) + 1));
  a.entity_idx = r.I32();
  a.text = r.S();
  a.via_outlet = r.OptS();
  a.anonymous_id = r.I32();
  a.byte_begin = r.U32();
  a.byte_end = r.U32();
  return a;
}

void PutClaim(Writer& w, const Claim& c) {
  w.I(c.subject_entity);
  w.S(std::string(PredicateName(c.predicate)));
  w.I(c.object_entity);
  w.OptS(c.object_text);
  w.OptS(c.value);
  w.U(static_cast<uint64_t>(c.polarity));
  w.U(static_cast<uint64_t>(c.modality));
  w.OptS(c.time_from);
  w.OptS(c.time_to);
  PutAttribution(w, c.source);
  w.U((c.subject_inferred ? 1u : 0u) | (c.ended ? 2u : 0u));
  w.U(c.evidence_byte_begin);
  w.U(c.evidence_byte_end);
}

Claim GetClaim(Reader& r) {
  Claim c;
  c.subject_entity = r.I32();
  c.predicate = r.Pred();
  c.object_entity = r.I32();
  c.object_text = r.OptS();
  c.value = r.OptS();
  c.polarity = static_cast<Polarity>(r.Enum(static_cast<uint8_t>(Polarity::kDenied) + 1));
  c.modality = static_cast<Modality>(r.Enum(static_cast<uint8_t>(Modality::kSpeculative) + 1));
  c.time_from = r.OptS();
  c.time_to = r.OptS();
  c.source = GetAttribution(r);
  const uint64_t flags = r.U();
  c.subject_inferred = (flags & 1) != 0;
  c.ended = (flags & 2) != 0;
  c.evidence_byte_begin = r.U32();
  c.evidence_byte_end = r.U32();
  return c;
}

void PutEntities(Writer& w, const DocumentAnalysis& a) {
  w.U(a.mentions.size());
  for (const Mention& m : a.mentions) {
    w.U(m.byte_begin);
    w.U(m.byte_end);
    w.U(static_cast<uint64_t>(m.type));
    w.D(m.confidence);
    w.I(m.entity_idx);
    w.U(m.descriptor ? 1 : 0);
  }
  w.U(a.local_entities.size());
  for (const LocalEntity& e : a.local_entities) {
    w.S(e.name);
    w.U(static_cast<uint64_t>(e.type));
    w.Strings(e.aliases);
    w.S(e.gender);
  }
}

void GetEntities(Reader& r, DocumentAnalysis* a) {
  constexpr uint8_t kTypes = static_cast<uint8_t>(EntityType::kHandle) + 1;
  a->mentions.resize(r.Count());
  for (Mention& m : a->mentions) {
    m.byte_begin = r.U32();
    m.byte_end = r.U32();
    m.type = static_cast<EntityType>(r.Enum(kTypes));
    m.confidence = static_cast<float>(r.D());
    m.entity_idx = r.I32();
    m.descriptor = r.U() != 0;
  }
  a->local_entities.resize(r.Count());
  for (LocalEntity& e : a->local_entities) {
    e.name = r.S();
    e.type = static_cast<EntityType>(r.Enum(kTypes));
    e.aliases = r.Strings();
    e.gender = r.S();
  }
}

}  // namespace

std::string EncodeAnalysis(const DocumentAnalysis& a) {
  assert(a.layout.released_tokens == 0 && a.layout.released_sentences == 0);  // the cache needs the whole layout
  Writer w;
  w.U(kAnalysisCodecVersion);
  PutLayout(w, a.layout);
  PutEntities(w, a);
  w.U(a.quotes.size());
  for (const Quote& q : a.quotes) {
    w.U(q.byte_begin);
    w.U(q.byte_end);
    PutAttribution(w, q.speaker);
    w.U(q.cue_byte_begin);
    w.U(q.cue_byte_end);
  }
  w.U(a.attributions.size());
  for (const AttributionRecord& x : a.attributions) {
    w.U(static_cast<uint64_t>(x.kind));
    PutAttribution(w, x.source);
    for (uint32_t v : {x.cue_byte_begin, x.cue_byte_end, x.content_byte_begin, x.content_byte_end}) w.U(v);
    w.I(x.quote_idx);
  }
  w.U(a.claims.size());
  for (const Claim& c : a.claims) PutClaim(w, c);
  w.U(a.citations.size());
  for (const CitedOutlet& c : a.citations) {
    w.S(c.outlet);
    w.S(ProvenanceKindName(c.kind));
    w.U(c.byte_begin);
    w.U(c.byte_end);
  }
  w.OptS(a.detected_outlet);
  w.U(a.credibility ? 1 : 0);
  if (a.credibility) w.D(*a.credibility);
  w.Strings(a.credibility_reasons);
  return w.Take();
}

Result<DocumentAnalysis> DecodeAnalysis(std::string_view body) {
  Reader r(body);
  uint64_t version = r.U();
  if (r.failed() || version != static_cast<uint64_t>(kAnalysisCodecVersion))
    return DataLossError("cached analysis of codec version " + std::to_string(version) + ", expected " +
                         std::to_string(kAnalysisCodecVersion));
  DocumentAnalysis a;
  GetLayout(r, &a.layout);
  GetEntities(r, &a);
  a.quotes.resize(r.Count());
  for (Quote& q : a.quotes) {
    q.byte_begin = r.U32();
    q.byte_end = r.U32();
    q.speaker = GetAttribution(r);
    q.cue_byte_begin = r.U32();
    q.cue_byte_end = r.U32();
  }
  a.attributions.resize(r.Count());
  for (AttributionRecord& x : a.attributions) {
    x.kind = static_cast<AttributionKind>(r.Enum(static_cast<uint8_t>(AttributionKind::kMixed) + 1));
    x.source = GetAttribution(r);
    for (uint32_t* v : {&x.cue_byte_begin, &x.cue_byte_end, &x.content_byte_begin, &x.content_byte_end}) *v = r.U32();
    x.quote_idx = r.I32();
  }
  a.claims.resize(r.Count());
  for (Claim& c : a.claims) c = GetClaim(r);
  a.citations.resize(r.Count());
  for (CitedOutlet& c : a.citations) {
    c.outlet = r.S();
    c.kind = r.Provenance();
    c.byte_begin = r.U32();
    c.byte_end = r.U32();
  }
  a.detected_outlet = r.OptS();
  if (r.U() != 0) a.credibility = r.D();
  a.credibility_reasons = r.Strings();
  if (r.failed() || !r.at_end())
    return DataLossError("cached analysis is malformed (" + std::to_string(body.size()) + " bytes)");
  return a;
}

}  // namespace hearsay::store
