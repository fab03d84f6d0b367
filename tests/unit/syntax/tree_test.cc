// The tree-query API (syntax/tree.h) on hand-built UD trees of invented sentences.
#include <gtest/gtest.h>

#include "syntax/tree.h"

namespace hearsay::syntax {
namespace {

struct W {
  const char* form;
  const char* lemma;
  Upos upos;
  int head;  // 1-based, 0 = root
  Rel rel;
  Subtype sub = Subtype::kNone;
};

// One parsed sentence; word i of the spec is Syntax::words[i].
Syntax Build(std::initializer_list<W> spec) {
  Syntax s;
  uint32_t at = 0;
  for (const W& w : spec) {
    Word x;
    x.byte_begin = at;
    at += uint32_t(std::string_view(w.form).size());
    x.byte_end = at++;
    x.lemma = w.lemma;
    x.upos = w.upos;
    x.head = w.head - 1;
    x.rel = w.rel;
    x.sub = w.sub;
    s.words.push_back(x);
  }
  s.sentences.push_back(SentenceParse{0, 0, uint32_t(s.words.size()), true});
  return s;
}

using U = Upos;
using R = Rel;

TEST(Tree, SubjectThroughSubjectControlAndNegation) {
  // Nola was obliged not to date anyone
  Syntax s = Build({{"Nola", "Nola", U::kPROPN, 3, R::kNsubj, Subtype::kPass},
                    {"was", "be", U::kAUX, 3, R::kAux, Subtype::kPass},
                    {"obliged", "oblige", U::kVERB, 0, R::kRoot},
                    {"not", "not", U::kPART, 6, R::kAdvmod},
                    {"to", "to", U::kPART, 6, R::kMark},
                    {"date", "date", U::kVERB, 3, R::kXcomp},
                    {"anyone", "anyone", U::kPRON, 6, R::kObj}});
  Tree t(s);
  EXPECT_EQ(t.Subject(5), 0);
  EXPECT_TRUE(t.IsPassive(2));
  EXPECT_FALSE(t.IsPassive(5));
  EXPECT_EQ(t.NegationOf(5), 3);
  EXPECT_FALSE(t.Negated(2));
  EXPECT_EQ(t.Object(5), 6);
}

TEST(Tree, ObjectControlTakesTheObjectAsSubject) {
  // Ravi told Mina to leave
  Syntax s = Build({{"Ravi", "Ravi", U::kPROPN, 2, R::kNsubj},
                    {"told", "tell", U::kVERB, 0, R::kRoot},
                    {"Mina", "Mina", U::kPROPN, 2, R::kObj},
                    {"to", "to", U::kPART, 5, R::kMark},
                    {"leave", "leave", U::kVERB, 2, R::kXcomp}});
  Tree t(s);
  EXPECT_EQ(t.Subject(4), 2);
  EXPECT_EQ(t.Subject(1), 0);
}

TEST(Tree, ConjunctPredicatesShareTheFirstSubjectAndNegationDoesNotLeak) {
  // Ivo met Lia and did not marry her
  Syntax s = Build({{"Ivo", "Ivo", U::kPROPN, 2, R::kNsubj},
                    {"met", "meet", U::kVERB, 0, R::kRoot},
                    {"Lia", "Lia", U::kPROPN, 2, R::kObj},
                    {"and", "and", U::kCCONJ, 7, R::kCc},
                    {"did", "do", U::kAUX, 7, R::kAux},
                    {"not", "not", U::kPART, 7, R::kAdvmod},
                    {"marry", "marry", U::kVERB, 2, R::kConj},
                    {"her", "she", U::kPRON, 7, R::kObj}});
  Tree t(s);
  EXPECT_EQ(t.Subject(6), 0);
  EXPECT_TRUE(t.Negated(6));
  EXPECT_FALSE(t.Negated(1));
  EXPECT_EQ(t.ModalOf(6), -1);  // "did" is no modal
}

TEST(Tree, WithoutIsNoNegation) {
  // her first birthday without her mom
  Syntax s = Build({{"her", "she", U::kPRON, 3, R::kNmod, Subtype::kPoss},
                    {"first", "first", U::kADJ, 3, R::kAmod},
                    {"birthday", "birthday", U::kNOUN, 0, R::kRoot},
                    {"without", "without", U::kADP, 6, R::kCase},
                    {"her", "she", U::kPRON, 6, R::kNmod, Subtype::kPoss},
                    {"mom", "mom", U::kNOUN, 3, R::kNmod}});
  Tree t(s);
  EXPECT_FALSE(t.Negated(2));
  EXPECT_FALSE(t.Negated(5));
}

TEST(Tree, SpeechVerbGoverningAClauseModalAndPath) {
  // A friend said that Pia might marry Oren
  Syntax s = Build({{"A", "a", U::kDET, 2, R::kDet},
                    {"friend", "friend", U::kNOUN, 3, R::kNsubj},
                    {"said", "say", U::kVERB, 0, R::kRoot},
                    {"that", "that", U::kSCONJ, 7, R::kMark},
                    {"Pia", "Pia", U::kPROPN, 7, R::kNsubj},
                    {"might", "might", U::kAUX, 7, R::kAux},
                    {"marry", "marry", U::kVERB, 3, R::kCcomp},
                    {"Oren", "Oren", U::kPROPN, 7, R::kObj}});
  Tree t(s);
  auto is_speech = [](std::string_view lemma) { return lemma == "say" || lemma == "tell"; };
  EXPECT_EQ(t.GoverningVerb(6, is_speech), 2);
  EXPECT_EQ(t.GoverningVerb(7, is_speech), 2);  // the object of the reported clause
  EXPECT_EQ(t.GoverningVerb(2, is_speech), -1);
  EXPECT_EQ(t.Subject(2), 1);
  EXPECT_EQ(t.ModalOf(6), 5);
  EXPECT_EQ(t.Path(4, 1), (std::vector<int>{4, 6, 2, 1}));
  EXPECT_TRUE(t.Dominates(6, 7));
  EXPECT_FALSE(t.Dominates(6, 1));
  EXPECT_EQ(t.Span(6), (std::pair<int, int>{3, 7}));
  EXPECT_EQ(t.ClauseOf(7), 6);
}

TEST(Tree, UnparsedWordsAnswerNone) {
  Syntax s = Build({{"Hello", "hello", U::kINTJ, 0, R::kRoot}});
  s.words[0].head = -1;
  s.sentences[0].parsed = false;
  Tree t(s);
  EXPECT_EQ(t.Subject(0), -1);
  EXPECT_EQ(t.Head(0), -1);
  EXPECT_TRUE(t.Path(0, 0) == std::vector<int>{0});
}

}  // namespace
}  // namespace hearsay::syntax
