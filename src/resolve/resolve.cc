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
//   3. descriptors "the 62-year-old actor", "the <Work> actress", "the pop star, 38" link by
//      agreement (DescriptorReferent): gender, the ages, works and occupations stated next
//      to each name ("Ana X, 37,", "producer Ana X", "'Night Harbor' star Ana X"), then
//      recency; no agreement leaves them unresolved; a definite title ("the mayor", "the Ohio
//      senator") links to the latest person written with that title before a name ("Mayor
//      X", "Sen. Y"; abbreviations spelled out);
//   4. pronouns: the ranker (coref.h, pronouns.cc), or without it the most recent person
//      of that gender within the last three sentences.
// Gender = first-name statistics (SSA counts in the tagger's gazetteer), titles (Mr, Mrs,
// Ms), gendered role nouns next to the name, then pronoun majority.
// Other types join on equal normalised text (case, "the", possessive, ".com" ignored).
#include "resolve/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "entities/entities.h"
#include "entities/features.h"
#include "entities/gazetteer.h"
#include "resolve/internal/pronouns.h"
#include "resolve/name_words.h"

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

// Surname particles and nicknames: data/names (name_words.h). "St." is written with its period.
bool IsParticle(const std::string& lower_word) {
  std::string w = lower_word;
  if (!w.empty() && w.back() == '.') w.pop_back();
  return DefaultNameWords().Is(w, NameWordClass::kParticle);
}

// A short form of `given`: a prefix or suffix of it ("Alex", "Gabe"), or a general nickname
// form of it ("Bob" / "Robert").
bool IsNicknameOf(const std::string& nick, const std::string& given) {
  if (nick.size() >= 3 && given.size() > nick.size() &&
      (given.compare(0, nick.size(), nick) == 0 || given.compare(given.size() - nick.size(), nick.size(), nick) == 0))
    return true;
  return nick != given && DefaultNameWords().CanonicalFirst(nick) == given;
}

struct Person {
  std::vector<std::string> words;  // lower case
  std::string display;
  double salience = 0;
  int female = 0, male = 0;        // gender votes
  std::vector<int> ages;
  std::vector<std::string> roles;  // occupations stated next to a name ("producer Ana X", "X, a producer")
  std::vector<std::string> works;  // works stated next to a name ("'Night Harbor' star X"), folded text
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

// Role nouns a definite descriptor ends in ("the 62-year-old actor", "the Cuban-born
// actress"); "couple" ends a descriptor but refers to two people, so it links to none.
bool IsRoleNoun(const std::string& w) {
  static const char* kRoles[] = {"actor",    "actress",    "star",     "superstar", "singer",    "frontman",   "model",
                                 "director", "chef",       "musician", "rapper",    "comedian",  "host",       "producer",
                                 "filmmaker", "athlete",   "couple",   "songwriter", "designer", "dancer",     "writer",
                                 "author",   "drummer",    "guitarist", "presenter", "journalist", "socialite", "businessman",
                                 "businesswoman", "entrepreneur", "heiress", "footballer", "quarterback"};
  for (const char* r : kRoles)
    if (w == r) return true;
  return false;
}

// Role nouns that name no occupation of their own ("the pop star", "the 'X' star"): they agree
// with anyone, so only an age, a work or the gender picks the person.
bool IsGenericRole(const std::string& w) { return w == "star" || w == "superstar"; }

// A work's text folded for comparison: lower case, quotation marks and "the" dropped.
std::string FoldWork(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      i += 2;  // curly quotation marks and apostrophes
      continue;
    }
    if (c == '"' || c == '\'') continue;
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
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

// The in-document resolver: the passes of the file comment as named steps over one
// document's state (people found so far, the person of each mention, the entity of each
// person). Built and run once per document; holds no state beyond it.
class DocumentResolver {
 public:
  DocumentResolver(const Document& doc, DocumentAnalysis& a, const Knowledge& k, const PronounChooser* chooser)
      : c_{doc, a, std::vector<uint32_t>(a.layout.tokens.size(), UINT32_MAX)},
        knowledge_(k),
        chooser_(chooser),
        person_of_(a.mentions.size(), -1) {
    for (uint32_t s = 0; s < a.layout.sentences.size(); ++s)
      for (uint32_t t = a.layout.sentences[s].token_begin; t < a.layout.sentences[s].token_end; ++t)
        c_.sentence_of_token[t] = s;
  }

  void Run() {
    ClusterFullNames();
    AttachShortNames();
    MergeLateFirstNames();
    CollectNeighbourEvidence();
    CollectGazetteerGender();
    CollectPronounMajority();
    BuildLocalEntities();
    LinkPronounsAndDescriptors();
  }

 private:
  // Salience weight of a name mention: the headline names the article's subject; captions
  // name photographers and passers-by.
  double Weight(const Mention& m) const {
    BlockKind k = c_.Block(c_.TokenAt(m.byte_begin));
    return k == BlockKind::kTitle ? 1.5 : (k == BlockKind::kCaption ? 0.2 : 1.0);
  }
  int Gender(int p) const {
    return people_[p].female > people_[p].male ? 1 : (people_[p].male > people_[p].female ? -1 : 0);
  }
  int AddPerson(std::vector<std::string> words, std::string display) {
    Person p;
    p.words = std::move(words);
    p.display = std::move(display);
    people_.push_back(std::move(p));
    return static_cast<int>(people_.size()) - 1;
  }

  // Pass 1: full names (two or more words) make people; first and last words must agree.
  void ClusterFullNames() {
    const auto& mentions = c_.a.mentions;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (m.type != EntityType::kPerson || m.descriptor) continue;
      std::vector<std::string> w = Words(LowerCase(CleanName(c_.Text(m.byte_begin, m.byte_end))));
      if (w.size() < 2 || IsParticle(w[0])) continue;
      int found = -1;
      for (size_t p = 0; p < people_.size(); ++p)
        if (people_[p].first() == w.front() && people_[p].last() == w.back()) found = static_cast<int>(p);
      if (found < 0) {
        found = AddPerson(w, CleanName(c_.Text(m.byte_begin, m.byte_end)));
      } else if (w.size() > people_[found].words.size()) {
        people_[found].words = w;  // the longest form names the entity ("Manuel Anido Cuesta")
        people_[found].display = CleanName(c_.Text(m.byte_begin, m.byte_end));
      }
      people_[found].salience += Weight(m);
      person_of_[i] = found;
    }
  }

  // The most salient full-name person whose surname (or last word) is `w`, else whose first
  // name or its short form `w` is (one word only); -1 when none.
  int BestFullNameFor(const std::vector<std::string>& w) const {
    const std::string joined = Join(w, 0, w.size());
    int best = -1;
    double best_score = -1;
    auto consider = [&](size_t p) {
      if (people_[p].salience > best_score) {
        best_score = people_[p].salience;
        best = static_cast<int>(p);
      }
    };
    for (size_t p = 0; p < people_.size(); ++p) {
      const Person& q = people_[p];
      if (q.words.size() >= 2 && (joined == q.surname() || (w.size() == 1 && joined == q.last()))) consider(p);
    }
    if (best >= 0 || w.size() != 1) return best;
    // A written first name before a short form: "Jack" is Jack N., not John C.
    for (size_t p = 0; p < people_.size(); ++p)
      if (people_[p].words.size() >= 2 && joined == people_[p].first()) consider(p);
    if (best >= 0) return best;
    for (size_t p = 0; p < people_.size(); ++p)
      if (people_[p].words.size() >= 2 && IsNicknameOf(joined, people_[p].first())) consider(p);
    return best;
  }

  // Pass 2: surnames, first names, short forms; a one-word name of its own ("Suri") is a
  // person of its own, the same text the same person.
  void AttachShortNames() {
    const auto& mentions = c_.a.mentions;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (m.type != EntityType::kPerson || m.descriptor || person_of_[i] >= 0) continue;
      std::string text = CleanName(c_.Text(m.byte_begin, m.byte_end));
      std::vector<std::string> w = Words(LowerCase(text));
      if (w.empty()) continue;
      int best = BestFullNameFor(w);
      if (best < 0) {
        for (size_t p = 0; p < people_.size(); ++p)
          if (people_[p].words == w) best = static_cast<int>(p);
        if (best < 0) best = AddPerson(w, text);
      }
      person_of_[i] = best;
      // Only full names and surnames make a person "the" bearer of a surname.
      const std::string joined = Join(w, 0, w.size());
      if (w.size() > 1 || joined == people_[best].surname() || joined == people_[best].last())
        people_[best].salience += 0.5 * Weight(m);
    }
  }

  // One-word people that turn out to be first names or short forms of a full-name person
  // created later in the scan are merged into it (order independence).
  void MergeLateFirstNames() {
    std::vector<int> redirect(people_.size());
    for (size_t p = 0; p < people_.size(); ++p) redirect[p] = static_cast<int>(p);
    for (size_t p = 0; p < people_.size(); ++p) {
      if (people_[p].words.size() != 1) continue;
      const std::string& w = people_[p].words[0];
      double best = -1;
      // Exact first names first; short forms only when no person has the written name.
      for (int nickname = 0; nickname < 2 && best < 0; ++nickname) {
        for (size_t q = 0; q < people_.size(); ++q) {
          if (q == p) continue;
          const Person& other = people_[q];
          bool full = other.words.size() >= 2;
          bool match = nickname ? IsNicknameOf(w, other.first()) : (full && w == other.first());
          if (!match || !(full || other.words.size() == 1) || other.salience + 1 <= best) continue;
          best = other.salience + 1;
          redirect[p] = static_cast<int>(q);
        }
      }
    }
    for (size_t p = 0; p < redirect.size(); ++p)  // follow chains: Bella -> Isabella -> Isabella Cruise
      while (redirect[redirect[p]] != redirect[p]) redirect[p] = redirect[redirect[p]];
    for (int& p : person_of_)
      if (p >= 0) p = redirect[p];
  }

  // Gender words within two tokens of a mention ("actress X", "X's husband"), and stated
  // ages ("Name, 37,": an AGE mention right after).
  void CollectNeighbourEvidence() {
    const auto& a = c_.a;
    MarkNamesAndWorks();
    for (size_t i = 0; i < a.mentions.size(); ++i) {
      int p = person_of_[i];
      if (p < 0) continue;
      const Mention& m = a.mentions[i];
      long first = c_.TokenAt(m.byte_begin), last = c_.TokenEndingAt(m.byte_end);
      for (long t : {first - 1, first - 2, last + 1, last + 2}) {
        if (t < 0 || static_cast<size_t>(t) >= a.layout.tokens.size()) continue;
        if (c_.sentence_of_token[t] != c_.sentence_of_token[first]) continue;
        std::string lw = c_.Lower(t);
        if (lw == "he" || lw == "she" || lw == "him" || lw == "her" || lw == "his") continue;  // pronoun majority
        int g = GenderOfWord(lw);
        if (g > 0) people_[p].female += 2;
        if (g < 0) people_[p].male += 2;
      }
      if (first >= 0 && last >= 0) CollectTraits(p, first, last);
      for (size_t j = i + 1; j < a.mentions.size() && j < i + 3; ++j)
        if (a.mentions[j].type == EntityType::kAge && a.mentions[j].byte_begin <= m.byte_end + 3) {
          std::string_view t = c_.Text(a.mentions[j].byte_begin, a.mentions[j].byte_end);
          people_[p].ages.push_back(std::atoi(std::string(t).c_str()));
        }
    }
  }

  // Per token: covered by a person's name (name_tok_), the work, group or title mention
  // (WORK, MISC, ORG: "the 'Night Harbor' star", "the Velvet Static frontman") covering it
  // (work_at_).
  void MarkNamesAndWorks() {
    const auto& toks = c_.a.layout.tokens;
    name_tok_.assign(toks.size(), 0);
    work_at_.assign(toks.size(), -1);
    for (size_t i = 0; i < c_.a.mentions.size(); ++i) {
      const Mention& m = c_.a.mentions[i];
      const bool work = m.type == EntityType::kWork || m.type == EntityType::kMisc || m.type == EntityType::kOrg;
      if (!work && person_of_[i] < 0) continue;
      auto it = std::lower_bound(toks.begin(), toks.end(), m.byte_begin,
                                 [](const Token& k, uint32_t b) { return k.byte_end <= b; });
      for (; it != toks.end() && it->byte_begin < m.byte_end; ++it) {
        size_t k = static_cast<size_t>(it - toks.begin());
        if (work) work_at_[k] = static_cast<int32_t>(i);
        else name_tok_[k] = 1;
      }
    }
  }

  std::string WorkAt(long t) const {
    const Mention& w = c_.a.mentions[work_at_[t]];
    return FoldWork(c_.Text(w.byte_begin, w.byte_end));
  }

  // Occupations, works and ages stated next to a name: before it in its sentence ("37-year-old
  // producer Ana X", "'Night Harbor' star Ana X"; up to four words) and in an apposition after
  // it ("Ana X, the 37-year-old producer,", "Ana X, a producer"; up to six words).
  void CollectTraits(int p, long first, long last) {
    const auto& toks = c_.a.layout.tokens;
    const uint32_t sent = c_.sentence_of_token[first];
    auto read = [&](long t) {  // false where the phrase ends
      if (t < 0 || static_cast<size_t>(t) >= toks.size() || c_.sentence_of_token[t] != sent || name_tok_[t]) return false;
      std::string w = c_.Lower(t);
      if (w == "," || w == "." || w == "and" || w == "of" || w == "who" || w == ";" || w == ":" || w == "(") return false;
      if (work_at_[t] >= 0) people_[p].works.push_back(WorkAt(t));
      if (IsRoleNoun(w) && w != "couple") people_[p].roles.push_back(w);
      size_t dash = w.find("-year");
      if (dash != std::string::npos && dash > 0 && std::isdigit(static_cast<unsigned char>(w[0])))
        people_[p].ages.push_back(std::atoi(w.c_str()));
      return true;
    };
    for (long t = first - 1; t >= first - 4 && read(t); --t) {
    }
    if (static_cast<size_t>(last + 1) < toks.size() && c_.Lower(last + 1) == ",")
      for (long t = last + 2; t <= last + 7 && read(t); ++t) {
      }
  }

  // First-name statistics passed in (a share of 80% or more decides).
  void CollectGazetteerGender() {
    const entities::Gazetteer* gaz = knowledge_.names;
    if (!gaz) return;
    for (Person& p : people_) {
      const entities::WordEntry* e = gaz->FindWord(entities::HashBytes(p.words.front(), entities::kGazetteerSeed));
      if (!e || e->female + e->male == 0) continue;
      double share = double(e->female) / (double(e->female) + e->male);
      if (share >= 0.8) p.female += 3;
      else if (share <= 0.2) p.male += 3;
    }
  }

  // Pronoun majority in sentences whose only named person is their subject (a name in the
  // first two tokens).
  void CollectPronounMajority() {
    const auto& a = c_.a;
    std::map<uint32_t, std::vector<int>> in_sentence;
    for (size_t i = 0; i < a.mentions.size(); ++i) {
      if (person_of_[i] < 0) continue;
      uint32_t s = c_.SentenceOf(a.mentions[i].byte_begin);
      in_sentence[s].push_back(person_of_[i]);
      long t = c_.TokenAt(a.mentions[i].byte_begin);
      if (s != UINT32_MAX && t > static_cast<long>(a.layout.sentences[s].token_begin) + 1) in_sentence[s].push_back(-1);
    }
    for (auto& [s, ps] : in_sentence) {
      if (s == UINT32_MAX) continue;
      std::sort(ps.begin(), ps.end());
      ps.erase(std::unique(ps.begin(), ps.end()), ps.end());
      if (ps.size() != 1 || ps[0] < 0) continue;
      const Sentence& st = a.layout.sentences[s];
      for (uint32_t t = st.token_begin; t < st.token_end; ++t) {
        std::string lw = c_.Lower(t);
        if (lw == "she" || lw == "her") people_[ps[0]].female += 1;
        if (lw == "he" || lw == "him" || lw == "his") people_[ps[0]].male += 1;
      }
    }
  }

  // Local entities: one per person, one per other name text (normalised: case, "the",
  // ".com", spaces); every name mention gets its entity_idx.
  void BuildLocalEntities() {
    DocumentAnalysis& a = c_.a;
    a.local_entities.clear();
    entity_of_person_.assign(people_.size(), -1);
    std::map<std::pair<int, std::string>, int32_t> by_key;
    auto add_alias = [](LocalEntity& e, const std::string& alias) {
      if (std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) e.aliases.push_back(alias);
    };
    for (size_t i = 0; i < a.mentions.size(); ++i) {
      Mention& m = a.mentions[i];
      if (!IsNameType(m.type) || m.descriptor) continue;
      std::string text = CleanName(c_.Text(m.byte_begin, m.byte_end));
      if (person_of_[i] >= 0) {
        m.entity_idx = EntityOfPerson(person_of_[i]);
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
    for (size_t i = 0; i < a.mentions.size(); ++i)
      if (person_of_[i] >= 0) {
        timeline_.emplace_back(a.mentions[i].byte_begin, person_of_[i]);
        named_end_.push_back(a.mentions[i].byte_end);
      }
  }

  int32_t EntityOfPerson(int p) {
    DocumentAnalysis& a = c_.a;
    if (entity_of_person_[p] < 0) {
      entity_of_person_[p] = static_cast<int32_t>(a.local_entities.size());
      LocalEntity le;
      le.name = people_[p].display;
      le.type = EntityType::kPerson;
      le.gender = Gender(p) > 0 ? "female" : (Gender(p) < 0 ? "male" : "");
      le.aliases.push_back(le.name);
      a.local_entities.push_back(le);
    }
    return entity_of_person_[p];
  }

  // The rule without the ranker: the first person of gender `want_gender` (0: any) in the
  // nearest sentence naming one, at most `max_sentences` back.
  int Recent(uint32_t byte, int want_gender, uint32_t max_sentences) const {
    std::vector<char> ok(people_.size(), 0);
    for (size_t p = 0; p < people_.size(); ++p) ok[p] = want_gender == 0 || Gender(int(p)) == want_gender;
    return RecentAmong(byte, ok, max_sentences);
  }

  static bool IsRankedPronoun(const std::string& w) {
    return w == "he" || w == "him" || w == "his" || w == "himself" || w == "she" || w == "her" || w == "hers" ||
           w == "herself";
  }

  // The person the ranker (or the trainer's chooser) picks for the pronoun at token t, -1 for
  // none. Name mentions before t join the seen mentions first; the pronoun joins them when
  // resolved, so a later pronoun may refer back through it.
  int RankPronoun(const PronounDoc& pd, size_t t, int gender) {
    const auto& toks = c_.a.layout.tokens;
    FlushNamed(toks[t].byte_begin);
    if (c_.sentence_of_token[t] == UINT32_MAX) return -1;
    PronounCase pc = BuildPronounCase(pd, static_cast<uint32_t>(t), gender, seen_, facts_, count_);
    int pick = chooser_ ? (*chooser_)(pc, c_.a) : knowledge_.coref->Choose(pc);
    if (pick < 0 && knowledge_.coref && SpeakerPronoun(pd, t)) pick = NearestSubjectFirst(pc, gender);
    if (pick < 0 || pick >= static_cast<int>(pc.candidates.size())) return -1;
    int32_t entity = pc.candidates[pick].entity;
    for (size_t p = 0; p < facts_.size(); ++p)
      if (facts_[p].entity == entity) {
        seen_.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(t) + 1, static_cast<int>(p), true});
        ++count_[p];
        return static_cast<int>(p);
      }
    return -1;
  }

  // A speaker's pronoun: "he"/"she" outside quotation marks in a sentence that holds a
  // quotation ("“…,” she said"). News names whoever it quotes, so the ranker's "none"
  // (learnt from GUM's genres, where many pronouns refer to unnamed people) gives way to
  // NearestSubjectFirst for these.
  bool SpeakerPronoun(const PronounDoc& pd, size_t t) const {
    std::string lw = c_.Lower(static_cast<long>(t));
    if ((lw != "he" && lw != "she") || pd.quote_of_tok[t] >= 0) return false;
    const Sentence& sn = c_.a.layout.sentences[c_.sentence_of_token[t]];
    for (uint32_t k = sn.token_begin; k < sn.token_end; ++k)
      if (pd.quote_of_tok[k] >= 0) return true;
    return false;
  }

  // When the ranker leaves a pronoun unresolved: the candidate of the nearest sentence that
  // has one agreeing in gender, the first in that sentence (subjects come first), a known
  // gender before an unknown one; -1 when none agrees. (News rarely uses he/she of someone
  // it has not named.)
  int NearestSubjectFirst(const PronounCase& pc, int gender) const {
    int best = -1, best_unknown = -1;
    uint32_t best_s = 0, unknown_s = 0;
    for (size_t i = 0; i < pc.candidates.size(); ++i) {
      const PronounCandidate& cand = pc.candidates[i];
      int g = 0;
      for (const PersonFacts& f : facts_)
        if (f.entity == cand.entity) g = f.gender;
      if (g != 0 && g != gender) continue;
      uint32_t s = c_.SentenceOf(cand.mention_begin);
      if (s == UINT32_MAX) continue;
      int& slot = g == 0 ? best_unknown : best;
      uint32_t& slot_s = g == 0 ? unknown_s : best_s;
      if (slot < 0 || s > slot_s || (s == slot_s && cand.mention_begin < pc.candidates[slot].mention_begin)) {
        slot = static_cast<int>(i);
        slot_s = s;
      }
    }
    if (best_unknown >= 0 && (best < 0 || unknown_s > best_s)) return best_unknown;
    return best;
  }

  // Name mentions starting before `byte` join the seen mentions (the ranker's history).
  void FlushNamed(uint32_t byte) {
    const auto& toks = c_.a.layout.tokens;
    for (; next_named_ < timeline_.size() && timeline_[next_named_].first < byte; ++next_named_) {
      const auto& [begin, p] = timeline_[next_named_];
      long b = c_.TokenAt(begin);
      if (b < 0) continue;
      uint32_t e = static_cast<uint32_t>(b) + 1;
      while (e < toks.size() && toks[e].byte_begin < named_end_[next_named_]) ++e;
      seen_.push_back({static_cast<uint32_t>(b), e, p, false});
      ++count_[p];
    }
  }

  bool Covered(uint32_t b, uint32_t e) const {
    for (const Mention& m : c_.a.mentions)
      if (IsNameType(m.type) && m.byte_begin < e && b < m.byte_end) return true;
    return false;
  }
  void AddDescriptor(uint32_t b, uint32_t e, int p) {
    if (p < 0 || entity_of_person_[p] < 0) return;
    added_.push_back(Mention{b, e, EntityType::kPerson, 0.6f, entity_of_person_[p], true});
    long tb = c_.TokenAt(b), te = c_.TokenEndingAt(e);
    if (facts_.empty() || tb < 0 || te < tb || (!seen_.empty() && seen_.back().tok_begin == uint32_t(tb))) return;
    FlushNamed(b);  // a descriptor ("the actress") is history for later pronouns, as a pronoun is
    seen_.push_back({static_cast<uint32_t>(tb), static_cast<uint32_t>(te) + 1, p, true});
    ++count_[p];
  }

  // Pass 3 and 4: pronouns, role descriptors ("the 62-year-old actor") and definite titles
  // ("the mayor") become descriptor mentions of the person they refer to.
  void LinkPronounsAndDescriptors() {
    const auto& toks = c_.a.layout.tokens;
    titled_ = TitledPeople(c_, person_of_);
    const bool ranked = knowledge_.coref || chooser_;
    std::optional<PronounDoc> pd;
    if (ranked) {
      facts_.resize(people_.size());
      for (size_t p = 0; p < people_.size(); ++p) facts_[p] = {Gender(static_cast<int>(p)), entity_of_person_[p]};
      count_.assign(people_.size(), 0);
    }
    for (size_t t = 0; t < toks.size(); ++t) {
      std::string lw = c_.Lower(t);
      if (ranked && IsRankedPronoun(lw)) {
        if (!pd) pd.emplace(c_.doc, c_.a, c_.sentence_of_token);  // built only for documents with pronouns
        AddDescriptor(toks[t].byte_begin, toks[t].byte_end, RankPronoun(*pd, t, GenderOfWord(lw)));
        continue;
      }
      if (!ranked && (lw == "he" || lw == "him" || lw == "his" || lw == "she" || lw == "her")) {
        AddDescriptor(toks[t].byte_begin, toks[t].byte_end, Recent(toks[t].byte_begin, GenderOfWord(lw), 3));
        continue;
      }
      if (lw != "the" || t + 1 >= toks.size()) continue;
      t = LinkDescriptorAt(t);
    }
    if (added_.empty()) return;
    auto& mentions = c_.a.mentions;
    mentions.insert(mentions.end(), added_.begin(), added_.end());
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& x, const Mention& y) {
      if (x.byte_begin != y.byte_begin) return x.byte_begin < y.byte_begin;
      return x.byte_end > y.byte_end;
    });
  }

  // A role descriptor: "the" ... role noun, with what it states.
  struct Descriptor {
    uint32_t byte = 0;  // where it starts
    int gender = 0;     // of its noun (+1 female, -1 male)
    int age = 0;        // "the 37-year-old producer", "the pop star, 38,"
    std::string noun;   // the role noun
    std::string work;   // "the 'Night Harbor' star", "the Velvet Static frontman" (folded), or empty
    bool bare = false;  // "the actress" alone
  };

  // A descriptor opened by "the" at token t: "the" ... role noun (at most five words between:
  // a "62-year-old" among them gives an age, a WORK mention a work; ", 38," after the noun an
  // age), else a definite title. Returns the token to continue after (t when nothing was linked).
  size_t LinkDescriptorAt(size_t t) {
    const auto& toks = c_.a.layout.tokens;
    size_t end = t + 1;
    Descriptor d;
    bool role = false;
    for (; end < toks.size() && end <= t + 6 && c_.sentence_of_token[end] == c_.sentence_of_token[t]; ++end) {
      std::string w = c_.Lower(end);
      size_t dash = w.find("-year");
      if (dash != std::string::npos) d.age = std::atoi(w.substr(0, dash).c_str());
      if (work_at_[end] >= 0) d.work = WorkAt(end);
      if (IsRoleNoun(w)) {
        role = true;
        break;
      }
      if (w == "," || w == "." || w == "and" || w == "of" || w == "who") break;
    }
    if (!role) return LinkTitleAt(t);
    d.noun = c_.Lower(end);
    if (d.noun == "couple") return t;
    // "the actress Ana ...", "the producer, Ana X,": the name that follows is the referent already.
    for (size_t k : {end + 1, end + 2})
      if (k < toks.size() && (k == end + 1 || c_.Lower(end + 1) == ",") && name_tok_[k]) return t;
    uint32_t b = toks[t].byte_begin, e = toks[end].byte_end;
    if (Covered(toks[end].byte_begin, e)) return t;
    if (d.age == 0 && end + 3 < toks.size() && c_.Lower(end + 1) == "," && toks[end + 2].kind == TokenKind::kNumber) {
      std::string after = c_.Lower(end + 3);
      if (after == "," || after == "." || after == ")" || after == ";") d.age = std::atoi(c_.Lower(end + 2).c_str());
    }
    d.byte = b;
    d.gender = GenderOfWord(d.noun);
    // A bare "the actress" refers within three sentences; a longer descriptor further back.
    // With the ranker, a bare descriptor opening its sentence ("The actress shares …") is the
    // sentence's topic, searched as far back as a longer one (pronouns after it go with it).
    const bool opens = (knowledge_.coref || chooser_) && c_.a.layout.sentences[c_.sentence_of_token[t]].token_begin == t;
    d.bare = end == t + 1 && d.age == 0 && !opens;
    int p = DescriptorReferent(d, t);
    if (p < 0 || entity_of_person_[p] < 0) return t;
    AddDescriptor(b, e, p);
    return end;
  }

  bool Agrees(int p, int gender) const { return gender == 0 || Gender(p) == 0 || Gender(p) == gender; }

  // The person a role descriptor at token t refers to, by agreement, or -1 (unresolved rather
  // than the nearest name):
  //  * an apposition right after a name ("Ana X, the producer") is that person, if the gender agrees;
  //  * else the people named before it whose gender agrees and whose stated ages, if any,
  //    include the descriptor's age; of them the most recent one with that stated age, else
  //    with that work, else (an occupation, not "star") stated with that noun;
  //  * else the first of them in the nearest sentence naming one, within three sentences (a
  //    bare "the actress") or six; a longer descriptor further back only when one person agrees.
  int DescriptorReferent(const Descriptor& d, size_t t) const {
    if (t >= 2 && c_.Lower(static_cast<long>(t) - 1) == "," && name_tok_[t - 2]) {
      for (size_t k = timeline_.size(); k-- > 0;)
        if (timeline_[k].first < c_.a.layout.tokens[t - 2].byte_end) {
          int p = timeline_[k].second;
          return Agrees(p, d.gender) && !Contradicts(p, d) ? p : -1;
        }
    }
    std::vector<long> last_seen(people_.size(), -1);
    for (const auto& [byte, p] : timeline_)
      if (byte < d.byte) last_seen[p] = byte;
    std::vector<char> ok(people_.size(), 0);
    int agreeing = 0, only = -1;
    for (size_t p = 0; p < people_.size(); ++p)
      if (last_seen[p] >= 0 && entity_of_person_[p] >= 0 && Agrees(int(p), d.gender) && !Contradicts(int(p), d)) {
        ok[p] = 1;
        ++agreeing;
        only = int(p);
      }
    auto latest = [&](auto&& has) {
      int best = -1;
      for (size_t p = 0; p < people_.size(); ++p)
        if (ok[p] && has(people_[p]) && (best < 0 || last_seen[p] > last_seen[best])) best = int(p);
      return best;
    };
    auto in = [](const auto& v, const auto& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    int p = d.age > 0 ? latest([&](const Person& q) { return in(q.ages, d.age); }) : -1;
    if (p < 0 && !d.work.empty()) p = latest([&](const Person& q) { return in(q.works, d.work); });
    if (p < 0 && !IsGenericRole(d.noun)) p = latest([&](const Person& q) { return in(q.roles, d.noun); });
    if (p >= 0) return p;
    p = RecentAmong(d.byte, ok, d.bare ? 3 : 6);
    if (p >= 0 || d.bare) return p;
    return agreeing == 1 ? only : -1;
  }

  // A person's stated ages that all differ from the descriptor's.
  bool Contradicts(int p, const Descriptor& d) const {
    const auto& ages = people_[p].ages;
    return d.age > 0 && !ages.empty() && std::find(ages.begin(), ages.end(), d.age) == ages.end();
  }

  // Sentence by sentence back from `byte` (at most `max_sentences`), the first person of
  // `ok` in the nearest sentence naming one (the subject, usually); -1 when none.
  int RecentAmong(uint32_t byte, const std::vector<char>& ok, uint32_t max_sentences) const {
    uint32_t s_here = c_.SentenceOf(byte);
    int found = -1;
    uint32_t found_sentence = UINT32_MAX;
    for (size_t k = timeline_.size(); k-- > 0;) {
      if (timeline_[k].first >= byte) continue;
      uint32_t s = c_.SentenceOf(timeline_[k].first);
      if (s_here != UINT32_MAX && s != UINT32_MAX && s_here - s > max_sentences) break;
      if (found >= 0 && s != found_sentence) break;
      if (!ok[timeline_[k].second]) continue;
      found = timeline_[k].second;
      found_sentence = s;
    }
    return found;
  }

  // "the mayor", "the Ohio senator": the latest person written with that title before.
  size_t LinkTitleAt(size_t t) {
    const auto& toks = c_.a.layout.tokens;
    int p = -1;
    size_t last = t + 1;
    for (; p < 0 && last < toks.size() && last <= t + 4 && toks[last].kind == TokenKind::kWord &&
           c_.sentence_of_token[last] == c_.sentence_of_token[t];
         ++last) {
      std::string title = TitleWord(c_.Lower(last));
      for (const Titled& x : titled_)
        if (x.title == title && x.byte < toks[t].byte_begin) p = x.person;
    }
    --last;
    bool name_follows = last + 1 < toks.size() && Covered(toks[last + 1].byte_begin, toks[last + 1].byte_end);
    if (p < 0 || entity_of_person_[p] < 0 || name_follows || Covered(toks[t].byte_begin, toks[last].byte_end)) return t;
    AddDescriptor(toks[t].byte_begin, toks[last].byte_end, p);
    return last;
  }

  Ctx c_;
  const Knowledge& knowledge_;
  const PronounChooser* chooser_;
  std::vector<Person> people_;
  std::vector<int> person_of_;         // per mention, -1 for no person
  std::vector<int32_t> entity_of_person_;
  std::vector<std::pair<uint32_t, int>> timeline_;  // (byte, person) of named mentions, in order
  std::vector<Titled> titled_;
  std::vector<char> name_tok_;         // per token: inside a person's name
  std::vector<int32_t> work_at_;       // per token: the WORK/MISC/ORG mention covering it, or -1
  std::vector<Mention> added_;
  std::vector<uint32_t> named_end_;   // byte_end of each timeline_ mention
  // The ranker's state: the people's facts, the mentions seen so far, each person's count.
  std::vector<PersonFacts> facts_;
  std::vector<SeenMention> seen_;
  std::vector<int> count_;
  size_t next_named_ = 0;
};

}  // namespace

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis, const Knowledge& knowledge) {
  DocumentResolver(doc, *analysis, knowledge, nullptr).Run();
}

void ResolveInDocument(const Document& doc, DocumentAnalysis* analysis, const Knowledge& knowledge,
                       const PronounChooser& chooser) {
  DocumentResolver(doc, *analysis, knowledge, &chooser).Run();
}

}  // namespace hearsay::resolve
