// In-document coreference (ResolveInDocument). Cross-document resolution lives in
// cross_document.cc.
//
// People, in four passes over the document's PERSON mentions:
//   1. full names (two or more words; "Elsina [Khayrova]" read as "Elsina Khayrova") make
//      entities; two full names join only when first and last words agree, so people
//      sharing a surname stay apart;
//   2. one-word names and particle surnames ("de Armas") join an entity whose surname,
//      first name or first-name short form ("Bella" in "Isabella") they are; when several
//      fit, the most salient wins: salience = body mentions + 0.2 x headline/caption
//      mentions of the full name;
//   3. descriptors "the 62-year-old actor", "the <Work> actress", "the Cuban-born
//      actress" link to the entity whose stated age matches, else the most recent
//      compatible person; a bare "the actress" only to one named in the last three sentences;
//      a definite title ("the mayor", "the Ohio senator") links to the latest person written
//      with that title before a name ("Mayor X", "Sen. Y"; abbreviations spelled out);
//   4. pronouns he/him/his/she/her link to the most recent person of that gender within
//      the last three sentences.
// Gender = first-name statistics (SSA counts in the tagger's gazetteer), titles (Mr, Mrs,
// Ms), gendered role nouns next to the name, then pronoun majority.
// Other types join on equal normalised text (case, "the", possessive, ".com" ignored).
#include "resolve/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>

#include "entities/entities.h"
#include "entities/features.h"
#include "entities/gazetteer.h"

namespace hearsay::resolve {
namespace {

using entities::LowerCase;

bool IsNameType(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kLoc || t == EntityType::kMisc ||
         t == EntityType::kWork || t == EntityType::kOutlet;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '[' || c == ']') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string Join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (i > from) out += ' ';
    out += w[i];
  }
  return out;
}

// Display form: brackets dropped, trailing possessive dropped.
std::string CleanName(std::string_view text) {
  std::string s = Join(Words(text), 0, Words(text).size());
  for (const char* suffix : {"'s", "’s", "'", "’"}) {
    size_t n = std::strlen(suffix);
    if (s.size() > n && s.compare(s.size() - n, n, suffix) == 0) {
      s.resize(s.size() - n);
      break;
    }
  }
  return s;
}

bool IsParticle(const std::string& lower_word) {
  static const char* kParticles[] = {"de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "du", "st.", "bin", "al"};
  for (const char* p : kParticles)
    if (lower_word == p) return true;
  return false;
}

// Common English nicknames (general, not article-specific): short form -> given names.
bool IsNicknameOf(const std::string& nick, const std::string& given) {
  static const std::multimap<std::string, std::string> kNick = {
      {"tom", "thomas"},   {"bob", "robert"},    {"rob", "robert"},    {"bill", "william"}, {"will", "william"},
      {"liz", "elizabeth"}, {"beth", "elizabeth"}, {"kate", "katherine"}, {"katie", "katherine"}, {"jim", "james"},
      {"mike", "michael"}, {"dick", "richard"},  {"rick", "richard"},  {"dan", "daniel"},   {"joe", "joseph"},
      {"ben", "benjamin"}, {"sam", "samuel"},    {"alex", "alexander"}, {"chris", "christopher"}, {"matt", "matthew"},
      {"nick", "nicholas"}, {"tony", "anthony"}, {"jen", "jennifer"},  {"jenny", "jennifer"}, {"meg", "margaret"},
      {"peggy", "margaret"}, {"ted", "edward"},  {"ed", "edward"},     {"andy", "andrew"},  {"steve", "steven"},
      {"dave", "david"},   {"jon", "jonathan"},  {"becky", "rebecca"}, {"abby", "abigail"}, {"ellie", "eleanor"}};
  if (nick.size() >= 3 && given.size() > nick.size() &&
      (given.compare(0, nick.size(), nick) == 0 || given.compare(given.size() - nick.size(), nick.size(), nick) == 0))
    return true;
  auto range = kNick.equal_range(nick);
  for (auto it = range.first; it != range.second; ++it)
    if (it->second == given) return true;
  return false;
}

struct Person {
  std::vector<std::string> words;  // lower case
  std::string display;
  double salience = 0;
  int female = 0, male = 0;        // gender votes
  std::vector<int> ages;
  int32_t entity = -1;
  std::string first() const { return words.front(); }
  std::string surname() const {  // everything after the first word
    return Join(words, 1, words.size());
  }
  std::string last() const { return words.back(); }
};

// A title word before a name, lower-cased, without its period, with the common abbreviations
// of news style spelled out ("sen." -> "senator", "gov." -> "governor").
std::string TitleWord(std::string w) {
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sen") return "senator";
  if (w == "gov") return "governor";
  if (w == "rep") return "representative";
  if (w == "gen") return "general";
  if (w == "sec") return "secretary";
  return w;
}

struct Ctx {
  const Document& doc;
  DocumentAnalysis& a;
  std::vector<uint32_t> sentence_of_token;
  std::string_view Text(uint32_t b, uint32_t e) const { return std::string_view(doc.text).substr(b, e - b); }
  long TokenAt(uint32_t byte) const {
    auto& t = a.layout.tokens;
    auto it = std::lower_bound(t.begin(), t.end(), byte, [](const Token& k, uint32_t b) { return k.byte_begin < b; });
    return it == t.end() || it->byte_begin != byte ? -1 : it - t.begin();
  }
  long TokenEndingAt(uint32_t byte) const {
    auto& t = a.layout.tokens;
    auto it = std::lower_bound(t.begin(), t.end(), byte, [](const Token& k, uint32_t b) { return k.byte_end < b; });
    return it == t.end() || it->byte_end != byte ? -1 : it - t.begin();
  }
  std::string Lower(long i) const {
    if (i < 0 || static_cast<size_t>(i) >= a.layout.tokens.size()) return {};
    const Token& k = a.layout.tokens[i];
    return LowerCase(Text(k.byte_begin, k.byte_end));
  }
  BlockKind Block(long token) const {
    if (token < 0 || sentence_of_token[token] == UINT32_MAX) return BlockKind::kBody;
    const Sentence& s = a.layout.sentences[sentence_of_token[token]];
    return s.paragraph_idx < a.layout.paragraphs.size() ? a.layout.paragraphs[s.paragraph_idx].kind : BlockKind::kBody;
  }
  uint32_t SentenceOf(uint32_t byte) const {
    long t = TokenAt(byte);
    return t < 0 ? UINT32_MAX : sentence_of_token[t];
  }
};

int GenderOfWord(const std::string& w) {  // +1 female, -1 male, 0 none
  static const char* kFemale[] = {"actress", "she", "her", "hers", "herself", "mrs", "mrs.", "ms", "ms.", "miss", "wife",
                                  "mother", "daughter", "sister", "girlfriend", "fiancee", "fiancée", "singer-actress",
                                  "queen", "princess", "mom", "woman", "ex-wife", "lady", "dame", "businesswoman", "aunt"};
  static const char* kMale[] = {"actor", "he", "him", "his", "himself", "mr", "mr.", "husband", "father", "son", "brother",
                                "boyfriend", "fiance", "fiancé", "king", "prince", "dad", "man", "ex-husband", "sir",
                                "lord", "frontman", "businessman", "uncle"};
  for (const char* f : kFemale)
    if (w == f) return 1;
  for (const char* m : kMale)
    if (w == m) return -1;
  return 0;
}

// A person written with a title before the name ("Mayor Ana X", "Sen. Tom Y"), in text order.
struct Titled {
  std::string title;  // TitleWord of it
  uint32_t byte = 0;  // where the name starts
  int person = -1;
};

std::vector<Titled> TitledPeople(const Ctx& c, const std::vector<int>& person_of) {
  const auto& toks = c.a.layout.tokens;
  std::vector<Titled> out;
  for (size_t i = 0; i < c.a.mentions.size(); ++i) {
    const Mention& m = c.a.mentions[i];
    if (person_of[i] < 0 || m.descriptor) continue;
    long b = c.TokenAt(m.byte_begin);
    if (b < 0) continue;
    if (b > 0 && toks[b - 1].kind == TokenKind::kWord &&
        std::isupper(static_cast<unsigned char>(c.Text(toks[b - 1].byte_begin, toks[b - 1].byte_end)[0])))
      out.push_back({TitleWord(c.Lower(b - 1)), m.byte_begin, person_of[i]});
  }
  std::erase_if(out, [](const Titled& x) { return x.title.size() <= 2; });
  std::stable_sort(out.begin(), out.end(), [](const Titled& x, const Titled& y) { return x.byte < y.byte; });
  return out;
}

}  // namespace

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis) {
  DocumentAnalysis& a = *analysis;
  Ctx c{doc, a, std::vector<uint32_t>(a.layout.tokens.size(), UINT32_MAX)};
  for (uint32_t s = 0; s < a.layout.sentences.size(); ++s)
    for (uint32_t t = a.layout.sentences[s].token_begin; t < a.layout.sentences[s].token_end; ++t) c.sentence_of_token[t] = s;
  std::shared_ptr<const entities::Gazetteer> gaz = entities::SharedGazetteer();

  // ---- people: pass 1, full names ----
  std::vector<Person> people;
  std::vector<int> person_of(a.mentions.size(), -1);
  // Salience weight of a name mention: the headline names the article's subject; captions
  // name photographers and passers-by.
  auto weight = [&](const Mention& m) {
    BlockKind k = c.Block(c.TokenAt(m.byte_begin));
    return k == BlockKind::kTitle ? 1.5 : (k == BlockKind::kCaption ? 0.2 : 1.0);
  };
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& m = a.mentions[i];
    if (m.type != EntityType::kPerson || m.descriptor) continue;
    std::vector<std::string> w = Words(LowerCase(CleanName(c.Text(m.byte_begin, m.byte_end))));
    if (w.size() < 2 || IsParticle(w[0])) continue;
    int found = -1;
    for (size_t p = 0; p < people.size(); ++p)
      if (people[p].first() == w.front() && people[p].last() == w.back()) found = static_cast<int>(p);
    if (found < 0) {
      Person p;
      p.words = w;
      p.display = CleanName(c.Text(m.byte_begin, m.byte_end));
      people.push_back(p);
      found = static_cast<int>(people.size()) - 1;
    } else if (w.size() > people[found].words.size()) {
      people[found].words = w;  // the longest form names the entity ("Manuel Anido Cuesta")
      people[found].display = CleanName(c.Text(m.byte_begin, m.byte_end));
    }
    people[found].salience += weight(m);
    person_of[i] = found;
  }
  // ---- pass 2: surnames, first names, short forms ----
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& m = a.mentions[i];
    if (m.type != EntityType::kPerson || m.descriptor || person_of[i] >= 0) continue;
    std::string text = CleanName(c.Text(m.byte_begin, m.byte_end));
    std::vector<std::string> w = Words(LowerCase(text));
    if (w.empty()) continue;
    std::string joined = Join(w, 0, w.size());
    int best = -1;
    double best_score = -1;
    auto consider = [&](size_t p, double bonus) {
      double score = people[p].salience + bonus;
      if (score > best_score) {
        best_score = score;
        best = static_cast<int>(p);
      }
    };
    for (size_t p = 0; p < people.size(); ++p) {
      const Person& q = people[p];
      if (q.words.size() < 2) continue;
      if (joined == q.surname() || (w.size() == 1 && joined == q.last())) consider(p, 0);
    }
    if (best < 0 && w.size() == 1) {
      for (size_t p = 0; p < people.size(); ++p) {
        const Person& q = people[p];
        if (q.words.size() < 2) continue;
        if (joined == q.first() || IsNicknameOf(joined, q.first())) consider(p, 0);
      }
    }
    if (best < 0) {  // a one-word name of its own ("Suri"): same text, same entity
      for (size_t p = 0; p < people.size(); ++p)
        if (people[p].words == w) best = static_cast<int>(p);
      if (best < 0) {
        Person p;
        p.words = w;
        p.display = text;
        people.push_back(p);
        best = static_cast<int>(people.size()) - 1;
      }
    }
    person_of[i] = best;
    // Only full names and surnames make a person "the" bearer of a surname.
    if (w.size() > 1 || joined == people[best].surname() || joined == people[best].last())
      people[best].salience += 0.5 * weight(m);
  }
  // One-word entities that turn out to be first names or short forms of a full-name entity
  // created later in the scan are merged into it (order independence).
  std::vector<int> redirect(people.size());
  for (size_t p = 0; p < people.size(); ++p) redirect[p] = static_cast<int>(p);
  for (size_t p = 0; p < people.size(); ++p) {
    if (people[p].words.size() != 1) continue;
    int target = -1;
    double best = -1;
    for (size_t q = 0; q < people.size(); ++q) {
      if (q == p) continue;
      const std::string& w = people[p].words[0];
      if (people[q].words.size() < 2 && !(people[q].words.size() == 1 && IsNicknameOf(w, people[q].first()))) continue;
      if ((w == people[q].first() || IsNicknameOf(w, people[q].first())) && people[q].salience + 1 > best) {
        best = people[q].salience + 1;
        target = static_cast<int>(q);
      }
    }
    if (target >= 0) redirect[p] = target;
  }
  for (size_t p = 0; p < redirect.size(); ++p)  // follow chains: Bella -> Isabella -> Isabella Cruise
    while (redirect[redirect[p]] != redirect[p]) redirect[p] = redirect[redirect[p]];
  for (int& p : person_of)
    if (p >= 0) p = redirect[p];

  // ---- gender evidence ----
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    int p = person_of[i];
    if (p < 0) continue;
    const Mention& m = a.mentions[i];
    long first = c.TokenAt(m.byte_begin), last = c.TokenEndingAt(m.byte_end);
    for (long t : {first - 1, first - 2, last + 1, last + 2}) {
      if (t < 0 || static_cast<size_t>(t) >= a.layout.tokens.size()) continue;
      if (c.sentence_of_token[t] != c.sentence_of_token[first]) continue;
      std::string lw = c.Lower(t);
      if (lw == "he" || lw == "she" || lw == "him" || lw == "her" || lw == "his") continue;  // counted below
      int g = GenderOfWord(lw);
      if (g > 0) people[p].female += 2;
      if (g < 0) people[p].male += 2;
    }
    // Stated age: "Name, 37," (an AGE mention right after).
    for (size_t j = i + 1; j < a.mentions.size() && j < i + 3; ++j)
      if (a.mentions[j].type == EntityType::kAge && a.mentions[j].byte_begin <= m.byte_end + 3) {
        std::string_view t = c.Text(a.mentions[j].byte_begin, a.mentions[j].byte_end);
        people[p].ages.push_back(std::atoi(std::string(t).c_str()));
      }
  }
  for (Person& p : people) {
    if (!gaz || p.words.size() < 2 || p.words.empty()) {
      if (!gaz) continue;
    }
    const entities::WordEntry* e = gaz->FindWord(entities::HashBytes(p.words.front(), entities::kGazetteerSeed));
    if (!e || e->female + e->male == 0) continue;
    double share = double(e->female) / (double(e->female) + e->male);
    if (share >= 0.8) p.female += 3;
    else if (share <= 0.2) p.male += 3;
  }
  // Pronoun majority in sentences where the person is the only one named.
  {
    // Only sentences whose subject (a name in the first two tokens) is the person.
    std::map<uint32_t, std::vector<int>> in_sentence;
    for (size_t i = 0; i < a.mentions.size(); ++i) {
      if (person_of[i] < 0) continue;
      uint32_t s = c.SentenceOf(a.mentions[i].byte_begin);
      in_sentence[s].push_back(person_of[i]);
      long t = c.TokenAt(a.mentions[i].byte_begin);
      if (s != UINT32_MAX && t > static_cast<long>(a.layout.sentences[s].token_begin) + 1) in_sentence[s].push_back(-1);
    }
    for (auto& [s, ps] : in_sentence) {
      if (s == UINT32_MAX) continue;
      std::sort(ps.begin(), ps.end());
      ps.erase(std::unique(ps.begin(), ps.end()), ps.end());
      if (ps.size() != 1 || ps[0] < 0) continue;
      const Sentence& st = a.layout.sentences[s];
      for (uint32_t t = st.token_begin; t < st.token_end; ++t) {
        std::string lw = c.Lower(t);
        if (lw == "she" || lw == "her") people[ps[0]].female += 1;
        if (lw == "he" || lw == "him" || lw == "his") people[ps[0]].male += 1;
      }
    }
  }
  auto gender = [&](int p) { return people[p].female > people[p].male ? 1 : (people[p].male > people[p].female ? -1 : 0); };

  // ---- local entities ----
  a.local_entities.clear();
  std::vector<int32_t> entity_of_person(people.size(), -1);
  std::map<std::pair<int, std::string>, int32_t> by_key;
  auto add_alias = [](LocalEntity& e, const std::string& alias) {
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) e.aliases.push_back(alias);
  };
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    Mention& m = a.mentions[i];
    if (!IsNameType(m.type) || m.descriptor) continue;
    std::string text = CleanName(c.Text(m.byte_begin, m.byte_end));
    if (person_of[i] >= 0) {
      int p = person_of[i];
      if (entity_of_person[p] < 0) {
        entity_of_person[p] = static_cast<int32_t>(a.local_entities.size());
        LocalEntity le;
        le.name = people[p].display;
        le.type = EntityType::kPerson;
        le.gender = gender(p) > 0 ? "female" : (gender(p) < 0 ? "male" : "");
        le.aliases.push_back(le.name);
        a.local_entities.push_back(le);
      }
      m.entity_idx = entity_of_person[p];
      add_alias(a.local_entities[m.entity_idx], text);
      continue;
    }
    std::string key = LowerCase(text);
    if (key.rfind("the ", 0) == 0) key = key.substr(4);
    if (key.size() > 4 && key.compare(key.size() - 4, 4, ".com") == 0) key.resize(key.size() - 4);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    int kind = static_cast<int>(m.type == EntityType::kOutlet || m.type == EntityType::kOrg ? EntityType::kOrg : m.type);
    auto it = by_key.find({kind, key});
    if (it == by_key.end()) {
      it = by_key.emplace(std::make_pair(kind, key), static_cast<int32_t>(a.local_entities.size())).first;
      a.local_entities.push_back(LocalEntity{text, m.type, {text}, ""});
    }
    m.entity_idx = it->second;
    add_alias(a.local_entities[m.entity_idx], text);
  }

  // ---- descriptors and pronouns ----
  // Recent people, in document order: (byte, person).
  std::vector<std::pair<uint32_t, int>> timeline;
  for (size_t i = 0; i < a.mentions.size(); ++i)
    if (person_of[i] >= 0) timeline.emplace_back(a.mentions[i].byte_begin, person_of[i]);
  auto recent = [&](uint32_t byte, int want_gender, uint32_t max_sentences, int age) -> int {
    uint32_t s_here = c.SentenceOf(byte);
    if (age > 0) {
      for (size_t p = 0; p < people.size(); ++p)
        if (std::find(people[p].ages.begin(), people[p].ages.end(), age) != people[p].ages.end() &&
            (want_gender == 0 || gender(p) == 0 || gender(p) == want_gender) && entity_of_person[p] >= 0)
          return static_cast<int>(p);
    }
    // Sentence by sentence backwards; inside a sentence the first compatible person (the
    // subject, usually) wins over later ones.
    int found = -1;
    uint32_t found_sentence = UINT32_MAX;
    for (size_t k = timeline.size(); k-- > 0;) {
      if (timeline[k].first >= byte) continue;
      uint32_t s = c.SentenceOf(timeline[k].first);
      if (s_here != UINT32_MAX && s != UINT32_MAX && s_here - s > max_sentences) break;
      if (found >= 0 && s != found_sentence) break;
      int p = timeline[k].second;
      if (want_gender != 0 && gender(p) != want_gender) continue;
      found = p;
      found_sentence = s;
    }
    return found;
  };
  std::vector<Mention> added;
  auto covered = [&](uint32_t b, uint32_t e) {
    for (const Mention& m : a.mentions)
      if (IsNameType(m.type) && m.byte_begin < e && b < m.byte_end) return true;
    return false;
  };
  static const char* kRoles[] = {"actor", "actress", "star", "superstar", "singer", "frontman", "model", "director", "chef",
                                 "musician", "rapper", "comedian", "host", "producer", "filmmaker", "athlete", "couple"};
  const auto& toks = a.layout.tokens;
  const std::vector<Titled> titled = TitledPeople(c, person_of);
  for (size_t t = 0; t < toks.size(); ++t) {
    std::string lw = c.Lower(t);
    // Pronouns.
    if (lw == "he" || lw == "him" || lw == "his" || lw == "she" || lw == "her") {
      int g = GenderOfWord(lw);
      int p = recent(toks[t].byte_begin, g, 3, 0);
      if (p >= 0 && entity_of_person[p] >= 0)
        added.push_back(Mention{toks[t].byte_begin, toks[t].byte_end, EntityType::kPerson, 0.6f, entity_of_person[p], true});
      continue;
    }
    // Descriptors: "the" ... role noun, at most five tokens, followed by no name.
    if (lw != "the" || t + 1 >= toks.size()) continue;
    size_t end = t + 1;
    int age = 0;
    bool role = false;
    for (; end < toks.size() && end <= t + 6 && c.sentence_of_token[end] == c.sentence_of_token[t]; ++end) {
      std::string w = c.Lower(end);
      size_t dash = w.find("-year");
      if (dash != std::string::npos) age = std::atoi(w.substr(0, dash).c_str());
      bool is_role = false;
      for (const char* r : kRoles)
        if (w == r) is_role = true;
      if (is_role) {
        role = true;
        break;
      }
      if (w == "," || w == "." || w == "and" || w == "of" || w == "who") break;
    }
    if (!role) {
      // "the mayor", "the Ohio senator": the latest person written with that title before.
      int p = -1;
      size_t last = t + 1;
      for (; p < 0 && last < toks.size() && last <= t + 4 && toks[last].kind == TokenKind::kWord &&
             c.sentence_of_token[last] == c.sentence_of_token[t];
           ++last) {
        std::string title = TitleWord(c.Lower(last));
        for (const Titled& x : titled)
          if (x.title == title && x.byte < toks[t].byte_begin) p = x.person;
      }
      --last;
      bool name_follows = last + 1 < toks.size() && covered(toks[last + 1].byte_begin, toks[last + 1].byte_end);
      if (p < 0 || entity_of_person[p] < 0 || name_follows || covered(toks[t].byte_begin, toks[last].byte_end)) continue;
      added.push_back(Mention{toks[t].byte_begin, toks[last].byte_end, EntityType::kPerson, 0.6f, entity_of_person[p], true});
      t = last;
      continue;
    }
    if (lw == "couple") continue;
    std::string noun = c.Lower(end);
    if (noun == "couple") continue;
    // "the actress Ana ..." apposition: the name that follows is the referent already.
    bool name_follows = false;
    if (end + 1 < toks.size())
      for (const Mention& m : a.mentions)
        if (m.type == EntityType::kPerson && m.byte_begin == toks[end + 1].byte_begin) name_follows = true;
    if (name_follows) continue;
    uint32_t b = toks[t].byte_begin, e = toks[end].byte_end;
    if (covered(toks[end].byte_begin, e)) continue;
    int g = GenderOfWord(noun);
    // A bare "the actress" links only to the person of its gender named within the last three
    // sentences; a longer descriptor also further back.
    const bool bare = end == t + 1 && age == 0;
    int p = recent(b, g, bare ? 3 : 6, age);
    if (p < 0 && !bare) p = recent(b, g, 1000, age);
    if (p >= 0 && entity_of_person[p] >= 0) {
      added.push_back(Mention{b, e, EntityType::kPerson, 0.6f, entity_of_person[p], true});
      t = end;
    }
  }
  if (!added.empty()) {
    a.mentions.insert(a.mentions.end(), added.begin(), added.end());
    std::stable_sort(a.mentions.begin(), a.mentions.end(), [](const Mention& x, const Mention& y) {
      if (x.byte_begin != y.byte_begin) return x.byte_begin < y.byte_begin;
      return x.byte_end > y.byte_end;
    });
  }
}

}  // namespace hearsay::resolve
