#pragma once
// The parser model's parts and the feature functions shared by inference (parser.cc) and
// training (train/). Internal to the syntax stage.
//
// Pipeline per sentence: word hashes (WordInfo) -> tagger (greedy, left to right, one
// class per UPOS+XPOS pair) -> lemmas (table, then suffix rules per XPOS) -> arc-hybrid
// transition parser (greedy, unlabelled: SHIFT / LEFT / RIGHT; ROOT at the end of the
// buffer, so exactly one word attaches to it) -> arc labeller (one label per arc,
// children of a head labelled left to right, seeing the labels already given).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/internal/linear.h"
#include "syntax/syntax.h"

namespace hearsay::syntax {

inline constexpr char kParserMagic[8] = {'H', 'S', 'P', 'A', 'R', 'S', 'E', 'R'};
inline constexpr uint32_t kParserFormatVersion = 2;  // 2: 32-bit fingerprints, int16 weights
// Bump when any feature template below changes: a model trained with other templates is
// refused at load.
inline constexpr uint32_t kSyntaxFeatureVersion = 4;
inline constexpr const char* kParserModelFile = "parser.hsp";

// ---- hashing ------------------------------------------------------------------------
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  return x;
}
inline uint64_t HashStr(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
inline uint64_t F(uint64_t tmpl, uint64_t a) { return Mix(tmpl, a); }
inline uint64_t F(uint64_t tmpl, uint64_t a, uint64_t b) { return Mix(Mix(tmpl, a), b); }
inline uint64_t F(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) { return Mix(Mix(Mix(tmpl, a), b), c); }

// ---- per-word information -----------------------------------------------------------
struct WordInfo {
  std::string norm;   // the form with typographic quotes/apostrophes/dashes made ASCII
  std::string lower;  // norm, ASCII lower-cased
  uint64_t form = 0, low = 0, suf1 = 0, suf2 = 0, suf3 = 0, suf4 = 0, pre1 = 0, pre2 = 0, shape = 0;
  uint64_t cluster = 0;  // distributional class (0: none)
  uint64_t amb = 0;      // ambiguity class: the set of tagger classes the word had in training (0: unseen)
};
WordInfo MakeWordInfo(std::string_view form);

// Multi-word tokens learnt from the treebank: lower-cased surface -> split offsets.
// Also the prefixes the treebank keeps joined to a hyphen ("e-mail", "co-workers"); other
// hyphenated words are split ("62-year-old" -> 62 - year - old), as the treebank does.
struct MultiwordTable {
  std::unordered_map<std::string, std::vector<uint8_t>> splits;
  std::unordered_map<std::string, uint8_t> hyphen_prefixes;  // lower-cased prefix -> 1
};

// ---- tagger -------------------------------------------------------------------------
struct TagClass {
  Upos upos;
  uint8_t xpos;
};
inline constexpr int kMaxTagFeatures = 40;
// Features of word i given the tags already chosen for words < i (tags[j] = class id).
int TagFeatures(const std::vector<WordInfo>& w, size_t i, const int* tags, uint64_t* out);

// ---- parser -------------------------------------------------------------------------
enum Move : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumMoves = 3;
inline constexpr int kMaxParseFeatures = 80;

// Arc-hybrid configuration over n words; index n is ROOT.
struct ParseState {
  explicit ParseState(int n);
  int n;
  std::vector<int> stack;
  int b = 0;                   // front of the buffer (n: only ROOT left)
  std::vector<int> head;       // -1 until attached; n for ROOT
  std::vector<int> lc1, lc2, rc1, rc2;  // leftmost two / rightmost two children, -1 none
  std::vector<uint8_t> nl, nr;          // number of left / right children
  bool Terminal() const { return stack.empty() && b >= n; }
  bool Legal(Move m) const;
  void Apply(Move m);
  void Attach(int h, int d);
};

// What the parse features read of each word: lexical hash and XPOS tag.
struct ParseWord {
  uint64_t low;
  uint64_t cluster;
  int tag;            // xpos id
  bool closed;        // function-word XPOS (auxiliaries, prepositions, wh-words, ...)
};
// All transition features of state s: ContextFeatures, then RoleFeatures of each role.
int ParseFeatures(const std::vector<ParseWord>& w, const ParseState& s, uint64_t* out);
// Roles whose templates read one word only (its form, tag and cluster): their features are
// the same whenever the same word fills the role, so the decoder keeps their weight sums per
// (role, word). RoleWords gives the word filling each role (-1 none, s.n ROOT).
enum Role : int { kRoleS0, kRoleS1, kRoleS2, kRoleB0, kRoleB1, kRoleB2, kRoleS0L, kRoleS0R, kRoleS1R, kRoleB0L, kRoleS1L, kNumRoles };
inline constexpr int kMaxRoleFeatures = 4;
void RoleWords(const ParseState& s, int* words);                                   // words[kNumRoles]
int RoleFeatures(const std::vector<ParseWord>& w, int role, int i, uint64_t* out);  // at most kMaxRoleFeatures
// The other templates: word pairs and triples, children's tags, distances, valencies.
int ContextFeatures(const std::vector<ParseWord>& w, const ParseState& s, const int* roles, uint64_t* out);

// ---- labeller -----------------------------------------------------------------------
inline constexpr int kMaxLabelFeatures = 48;
// Features of the arc head[d] -> d; labels[] holds the labels given so far (-1: none).
int LabelFeatures(const std::vector<WordInfo>& info, const std::vector<ParseWord>& w, const std::vector<int>& head,
                  const std::vector<int>& labels, const std::vector<std::vector<int>>& children, int d, uint64_t* out);

// ---- lemmas -------------------------------------------------------------------------
struct LemmaRule {
  uint8_t strip = 0;
  std::string append;
};
struct Lemmatizer {
  static uint64_t Key(std::string_view lower, uint8_t xpos_id) { return Mix(HashStr(lower), uint64_t(xpos_id) + 1); }
  std::unordered_map<uint64_t, std::string> exceptions;  // Key(lower form, XPOS) -> lemma
  // Per XPOS: HashStr(suffix of up to 5 bytes, lower case) -> most frequent rule for words ending so.
  std::vector<std::unordered_map<uint64_t, LemmaRule>> rules;
  std::string Lemma(const WordInfo& w, Upos upos, uint8_t xpos_id) const;
};

// The decoders over any weights (training evaluates models that are not finished).
// Frequent unambiguous words (form hash -> tagger class) are tagged without scoring, as the
// treebank tags them (seen at least 20 times, one class in at least 99.5% of them).
using TagDictionary = std::unordered_map<uint64_t, uint8_t>;
void TagSentence(const LinearModel& tagger, int num_classes, const TagDictionary* dict,
                 const std::vector<WordInfo>& info, std::vector<int>* tags);
void ParseSentence(const LinearModel& transitions, const std::vector<ParseWord>& w, std::vector<int>* head);

// ---- the model ----------------------------------------------------------------------
class ParserModel {
 public:
  std::vector<std::string> xpos_names;   // id -> "NN"
  std::vector<std::string> label_names;  // id -> "nsubj:pass"; label 0 is "root"
  std::vector<Rel> label_rels;           // id -> universal relation
  std::vector<TagClass> tag_classes;     // tagger class -> (UPOS, XPOS)
  std::vector<bool> xpos_closed;         // id -> function-word XPOS (IsClosedXpos)
  MultiwordTable multiword;
  TagDictionary tag_dictionary;
  std::unordered_map<uint64_t, uint16_t> clusters;  // HashStr(lower) -> coarse cluster + 1
  std::unordered_map<uint64_t, uint64_t> ambiguity; // HashStr(lower) -> hash of its training classes
  Lemmatizer lemmatizer;
  LinearModel tagger, transitions, labeller;
  std::string provenance;  // data, command and seed the model was trained with

  std::string Serialize() const;  // deterministic
  Status Deserialize(std::string_view bytes, const std::string& name);
  int LabelId(std::string_view label) const;  // -1 if unknown
  int XposId(std::string_view xpos) const;    // -1 if unknown

  // The stages on one sentence of words (WordInfo filled by caller).
  void Tag(const std::vector<WordInfo>& info, std::vector<int>* tags) const;
  void ParseHeads(const std::vector<ParseWord>& w, std::vector<int>* head) const;
  void Label(const std::vector<WordInfo>& info, const std::vector<ParseWord>& w, const std::vector<int>& head,
             std::vector<int>* labels) const;
  void FillClusters(std::vector<WordInfo>* info) const;
  // Drops small weights of the three linear models (model size against accuracy).
  void Prune(float threshold);
  std::string SizeReport() const;  // rows and cells of each linear model
};

// Function-word XPOS tags whose words the labeller reads (MD, VB*, TO, IN, RP, POS, W*, EX, DT, CC).
bool IsClosedXpos(std::string_view xpos);

// Children lists (in order) from heads; ROOT (index n) included as the last list.
std::vector<std::vector<int>> ChildrenOf(const std::vector<int>& head);

}  // namespace hearsay::syntax

namespace hearsay::syntax {
// Tags, lemmatises and (when `parse`) parses one sentence of words in place; heads are
// indices into *words, -1 for the root.
void RunSentence(const ParserModel& m, std::string_view text, std::vector<Word>* words, bool parse);
}  // namespace hearsay::syntax
