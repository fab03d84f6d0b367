#pragma once
// UTF-8 helpers for byte-offset text processing.
//
// hearsay keeps every offset a byte offset into the original text, so repair never
// changes lengths: RepairUtf8 replaces each byte that is not part of a well-formed UTF-8
// sequence (RFC 3629: no overlongs, no surrogates, <= U+10FFFF) by '?', one for one.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay::utf8 {

// Replaces invalid bytes in place; returns how many were replaced. `first_bad_byte`
// receives the offset of the first one (unchanged when there is none).
uint32_t RepairUtf8(std::string& text, uint64_t* first_bad_byte = nullptr);

// Length of the well-formed sequence starting at text[i], or 0 if it is not one.
int SequenceLength(std::string_view text, size_t i);

// Decodes the code point at text[i] (assumes well-formed input); sets *len.
char32_t Decode(std::string_view text, size_t i, int* len);

// Coarse Unicode classes for the scripts celebrity news is written in (Latin, Greek,
// Cyrillic letters and the common punctuation blocks); no ICU on the hot path.
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsSpace(char32_t c);        // includes NBSP, thin spaces, line/paragraph separators
bool IsDash(char32_t c);         // – — ‒ ― -
bool IsQuoteMark(char32_t c);    // " “ ” „ « » ' ‘ ’ ‚
bool IsOpeningQuote(char32_t c); // “ „ « ‘ ‚

// The words of a name folded for comparison: ASCII letters and digits lower-cased, Latin
// letters without their accents ("Díaz-Canel" -> "diaz", "canel"), apostrophes and dots
// dropped ("O'Brien" -> "obrien"), other punctuation a word break, a trailing possessive
// "'s" removed; letters of other scripts kept as written.
std::vector<std::string> FoldedWords(std::string_view name);

}  // namespace hearsay::utf8
