#pragma once
// Rule-based mentions and type refinement, run after the statistical tagger.
//
//   * FindRuleMentions: ages ("62-year-old", "62-year old", "Name, 37,"), dates ("July 27,
//     2024", "February 15", "in 2012", weekdays), money ("$3 million") and @handles.
//   * RefineTypes: turns tagger spans into OUTLET or WORK from general context cues
//     ("told X", "according to X", "X reported", bare domain names, "the X actor/actress/
//     star", work nouns before a quoted title) and the phrase gazetteer; adds outlet
//     spans the tagger missed in "told X"/"according to X" frames. First, a name's trailing
//     adverb in capitals leaves its span ("Harbor Weekly EXCLUSIVELY"), and a PERSON right
//     after "band", "group", "duo" or "trio" becomes ORG ("rock band Velvet Static").
//
//   * TrimSentenceOpeners: a PERSON span of two or more words whose first word opens its
//     sentence (or follows "(" or ":") and is a subordinator or discourse adverb ("although",
//     "meanwhile", an "-ly" word) that is no given name, surname or title in the gazetteer
//     ("Luckily Kourtney", "Although Manon", not "Emily Blunt") loses that word.
//
//   * NarrowHeadlineSpansToPeople: in the headline (title case, where the tagger is least
//     sure), an ORG/LOC/MISC span holding, at word boundaries, the full name of a PERSON
//     mentioned elsewhere is that PERSON; the rest of the span is no mention ("Rumored
//     Girlfriend Sophia X Is" -> "Sophia X").
//
// All take the layout and the mentions found so far; all are pure functions.

#include <vector>

#include "entities/gazetteer.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::entities {

void FindRuleMentions(const Document& doc, const TextLayout& layout, std::vector<Mention>* mentions);

// `gazetteer` may be null (then only context cues are used).
void RefineTypes(const Document& doc, const TextLayout& layout, const Gazetteer* gazetteer,
                 std::vector<Mention>* mentions);

// Needs no layout: spans are compared as text.
void NarrowHeadlineSpansToPeople(const Document& doc, std::vector<Mention>* mentions);

// `gazetteer` may be null (then nothing is trimmed).
void TrimSentenceOpeners(const Document& doc, const TextLayout& layout, const Gazetteer* gazetteer,
                         std::vector<Mention>* mentions);

}  // namespace hearsay::entities
