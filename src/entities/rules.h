#pragma once
// Rule-based mentions and type refinement, run after the statistical tagger.
//
//   * FindRuleMentions: ages ("62-year-old", "62-year old", "Name, 37,"), dates ("July 27,
//     2024", "February 15", "in 2012", weekdays), money ("$3 million") and @handles.
//   * RefineTypes: turns tagger spans into OUTLET or WORK from general context cues
//     ("told X", "according to X", "X reported", bare domain names, "the X actor/actress/
//     star", work nouns before a quoted title) and the phrase gazetteer; adds outlet
//     spans the tagger missed in "told X"/"according to X" frames.
//
// Both take the layout and the mentions found so far; both are pure functions.

#include <vector>

#include "entities/gazetteer.h"
#include "hearsay/document.h"
#include "hearsay/records.h"

namespace hearsay::entities {

void FindRuleMentions(const Document& doc, const TextLayout& layout, std::vector<Mention>* mentions);

// `gazetteer` may be null (then only context cues are used).
void RefineTypes(const Document& doc, const TextLayout& layout, const Gazetteer* gazetteer,
                 std::vector<Mention>* mentions);

}  // namespace hearsay::entities
