#pragma once
// TEST SUPPORT ONLY: a stand-in for the entity tagger and in-document coreference, so the
// extract stage can be tested on person mentions before (and independently of) the trained
// tagger. Capitalised word runs become mentions: PERSON when the first word is a given name
// in ../shared/data/us_names (or the run repeats a part of an earlier person's name), OUTLET
// when shaped like a publication (inner capital, ".com"), else MISC. A later run that equals
// the first or last word of an earlier person's name joins that person. No pronouns.
// Never linked into the product.
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "common/utf8.h"
#include "hearsay/records.h"

namespace hearsay::testing {

struct GivenNames {
  std::unordered_map<std::string, char> sex;  // "Linda" -> 'F'
};

inline const GivenNames& LoadGivenNames(const std::string& shared_dir) {
  static GivenNames* g = [&] {
    auto* n = new GivenNames();
    std::ifstream in(shared_dir + "/data/us_names/ssa_first_names_maxoccurbysex.txt");
    std::string line;
    while (std::getline(in, line)) {
      size_t c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1);
      if (c1 == std::string::npos || c3 == std::string::npos) continue;
      if (std::stoi(line.substr(c2 + 1, c3 - c2 - 1)) < 300) continue;
      n->sex[line.substr(0, c1)] = line[c1 + 1];
    }
    return n;
  }();
  return *g;
}

inline void HeuristicMentions(const Document& doc, const std::string& shared_dir, DocumentAnalysis* a) {
  const GivenNames& names = LoadGivenNames(shared_dir);
  static const std::set<std::string> kStop = {
      "The", "A", "An", "But", "And", "In", "On", "At", "For", "With", "Despite", "However", "Nevertheless",
      "When", "While", "Since", "According", "EXCLUSIVE", "Reading", "Time", "As", "If", "It", "He", "She",
      "They", "We", "I", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My", "Even", "Both",
      "Nor", "Which", "What", "Who", "Why", "How", "Various", "Friends", "Sources", "Source", "One", "Another",
      "Everyone", "Witnesses", "Insiders", "Unfortunately", "Being", "Making", "Having", "Perfect", "Family",
      "Mr.", "Mrs.", "Ms.", "Dr.", "So", "Is", "Are", "Was", "Were", "Has", "Have", "ALREADY", "Why", "Then", "Now", "Still", "Yet", "After", "Before", "Over", "From",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
      "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
      "Photo", "Getty", "Images", "Instagram", "Twitter", "Christmas", "Valentine's", "Day", "Scientology",
      "Church", "Olympic", "Games", "Cuban-born", "Cuban", "Russian", "U.K.", "London", "Paris", "Madrid"};
  const auto& toks = a->layout.tokens;
  auto text = [&](uint32_t i) { return doc.text.substr(toks[i].byte_begin, toks[i].byte_end - toks[i].byte_begin); };
  auto is_cap = [&](uint32_t i) {
    std::string t = text(i);
    return toks[i].kind == TokenKind::kWord && !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
  };
  auto strip_poss = [](std::string t) {
    for (const char* s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
      std::string suf(s);
      if (t.size() > suf.size() && t.compare(t.size() - suf.size(), suf.size(), suf) == 0)
        return t.substr(0, t.size() - suf.size());
    }
    return t;
  };
  std::map<std::string, int32_t> part_to_entity;  // name parts of persons -> entity
  a->mentions.clear();
  a->local_entities.clear();
  for (const Sentence& s : a->layout.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      bool particle = (text(i) == "de" || text(i) == "De" || text(i) == "van" || text(i) == "von" || text(i) == "del") &&
                      i + 1 < s.token_end && is_cap(i + 1);
      if (!is_cap(i) && !particle) continue;
      uint32_t e = i;
      std::vector<std::string> parts;
      while (e < s.token_end && (is_cap(e) || ((text(e) == "de" || text(e) == "van" || text(e) == "von" ||
                                                text(e) == "del") && e + 1 < s.token_end && is_cap(e + 1)))) {
        std::string t = strip_poss(text(e));
        if (t == "De") t = "de";
        if (kStop.count(t)) break;
        parts.push_back(t);
        bool poss = t != text(e);
        ++e;
        if (poss) break;
      }
      if (parts.empty()) continue;
      // "President Miguel X", "Cuban President Miguel X": start the name at its given name.
      while (parts.size() >= 2 && !names.sex.count(parts[0]) && names.sex.count(parts[1]) &&
             !part_to_entity.count(parts[0])) {
        parts.erase(parts.begin());
        ++i;
      }
      std::string first = parts[0];
      bool inner_cap = false;
      for (size_t c = 1; c < first.size(); ++c)
        if (first[c] >= 'A' && first[c] <= 'Z' && first[c - 1] >= 'a' && first[c - 1] <= 'z') inner_cap = true;
      int32_t ent = -1;
      EntityType type = EntityType::kMisc;
      auto gn = names.sex.find(first);
      if (parts.size() == 1 && part_to_entity.count(first)) {
        ent = part_to_entity[first];
        type = EntityType::kPerson;
      } else if (parts.size() == 2 && parts[0] == "de" && part_to_entity.count("de " + parts[1])) {
        ent = part_to_entity["de " + parts[1]];
        type = EntityType::kPerson;
      } else if (gn != names.sex.end() || (first == "de" && parts.size() >= 2)) {
        std::string full;
        for (auto& p : parts) full += (full.empty() ? "" : " ") + p;
        // The same full name again is the same person.
        for (size_t k = 0; k < a->local_entities.size(); ++k)
          if (a->local_entities[k].name == full) ent = static_cast<int32_t>(k);
        if (ent < 0) {
          ent = static_cast<int32_t>(a->local_entities.size());
          a->local_entities.push_back(LocalEntity{full, EntityType::kPerson, {full},
                                                  gn == names.sex.end() ? "" : gn->second == 'F' ? "female" : "male"});
        }
        type = EntityType::kPerson;
        std::string last = parts.back();
        if (!part_to_entity.count(first) && first != "de") part_to_entity[first] = ent;
        if (!part_to_entity.count(last)) part_to_entity[last] = ent;
        if (parts.size() >= 3 && parts[parts.size() - 2] == "de") part_to_entity["de " + last] = ent;
      } else if (inner_cap || first.find(".com") != std::string::npos) {
        type = EntityType::kOutlet;
      }
      if (type == EntityType::kMisc) {
        i = e - 1;
        continue;
      }
      uint32_t byte_end = toks[e - 1].byte_begin + static_cast<uint32_t>(strip_poss(text(e - 1)).size());
      a->mentions.push_back(Mention{toks[i].byte_begin, byte_end, type, 1.0f, ent, false});
      i = e - 1;
    }
  }
}

}  // namespace hearsay::testing
