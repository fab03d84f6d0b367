// Paragraphs, sentences, block kinds and quotation spans.
#include <algorithm>
#include <cstring>
#include <optional>

#include "common/utf8.h"
#include "text/text.h"

namespace hearsay::text {
namespace {

std::string_view Slice(std::string_view t, const Token& k) { return t.substr(k.byte_begin, k.byte_end - k.byte_begin); }

bool IsTerminator(std::string_view w) {
  return w == "." || w == "!" || w == "?" || w == "..." || w == "\xE2\x80\xA6" || w == "?!" || w == "!?" ||
         (w.size() > 3 && w.substr(0, 3) == "...");
}

bool StartsUpperOrDigit(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  int len = 1;
  return utf8::IsUpper(utf8::Decode(w, 0, &len));
}

char32_t FirstCp(std::string_view w) {
  int len = 1;
  return w.empty() ? 0 : utf8::Decode(w, 0, &len);
}

bool IsClosingBracket(std::string_view w) { return w == ")" || w == "]"; }

// Splits tokens [tb, te) of one paragraph into sentences.
void SplitSentences(std::string_view t, const std::vector<Token>& toks, uint32_t tb, uint32_t te,
                    uint32_t paragraph_idx, std::vector<Sentence>* out) {
  uint32_t start = tb;
  for (uint32_t i = tb; i < te; ++i) {
    std::string_view w = Slice(t, toks[i]);
    if (!IsTerminator(w)) continue;
    uint32_t j = i + 1;
    // Closing quotes and brackets right after the terminator stay with the sentence.
    while (j < te && !toks[j].space_before &&
           ((toks[j].kind == TokenKind::kQuote) || IsClosingBracket(Slice(t, toks[j]))))
      ++j;
    if (j >= te) break;
    std::string_view next = Slice(t, toks[j]);
    bool boundary = StartsUpperOrDigit(next) || toks[j].kind == TokenKind::kQuote ||
                    utf8::IsOpeningQuote(FirstCp(next)) || next == "(" || toks[j].kind == TokenKind::kHandle ||
                    toks[j].kind == TokenKind::kHashtag;
    if (!toks[j].space_before) boundary = false;
    if (!boundary) continue;
    out->push_back(Sentence{toks[start].byte_begin, toks[j - 1].byte_end, start, j, paragraph_idx});
    start = j;
    i = j - 1;
  }
  if (start < te) out->push_back(Sentence{toks[start].byte_begin, toks[te - 1].byte_end, start, te, paragraph_idx});
}

enum class QuoteRole { kOpen, kClose, kNone };

// Role of a double or single quotation mark from its neighbours.
QuoteRole RoleOf(std::string_view t, const Token& q, bool* is_double) {
  std::string_view m = Slice(t, q);
  char32_t cp = FirstCp(m);
  *is_double = cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB;
  if (cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x2018 || cp == 0x201A) return QuoteRole::kOpen;
  if (cp == 0x201D || cp == 0xBB) return QuoteRole::kClose;
  bool space_before = q.byte_begin == 0 || std::strchr(" \t\n\r([{", t[q.byte_begin - 1]) != nullptr;
  if (!space_before && q.byte_begin >= 3) {
    int len = 1;
    size_t k = q.byte_begin - 1;
    while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
    char32_t prev = utf8::Decode(t, k, &len);
    if (utf8::IsSpace(prev) || utf8::IsDash(prev)) space_before = true;
  }
  bool space_after = q.byte_end >= t.size() || std::strchr(" \t\n\r.,;:!?)]}", t[q.byte_end]) != nullptr;
  if (!space_after && q.byte_end < t.size()) {
    int len = 1;
    char32_t next = utf8::Decode(t, q.byte_end, &len);
    if (utf8::IsSpace(next) || utf8::IsDash(next)) space_after = true;
  }
  if (space_before && !space_after) return QuoteRole::kOpen;
  if (!space_before && space_after) return QuoteRole::kClose;
  if (cp == 0x2019) return QuoteRole::kClose;
  return QuoteRole::kNone;
}

void FindQuoteSpans(std::string_view t, const TextLayout& layout, std::vector<QuoteSpan>* out) {
  const auto& toks = layout.tokens;
  // An unclosed double quote carried into the next paragraph when that paragraph opens
  // with a quotation mark (the convention for quotes running over paragraphs).
  std::optional<uint32_t> carried;
  for (size_t p = 0; p < layout.paragraphs.size(); ++p) {
    const Paragraph& para = layout.paragraphs[p];
    uint32_t tb = layout.sentences.empty() || para.sentence_begin == para.sentence_end
                      ? 0 : layout.sentences[para.sentence_begin].token_begin;
    uint32_t te = para.sentence_begin == para.sentence_end ? 0 : layout.sentences[para.sentence_end - 1].token_end;
    std::optional<uint32_t> open_double;
    std::optional<uint32_t> open_single;
    bool first = true;
    for (uint32_t i = tb; i < te; ++i) {
      const Token& k = toks[i];
      if (k.kind != TokenKind::kQuote) {
        first = false;
        continue;
      }
      bool is_double = false;
      QuoteRole role = RoleOf(t, k, &is_double);
      if (is_double) {
        if (role == QuoteRole::kOpen) {
          if (first && carried) {
            open_double = carried;  // continuation of the previous paragraph's quote
          } else {
            if (carried) out->push_back(QuoteSpan{*carried, layout.paragraphs[p - 1].byte_end, false});
            if (open_double) out->push_back(QuoteSpan{*open_double, k.byte_begin, false});
            open_double = k.byte_begin;
          }
          carried.reset();
        } else if (role == QuoteRole::kClose) {
          if (carried) {
            out->push_back(QuoteSpan{*carried, layout.paragraphs[p - 1].byte_end, false});
            carried.reset();
          }
          if (open_double) {
            out->push_back(QuoteSpan{*open_double, k.byte_end, false});
            open_double.reset();
          } else {
            // No opening mark: the quote is taken to start with the sentence holding the
            // closing mark (a paragraph often opens with the reporter's own words).
            uint32_t start = para.byte_begin;
            for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
              const Sentence& sent = layout.sentences[s];
              if (sent.byte_begin <= k.byte_begin && k.byte_begin < sent.byte_end) {
                start = sent.byte_begin;
                break;
              }
            }
            out->push_back(QuoteSpan{start, k.byte_end, true});
          }
        }
      } else {
        if (role == QuoteRole::kOpen && !open_single) {
          open_single = k.byte_begin;
        } else if (role == QuoteRole::kClose && open_single) {
          out->push_back(QuoteSpan{*open_single, k.byte_end, false});
          open_single.reset();
        }
      }
      first = false;
    }
    if (carried) {  // previous paragraph's quote not continued here
      out->push_back(QuoteSpan{*carried, layout.paragraphs[p - 1].byte_end, false});
      carried.reset();
    }
    if (open_double) carried = open_double;
  }
  if (carried && !layout.paragraphs.empty()) out->push_back(QuoteSpan{*carried, layout.paragraphs.back().byte_end, false});
  std::sort(out->begin(), out->end(), [](const QuoteSpan& a, const QuoteSpan& b) { return a.byte_begin < b.byte_begin; });
}

}  // namespace

bool LooksLikeCaption(std::string_view p) {
  static const char* kCues[] = {"(Photo", "Photo by", "Photo credit", "Photo:", "Credit:", "Getty Images", "Shutterstock",
                                "/AP", "AP Photo", "/Reuters", "Image credit", "(Credit", "/ Getty", "/Getty", "Courtesy of", "(Image"};
  if (p.size() > 600) return false;
  for (const char* c : kCues)
    if (p.find(c) != std::string_view::npos) return true;
  return false;
}

bool LooksLikeHeading(std::string_view p) {
  if (p.empty() || p.size() > 90) return false;
  char last = p.back();
  if (std::strchr(".,;:!\"'", last)) return false;
  if (p.size() >= 3 && (p.substr(p.size() - 3) == "\xE2\x80\x9D" || p.substr(p.size() - 3) == "\xE2\x80\x99")) return false;
  std::vector<Token> toks;
  Tokenize(p, 0, static_cast<uint32_t>(p.size()), &toks);
  int words = 0, capitalised = 0, minor = 0;
  for (const Token& k : toks) {
    if (k.kind == TokenKind::kUrl || k.kind == TokenKind::kHandle || k.kind == TokenKind::kHashtag) return false;
    if (k.kind != TokenKind::kWord && k.kind != TokenKind::kNumber) continue;
    std::string_view w = p.substr(k.byte_begin, k.byte_end - k.byte_begin);
    ++words;
    if (StartsUpperOrDigit(w)) {
      ++capitalised;
    } else {
      static const char* kMinor[] = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for",
                                     "with", "by", "from", "as", "de", "van", "von", "da", "is", "vs", "s"};
      for (const char* m : kMinor)
        if (w == m) { ++minor; break; }
    }
  }
  if (words == 0 || words > 14) return false;
  if (!StartsUpperOrDigit(p.substr(toks.front().byte_begin))) return false;
  // Title case: every word capitalised except short function words.
  return capitalised + minor == words && capitalised * 2 >= words;
}

TextLayout AnalyzeTextSpan(std::string_view t, uint32_t title_begin, uint32_t title_end) {
  TextLayout layout;
  layout.tokens.reserve(t.size() / 5 + 8);
  size_t line_begin = 0;
  const size_t n = t.size();
  while (line_begin < n) {
    const void* nl = std::memchr(t.data() + line_begin, '\n', n - line_begin);
    size_t line_end = nl ? static_cast<const char*>(nl) - t.data() : n;
    size_t b = line_begin, e = line_end;
    bool is_title = title_end > title_begin && b <= title_begin && title_begin < line_end + 1;
    if (is_title) {
      b = title_begin;
      e = std::max<size_t>(title_begin, std::min<size_t>(title_end, line_end));
    }
    while (b < e && (t[b] == ' ' || t[b] == '\t' || t[b] == '\r' || t[b] == '\f' || t[b] == '\v')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r' || t[e - 1] == '\f' || t[e - 1] == '\v')) --e;
    if (e > b) {
      uint32_t tb = static_cast<uint32_t>(layout.tokens.size());
      Tokenize(t, static_cast<uint32_t>(b), static_cast<uint32_t>(e), &layout.tokens);
      uint32_t te = static_cast<uint32_t>(layout.tokens.size());
      if (te > tb) {
        Paragraph para;
        para.byte_begin = layout.tokens[tb].byte_begin;
        para.byte_end = layout.tokens[te - 1].byte_end;
        std::string_view text = t.substr(para.byte_begin, para.byte_end - para.byte_begin);
        para.kind = is_title ? BlockKind::kTitle
                    : LooksLikeCaption(text) ? BlockKind::kCaption
                    : LooksLikeHeading(text) ? BlockKind::kHeading
                                             : BlockKind::kBody;
        uint32_t p_idx = static_cast<uint32_t>(layout.paragraphs.size());
        para.sentence_begin = static_cast<uint32_t>(layout.sentences.size());
        if (para.kind == BlockKind::kHeading || para.kind == BlockKind::kTitle) {
          layout.sentences.push_back(Sentence{para.byte_begin, para.byte_end, tb, te, p_idx});
        } else {
          SplitSentences(t, layout.tokens, tb, te, p_idx, &layout.sentences);
        }
        para.sentence_end = static_cast<uint32_t>(layout.sentences.size());
        layout.paragraphs.push_back(para);
      }
    }
    line_begin = line_end + 1;
  }
  // A heading needs body text after it; a lone short last line is body.
  if (!layout.paragraphs.empty() && layout.paragraphs.back().kind == BlockKind::kHeading)
    layout.paragraphs.back().kind = BlockKind::kBody;
  FindQuoteSpans(t, layout, &layout.quote_spans);
  return layout;
}

TextLayout AnalyzeText(const Document& doc) {
  return AnalyzeTextSpan(doc.text, doc.title_byte_begin, doc.title_byte_end);
}

}  // namespace hearsay::text
