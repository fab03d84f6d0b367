#pragma once
// The syntax stage's records: UD words with part-of-speech tags, lemmas and a labelled
// dependency tree per sentence (src/syntax/syntax.h produces them; src/syntax/tree.h
// queries them). Spans are byte ranges into Document::text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay::syntax {

// Universal part-of-speech tags, in the order of the UD guidelines.
enum class Upos : uint8_t { kADJ, kADP, kADV, kAUX, kCCONJ, kDET, kINTJ, kNOUN, kNUM, kPART, kPRON, kPROPN,
                            kPUNCT, kSCONJ, kSYM, kVERB, kX };
inline constexpr int kNumUpos = 17;
const char* UposName(Upos u);
bool UposFromName(std::string_view name, Upos* out);

// Universal dependency relations (the part of a label before ':').
enum class Rel : uint8_t { kAcl, kAdvcl, kAdvmod, kAmod, kAppos, kAux, kCase, kCc, kCcomp, kClf, kCompound,
                           kConj, kCop, kCsubj, kDep, kDet, kDiscourse, kDislocated, kExpl, kFixed, kFlat,
                           kGoeswith, kIobj, kList, kMark, kNmod, kNsubj, kNummod, kObj, kObl, kOrphan,
                           kParataxis, kPunct, kReparandum, kRoot, kVocative, kXcomp };
inline constexpr int kNumRel = 37;
const char* RelName(Rel r);
bool RelFromLabel(std::string_view label, Rel* out);  // "nsubj:pass" -> kNsubj

// The subtype after ':' in a label ("nsubj:pass" -> kPass), for the subtypes EWT uses.
enum class Subtype : uint8_t { kNone, kPass, kPoss, kRelcl, kPrt, kAgent, kUnmarked, kOuter, kPreconj, kPredet,
                               kDesc, kOther };
Subtype SubtypeFromLabel(std::string_view label);

struct Word {
  uint32_t byte_begin = 0;  // into Document::text; inside token `token`
  uint32_t byte_end = 0;
  uint32_t token = 0;       // index into TextLayout::tokens
  int32_t head = -1;        // index into Syntax::words; -1 for the sentence's root
  Upos upos = Upos::kX;
  Rel rel = Rel::kDep;
  Subtype sub = Subtype::kNone;
  uint8_t xpos = 0;         // id into the model's XPOS names (Parser::XposName)
  uint8_t label = 0;        // id into the model's full labels ("nsubj:pass"; Parser::LabelName)
  std::string lemma;
};

struct SentenceParse {
  uint32_t sentence = 0;    // index into TextLayout::sentences
  uint32_t word_begin = 0;  // half-open range into Syntax::words
  uint32_t word_end = 0;
  bool parsed = false;      // false: no tree (sentence not selected: words only; or too long: tags only)
};

struct Syntax {
  std::vector<Word> words;
  std::vector<SentenceParse> sentences;  // one per TextLayout sentence, in order
};

}  // namespace hearsay::syntax
