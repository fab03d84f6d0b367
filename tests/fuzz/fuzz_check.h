#pragma once
// Invariant checks shared by the fuzz targets. A violated invariant prints what was
// expected and found, then aborts, so libFuzzer (or the replay driver) reports the input.
//
// The invariants are the ones the public headers promise:
//   hearsay/document.h  text is valid UTF-8; title == text[title span]; spans ordered and
//                       inside text; plain text keeps raw offsets (raw = BOM + text, with
//                       invalid bytes replaced one for one by '?', replaced_bytes of them).
//   text/text.h         tokens sorted, non-overlapping, non-empty, inside the text, no white
//                       space inside a token; every sentence lies in one paragraph; the
//                       sentences of a paragraph tile its tokens in order; paragraphs are
//                       sorted and non-overlapping; quotation spans lie inside the text.
//
// Header-only so each fuzz target and the replay driver compile it without a library.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* cond, const std::string& detail) {
  std::fprintf(stderr, "%s:%d: invariant violated: %s\n  %s\n", file, line, cond, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(cond, detail)                                      \
  do {                                                                \
    if (!(cond)) ::hearsay::fuzz::Fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (0)

inline std::string Num(uint64_t v) { return std::to_string(v); }

inline bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int n = utf8::SequenceLength(s, i);
    if (n == 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

inline bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

// Checks a layout of `t`. `utf8_valid`: `t` is valid UTF-8 (the tokenizer's precondition);
// without it only memory-shape invariants (order, bounds, tiling) are checked.
inline void CheckLayout(std::string_view t, const TextLayout& l, bool utf8_valid = true) {
  const auto& toks = l.tokens;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& k = toks[i];
    std::string at = "token " + Num(i) + " [" + Num(k.byte_begin) + "," + Num(k.byte_end) + ") of text size " + Num(t.size());
    FUZZ_CHECK(k.byte_begin < k.byte_end, at + " is empty");
    FUZZ_CHECK(k.byte_end <= t.size(), at + " ends outside the text");
    if (i > 0) FUZZ_CHECK(toks[i - 1].byte_end <= k.byte_begin, at + " overlaps or precedes token " + Num(i - 1) + " ending at " + Num(toks[i - 1].byte_end));
    if (utf8_valid) {
      std::string_view w = t.substr(k.byte_begin, k.byte_end - k.byte_begin);
      for (size_t j = 0; j < w.size();) {
        int len = 1;
        char32_t cp = utf8::Decode(w, j, &len);
        FUZZ_CHECK(!utf8::IsSpace(cp), at + " contains white space at byte " + Num(k.byte_begin + j));
        j += static_cast<size_t>(len);
      }
    }
  }
  uint32_t next_sentence = 0, next_token = 0;
  for (size_t p = 0; p < l.paragraphs.size(); ++p) {
    const Paragraph& para = l.paragraphs[p];
    std::string at = "paragraph " + Num(p) + " [" + Num(para.byte_begin) + "," + Num(para.byte_end) + ")";
    FUZZ_CHECK(para.byte_begin < para.byte_end && para.byte_end <= t.size(), at + " empty or outside the text of size " + Num(t.size()));
    if (p > 0) FUZZ_CHECK(l.paragraphs[p - 1].byte_end <= para.byte_begin, at + " overlaps the previous paragraph");
    FUZZ_CHECK(para.sentence_begin == next_sentence, at + " sentences start at " + Num(para.sentence_begin) + ", expected " + Num(next_sentence));
    FUZZ_CHECK(para.sentence_begin < para.sentence_end && para.sentence_end <= l.sentences.size(),
               at + " has no sentences or they run past " + Num(l.sentences.size()));
    // Tokens inside this paragraph's bytes; sentences must tile exactly these.
    while (next_token < toks.size() && toks[next_token].byte_begin < para.byte_begin) ++next_token;
    uint32_t first = next_token, last = next_token;
    while (last < toks.size() && toks[last].byte_end <= para.byte_end) ++last;
    FUZZ_CHECK(last > first && toks[first].byte_begin == para.byte_begin && toks[last - 1].byte_end == para.byte_end,
               at + " does not start and end on its tokens");
    uint32_t expect_tok = first;
    for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      const Sentence& sent = l.sentences[s];
      std::string sat = "sentence " + Num(s) + " [" + Num(sent.byte_begin) + "," + Num(sent.byte_end) + ") tokens [" +
                        Num(sent.token_begin) + "," + Num(sent.token_end) + ") in " + at;
      FUZZ_CHECK(sent.paragraph_idx == p, sat + " names paragraph " + Num(sent.paragraph_idx));
      FUZZ_CHECK(sent.token_begin == expect_tok, sat + ": expected its first token to be " + Num(expect_tok));
      FUZZ_CHECK(sent.token_begin < sent.token_end && sent.token_end <= last, sat + ": empty or past the paragraph's last token " + Num(last));
      FUZZ_CHECK(sent.byte_begin == toks[sent.token_begin].byte_begin && sent.byte_end == toks[sent.token_end - 1].byte_end,
                 sat + ": bytes do not match its tokens");
      FUZZ_CHECK(para.byte_begin <= sent.byte_begin && sent.byte_end <= para.byte_end, sat + " lies outside its paragraph");
      expect_tok = sent.token_end;
    }
    FUZZ_CHECK(expect_tok == last, at + ": sentences end at token " + Num(expect_tok) + ", paragraph at " + Num(last));
    next_sentence = para.sentence_end;
    next_token = last;
  }
  FUZZ_CHECK(next_sentence == l.sentences.size(), "sentences after the last paragraph: " + Num(l.sentences.size() - next_sentence));
  for (size_t q = 0; q < l.quote_spans.size(); ++q) {
    const QuoteSpan& s = l.quote_spans[q];
    std::string at = "quote span " + Num(q) + " [" + Num(s.byte_begin) + "," + Num(s.byte_end) + ") of text size " + Num(t.size());
    FUZZ_CHECK(s.byte_begin < s.byte_end && s.byte_end <= t.size(), at + " is empty or outside the text");
    if (q > 0) FUZZ_CHECK(l.quote_spans[q - 1].byte_begin <= s.byte_begin, at + " not sorted by start");
  }
}

// Checks a Document produced by any reader.
inline void CheckDocument(const Document& d) {
  const std::string& t = d.text;
  FUZZ_CHECK(ValidUtf8(t), "document text is not valid UTF-8 after repair");
  FUZZ_CHECK(ValidUtf8(d.title), "title is not valid UTF-8");
  FUZZ_CHECK(d.title_byte_begin <= d.title_byte_end && d.title_byte_end <= d.body_byte_begin && d.body_byte_begin <= t.size(),
             "spans out of order: title [" + Num(d.title_byte_begin) + "," + Num(d.title_byte_end) + ") body at " +
                 Num(d.body_byte_begin) + " text size " + Num(t.size()));
  FUZZ_CHECK(t.compare(d.title_byte_begin, d.title_byte_end - d.title_byte_begin, d.title) == 0,
             "title differs from text[title span]: \"" + d.title + "\"");
  FUZZ_CHECK(d.title.find('\n') == std::string::npos, "title spans lines");
  FUZZ_CHECK(d.content_hash.size() == 64, "content hash of size " + Num(d.content_hash.size()));
  FUZZ_CHECK(!d.id.empty(), "empty id");
  FUZZ_CHECK(d.replaced_bytes <= t.size(), "more replaced bytes than text");
  if (d.published) FUZZ_CHECK(IsIsoDate(*d.published), "published is not YYYY-MM-DD: " + *d.published);
  if (d.format == SourceFormat::kPlainText) {
    // Offsets are the file's: raw = (BOM) + text, repaired bytes counted one for one.
    FUZZ_CHECK(d.raw.size() == t.size() + d.raw_byte_shift,
               "raw size " + Num(d.raw.size()) + " != text size " + Num(t.size()) + " + shift " + Num(d.raw_byte_shift));
    uint64_t differ = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == d.raw[i + d.raw_byte_shift]) continue;
      FUZZ_CHECK(t[i] == '?', "text byte " + Num(i) + " changed to something other than '?'");
      ++differ;
    }
    FUZZ_CHECK(differ == d.replaced_bytes, Num(differ) + " bytes changed, " + Num(d.replaced_bytes) + " counted");
  }
}

}  // namespace hearsay::fuzz
