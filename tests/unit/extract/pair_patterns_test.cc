// Relations between two people stated by plural subjects, relative clauses, kin phrases, lists
// and denial frames (docs/extract.md, "relations" and "Pronouns and plural references"). Texts
// are invented for this test, about the invented people of examples/README.md.
#include <gtest/gtest.h>

#include "analyze_for_test.h"

namespace hearsay::extract {
namespace {

using testing::EntityName;

DocumentAnalysis Analyze(const std::string& body) {
  std::string raw = " date 2025-06-01 Invented Test Headline\n" + body + "\n";
  auto doc = ingest::ParsePlainText("test.txt", raw);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return testing::AnalyzeForTest(*doc);
}

// Is there a claim `predicate` between people whose names hold `x` and `y` (either order for
// symmetric predicates) with that polarity?
bool Has(const DocumentAnalysis& a, const std::string& x, const std::string& predicate, const std::string& y,
         Polarity polarity = Polarity::kAffirmed, bool symmetric = false) {
  for (const Claim& c : a.claims) {
    if (hearsay::PredicateName(c.predicate) != predicate || c.polarity != polarity || c.object_entity < 0) continue;
    std::string s = EntityName(a, c.subject_entity), o = EntityName(a, c.object_entity);
    bool fwd = s.find(x) != std::string::npos && o.find(y) != std::string::npos;
    bool rev = o.find(x) != std::string::npos && s.find(y) != std::string::npos;
    if (fwd || (symmetric && rev)) return true;
  }
  return false;
}

TEST(PairPatterns, CoordinatedSubjectsOfReciprocalVerbs) {
  DocumentAnalysis a = Analyze(
      "Callum Rourke, 43, and Marisol Quenby, 34, married in 2013 and divorced in 2021. They "
      "share two children.");
  EXPECT_TRUE(Has(a, "Quenby", "spouse_of", "Rourke", Polarity::kAffirmed, true));
  EXPECT_TRUE(Has(a, "Quenby", "divorced_from", "Rourke", Polarity::kAffirmed, true));
  // The last two of a longer list are no couple.
  DocumentAnalysis b = Analyze(
      "Teo Marchetti met Dex Okafor, Lorcan Ashby and Declan Ashby in Milan. They married in 2019.");
  EXPECT_FALSE(Has(b, "Lorcan", "spouse_of", "Declan", Polarity::kAffirmed, true));
}

TEST(PairPatterns, WeInANamedQuotationIsTheSpeakerAndHerPartner) {
  DocumentAnalysis a = Analyze(
      "\"Lorcan Ashby and I are colleagues,\" Marisol Quenby said. \"We are not dating.\"");
  EXPECT_TRUE(Has(a, "Quenby", "dating", "Ashby", Polarity::kDenied, true));
}

TEST(PairPatterns, RelativeObjectsAndChildrenLists) {
  DocumentAnalysis a = Analyze(
      "Callum Rourke and Marisol Quenby have two children: Ezra Rourke, 12, whom they adopted in "
      "2017, and daughter Juniper Rourke, 10.");
  EXPECT_TRUE(Has(a, "Ezra", "adopted_child_of", "Quenby"));
  EXPECT_TRUE(Has(a, "Ezra", "adopted_child_of", "Callum"));
  EXPECT_TRUE(Has(a, "Juniper", "child_of", "Quenby"));
  EXPECT_TRUE(Has(a, "Ezra", "sibling_of", "Juniper", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(a, "Juniper", "child_of", "Ezra"));  // a listed child is no anchor
}

TEST(PairPatterns, CoParentsOfAListAfterWithWhomOrTheCoupleJustNamed) {
  for (const char* text :
       {"Callum Rourke married the painter Marisol Quenby, with whom he had three children, Juniper "
        "Rourke, Ezra Rourke and Finn Rourke.",
        "Callum Rourke is married to Marisol Quenby, a painter. They have two children: Juniper Rourke "
        "and Ezra Rourke."}) {
    DocumentAnalysis a = Analyze(text);
    for (const char* parent : {"Quenby", "Callum"}) EXPECT_TRUE(Has(a, "Ezra", "child_of", parent)) << text;
    EXPECT_TRUE(Has(a, "Ezra", "sibling_of", "Juniper", Polarity::kAffirmed, true)) << text;
  }
  // No couple named just before: "they" stays unresolved, no parent is guessed.
  DocumentAnalysis c = Analyze(
      "Callum Rourke met Marisol Quenby in Milan. The festival ran for a week. Tickets sold out. "
      "They have two children: Ezra Rourke and Juniper Rourke.");
  EXPECT_FALSE(Has(c, "Ezra", "child_of", "Quenby"));
  EXPECT_TRUE(Has(c, "Ezra", "sibling_of", "Juniper", Polarity::kAffirmed, true));
}

TEST(PairPatterns, AListedChildResolvedToItsParentGivesNoClaim) {
  // The tagger and resolve may join a child's one-word name to the parent sharing it.
  DocumentAnalysis a = Analyze(
      "Callum Rourke is married to Marisol Quenby. They have three children: Callum, Ezra and Juniper.");
  for (const Claim& c : a.claims)
    if (c.predicate == hearsay::Predicate::kChildOf || c.predicate == hearsay::Predicate::kSiblingOf) {
      EXPECT_FALSE(EntityName(a, c.subject_entity).find("Rourke") != std::string::npos &&
                   EntityName(a, c.object_entity).find("Quenby") != std::string::npos)
          << c.predicate << " " << EntityName(a, c.subject_entity) << " " << EntityName(a, c.object_entity);
    }
}

TEST(PairPatterns, ASiblingNamedByFirstNameOfAnotherFamilyIsNoSibling) {
  // Resolve joins "Teo" to the only Teo named before, of another family: no claim on him.
  DocumentAnalysis a = Analyze(
      "Teo Marchetti produced the album. Dana Vance thanked her brother Teo at the show.");
  EXPECT_FALSE(Has(a, "Vance", "sibling_of", "Marchetti", Polarity::kAffirmed, true));
  DocumentAnalysis b = Analyze(
      "Lorcan Vance produced the album. Dana Vance thanked her brother Lorcan at the show.");
  EXPECT_TRUE(Has(b, "Dana", "sibling_of", "Lorcan", Polarity::kAffirmed, true));
}

TEST(PairPatterns, APartnerInAnActivityIsNoRomance) {
  DocumentAnalysis a = Analyze("Dana Vance thanked her dance partner Teo Marchetti after the show.");
  EXPECT_FALSE(Has(a, "Vance", "dating", "Marchetti", Polarity::kAffirmed, true));
  DocumentAnalysis b = Analyze("Dana Vance thanked her partner Teo Marchetti after the show.");
  EXPECT_TRUE(Has(b, "Vance", "dating", "Marchetti", Polarity::kAffirmed, true));
}

TEST(PairPatterns, AKinNounModifyingTheNextWordIsNoRole) {
  DocumentAnalysis a = Analyze(
      "Dana Vance wore red. Dana posed beside her sister Lena Vance, whose dress was baby blue above the waist.");
  EXPECT_TRUE(Has(a, "Dana", "sibling_of", "Lena", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(a, "Lena", "child_of", "Dana"));
  EXPECT_TRUE(Has(Analyze("Lena Vance is the daughter of Dana Vance."), "Lena", "child_of", "Dana"));
}

TEST(PairPatterns, KinObjectsAndAppositiveSubjects) {
  DocumentAnalysis a = Analyze(
      "Finn Rourke, 19, his son from his first marriage to Greta Lindqvist, is estranged from his "
      "father.");
  // "his son" after the appositive name is not Finn's; no earlier person: no child claim, and
  // "his father" is nobody the text has related to Finn, so no estrangement either.
  EXPECT_FALSE(Has(a, "Finn", "estranged_from", "Lindqvist", Polarity::kAffirmed, true));
  DocumentAnalysis b = Analyze(
      "Callum Rourke hosts a cooking show in Edinburgh. Finn Rourke, 19, his son from his first "
      "marriage to Greta Lindqvist, is estranged from his father.");
  EXPECT_TRUE(Has(b, "Finn", "child_of", "Callum"));
  EXPECT_TRUE(Has(b, "Callum", "divorced_from", "Lindqvist", Polarity::kAffirmed, true));
  EXPECT_TRUE(Has(b, "Finn", "estranged_from", "Callum", Polarity::kAffirmed, true));
}

TEST(PairPatterns, BornToAndParentsAfterOf) {
  DocumentAnalysis a =
      Analyze("The actress Juniper Rourke was born in Edinburgh to chef Callum Rourke and actress Marisol Quenby.");
  EXPECT_TRUE(Has(a, "Juniper", "child_of", "Callum"));
  EXPECT_TRUE(Has(a, "Juniper", "child_of", "Quenby"));
  DocumentAnalysis b = Analyze("Ezra Rourke, son of the chef and presenter Callum Rourke and the actress Marisol Quenby, is 12.");
  EXPECT_TRUE(Has(b, "Ezra", "child_of", "Callum"));
  EXPECT_TRUE(Has(b, "Ezra", "child_of", "Quenby"));
}

TEST(PairPatterns, KinAfterABirthplaceACopulaOrACompoundName) {
  // An apposition after the birthplace describes the one born, not the place.
  DocumentAnalysis a = Analyze(
      "Juniper Rourke hosts a radio show. She was born in Leith, Edinburgh, the daughter of Callum Rourke and "
      "Marisol Quenby.");
  EXPECT_TRUE(Has(a, "Juniper", "child_of", "Callum"));
  EXPECT_TRUE(Has(a, "Juniper", "child_of", "Quenby"));
  EXPECT_FALSE(Has(a, "Edinburgh", "child_of", "Callum"));
  // "His younger brother was the chef X": the possessed kin noun's copula names the holder.
  DocumentAnalysis b = Analyze("Ezra Rourke studied law in Glasgow. His younger brother was the chef Finn Rourke.");
  EXPECT_TRUE(Has(b, "Ezra", "sibling_of", "Finn", Polarity::kAffirmed, true));
  DocumentAnalysis c = Analyze("Ezra Rourke studied law in Glasgow. His brother was Finn Rourke's business partner.");
  EXPECT_FALSE(Has(c, "Ezra", "sibling_of", "Finn", Polarity::kAffirmed, true));
}

TEST(PairPatterns, DenialFramesDenyWhatTheyIntroduce) {
  DocumentAnalysis a = Analyze(
      "Priya Castellane has denied reports that Marisol Quenby is dating Teo Marchetti.");
  EXPECT_TRUE(Has(a, "Quenby", "dating", "Marchetti", Polarity::kDenied, true));
  EXPECT_FALSE(Has(a, "Quenby", "dating", "Marchetti", Polarity::kAffirmed, true));
}

TEST(PairPatterns, APartnerNamedByAnEndingVerbIsAPartnerOfThePast) {
  // The role noun's own claim takes the ended form: no current marriage from "his wife".
  for (const char* text : {"In 2001, Teo Marchetti divorced Lena Quist, his wife of ten years, in Milan.",
                           "Lena Quist is adjusting to life after splitting from her husband Teo Marchetti."}) {
    DocumentAnalysis a = Analyze(text);
    EXPECT_FALSE(Has(a, "Quist", "spouse_of", "Marchetti", Polarity::kAffirmed, true)) << text;
    EXPECT_TRUE(Has(a, "Quist", "divorced_from", "Marchetti", Polarity::kAffirmed, true) ||
                Has(a, "Quist", "split_from", "Marchetti", Polarity::kAffirmed, true))
        << text;
  }
}

TEST(PairPatterns, ARoleNounAnchorsOnTheNameCoordinatedBeforeIt) {
  DocumentAnalysis a = Analyze(
      "Meanwhile, Dana Vance, 33, is expecting her first child with her boyfriend, Dex Okafor, while "
      "Nina Bell, 37, and husband Teo Marchetti, 40, are expecting a third.");
  EXPECT_TRUE(Has(a, "Bell", "spouse_of", "Marchetti", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(a, "Vance", "spouse_of", "Marchetti", Polarity::kAffirmed, true));
}

TEST(PairPatterns, AnUnknownPossessorOrRelativeAntecedentIsNoGuess) {
  // "Vo-Ka's wife": the possessor is nobody the article names as a person; no pairing with the
  // list member before.
  DocumentAnalysis a = Analyze(
      "Teo Marchetti's fiancee, Nina Bell, and Vo-Ka's wife, Dana Vance, also star in the show.");
  EXPECT_FALSE(Has(a, "Bell", "spouse_of", "Vance", Polarity::kAffirmed, true));
  // The relative clause is the singer's: not the twins' nor anyone named in it.
  DocumentAnalysis b = Analyze(
      "Lorcan Ashby spoke of his romance with the singer, who shares twins Ezra and Finn with "
      "ex-husband Teo Marchetti.");
  EXPECT_FALSE(Has(b, "Finn", "divorced_from", "Marchetti", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(b, "Ezra", "divorced_from", "Marchetti", Polarity::kAffirmed, true));
  // An adverbial clause without a subject takes its clause's: the champion's divorce.
  DocumentAnalysis c = Analyze(
      "The former champion, who was linked to Nina Bell in 2016, one year after divorcing Dex Okafor, "
      "has found a partner.");
  EXPECT_FALSE(Has(c, "Bell", "divorced_from", "Okafor", Polarity::kAffirmed, true));
}

TEST(PairPatterns, APossessedSubjectIsItsApposition) {
  DocumentAnalysis a = Analyze("Teo Marchetti's co-star, Marisol Quenby, divorced Callum Rourke.");
  EXPECT_TRUE(Has(a, "Quenby", "divorced_from", "Rourke", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(a, "Marchetti", "divorced_from", "Rourke", Polarity::kAffirmed, true));
}

TEST(PairPatterns, ACharacterAnActorPlaysIsNoParty) {
  DocumentAnalysis a = Analyze(
      "Dana Vance, who stars as detective Nina Bell on a crime drama, hired an investigator to tail her "
      "boyfriend, Teo Marchetti.");
  EXPECT_FALSE(Has(a, "Bell", "dating", "Marchetti", Polarity::kAffirmed, true));
}

TEST(PairPatterns, ADescriptionOrAFriendIsNoGuessedKin) {
  DocumentAnalysis a = Analyze("Teo Marchetti knows what a dedicated mother Lena Quist is.");
  EXPECT_FALSE(Has(a, "Quist", "parent_of", "Marchetti", Polarity::kAffirmed, true));
  DocumentAnalysis b = Analyze("Callum Rourke has a daughter, Juniper Rourke, from his first marriage.");
  EXPECT_TRUE(Has(b, "Juniper", "child_of", "Callum"));
  DocumentAnalysis c = Analyze(
      "Though Dana Vance and Teo Marchetti announced their split, friend Nina Bell said they still live together.");
  EXPECT_FALSE(Has(c, "Bell", "friends_with", "Marchetti", Polarity::kAffirmed, true));
  // Friends listed with a partner after "with": no co-anchor (that is for a child's co-parent).
  DocumentAnalysis d = Analyze(
      "They vacationed with friends Dana Vance and Dex Okafor and Lorcan Ashby with his fiancee Nina Bell.");
  EXPECT_FALSE(Has(d, "Vance", "friends_with", "Bell", Polarity::kAffirmed, true));
}

TEST(PairPatterns, EventNounsNeedTheirOwnParty) {
  DocumentAnalysis a = Analyze("Nina Bell believes her recent problems stem from the divorce with Teo Marchetti.");
  EXPECT_FALSE(Has(a, "Bell", "divorced_from", "Marchetti", Polarity::kAffirmed, true));
  DocumentAnalysis b = Analyze("Teo Marchetti kept up his friendly relationship with Lena Quist.");
  EXPECT_FALSE(Has(b, "Marchetti", "dating", "Quist", Polarity::kAffirmed, true));
}

TEST(PairPatterns, APairPhraseTakesThePairItsPluralNames) {
  DocumentAnalysis a = Analyze(
      "Dana Vance and Dex Okafor were seen in Rome. Rumours that the pair were an item surfaced soon "
      "after Dana Vance ended her marriage to Teo Marchetti.");
  EXPECT_TRUE(Has(a, "Vance", "dating", "Okafor", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(a, "Vance", "dating", "Marchetti", Polarity::kAffirmed, true));
}

TEST(PairPatterns, AGuessedAnchorDoesNotCrossACoordinatedClause) {
  DocumentAnalysis a = Analyze(
      "Dana Vance has twins Ezra and Finn, and the pitcher is the proud father of daughters Juniper and Rosa.");
  EXPECT_FALSE(Has(a, "Juniper", "child_of", "Finn"));
  EXPECT_FALSE(Has(a, "Juniper", "child_of", "Ezra"));
}

TEST(PairPatterns, AFianceTheSentenceMarriesIsASpouse) {
  DocumentAnalysis a = Analyze("Lena Quist married her fiance Teo Marchetti in June.");
  EXPECT_TRUE(Has(a, "Quist", "spouse_of", "Marchetti", Polarity::kAffirmed, true));
  EXPECT_FALSE(Has(a, "Quist", "engaged_to", "Marchetti", Polarity::kAffirmed, true));
}

TEST(PairPatterns, AChildOfAListIsNoAnchorForTheNext) {
  DocumentAnalysis a = Analyze(
      "She and husband Callum Rourke have four kids: Ezra and 19-month-old son Finn, as well as "
      "Juniper and son Dex, 10, from his first marriage.");
  EXPECT_FALSE(Has(a, "Finn", "child_of", "Ezra"));
  EXPECT_FALSE(Has(a, "Dex", "child_of", "Juniper"));
}

TEST(PairPatterns, APossessiveBeforeItsPhraseIsNoObject) {
  DocumentAnalysis a = Analyze(
      "His marriage to Lena Quist (daughter of his onscreen co-star Nina Bell) lasted four years, Teo "
      "Marchetti said.");
  EXPECT_FALSE(Has(a, "Quist", "child_of", "Marchetti"));
}

}  // namespace
}  // namespace hearsay::extract
