// Cross-document entity resolution (corpus level): one Entity per real-world entity.
//
// Method (all keyed aggregations, no pairwise comparison of entities):
//   1. Every LocalEntity name is folded to a key: accents folded to ASCII ("Díaz-Canel" ->
//      "diaz canel"), lower case, hyphens and punctuation to spaces, possessive "'s" and
//      titles ("Dr.", "Mr.") dropped.
//   2. PERSON names with a first name and a surname block on
//         key = canonical(first) | surname [| suffix]
//      where canonical() maps nicknames to one form ("Tom" -> "thomas", "Katie" ->
//      "katherine"), the surname keeps its particles ("de armas") and middle names are
//      ignored. Local entities with the same key merge; full-name aliases found by
//      in-document coreference join their keys (union-find). A key group holding both
//      "male" and "female" members is split by gender (nickname keys are ambiguous:
//      "Alex" is Alexander or Alexandra).
//   3. A one-word PERSON name ("Suri", "Cruise", "de Armas") never merges on the word alone:
//        * if no full name in the corpus has that word as its first name or surname, it is
//          a mononym ("Rihanna") and merges with the same word in other documents;
//        * else it attaches to the one full-name candidate with context: the candidate is
//          in the same document, or shares a document with one of the other full-name
//          people of this document (a document naming more than kMaxPeopleInContextDoc
//          people, such as a list of award nominees, does not count as shared context).
//          Zero or several such candidates: it stays its own
//          entity. This keeps "Holmes" from joining Katie Holmes when Arturo Holmes is an
//          equally good candidate.
//   4. Other types (ORG, LOC, WORK, OUTLET, MISC, HANDLE) merge on their folded name
//      without a leading "the"; AGE, DATE and MONEY are never merged across documents.
//
// Merge confidence (Entity::merge_confidence) is the weakest link that joined a member to
// its entity:
//      1.00  a single local entity, or identical surface names
//      0.95  same name up to accents, case, punctuation or a title
//      0.90  same first name and surname, middle name or initial differs
//      0.85  nickname variants of the first name ("Tom" / "Thomas")
//      0.80  mononym seen in several documents
//      0.75  one-word name attached to a full name found in the same document
//      0.65  one-word name attached through a shared co-occurring person
//   x  0.80  when a merged key still mixes genders (exact same first name).
//
// Cost: O(total local entities + aliases) hash-map work, plus for each one-word name at
// most kMaxCandidates candidates x kMaxContext context people, each a sorted-list
// intersection of document lists with early exit that looks at no more than
// kMaxIntersectDocs documents of the shorter list (two people who are each in thousands of
// documents are compared on the first kMaxIntersectDocs of the rarer one), so a one-word
// name costs a bounded amount of work however large the corpus grows.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/step_timer.h"
#include "common/union_find.h"
#include "common/utf8.h"
#include "resolve/name_words.h"
#include "resolve/resolve.h"

namespace hearsay::resolve {
namespace {

constexpr size_t kMaxCandidates = 12;  // one-word names with more candidates stay apart
constexpr size_t kMaxContext = 24;     // other people of a document used as context
constexpr size_t kMaxPeopleInContextDoc = 30;  // a document with more full-name people is a list
constexpr size_t kMaxIntersectDocs = 256;  // documents of the shorter list tried per intersection

// Name word classes and nicknames: data/names (name_words.h).
bool IsTitle(const std::string& w) { return DefaultNameWords().Is(w, NameWordClass::kTitle); }
// Titles of rank stand before a given name alone ("Prince Harry"): the name after them is a
// first name, so its nickname variants join ("Prince Henry").
bool IsRankTitle(const std::string& w) { return DefaultNameWords().Is(w, NameWordClass::kRank); }
bool IsSuffix(const std::string& w) { return DefaultNameWords().Is(w, NameWordClass::kSuffix); }
bool IsParticle(const std::string& w) { return DefaultNameWords().Is(w, NameWordClass::kParticle); }
// A nickname merge is scored below an exact match and is split again when the genders disagree.
const std::string& CanonicalFirst(const std::string& first) { return DefaultNameWords().CanonicalFirst(first); }

// A PERSON name taken apart. `key` is empty for one-word names.
struct NameParts {
  std::string folded;   // all words after titles, joined by spaces
  std::string first;    // first word (folded)
  std::string surname;  // last word(s), with particles ("de armas")
  std::string key;      // canonical(first) | surname [| suffix], or "" for a one-word name
  std::string single;   // the word of a one-word name ("suri", "de armas")
  bool has_middle = false;
  bool nickname = false;  // first differs from canonical(first)
};

NameParts SplitPersonName(std::string_view name) {
  NameParts p;
  std::vector<std::string> words = utf8::FoldedWords(name);
  size_t begin = 0;
  while (begin < words.size() && IsTitle(words[begin])) ++begin;
  std::string suffix;
  size_t end = words.size();
  if (end > begin + 1 && IsSuffix(words[end - 1])) suffix = words[--end];
  for (size_t i = begin; i < end; ++i) p.folded += (i > begin ? " " : "") + words[i];
  if (end <= begin) return p;
  // The surname starts at the first particle after the first word, else at the last word.
  size_t surname_begin = end - 1;
  for (size_t i = begin + 1; i + 1 < end; ++i)
    if (IsParticle(words[i])) {
      surname_begin = i;
      break;
    }
  if (IsParticle(words[begin]) && end - begin >= 2) {
    // "de Armas": a surname with its particle and no first name.
    p.single = p.folded;
    p.surname = p.folded;
    return p;
  }
  if (end - begin == 1) {
    // "JFK Jr." is not "JFK": a suffix stays with a one-word name.
    p.single = words[begin] + (suffix.empty() ? "" : " " + suffix);
    return p;
  }
  if (end - begin == 2 && IsRankTitle(words[begin])) {
    // "Prince Harry" / "Prince Henry": rank | canonical given name.
    p.first = words[begin];
    p.surname = CanonicalFirst(words[begin + 1]);
    p.nickname = p.surname != words[begin + 1];
    p.key = p.first + "|" + p.surname + (suffix.empty() ? "" : "|" + suffix);
    return p;
  }
  p.first = words[begin];
  for (size_t i = surname_begin; i < end; ++i) p.surname += (i > surname_begin ? " " : "") + words[i];
  p.has_middle = surname_begin > begin + 1;
  const std::string& canon = CanonicalFirst(p.first);
  p.nickname = canon != p.first;
  p.key = canon + "|" + p.surname + (suffix.empty() ? "" : "|" + suffix);
  return p;
}

// Folded key of a non-person name: a trailing ".com" and a leading "the" dropped, words joined.
std::string OtherKey(std::string_view name) {
  for (std::string_view tld : {".com", ".co.uk", ".net"})
    if (name.size() > tld.size() && name.substr(name.size() - tld.size()) == tld) name.remove_suffix(tld.size());
  std::vector<std::string> words = utf8::FoldedWords(name);
  size_t begin = !words.empty() && words.front() == "the" && words.size() > 1 ? 1 : 0;
  size_t end = words.size();
  std::string key;
  for (size_t i = begin; i < end; ++i) key += (i > begin ? " " : "") + words[i];
  return key;
}

struct LocalRef {
  uint32_t doc = 0;
  uint32_t local = 0;
};

bool SortedIntersect(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  const std::vector<uint32_t>& small = a.size() <= b.size() ? a : b;
  const std::vector<uint32_t>& large = a.size() <= b.size() ? b : a;
  const size_t tried = std::min(small.size(), kMaxIntersectDocs);
  for (size_t i = 0; i < tried; ++i)
    if (std::binary_search(large.begin(), large.end(), small[i])) return true;
  return false;
}

// The keys a local entity blocks on (step 1 at the top of the file), the name's first, no
// key twice; none for AGE, DATE and MONEY (never merged) and for a one-word person name
// without a full-name alias (`single` holds its word then, if any).
struct EntityKeys {
  std::vector<EntityKeyRow> keys;
  std::string single;
};

void AddPersonKey(const NameParts& p, std::vector<EntityKeyRow>& keys) {
  EntityKeyRow row{0, "P" + p.key, "P" + p.first + p.key.substr(p.key.find('|'))};
  for (const EntityKeyRow& k : keys)
    if (k.key == row.key && k.written_key == row.written_key) return;
  keys.push_back(std::move(row));
}

EntityKeys KeysOfEntity(const LocalEntity& le) {
  EntityKeys out;
  if (le.type == EntityType::kAge || le.type == EntityType::kDate || le.type == EntityType::kMoney) return out;
  if (le.type != EntityType::kPerson) {
    std::string key = std::string(1, static_cast<char>('A' + static_cast<int>(le.type))) + OtherKey(le.name);
    out.keys.push_back({0, key, key});
    return out;
  }
  NameParts p = SplitPersonName(le.name);
  if (p.key.empty()) {
    // Try the aliases for a full name before treating it as a one-word name.
    for (const std::string& alias : le.aliases) {
      NameParts ap = SplitPersonName(alias);
      if (!ap.key.empty()) {
        p = std::move(ap);
        break;
      }
    }
  }
  if (p.key.empty()) {
    out.single = std::move(p.single);
    return out;
  }
  AddPersonKey(p, out.keys);
  for (const std::string& alias : le.aliases) {
    NameParts ap = SplitPersonName(alias);
    if (!ap.key.empty()) AddPersonKey(ap, out.keys);
  }
  return out;
}

}  // namespace

std::vector<std::string> SplitKeysOf(const DocumentAnalysis& analysis) {
  std::vector<std::string> out;
  std::unordered_map<std::string, std::string> first_by_key;
  for (const LocalEntity& le : analysis.local_entities) {
    if (le.type != EntityType::kPerson) continue;
    NameParts p = SplitPersonName(le.name);
    if (p.key.empty()) continue;
    auto [it, fresh] = first_by_key.emplace(p.key, p.first);
    if (!fresh && it->second != p.first && std::find(out.begin(), out.end(), "P" + p.key) == out.end())
      out.push_back("P" + p.key);
  }
  return out;
}

std::vector<EntityKeyRow> EntityKeysOf(const DocumentAnalysis& analysis) {
  std::vector<EntityKeyRow> out;
  for (uint32_t e = 0; e < analysis.local_entities.size(); ++e)
    for (EntityKeyRow& row : KeysOfEntity(analysis.local_entities[e]).keys) {
      row.local = e;
      out.push_back(std::move(row));
    }
  return out;
}

const std::string& BlockingKey(const EntityKeyRow& row, const std::unordered_set<std::string>& split_keys) {
  return split_keys.count(row.key) ? row.written_key : row.key;
}

void ResolveAcrossDocuments(const std::vector<Document>& docs, const std::vector<DocumentAnalysis>& analyses,
                            CorpusAnalysis* corpus, const std::vector<std::vector<LocalEntityRef>>* key_groups) {
  (void)docs;
  StepTimer timer("resolve");  // HEARSAY_FUSE_TIMING=1 prints the time of each step
  const size_t n_docs = analyses.size();
  corpus->entities.clear();
  corpus->local_to_global.assign(n_docs, {});

  // ---- 1. keys and groups ------------------------------------------------------------
  // group_of[doc][local] is a union-find group; groups hold local entities.
  UnionFind uf;
  std::vector<std::vector<int32_t>> group_of(n_docs);
  std::vector<LocalRef> group_first;  // first member of each group (creation order)
  std::vector<double> link_conf;      // confidence of the link that made this member join
  std::unordered_map<std::string, int32_t> by_key;
  struct Single {
    LocalRef ref;
    std::string word;
  };
  std::vector<Single> singles;
  auto new_group = [&](LocalRef ref) {
    int32_t g = static_cast<int32_t>(uf.Add());
    group_first.push_back(ref);
    link_conf.push_back(1.0);
    return g;
  };

  // Keys that two people written with different first names share inside one document
  // ("Robert Kardashian" the father and "Rob Kardashian" the son, kept apart by in-document
  // coreference): for these the written first name, not its canonical form, makes the key,
  // so nickname variants of the pair never join across documents.
  std::unordered_set<std::string> split_keys;
  for (const DocumentAnalysis& a : analyses)
    for (std::string& k : SplitKeysOf(a)) split_keys.insert(std::move(k));

  size_t n_locals = 0;
  for (const DocumentAnalysis& a : analyses) n_locals += a.local_entities.size();
  if (!key_groups) by_key.reserve(n_locals);  // no rehashing while keys are added
  for (uint32_t d = 0; d < n_docs; ++d) {
    const auto& locals = analyses[d].local_entities;
    group_of[d].assign(locals.size(), -1);
    for (uint32_t e = 0; e < locals.size(); ++e) {
      EntityKeys k = KeysOfEntity(locals[e]);
      if (k.keys.empty()) {
        if (!k.single.empty()) singles.push_back({{d, e}, std::move(k.single)});
        else group_of[d][e] = new_group({d, e});
        continue;
      }
      if (key_groups) {  // joined by the groups given, below
        group_of[d][e] = new_group({d, e});
        continue;
      }
      // The first key (the name's) makes or finds the group; full-name aliases found by
      // in-document coreference join their own keys to it.
      int32_t group = -1;
      for (const EntityKeyRow& row : k.keys) {
        auto [it, fresh] = by_key.emplace(BlockingKey(row, split_keys), -1);
        if (group < 0) {
          if (fresh) it->second = new_group({d, e});
          group = it->second;
        } else if (fresh) {
          it->second = group;
        } else {
          uf.Union(static_cast<uint32_t>(it->second), static_cast<uint32_t>(group));
        }
      }
      group_of[d][e] = group;
    }
  }
  if (key_groups)
    for (const std::vector<LocalEntityRef>& g : *key_groups) {
      int32_t first = -1;
      for (const LocalEntityRef& r : g) {
        if (r.doc_idx >= n_docs || r.local_idx >= group_of[r.doc_idx].size()) continue;
        int32_t own = group_of[r.doc_idx][r.local_idx];
        if (own < 0) continue;
        if (first < 0) first = own;
        else uf.Union(static_cast<uint32_t>(own), static_cast<uint32_t>(first));
      }
    }

  timer.Step("keys");
  // ---- 2. gender split of person groups ------------------------------------------------
  // Members of a root group, gathered in document order.
  const int32_t n_groups = static_cast<int32_t>(group_first.size());
  std::vector<std::vector<LocalRef>> members(n_groups);
  for (uint32_t d = 0; d < n_docs; ++d)
    for (uint32_t e = 0; e < group_of[d].size(); ++e)
      if (group_of[d][e] >= 0) members[uf.Find(static_cast<uint32_t>(group_of[d][e]))].push_back({d, e});

  // Final entity index per member; built group by group.
  std::vector<std::vector<int32_t>> entity_of(n_docs);
  for (uint32_t d = 0; d < n_docs; ++d) entity_of[d].assign(group_of[d].size(), -1);
  struct Draft {
    std::vector<LocalRef> members;
    double confidence = 1.0;
    LocalRef first;
  };
  std::vector<Draft> drafts;

  auto local = [&](LocalRef r) -> const LocalEntity& { return analyses[r.doc].local_entities[r.local]; };
  // A member's name taken apart (recomputed rather than cached: a cache per local entity
  // doubled the corpus stages' peak heap).
  auto name_of = [&](LocalRef r) { return SplitPersonName(local(r).name); };
  // merge confidence of a person group (see the table at the top of the file)
  auto person_confidence = [&](const std::vector<LocalRef>& ms) {
    if (ms.size() <= 1) return 1.0;
    double conf = 1.0;
    const NameParts base = name_of(ms[0]);
    std::string gender;
    bool mixed_gender = false;
    for (const LocalRef& r : ms) {
      const LocalEntity& le = local(r);
      if (!le.gender.empty()) {
        if (!gender.empty() && gender != le.gender) mixed_gender = true;
        gender = le.gender;
      }
      if (le.name == local(ms[0]).name) continue;
      const NameParts p = name_of(r);
      if (p.key.empty()) continue;  // named by an alias: counted with the alias below
      if (p.first != base.first) conf = std::min(conf, 0.85);
      else if (p.folded != base.folded) conf = std::min(conf, p.has_middle != base.has_middle ? 0.90 : 0.95);
      else conf = std::min(conf, 0.95);
    }
    if (mixed_gender) conf *= 0.80;
    return conf;
  };

  for (int32_t g = 0; g < n_groups; ++g) {
    if (members[g].empty()) continue;
    std::vector<LocalRef>& ms = members[g];
    bool person = local(ms[0]).type == EntityType::kPerson;
    std::vector<std::vector<LocalRef>> parts;
    if (person) {
      // Split by gender when first names differ and both genders occur.
      size_t male = 0, female = 0;
      bool first_names_differ = false;
      const std::string first0 = name_of(ms[0]).first;
      for (const LocalRef& r : ms) {
        male += local(r).gender == "male";
        female += local(r).gender == "female";
        // The same written name has the same first name: take it apart only when it differs.
        if (!first_names_differ && local(r).name != local(ms[0]).name && name_of(r).first != first0)
          first_names_differ = true;
      }
      if (male && female && first_names_differ) {
        std::string majority = male >= female ? "male" : "female";
        std::vector<LocalRef> a, b;
        for (const LocalRef& r : ms) (local(r).gender.empty() || local(r).gender == majority ? a : b).push_back(r);
        parts.push_back(std::move(a));
        parts.push_back(std::move(b));
      } else {
        parts.push_back(std::move(ms));
      }
    } else {
      parts.push_back(std::move(ms));
    }
    for (auto& part : parts) {
      Draft dr;
      dr.first = part[0];
      if (person) {
        dr.confidence = person_confidence(part);
      } else if (part.size() > 1) {
        for (const LocalRef& r : part)
          if (local(r).name != local(part[0]).name) dr.confidence = 0.95;
      }
      for (const LocalRef& r : part) entity_of[r.doc][r.local] = static_cast<int32_t>(drafts.size());
      dr.members = std::move(part);
      drafts.push_back(std::move(dr));
    }
  }

  timer.Step("gender split");
  // ---- 3. one-word person names ----------------------------------------------------------
  // Index full-name person drafts by first name (canonical) and surname; document lists.
  std::unordered_map<std::string, std::vector<int32_t>> by_word;
  std::vector<std::vector<uint32_t>> docs_of(drafts.size());
  for (size_t k = 0; k < drafts.size(); ++k) {
    const Draft& dr = drafts[k];
    if (local(dr.first).type != EntityType::kPerson) continue;
    std::unordered_set<std::string> words;
    std::unordered_set<std::string_view> names;  // each written name taken apart once
    for (const LocalRef& r : dr.members) {
      if (!names.insert(local(r).name).second) continue;
      const NameParts p = name_of(r);
      if (p.key.empty()) continue;
      words.insert(CanonicalFirst(p.first));
      words.insert(p.surname);
    }
    for (const std::string& w : words) by_word[w].push_back(static_cast<int32_t>(k));
    for (const LocalRef& r : dr.members)
      if (docs_of[k].empty() || docs_of[k].back() != r.doc) docs_of[k].push_back(r.doc);
  }
  // Full-name people per document (context).
  std::vector<std::vector<int32_t>> people_in_doc(n_docs);
  for (size_t k = 0; k < drafts.size(); ++k)
    if (!docs_of[k].empty())
      for (uint32_t d : docs_of[k]) people_in_doc[d].push_back(static_cast<int32_t>(k));
  // Documents that list many people (award nominations, cast lists) put unrelated people
  // side by side: they are not context for each other.
  std::vector<std::vector<uint32_t>> context_docs_of(drafts.size());
  for (size_t k = 0; k < drafts.size(); ++k)
    for (uint32_t d : docs_of[k])
      if (people_in_doc[d].size() <= kMaxPeopleInContextDoc) context_docs_of[k].push_back(d);

  std::unordered_map<std::string, int32_t> mononyms;
  for (const Single& s : singles) {
    auto it = by_word.find(s.word);
    if (it == by_word.end()) it = by_word.find(CanonicalFirst(s.word));
    int32_t target = -1;
    double conf = 0;
    if (it == by_word.end()) {
      // A mononym: no full name uses the word.
      auto [mit, fresh] = mononyms.emplace(s.word, -1);
      if (!fresh) {
        target = mit->second;
        conf = 0.80;
      } else {
        mit->second = static_cast<int32_t>(drafts.size());
      }
    } else if (it->second.size() <= kMaxCandidates) {
      // candidates with context: same document (strong), or a shared co-occurring person
      int32_t same_doc = -1, via_context = -1;
      size_t n_same = 0, n_context = 0;
      const std::vector<int32_t>& context = people_in_doc[s.ref.doc];
      for (int32_t cand : it->second) {
        if (std::binary_search(docs_of[cand].begin(), docs_of[cand].end(), s.ref.doc)) {
          same_doc = cand, ++n_same;
          continue;
        }
        size_t checked = 0;
        for (int32_t other : context) {
          if (other == cand) continue;
          if (++checked > kMaxContext) break;
          if (SortedIntersect(context_docs_of[cand], context_docs_of[other])) {
            via_context = cand, ++n_context;
            break;
          }
        }
      }
      if (n_same == 1) target = same_doc, conf = 0.75;
      else if (n_same == 0 && n_context == 1) target = via_context, conf = 0.65;
    }
    if (target >= 0) {
      drafts[target].members.push_back(s.ref);
      drafts[target].confidence = std::min(drafts[target].confidence, conf);
      entity_of[s.ref.doc][s.ref.local] = target;
    } else {
      Draft dr;
      dr.first = s.ref;
      dr.members.push_back(s.ref);
      entity_of[s.ref.doc][s.ref.local] = static_cast<int32_t>(drafts.size());
      drafts.push_back(std::move(dr));
    }
  }

  timer.Step("one-word names");
  // ---- 4. entities in order of first appearance -------------------------------------------
  std::vector<int32_t> order;
  order.reserve(drafts.size());
  std::vector<int32_t> final_index(drafts.size(), -1);
  for (uint32_t d = 0; d < n_docs; ++d)
    for (uint32_t e = 0; e < entity_of[d].size(); ++e) {
      int32_t k = entity_of[d][e];
      if (k >= 0 && final_index[k] < 0) {
        final_index[k] = static_cast<int32_t>(order.size());
        order.push_back(k);
      }
    }
  corpus->entities.reserve(order.size());
  for (int32_t k : order) {
    Draft& dr = drafts[k];
    std::sort(dr.members.begin(), dr.members.end(),
              [](const LocalRef& a, const LocalRef& b) { return a.doc != b.doc ? a.doc < b.doc : a.local < b.local; });
    // Name: the most frequent multi-word surface name, then the longest, then the first seen.
    std::unordered_map<std::string, size_t> counts;
    for (const LocalRef& r : dr.members) ++counts[local(r).name];
    std::string best = local(dr.members[0]).name;
    auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    for (const LocalRef& r : dr.members) {
      const std::string& nm = local(r).name;
      auto better = [&](const std::string& a, const std::string& b) {
        bool am = words(a) > 1, bm = words(b) > 1;
        if (am != bm) return am;
        if (counts[a] != counts[b]) return counts[a] > counts[b];
        return a.size() > b.size();
      };
      if (better(nm, best)) best = nm;
    }
    Entity ent;
    ent.id = "e" + std::to_string(corpus->entities.size() + 1);
    ent.name = best;
    ent.type = local(dr.members[0]).type;
    ent.merge_confidence = dr.confidence;
    std::unordered_set<std::string> seen = {best};
    for (const LocalRef& r : dr.members) {
      const LocalEntity& le = local(r);
      if (seen.insert(le.name).second) ent.aliases.push_back(le.name);
      for (const std::string& a : le.aliases)
        if (seen.insert(a).second) ent.aliases.push_back(a);
    }
    corpus->entities.push_back(std::move(ent));
  }

  for (uint32_t d = 0; d < n_docs; ++d) {
    const DocumentAnalysis& a = analyses[d];
    auto& map = corpus->local_to_global[d];
    map.assign(a.local_entities.size(), -1);
    for (uint32_t e = 0; e < map.size(); ++e)
      if (entity_of[d][e] >= 0) map[e] = final_index[entity_of[d][e]];
    for (uint32_t m = 0; m < a.mentions.size(); ++m) {
      int32_t l = a.mentions[m].entity_idx;
      if (l < 0 || static_cast<size_t>(l) >= map.size() || map[l] < 0) continue;
      corpus->entities[map[l]].mentions.push_back(MentionRef{d, m});
    }
  }
  timer.Step("entities");
}

}  // namespace hearsay::resolve
