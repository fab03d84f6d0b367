// Attribution records (docs/extract.md, "Attributions"): one per quote with its speaker, one per
// reported-speech frame, the source's words as byte offsets; the learned cue model's file format
// and the attributions it adds. Texts are invented for this test.
#include <gtest/gtest.h>

#include "analyze_for_test.h"
#include "extract/attribution_model.h"
#include "extract/lexicon.h"

namespace hearsay::extract {
namespace {

struct Analysed {
  Document doc;
  DocumentAnalysis a;
  std::string Slice(uint32_t b, uint32_t e) const { return doc.text.substr(b, e - b); }
};

Analysed Analyze(const std::string& body, const AttributionModel* model) {
  auto doc = ingest::ParsePlainText("test.txt", " date 2025-06-01 Invented Test Headline\n" + body + "\n");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Analysed r{*doc, {}};
  r.a = testing::AnalyzeForTest(r.doc);
  ExtractClaims(r.doc, &r.a, model);
  return r;
}

TEST(Attributions, QuoteIsADirectAttributionWithItsSpeakersWords) {
  Analysed r = Analyze("\"We are thrilled about the new tour,\" a source told the Daily Lantern.", nullptr);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  ASSERT_GE(r.a.attributions.size(), 1u);
  const AttributionRecord& d = r.a.attributions[0];
  EXPECT_EQ(d.kind, AttributionKind::kDirect);
  EXPECT_EQ(d.quote_idx, 0);
  EXPECT_EQ(d.source.kind, SourceKind::kAnonymous);
  EXPECT_EQ(r.Slice(d.source.byte_begin, d.source.byte_end), "a source");
  EXPECT_EQ(r.Slice(d.cue_byte_begin, d.cue_byte_end), "told");
  EXPECT_EQ(r.Slice(d.content_byte_begin, d.content_byte_end), "\"We are thrilled about the new tour,\"");
}

TEST(Attributions, ReportedSpeechIsAnIndirectAttribution) {
  Analysed r = Analyze("Bram Oduya said that the summer festival would move to a larger park.", nullptr);
  ASSERT_EQ(r.a.attributions.size(), 1u);
  const AttributionRecord& x = r.a.attributions[0];
  EXPECT_EQ(x.kind, AttributionKind::kIndirect);
  EXPECT_EQ(x.quote_idx, -1);
  EXPECT_EQ(r.Slice(x.cue_byte_begin, x.cue_byte_end), "said");
  EXPECT_EQ(r.Slice(x.content_byte_begin, x.content_byte_end), "the summer festival would move to a larger park");
  EXPECT_EQ(r.Slice(x.source.byte_begin, x.source.byte_end), "Bram Oduya");
}

// A quote opening the sentence after one whose quote has its speaker and cue, in the same
// paragraph, continues that speaker however long the cue's sentence runs.
TEST(Attributions, QuoteInTheNextSentenceContinuesTheSpeaker) {
  const std::string long_cue = "\"The gallery opens its new wing on Monday,\" said Priya Halvorsen on Thursday at a "
                               "crowded press event near the harbour, where the mayor also spoke. ";
  Analysed r = Analyze(long_cue + "\"The doors will stay open until midnight all week.\"", nullptr);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  const Quote& first = r.a.quotes[0];
  EXPECT_EQ(r.a.quotes[1].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(r.a.quotes[1].speaker.entity_idx, first.speaker.entity_idx);
  // The first quote may run over two sentences.
  Analysed two = Analyze("\"The wing is finished. The paint is dry,\" said Priya Halvorsen, the director of the museum. "
                         "\"Visitors can come in on Monday morning.\"",
                         nullptr);
  ASSERT_EQ(two.a.quotes.size(), 2u);
  EXPECT_EQ(two.a.quotes[1].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(two.a.quotes[1].speaker.entity_idx, two.a.quotes[0].speaker.entity_idx);
  // In another paragraph, with no cue of its own, the quote is not given to her.
  Analysed other = Analyze("\"The gallery opens its new wing on Monday,\" said Priya Halvorsen.\n\n"
                           "Tickets sold out. \"The doors will stay open until midnight all week.\"",
                           nullptr);
  ASSERT_EQ(other.a.quotes.size(), 2u);
  EXPECT_EQ(other.a.quotes[1].speaker.kind, SourceKind::kUnknown);
}

// A role noun right before a person's name ("spokesman Tomas Brekke") is that named person,
// not an anonymous source; a name followed by a long apposition is read up to its first comma.
TEST(Attributions, RoleBeforeANameAndALongAppositionNameThePerson) {
  Analysed r = Analyze("\"We never signed that contract,\" said spokesman Tomas Brekke.", nullptr);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_GE(r.a.quotes[0].speaker.entity_idx, 0);
  Analysed l = Analyze("\"The numbers simply do not add up this year,\" Ilse Marwick, director of the "
                       "Harbour Street Policy Center and a lecturer at the Fenmore School of Economics, said.",
                       nullptr);
  ASSERT_EQ(l.a.quotes.size(), 1u);
  EXPECT_EQ(l.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(l.Slice(l.a.quotes[0].speaker.byte_begin, l.a.quotes[0].speaker.byte_end), "Ilse Marwick");
}

// A transcript's speaker label opening a quotation names its speaker, in capitals too; a
// capitalised word before a colon in running prose is no label.
TEST(Attributions, TranscriptLabelNamesTheSpeaker) {
  Analysed r = Analyze("Host Wendell Aubry interviewed senator Marit Solberg on Sunday.\n\n"
                       "\"SOLBERG: We will not vote for the harbour bill in its current form.\"",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  const Attribution& who = r.a.quotes[0].speaker;
  EXPECT_EQ(who.kind, SourceKind::kNamed);
  EXPECT_EQ(r.Slice(who.byte_begin, who.byte_end), "SOLBERG");
  ASSERT_GE(who.entity_idx, 0);
  EXPECT_NE(r.a.local_entities[who.entity_idx].name.find("Solberg"), std::string::npos);
  Analysed prose = Analyze("\"Update: the bridge on Elm Street stays closed until the end of the month.\"", nullptr);
  ASSERT_EQ(prose.a.quotes.size(), 1u);
  EXPECT_EQ(prose.a.quotes[0].speaker.kind, SourceKind::kUnknown);
}

// A participle cue after a comma speaks for its main clause's subject ("X vetoed the bill,
// arguing that …"), with the shipped model as the pipeline runs it.
TEST(AttributionModel, ParticipleCueTakesTheMainClauseSubject) {
  const AttributionModel* model = testing::ShippedAttributionModel();
  ASSERT_NE(model, nullptr) << "models/attribution.hsa missing or unreadable";
  Analysed r = Analyze("On Tuesday Mayor Linnea Frostrup vetoed the harbour budget, arguing that the new ferry "
                       "terminal would cost twice what the council had promised.",
                       model);
  bool found = false;
  for (const AttributionRecord& x : r.a.attributions) {
    if (r.Slice(x.cue_byte_begin, x.cue_byte_end) != "arguing") continue;
    found = true;
    EXPECT_EQ(x.source.kind, SourceKind::kNamed);
    EXPECT_NE(r.Slice(x.source.byte_begin, x.source.byte_end).find("Frostrup"), std::string::npos);
  }
  EXPECT_TRUE(found) << "the model finds the cue 'arguing'";
}

// A lone capitalised opener before a comma ("However, …") is no speaker's name.
TEST(Attributions, SentenceOpenerIsNoName) {
  Analysed r = Analyze("However, the two of them said: \"We trust the council completely on this matter.\"", nullptr);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  const Attribution& who = r.a.quotes[0].speaker;
  EXPECT_NE(r.Slice(who.byte_begin, who.byte_end), "However");
  EXPECT_NE(who.kind, SourceKind::kNamed);
}

// A prepositional phrase between the cue and its "that" is no part of the content.
TEST(Attributions, ContentStartsAfterThatPastAnAdjunct) {
  Analysed r = Analyze("Anke Voss said during a rally in Brightwater on Friday that the old bridge would reopen in May.",
                       nullptr);
  ASSERT_EQ(r.a.attributions.size(), 1u);
  const AttributionRecord& x = r.a.attributions[0];
  EXPECT_EQ(r.Slice(x.content_byte_begin, x.content_byte_end), "the old bridge would reopen in May");
}

// A second cue of the same subject ends the content ("… and warned …"); a subordinate clause
// right after the cue ("said when …") is no content.
TEST(Attributions, ContentEndsAtASecondCueAndNeverOpensWithWhen) {
  Analysed r = Analyze("Anke Voss said the old bridge would reopen in May and warned that the ferry would stop.", nullptr);
  ASSERT_GE(r.a.attributions.size(), 1u);
  EXPECT_EQ(r.Slice(r.a.attributions[0].content_byte_begin, r.a.attributions[0].content_byte_end),
            "the old bridge would reopen in May");
  Analysed when = Analyze("Anke Voss said when she left the council in March of last year.", nullptr);
  EXPECT_TRUE(when.a.attributions.empty());
}

// A sentence led by a person's name and a colon ("Voss: …") is that person's attribution, the
// colon its cue; a colon after a word that names nobody of the article is none.
TEST(Attributions, NameAndColonLeadAnAttribution) {
  Analysed r = Analyze("Voss: The Old Bridge Will Reopen in May.\n\nCouncillor Anke Voss spoke to reporters on Friday.\n\n"
                       "Update: the ferry timetable changes next week.",
                       nullptr);
  int colons = 0;
  for (const AttributionRecord& x : r.a.attributions) {
    if (r.Slice(x.cue_byte_begin, x.cue_byte_end) != ":") continue;
    ++colons;
    EXPECT_EQ(x.source.kind, SourceKind::kNamed);
    EXPECT_EQ(r.Slice(x.source.byte_begin, x.source.byte_end), "Voss");
    EXPECT_EQ(r.Slice(x.content_byte_begin, x.content_byte_end), "The Old Bridge Will Reopen in May");
  }
  EXPECT_EQ(colons, 1);
}

// A party and state in parentheses between the name and the cue after a quote.
TEST(Attributions, ParenthesisAfterTheSpeakersName) {
  Analysed r = Analyze("\"This harbour bill will not pass the committee,\" Rep. Linda Harlow (D-Ore.) said on Friday.",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_GE(r.a.quotes[0].speaker.entity_idx, 0);
}

// A quotation signed after a dash takes the name as its speaker (with the shipped model loaded,
// as the pipeline runs); without the model the quote stays as the quotes pass left it.
TEST(AttributionModel, SignedQuoteTakesTheNameAfterTheDash) {
  const AttributionModel* model = testing::ShippedAttributionModel();
  ASSERT_NE(model, nullptr) << "models/attribution.hsa missing or unreadable";
  Analysed r = Analyze("Readers wrote in after the finale.\n\n"
                       "\u201cThe last episode made me cry twice in one evening.\u201d \u2015 Odile Fenwright\n\n"
                       "The finale aired on a Sunday in March.",
                       model);
  ASSERT_EQ(r.a.quotes.size(), 1u);
  EXPECT_EQ(r.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(r.Slice(r.a.quotes[0].speaker.byte_begin, r.a.quotes[0].speaker.byte_end), "Odile Fenwright");
  bool agrees = false;
  for (const AttributionRecord& a : r.a.attributions)
    agrees = agrees || (a.quote_idx == 0 && a.kind == AttributionKind::kDirect && a.source.kind == SourceKind::kNamed);
  EXPECT_TRUE(agrees) << "the quote's attribution carries the same speaker";
}

// A speaker after a quote with two appositions before the cue is the name, never the quote's
// own words; an unresolved subject right after the quote ("they wrote") keeps its words.
TEST(AttributionModel, SpeakerAfterTheQuotePastAppositionsAndUnresolvedWords) {
  const AttributionModel* model = testing::ShippedAttributionModel();
  ASSERT_NE(model, nullptr) << "models/attribution.hsa missing or unreadable";
  Analysed r = Analyze("\u201cIt\u2019s a takeover, in our view, of the council\u2019s job,\u201d Maren Holloway, the mayor "
                       "of Eastport, one of the towns suing the port, said at a dinner this month.\n\n"
                       "\u201cThe ferry plan has failed the town twice,\u201d they wrote.",
                       model);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  const Attribution& first = r.a.quotes[0].speaker;
  EXPECT_EQ(first.kind, SourceKind::kNamed);
  EXPECT_EQ(r.Slice(first.byte_begin, first.byte_end), "Maren Holloway");
  const Attribution& second = r.a.quotes[1].speaker;
  EXPECT_EQ(second.kind, SourceKind::kUnknown);
  EXPECT_EQ(r.Slice(second.byte_begin, second.byte_end), "they");
}

// A participle cue after a comma speaks for the person the sentence names before it, past an
// earlier quotation; words after a quote ending in a comma ("…," the warden said) are its
// speaker even when they name nobody; a nested quotation does not cut a signed quote short.
TEST(Attributions, ParticipleCueDefiniteSubjectAndNestedQuotation) {
  Analysed r = Analyze("Brom Tallis brushed off the question -- \"a silly one\" -- and, when asked again, asserting, "
                       "\"Of course I pay every tax I owe.\"\n\n"
                       "\"We see no link to the fire at all,\" the warden said on Monday.",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(r.Slice(r.a.quotes[0].speaker.byte_begin, r.a.quotes[0].speaker.byte_end), "Brom Tallis");
  EXPECT_EQ(r.Slice(r.a.quotes[1].speaker.byte_begin, r.a.quotes[1].speaker.byte_end), "the warden");
  const AttributionModel* model = testing::ShippedAttributionModel();
  ASSERT_NE(model, nullptr) << "models/attribution.hsa missing or unreadable";
  Analysed signed_quote = Analyze("Readers wrote in.\n\u201cAs a young teacher I would rather move than see "
                                  "\u201cthat\u201d happen here.\u201d \u2015 Adria Montvale\n\nThe end came in May.",
                                  model);
  ASSERT_EQ(signed_quote.a.quotes.size(), 1u);
  EXPECT_EQ(signed_quote.Slice(signed_quote.a.quotes[0].speaker.byte_begin, signed_quote.a.quotes[0].speaker.byte_end),
            "Adria Montvale");
}

// "the actress" right after a quote is the woman named just before; an unresolved "she" after
// her quote is her again; "one fan" and "a third" are unnamed (anonymous) sources.
TEST(Attributions, DescriptorPronounAndUnnamedFansSpeak) {
  Analysed r = Analyze("Lena Marsh arrived at the gala in Paris on Friday with her husband Tom Reyes.\n\n"
                       "\u201cI love this city so much,\u201d the actress said.\n\n"
                       "The mother of three then spoke about her new film.\n\n"
                       "\u201cHe never said he agrees with the studio,\u201d she added.\n\n"
                       "One fan wrote: \u201cThis is the best movie of the year for sure.\u201d\n\n"
                       "A third wrote: \u201cShe is glowing and so happy tonight.\u201d",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 4u);
  for (int i : {0, 1}) {
    EXPECT_EQ(r.a.quotes[i].speaker.kind, SourceKind::kNamed) << i;
    EXPECT_EQ(testing::EntityName(r.a, r.a.quotes[i].speaker.entity_idx), "Lena Marsh") << i;
  }
  EXPECT_EQ(r.a.quotes[2].speaker.kind, SourceKind::kAnonymous);
  EXPECT_EQ(r.a.quotes[3].speaker.kind, SourceKind::kAnonymous);
  EXPECT_NE(r.a.quotes[2].speaker.anonymous_id, r.a.quotes[3].speaker.anonymous_id);
}

// A quote opening a sentence with no cue of its own, after a sentence of its paragraph that
// opens with a source and its cue, is that source's; a sentence opening with a pronoun is no
// such lead-in.
TEST(Attributions, SentenceLeadInSpeaksTheNextQuote) {
  Analysed r = Analyze("\"The tour was a joy,\" a friend of the band told the Daily Lantern.\n\n"
                       "The insider said that the drummer is upset. \"He wanted one more show in Rome.\"",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.a.quotes[1].speaker.kind, SourceKind::kAnonymous);
  Analysed pron = Analyze("Readers wrote in after the finale.\n\n"
                          "He said it over and over at the show. \"The last episode made me cry twice in one evening.\"",
                          nullptr);
  ASSERT_EQ(pron.a.quotes.size(), 1u);
  EXPECT_EQ(pron.a.quotes[0].speaker.kind, SourceKind::kUnknown);
}

// "Another" names a source only as the head ("Another wrote:"); a source noun in capitals is an
// outlet's name ("PEOPLE confirms").
TEST(Attributions, AnotherAsHeadAndAnOutletInCapitals) {
  Analysed r = Analyze("Dana Holt arrived at the premiere.\n\nAnother star, Dana Holt, said: \"The premiere was the best "
                       "night of my whole year.\"\n\nAnother wrote: \"She is glowing and so happy at the premiere tonight.\"",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(r.a.quotes[1].speaker.kind, SourceKind::kAnonymous);
  Analysed caps = Analyze("\"The couple got engaged in Paris last week,\" PEOPLE confirms.", nullptr);
  ASSERT_EQ(caps.a.quotes.size(), 1u);
  EXPECT_EQ(caps.a.quotes[0].speaker.kind, SourceKind::kOutlet);
}

// An unresolved "they" right after an unnamed source's quote is that source (a singular "they").
TEST(Attributions, SingularTheyContinuesAnUnnamedSource) {
  Analysed r = Analyze("Lena Marsh was seen in Rome.\n\n\u201cShe is not dating anyone at all,\u201d a source told the Daily "
                       "Lantern. \u201cShe is focused on her work this year,\u201d they revealed.",
                       nullptr);
  ASSERT_EQ(r.a.quotes.size(), 2u);
  EXPECT_EQ(r.a.quotes[1].speaker.kind, SourceKind::kAnonymous);
  EXPECT_EQ(r.a.quotes[1].speaker.anonymous_id, r.a.quotes[0].speaker.anonymous_id);
}

// The person who speaks the one quote of `text` (and its attribution), "" when nobody does.
std::string OnlySpeaker(const std::string& text) {
  Analysed r = Analyze(text, nullptr);
  EXPECT_EQ(r.a.quotes.size(), 1u) << text;
  if (r.a.quotes.size() != 1 || r.a.quotes[0].speaker.entity_idx < 0) return "";
  for (const AttributionRecord& a : r.a.attributions) {
    if (a.quote_idx == 0) {
      EXPECT_EQ(a.source.entity_idx, r.a.quotes[0].speaker.entity_idx) << text;
    }
  }
  return r.a.local_entities[r.a.quotes[0].speaker.entity_idx].name;
}

// A quotation no cue speaks takes the one person its paragraph names outside quotation marks,
// or, opening a paragraph that names nobody, the one person of the sentence before; with two
// people there, or when the quotation speaks of that person ("she"), nobody.
TEST(Attributions, ParagraphSieveSpeaksQuotesWithoutACue) {
  EXPECT_EQ(OnlySpeaker("Dana Reyes looked back on the long tour. \u201cIt was the hardest year of my career, but I "
                        "loved every night of it.\u201d"),
            "Dana Reyes");
  EXPECT_EQ(OnlySpeaker("The tour ended in June. Dana Reyes spent the summer in Lisbon.\n\n\u201cI have never felt so "
                        "free in my whole life, and I am not going back.\u201d"),
            "Dana Reyes");
  EXPECT_EQ(OnlySpeaker("Dana Reyes and Tom Hale looked back on the long tour. \u201cIt was the hardest year of our "
                        "careers, but we loved every night of it.\u201d"),
            "");
  EXPECT_EQ(OnlySpeaker("Dana Reyes looked back on the long tour. \u201cShe loved every night of it and wants to go "
                        "back on the road.\u201d"),
            "");
}

// A quotation after a colon with no cue is the clause's subject's, not its object's: "Outside the
// studio, X thanked Y for the record: \u201c…\u201d" is X's.
TEST(Attributions, ColonSieveTakesTheSubjectBeforeTheColon) {
  EXPECT_EQ(OnlySpeaker("Outside the studio, Dana Reyes thanked Tom Hale for the new record: \u201cI could not have "
                        "made it without you this year.\u201d"),
            "Dana Reyes");
  EXPECT_EQ(OnlySpeaker("Tom Hale played the last song. After the show, Dana Reyes thanked him for the record: "
                        "\u201cI could not have made it without you this year.\u201d"),
            "Dana Reyes");
}

// Per quote of `text`: the name of its speaker's person, "anonymous", or "" (nobody, or a named
// speaker without a person of the article); the attribution of each quote agrees.
std::vector<std::string> Speakers(const std::string& text) {
  Analysed r = Analyze(text, nullptr);
  std::vector<std::string> out;
  for (size_t i = 0; i < r.a.quotes.size(); ++i) {
    const Attribution& s = r.a.quotes[i].speaker;
    for (const AttributionRecord& a : r.a.attributions) {
      if (a.quote_idx == static_cast<int32_t>(i)) {
        EXPECT_EQ(a.source.kind, s.kind) << text;
      }
    }
    out.push_back(s.kind == SourceKind::kAnonymous ? "anonymous"
                  : s.entity_idx >= 0               ? r.a.local_entities[s.entity_idx].name
                                                    : "");
  }
  return out;
}

// A descriptor that resolve leaves open ("the weatherman") after a long quotation is the person
// read back past the quotation when that person spoke the quote before; "he"/"she" read back the
// same way; "the statement added" continues the quote before.
TEST(Attributions, UnresolvedSpeakerWordsReadBackPastQuotations) {
  EXPECT_EQ(Speakers("Tom Hale joined the show from the coast. \u201cGood morning, everyone,\u201d Hale said. "
                     "\u201cThe storm has passed. The roads are open. The ferries run. The sky is clear and the wind "
                     "has dropped,\u201d the weatherman said."),
            (std::vector<std::string>{"Tom Hale", "Tom Hale"}));
  EXPECT_EQ(Speakers("The actress Lena Marsh sat down with us in May.\n\n\u201cOne day. Two days. Three days. Four "
                     "days. Five days. Six days. Seven days. I counted every single day of that summer,\u201d she "
                     "said."),
            (std::vector<std::string>{"Lena Marsh"}));
  EXPECT_EQ(Speakers("Dana Reyes released a statement on Monday. \u201cWe are parting as friends,\u201d Reyes said in "
                     "the statement. \u201cWe ask for privacy for our children,\u201d the statement added."),
            (std::vector<std::string>{"Dana Reyes", "Dana Reyes"}));
  // A descriptor whose person did not speak the quote before stays open.
  EXPECT_EQ(Speakers("Tom Hale joined the show from the coast. \u201cThe storm has passed and the roads are "
                     "open again,\u201d the weatherman said."),
            (std::vector<std::string>{""}));
}

// A descriptor shaped like a person noun ("the fitness instructor", "the mother of two": the noun
// before "of") is the person read back when that person spoke a quotation in the paragraphs just
// before, not only the quotation right before it.
TEST(Attributions, DescriptorIsARecentSpeakerReadBack) {
  EXPECT_EQ(Speakers("\u201cI run every morning before the sun comes up,\u201d Mara Voss said.\n\nThe studio "
                     "opened in March.\n\n\u201cNobody should skip breakfast before a class,\u201d the fitness "
                     "instructor said."),
            (std::vector<std::string>{"Mara Voss", "Mara Voss"}));
  EXPECT_EQ(Speakers("\u201cMy kids come first,\u201d Lena Marsh told the Harbor Ledger.\n\nThe show returns in "
                     "May.\n\n\u201cI only work while they are at school,\u201d the mother of two said."),
            (std::vector<std::string>{"Lena Marsh", "Lena Marsh"}));
  // The person read back did not speak before: the descriptor stays open.
  EXPECT_EQ(Speakers("Lena Marsh opened the studio in March.\n\n\u201cNobody should skip breakfast before a "
                     "class,\u201d the fitness instructor said."),
            (std::vector<std::string>{""}));
}

// A quotation with no cue between two quotations of one speaker, a paragraph or two apart with
// only the author's words between, is that speaker's; not when another voice speaks between.
TEST(Attributions, QuoteBetweenTwoOfOneSpeakerIsTheirs) {
  EXPECT_EQ(Speakers("\u201cThe tour was the best year of my life,\u201d Dana Reyes told the Harbor Ledger.\n\n"
                     "The album was recorded in a rented kitchen in the spring.\n\n\u201cI wrote most of the "
                     "songs at night while the town was asleep.\u201d\n\nThe record comes out in May.\n\n"
                     "\u201cIt is the most honest thing I have made,\u201d Reyes added."),
            (std::vector<std::string>{"Dana Reyes", "Dana Reyes", "Dana Reyes"}));
  std::vector<std::string> other = Speakers(
      "\u201cThe tour was the best year of my life,\u201d Dana Reyes told the Harbor Ledger.\n\nHer producer Tom "
      "Hale said the band argued often.\n\n\u201cWe wrote most of the songs at night while the town was "
      "asleep.\u201d\n\nThe record comes out in May.\n\n\u201cIt is the most honest thing I have made,\u201d "
      "Reyes added.");
  ASSERT_EQ(other.size(), 3u);
  EXPECT_NE(other[1], "Dana Reyes");
}

// A cue mined from PolNeAR's quotations (quote_cues.tsv) speaks a quotation right after it ends in
// a comma ("…," Voss lamented); after a title it speaks nothing.
TEST(Attributions, MinedQuoteCueRightAfterAQuotation) {
  ASSERT_TRUE(DefaultLexicon().quote_cues.count("lamented"));
  ASSERT_EQ(DefaultLexicon().Cue("lamented"), nullptr);  // the test needs a word only the mined file has
  EXPECT_EQ(Speakers("Mara Voss lost the appeal on Monday. \u201cWe will keep fighting for the park,\u201d Voss "
                     "lamented."),
            (std::vector<std::string>{"Mara Voss"}));
  EXPECT_EQ(Speakers("Her new song \u201cHarbor Lights\u201d reads like a diary of the tour."),
            (std::vector<std::string>{}));
}

// Right after a quotation ending in a comma, a person and a word shaped like a finite verb speak it
// whatever the verb ("…," Voss tattled to reporters.); a form of "be" is no such verb.
TEST(Attributions, VerbShapedWordAfterAQuotationIsItsCue) {
  ASSERT_EQ(DefaultLexicon().Cue("tattled"), nullptr);
  ASSERT_FALSE(DefaultLexicon().quote_cues.count("tattled"));
  EXPECT_EQ(Speakers("Mara Voss lost the appeal on Monday. \u201cThe park will stay open for every family in "
                     "town,\u201d Voss tattled to reporters."),
            (std::vector<std::string>{"Mara Voss"}));
  EXPECT_EQ(Speakers("The museum closed on Monday. \u201cThe park will stay open for every family in town,\u201d "
                     "she was warned."),
            (std::vector<std::string>{""}));
}

// A quotation right after a sentence that reports a source's words is that source's, even when that
// sentence quotes a title no pass took for a quotation ("the \u201cHarbor Lights\u201d tour").
TEST(Attributions, LeadInSentenceWithAQuotedTitle) {
  EXPECT_EQ(Speakers("Lena Marsh loved every minute of the \u201cHarbor Lights\u201d tour in the north of the "
                     "country, a source told the Harbor Ledger. \u201cShe has wanted this for years and the whole "
                     "family is thrilled.\u201d"),
            (std::vector<std::string>{"anonymous"}));
}

// A partial quotation inside a sentence: the source of the sentence's reporting frame when the
// quotation is a clause or an argument of its content.
TEST(Attributions, PartialQuotationInsideAFrameIsTheFramesSource) {
  EXPECT_EQ(Speakers("According to Mara Voss, Lena Marsh and Tom Hale were \u201cgetting loud and happy\u201d outside "
                     "the club on Friday."),
            (std::vector<std::string>{"Mara Voss"}));
}

// A partial quotation that is the complement of a verb before it ("X called the rumours “…”"),
// or follows a verb shaped like speech and a comma ("as Hale raps, “…”"), is the verb's
// subject's; not when the verb is passive ("Hale was called “…”").
TEST(Attributions, PartialQuotationOfAVerbBeforeItIsItsSubjects) {
  EXPECT_EQ(Speakers("Tom Hale called the story \u201ca lie from the first line to the very last one\u201d on "
                     "Friday."),
            (std::vector<std::string>{"Tom Hale"}));
  EXPECT_EQ(Speakers("Tom Hale is back on stage this month, and in the opening song, as Hale raps, \u201cEvery "
                     "street in this town still knows my name.\u201d"),
            (std::vector<std::string>{"Tom Hale"}));
  EXPECT_EQ(Speakers("Tom Hale was called \u201cthe best drummer this little town has ever had\u201d by the paper."),
            (std::vector<std::string>{""}));
}

// "…," Voss's lawsuit read: written words with a possessor are the possessor's.
TEST(Attributions, WritingWithAPossessorIsThePossessors) {
  EXPECT_EQ(Speakers("Mara Voss sued the magazine in June.\n\nThe case will be heard in the fall.\n\n\u201cThe story "
                     "was false from its first line to its last,\u201d Voss\u2019s lawsuit read."),
            (std::vector<std::string>{"Mara Voss"}));
}

// In a question-and-answer article, a quotation opening the paragraph after the interviewer's
// question is the interviewee's (the person who speaks most of its quotations); not when it speaks
// of them in the third person.
TEST(Attributions, InterviewAnswerAfterAQuestionParagraph) {
  const std::string intro = "Dana Reyes spoke to us before her tour.\n\n\u201cI am ready to go,\u201d Reyes said."
                            "\n\n\u201cThe band has never sounded better,\u201d she added.\n\nWhat will you miss "
                            "most about home?\n\n";
  EXPECT_EQ(Speakers(intro + "\u201cMy garden and the quiet mornings by the river.\u201d"),
            (std::vector<std::string>{"Dana Reyes", "Dana Reyes", "Dana Reyes"}));
  std::vector<std::string> third = Speakers(intro + "\u201cDana misses her garden and the river every day.\u201d");
  ASSERT_EQ(third.size(), 3u);
  EXPECT_EQ(third[2], "");
}

// An unresolved "they" after two people coordinated in the sentence before is that pair (its first
// person, as "the couple"); near an unnamed source it stays that source's singular "they".
TEST(Attributions, TheyAfterACoordinationIsThePair) {
  EXPECT_EQ(Speakers("Both Dana Reyes and Tom Hale released a statement on Monday.\n\n\u201cWe tried hard for a "
                     "long time and we are sad,\u201d they said."),
            (std::vector<std::string>{"Dana Reyes"}));
  std::vector<std::string> source = Speakers(
      "\u201cThe move was planned for months,\u201d an insider told the Harbor Ledger.\n\nThe insider revealed "
      "both Dana Reyes and Tom Hale are frustrated.\n\n\u201cNobody wanted the kids to be away this long,\u201d "
      "they added.");
  ASSERT_EQ(source.size(), 2u);
  EXPECT_NE(source[1], "Dana Reyes");
}

// "…," she says with no one named in the body before it is the one person of the headline.
TEST(Attributions, PronounBeforeAnyNameIsTheHeadlinesPerson) {
  auto doc = ingest::ParsePlainText("test.txt", " date 2025-06-01 Mara Voss on why she stretches every morning\n"
                                                "What comes first each day: \u201cI stretch for ten minutes before "
                                                "anything else,\u201d she says.\n");
  ASSERT_TRUE(doc.ok());
  DocumentAnalysis a = testing::AnalyzeForTest(*doc);
  ExtractClaims(*doc, &a, nullptr);
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_GE(a.quotes[0].speaker.entity_idx, 0);
  EXPECT_EQ(a.local_entities[a.quotes[0].speaker.entity_idx].name, "Mara Voss");
}

// A source's singular "they" two paragraphs after its quotation; a quotation opening its sentence
// after a speaker's quotation, with no one else named and no cue between, continues that speaker,
// not when another person is named between.
TEST(Attributions, RunsOfQuotesKeepTheirSpeaker) {
  EXPECT_EQ(Speakers("\u201cShe is tired of the rumors,\u201d a source told the Harbor Ledger.\n\nThe couple met in "
                     "May.\n\n\u201cShe wants to move on with her life,\u201d they added."),
            (std::vector<std::string>{"anonymous", "anonymous"}));
  EXPECT_EQ(Speakers("A source told the Harbor Ledger that the singer is single again. \u201cDana is not dating "
                     "anyone right now,\u201d they revealed. \u201cShe is busy with her new album this year.\u201d"),
            (std::vector<std::string>{"anonymous", "anonymous"}));
  EXPECT_EQ(Speakers("\u201cWe had a great year,\u201d Dana Reyes told Tom Hale on Friday. Then the lights went down. "
                     "\u201cTonight is for my mother, who taught me every song I know.\u201d"),
            (std::vector<std::string>{"Dana Reyes", "Dana Reyes"}));
  std::vector<std::string> other = Speakers("\u201cWe had a great year,\u201d Dana Reyes told Tom Hale on Friday. "
                                            "Then Mara Quill took the stage. \u201cTonight is for my mother, who "
                                            "taught me every song I know.\u201d");
  ASSERT_EQ(other.size(), 2u);
  EXPECT_NE(other[1], "Dana Reyes");
}

// A person named between two quotations of a run does not break it when the second quotation
// speaks of that person in the third person (the source goes on about them).
TEST(Attributions, RunGoesOnPastAPersonTheQuoteSpeaksOf) {
  EXPECT_EQ(Speakers("\u201cThe family is tired of the rumors,\u201d a source told the Harbor Ledger. But Dana Reyes "
                     "will stand by her sisters. \u201cDana has told them that everything will be fine this "
                     "summer.\u201d"),
            (std::vector<std::string>{"anonymous", "anonymous"}));
}

// A quotation opening its sentence right after a sentence that reports someone's words (a cue and
// its source, no quotation) is that source's, in its paragraph or opening the next one; not when
// the quotation speaks of that person, nor after a sentence that reports nobody.
TEST(Attributions, ReportingLeadInSentenceSpeaksTheNextQuote) {
  EXPECT_EQ(Speakers("Later that week Dana Reyes said she wishes her old band well. \u201cI hope they find someone "
                     "who loves those songs as much as I did.\u201d"),
            (std::vector<std::string>{"Dana Reyes"}));
  EXPECT_EQ(Speakers("The storm passed and the harbour opened on Friday, a source told reporters.\n\n"
                     "\u201cEveryone was relieved to see the boats go out again after a long week.\u201d"),
            (std::vector<std::string>{"anonymous"}));
  EXPECT_EQ(Speakers("Dana Reyes and Tom Hale said the tour was a success. \u201cDana loved every night of it and "
                     "wants to go back on the road.\u201d"),
            (std::vector<std::string>{""}));
}

// An interview printed as a transcript: a paragraph opening with a person's name and a colon
// speaks the quotations it holds ("Name: … I said, “…”"); not one another speaker's cue speaks there.
TEST(Attributions, TranscriptParagraphLabelSpeaksItsQuotes) {
  EXPECT_EQ(Speakers("Dana Reyes and Tom Hale looked back on the film.\n\nDana Reyes: The costume was heavy. One "
                     "morning I said, \u201cCan we please cut the sleeves off this thing today?\u201d\n\nTom Hale: "
                     "Nobody cut anything."),
            (std::vector<std::string>{"Dana Reyes"}));
  EXPECT_EQ(Speakers("Dana Reyes and Tom Hale looked back on the film.\n\nDana Reyes: The costume was heavy. Then "
                     "the crew said, \u201cWe keep the sleeves, and that is the end of it for today.\u201d"),
            (std::vector<std::string>{"anonymous"}));
}

// A short phrase quoted inside a sentence that no cue, frame or person speaks (a title, a term)
// is no quote; a pronoun, or a word the article also writes in lower case, written with a
// capital is no name.
TEST(Attributions, UnspokenPhraseInsideASentenceIsNoQuote) {
  Analysed r = Analyze("The band played the old hit \u201cHarbor Lights at Night\u201d for the crowd in June.", nullptr);
  EXPECT_TRUE(r.a.quotes.empty());
  for (const AttributionRecord& a : r.a.attributions) EXPECT_NE(a.kind, AttributionKind::kDirect);
  Analysed spoken = Analyze("Dana Reyes said the show was \u201cthe best night of the tour\u201d and left early.", nullptr);
  ASSERT_EQ(spoken.a.quotes.size(), 1u);
  EXPECT_EQ(spoken.a.quotes[0].speaker.kind, SourceKind::kNamed);
  EXPECT_EQ(Speakers("The crew asked about the tape. \u201cThe tape is fine and we will keep it,\u201d They said."),
            (std::vector<std::string>{""}));
  // A capitalised word the article also writes in lower case is a common word, no name.
  Analysed common = Analyze("We asked, but nobody had an answer. \u201cWe will be back next year for sure,\u201d "
                            "Nobody said.",
                            nullptr);
  ASSERT_EQ(common.a.quotes.size(), 1u);
  EXPECT_NE(common.a.quotes[0].speaker.kind, SourceKind::kNamed);
}

// The source kind of the age claim `value` in `text`; kAuthor when there is none.
SourceKind AgeSource(const std::string& text, const std::string& value) {
  Analysed r = Analyze(text, nullptr);
  for (const Claim& c : r.a.claims)
    if (c.predicate == hearsay::Predicate::kAge && c.value == value) return c.source.kind;
  ADD_FAILURE() << "no age " << value << " in: " << text;
  return SourceKind::kAuthor;
}

// An age the author inserts into a reported clause (", 42," after a name, "the 42-year-old
// singer") is the author's, not the source's; an age the source states stays the source's.
TEST(Attributions, AgesTheAuthorInsertsAreTheAuthors) {
  EXPECT_EQ(AgeSource("A source told the Daily Lantern that Dana Reyes, 42, is moving to Rome with her band.", "42"),
            SourceKind::kAuthor);
  EXPECT_EQ(AgeSource("Dana Reyes sang in Rome. A source told the Daily Lantern that the 42-year-old singer is moving "
                      "there.", "42"),
            SourceKind::kAuthor);
  EXPECT_EQ(AgeSource("A source told the Daily Lantern that Dana Reyes is 42 and is moving to Rome with her band.", "42"),
            SourceKind::kAnonymous);
}

// The article's own outlet from how it speaks of itself, not from the outlets it cites.
TEST(OwnOutlet, ReadFromHowTheArticleSpeaksOfItself) {
  Analysed told = Analyze("A source exclusively tells Harbor Weekly that the two stars have split.", nullptr);
  ASSERT_TRUE(told.a.detected_outlet.has_value());
  EXPECT_EQ(*told.a.detected_outlet, "Harbor Weekly");
  Analysed confirmed = Analyze("Harbor Weekly has confirmed that the singer will tour in May.", nullptr);
  ASSERT_TRUE(confirmed.a.detected_outlet.has_value());
  EXPECT_EQ(*confirmed.a.detected_outlet, "Harbor Weekly");
}

// More ways an article names itself: an exclusive told to it, its own outreach, its issue on
// stands, its tip line, its dateline.
TEST(OwnOutlet, SelfReferencesNameTheOutlet) {
  for (const char* text : {"An insider exclusively revealed to Harbor Weekly that the pair split in May.",
                           "A pal of the singer shared with Harbor Weekly EXCLUSIVELY that she moved to Rome.",
                           "Harbor Weekly has reached out to the singer's reps for comment.",
                           "For more on the split, pick up the new issue of Harbor Weekly, on stands now.",
                           "Do you have a story for Harbor Weekly? Email us at the tips desk.",
                           "PORTVILLE, Ore. (Harbor Weekly) \u2014 The singer played a surprise show on Friday."}) {
    Analysed r = Analyze(text, nullptr);
    ASSERT_TRUE(r.a.detected_outlet.has_value()) << text;
    EXPECT_EQ(*r.a.detected_outlet, "Harbor Weekly") << text;
  }
}

// Words an article copies from another outlet's story are no self-reference.
TEST(OwnOutlet, CopiedAndCitedOutletsAreNotOwn) {
  for (const char* text : {"Sources tell Harbor Weekly the two stars were seen together in Rome.",
                           "The latest issue of Harbor Weekly insists that her marriage is over.",
                           "She told Harbor Weekly in 2016 that she loved the city."}) {
    Analysed r = Analyze(text, nullptr);
    EXPECT_FALSE(r.a.detected_outlet.has_value()) << text;
  }
}

TEST(OwnOutlet, AnInterviewWithAnotherOutletIsACitation) {
  Analysed r = Analyze("She told Harbor Weekly in 2016 that she loved the city. People reported the move. "
                       "Subscribe to our Harbor Weekly channel.", nullptr);
  EXPECT_FALSE(r.a.detected_outlet.has_value()) << *r.a.detected_outlet;
  bool cited = false;
  for (const CitedOutlet& c : r.a.citations) cited = cited || c.outlet == "Harbor Weekly";
  EXPECT_TRUE(cited);
}

// Every mined context of data/attribution/self_reference.tsv names the outlet it stands around:
// the context's words with an invented outlet in place of "_" ("^" a paragraph break before it).
// The web-address contexts ("tells _ <domain>") hold only for hosts of data/outlets/hosts.tsv, so
// an invented outlet's address is no self-reference.
TEST(OwnOutlet, EveryMinedSelfReferenceContextNamesTheOutlet) {
  const Lexicon& lex = DefaultLexicon();
  ASSERT_GE(lex.self_references.size(), 10u);
  for (const SelfReferenceContext& c : lex.self_references) {
    bool domain = c.right.size() == 1 && c.right[0] == "<domain>";
    std::string text = c.left.empty() ? "The singer moved to Rome." : "The singer moved to Rome";
    for (const std::string& w : c.left)
      text += w == "^" ? ".\n\n" : (w == "," || w == "." ? "" : " ") + w;
    text += domain ? " HarborWeekly.com" : " Harbor Weekly";
    for (const std::string& w : c.right)
      if (w != "<domain>") text += (w == "," || w == "." ? "" : " ") + w;
    text += !c.right.empty() && c.right.back() == "." ? " The tour goes on." : " after the show.";
    Analysed r = Analyze(text, nullptr);
    if (domain) {
      EXPECT_FALSE(r.a.detected_outlet.has_value()) << text;
      continue;
    }
    ASSERT_TRUE(r.a.detected_outlet.has_value()) << text;
    EXPECT_EQ(*r.a.detected_outlet, "Harbor Weekly") << text;
  }
}

// The mined contexts read how an article speaks of itself; other outlets it cites stay citations.
TEST(OwnOutlet, MinedContextsKeepCitationsApart) {
  Analysed own = Analyze("Dana Reyes tells Harbor Weekly exclusively that the tour is off. People reported the split.", nullptr);
  ASSERT_TRUE(own.a.detected_outlet.has_value());
  EXPECT_EQ(*own.a.detected_outlet, "Harbor Weekly");
  Analysed cited = Analyze("Dana Reyes told Harbor Weekly in March that the tour is off.", nullptr);
  EXPECT_FALSE(cited.a.detected_outlet.has_value()) << *cited.a.detected_outlet;
}

// A malformed self-reference context is reported with its file and line.
TEST(OwnOutlet, SelfReferenceFileErrorsNameTheLine) {
  Lexicon lex;
  Status two_names = ParseLexiconFile("data/attribution/self_reference.tsv", "_ told _\t3\t0\n", &lex);
  EXPECT_FALSE(two_names.ok());
  EXPECT_NE(two_names.ToString().find("self_reference.tsv:1"), std::string::npos) << two_names.ToString();
  EXPECT_FALSE(ParseLexiconFile("data/attribution/self_reference.tsv", "_ has learned\tmany\t0\n", &lex).ok());
  EXPECT_FALSE(ParseLexiconFile("data/attribution/self_reference.tsv", "<domain> _\t3\t0\n", &lex).ok());
  EXPECT_FALSE(ParseLexiconFile("data/attribution/self_reference.tsv", "^ _ has\t3\t0\n", &lex).ok());
  EXPECT_TRUE(ParseLexiconFile("data/attribution/self_reference.tsv", "_ has learned\t32\t0\n", &lex).ok());
  ASSERT_EQ(lex.self_references.size(), 1u);
  EXPECT_EQ(lex.self_references[0].right, (std::vector<std::string>{"has", "learned"}));
}

TEST(AttributionModel, RefusesAFileThatIsNoModel) {
  auto m = AttributionModel::FromBytes("HSPARSER and more bytes", "x.hsa");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("x.hsa"), std::string::npos);
  EXPECT_NE(m.status().message().find("magic"), std::string::npos);
  auto missing = AttributionModel::Load("/nonexistent/attribution.hsa");
  EXPECT_FALSE(missing.ok());
}

TEST(AttributionModel, RefusesAStaleFeatureVersionAndATruncatedFile) {
  AttributionModel m;
  m.vocabulary = {"said", "believes"};
  m.IndexVocabulary();
  m.linear.Finalize();
  std::string bytes = m.Serialize();
  auto back = AttributionModel::FromBytes(bytes, "ok.hsa");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE((*back)->IsCandidate("believes"));
  EXPECT_FALSE((*back)->IsCandidate("festival"));
  std::string stale = bytes;
  stale[12] = char(kAttributionFeatureVersion + 1);  // after magic (8) and format version (4)
  auto s = AttributionModel::FromBytes(stale, "stale.hsa");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("feature version"), std::string::npos);
  EXPECT_FALSE(AttributionModel::FromBytes(bytes.substr(0, 20), "short.hsa").ok());
}

// With the shipped model, attributions are a superset of those without it, and every added one
// has a cue and a content of at least three words inside one sentence.
TEST(AttributionModel, ShippedModelAddsCuesTheLexiconLacks) {
  const AttributionModel* model = testing::ShippedAttributionModel();
  ASSERT_NE(model, nullptr) << "models/attribution.hsa missing or unreadable";
  const std::string body =
      "The mayor of Eastvale acknowledged on Tuesday that the bridge repairs would run over budget. "
      "Critics have argued for months that the contract was awarded too quickly. "
      "\"It is a fair question,\" said Lena Varga, who chairs the council.";
  Analysed plain = Analyze(body, nullptr);
  Analysed learned = Analyze(body, model);
  EXPECT_GT(learned.a.attributions.size(), plain.a.attributions.size());
  for (const AttributionRecord& p : plain.a.attributions) {
    bool kept = false;
    for (const AttributionRecord& l : learned.a.attributions)
      kept = kept || (l.content_byte_begin == p.content_byte_begin && l.content_byte_end == p.content_byte_end);
    EXPECT_TRUE(kept) << "lost: " << plain.Slice(p.content_byte_begin, p.content_byte_end);
  }
  for (const AttributionRecord& l : learned.a.attributions) {
    EXPECT_LT(l.cue_byte_begin, l.cue_byte_end);
    EXPECT_LT(l.content_byte_begin, l.content_byte_end);
  }
}

// The span parts survive the file: a model with start, end and keep parts scores the same
// after Serialize and FromBytes, and keeps its keep and quote thresholds.
TEST(AttributionModel, SpanPartsRoundTrip) {
  AttributionModel m;
  m.vocabulary = {"said"};
  m.IndexVocabulary();
  m.linear.Finalize();
  const std::vector<uint64_t> f = {11, 22, 33};
  for (syntax::LinearModel* part : {&m.start, &m.end, &m.keep}) {
    for (int i = 0; i < 4; ++i) part->Update(f.data(), f.size(), 1, 0);
    part->Finalize();
  }
  m.keep_threshold = -1.5f;
  m.quote_threshold = 2.5f;
  auto back = AttributionModel::FromBytes(m.Serialize(), "span.hsa");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE((*back)->HasStartModel() && (*back)->HasEndModel() && (*back)->HasKeepModel());
  EXPECT_EQ((*back)->keep_threshold, -1.5f);
  EXPECT_EQ((*back)->quote_threshold, 2.5f);
  EXPECT_EQ(AttributionModel::Margin((*back)->end, f), AttributionModel::Margin(m.end, f));
  EXPECT_GT(AttributionModel::Margin((*back)->start, f), 0.0f);
  AttributionModel empty;
  empty.linear.Finalize();
  auto none = AttributionModel::FromBytes(empty.Serialize(), "cue-only.hsa");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE((*none)->HasStartModel() || (*none)->HasEndModel() || (*none)->HasKeepModel());
}

// The shipped model's span parts (trained on PolNeAR) only narrow: each refined content lies
// inside the content the passes gave at the same cue (the listener and time of "told players
// on Sunday why …" or the adjuncts of "criticized … in a speech on Friday" may go), never
// holds its cue, and stays in its sentence; every attribution it keeps has one without them.
TEST(AttributionModel, ShippedSpanPartsOnlyNarrowContents) {
  const AttributionModel* model = testing::ShippedAttributionModel();
  ASSERT_NE(model, nullptr) << "models/attribution.hsa missing or unreadable";
  ASSERT_TRUE(model->HasStartModel() && model->HasEndModel() && model->HasKeepModel());
  auto cue_only = AttributionModel::FromBytes(model->Serialize(), "copy.hsa");
  ASSERT_TRUE(cue_only.ok());
  (*cue_only)->start = (*cue_only)->end = (*cue_only)->keep = syntax::LinearModel(2);
  const std::string body =
      "Mayor Ilse Brandt told reporters on Monday how the flood defences had held. "
      "Officials said the road would reopen in May. "
      "The coach told players on Sunday why the match had been moved. "
      "Priya Halvorsen told the council in March how much the repairs would cost. "
      "The senator criticized the governor's budget in a speech on Friday.";
  Analysed refined = Analyze(body, model);
  Analysed plain = Analyze(body, cue_only->get());
  for (const AttributionRecord& x : refined.a.attributions) {
    const AttributionRecord* p = nullptr;
    for (const AttributionRecord& y : plain.a.attributions)
      if (y.cue_byte_begin == x.cue_byte_begin && y.kind != AttributionKind::kDirect) p = &y;
    if (x.kind == AttributionKind::kDirect) continue;
    ASSERT_NE(p, nullptr) << refined.Slice(x.cue_byte_begin, x.cue_byte_end);
    const std::string content = refined.Slice(x.content_byte_begin, x.content_byte_end);
    EXPECT_GE(x.content_byte_begin, p->content_byte_begin) << content;
    EXPECT_LE(x.content_byte_end, p->content_byte_end) << content;
    EXPECT_TRUE(x.cue_byte_end <= x.content_byte_begin || x.cue_byte_begin >= x.content_byte_end) << content;
    EXPECT_EQ(content.find(". "), std::string::npos) << content;
  }
}

}  // namespace
}  // namespace hearsay::extract
