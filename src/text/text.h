#pragma once
// The text stage: tokens, sentences, paragraphs (with their kind: title, heading, caption,
// body) and quotation spans, all as byte offsets into Document::text.
//
// Invariants (tested as properties over the seeds, the examples and fuzzed input):
//   * tokens are sorted, non-overlapping, non-empty, and never contain white space;
//   * every sentence lies inside one paragraph, sentences tile the tokens of their
//     paragraph in order, and no token lies outside a sentence except the seed-layout
//     date prefix and bytes outside every paragraph (blank lines);
//   * text.substr(span) is exactly the token, sentence or paragraph.
//
//   hearsay::TextLayout layout = hearsay::text::AnalyzeText(doc);
//   for (const auto& s : layout.sentences) Use(doc.text.substr(s.byte_begin, s.byte_end - s.byte_begin));
//
// Thread safety: pure functions of their input.

#include <cstdint>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::text {

// Appends the tokens of text[byte_begin, byte_end) to *out. Expects valid UTF-8.
void Tokenize(std::string_view text, uint32_t byte_begin, uint32_t byte_end, std::vector<Token>* out);

// Full layout of a document.
TextLayout AnalyzeText(const Document& doc);

// Layout of text with the headline at [title_begin, title_end) (empty: no headline).
TextLayout AnalyzeTextSpan(std::string_view text, uint32_t title_begin, uint32_t title_end);

// Whether a paragraph is a heading or a caption, from its text alone.
bool LooksLikeHeading(std::string_view paragraph);
bool LooksLikeCaption(std::string_view paragraph);

}  // namespace hearsay::text
