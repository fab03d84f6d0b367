// Fuzz target: tokenizer + layout (AnalyzeTextSpan, Tokenize) with the invariants of
// text/text.h checked on every input.
//
// Input format: byte 0 picks the mode, the rest is the text.
//   bit 0   repair invalid UTF-8 first (the tokenizer's precondition; ingest always does)
//   bit 1-2 headline: 0 none, 1 the first line, 2 a span inside the first line chosen by
//           bytes 1-2 of the text, 3 the first line after a " date YYYY-MM-DD " prefix
// Without repair only the shape invariants are checked (sorted, inside, tiling), since
// Tokenize expects valid UTF-8; that run still catches out-of-bounds reads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "fuzz_check.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool repaired = mode & 1;
  if (repaired) hearsay::utf8::RepairUtf8(text);
  const std::string_view t(text);

  uint32_t line_end = static_cast<uint32_t>(std::min(t.find('\n'), t.size()));
  uint32_t tb = 0, te = 0;
  switch ((mode >> 1) & 3) {
    case 0: break;
    case 1: te = line_end; break;
    case 2:
      if (t.size() >= 2 && line_end > 0) {
        tb = static_cast<uint8_t>(t[0]) % (line_end + 1);
        te = tb + static_cast<uint8_t>(t[1]) % (line_end - tb + 1);
      }
      break;
    case 3:
      tb = std::min<uint32_t>(line_end, 16);
      te = line_end;
      break;
  }

  hearsay::TextLayout layout = hearsay::text::AnalyzeTextSpan(t, tb, te);
  hearsay::fuzz::CheckLayout(t, layout, repaired);
  size_t titles = 0;
  for (const auto& p : layout.paragraphs) titles += p.kind == hearsay::BlockKind::kTitle;
  FUZZ_CHECK(titles <= 1, "more than one title paragraph: " + hearsay::fuzz::Num(titles));

  // The tokenizer alone over the whole text, and over a sub-range, keeps its invariants
  // and never reaches outside [begin, end).
  std::vector<hearsay::Token> toks;
  hearsay::text::Tokenize(t, 0, static_cast<uint32_t>(t.size()), &toks);
  if (t.size() >= 4) {
    uint32_t b = static_cast<uint8_t>(t[2]) % t.size();
    uint32_t e = b + static_cast<uint8_t>(t[3]) % (t.size() - b + 1);
    std::vector<hearsay::Token> sub;
    hearsay::text::Tokenize(t, b, e, &sub);
    for (const auto& k : sub)
      FUZZ_CHECK(b <= k.byte_begin && k.byte_end <= e, "token [" + hearsay::fuzz::Num(k.byte_begin) + "," +
                 hearsay::fuzz::Num(k.byte_end) + ") outside the range [" + hearsay::fuzz::Num(b) + "," + hearsay::fuzz::Num(e) + ")");
  }
  hearsay::TextLayout only_tokens;
  only_tokens.tokens = std::move(toks);
  hearsay::fuzz::CheckLayout(t, only_tokens, repaired);
  // The classifiers take any paragraph text.
  (void)hearsay::text::LooksLikeHeading(t.substr(0, line_end));
  (void)hearsay::text::LooksLikeCaption(t.substr(0, line_end));
  return 0;
}
