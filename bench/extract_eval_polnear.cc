// Attribution on PolNeAR dev (../shared/data/polnear/dev): source, cue and content spans of
// attribution relations, exact and overlap F1.
//
// Ours: every quote with a found speaker (content = the quote, cue = the cue verb, source = the
// speaker's words nearest the cue) and every reporting frame ("X said that ...", "according to
// X, ..."; content = from after the cue to the end of the sentence). Mentions come from the
// shipped tagger and in-document coreference (models/ner.hsm), else from the test-only
// heuristic (tests/unit/extract/heuristic_mentions.h).
// Gold: the first annotator's file per article; discontinuous spans are taken from their first
// to their last character. Offsets are converted from characters to bytes.
// Matching, per span type: exact = same [begin, end); overlap = any shared byte, one-to-one
// (each gold span matched at most once, in document order).
//   build-extract/tests/unit/extract/extract_eval_polnear [polnear_dir]
// With POLNEAR_SHOW=missed, prints each gold cue no predicted cue overlaps, with the text
// around it, for reviewing the patterns.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analyze_for_test.h"
#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"
#include "extract/extract.h"

namespace fs = std::filesystem;
using namespace hearsay;

namespace {

struct Span {
  uint32_t b = 0, e = 0;
};
struct Rel {
  Span source, cue, content;
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// char index -> byte offset.
std::vector<uint32_t> CharToByte(const std::string& s) {
  std::vector<uint32_t> m;
  for (uint32_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) m.push_back(i);
  m.push_back(static_cast<uint32_t>(s.size()));
  return m;
}

std::vector<Rel> Gold(const std::string& ann, const std::vector<uint32_t>& c2b) {
  std::map<std::string, Span> spans;
  std::vector<Rel> rels;
  std::stringstream ss(ann);
  std::string line;
  std::vector<std::string> events;
  while (std::getline(ss, line)) {
    if (line.empty()) continue;
    if (line[0] == 'T') {
      std::string id = line.substr(0, line.find('\t'));
      std::string mid = line.substr(line.find('\t') + 1);
      mid = mid.substr(0, mid.find('\t'));
      std::stringstream ms(mid);
      std::string type;
      ms >> type;
      std::string rest;
      std::getline(ms, rest);
      uint32_t lo = UINT32_MAX, hi = 0;
      std::stringstream rs(rest);
      std::string frag;
      while (std::getline(rs, frag, ';')) {
        uint32_t a = 0, b = 0;
        if (std::sscanf(frag.c_str(), "%u %u", &a, &b) == 2) lo = std::min(lo, a), hi = std::max(hi, b);
      }
      if (lo < hi && hi < c2b.size()) spans[id] = Span{c2b[lo], c2b[hi]};
    } else if (line[0] == 'E') {
      events.push_back(line.substr(line.find('\t') + 1));
    }
  }
  for (const std::string& ev : events) {
    Rel r;
    std::stringstream es(ev);
    std::string part;
    while (es >> part) {
      size_t colon = part.find(':');
      std::string role = part.substr(0, colon), id = part.substr(colon + 1);
      auto it = spans.find(id);
      if (it == spans.end()) continue;
      if (role == "Source") r.source = it->second;
      else if (role == "Cue") r.cue = it->second;
      else if (role == "Content") r.content = it->second;
    }
    rels.push_back(r);
  }
  return rels;
}

struct Score {
  size_t gold = 0, pred = 0, exact = 0, overlap_p = 0, overlap_g = 0;
};

void Add(Score* s, std::vector<Span> g, std::vector<Span> p) {
  auto valid = [](const Span& x) { return x.e > x.b; };
  g.erase(std::remove_if(g.begin(), g.end(), [&](const Span& x) { return !valid(x); }), g.end());
  p.erase(std::remove_if(p.begin(), p.end(), [&](const Span& x) { return !valid(x); }), p.end());
  s->gold += g.size();
  s->pred += p.size();
  std::vector<bool> used_e(g.size()), used_o(g.size());
  for (const Span& x : p) {
    for (size_t i = 0; i < g.size(); ++i)
      if (!used_e[i] && g[i].b == x.b && g[i].e == x.e) {
        used_e[i] = true;
        ++s->exact;
        break;
      }
    for (size_t i = 0; i < g.size(); ++i)
      if (!used_o[i] && g[i].b < x.e && x.b < g[i].e) {
        used_o[i] = true;
        ++s->overlap_p;
        break;
      }
  }
  s->overlap_g = s->overlap_p;
}

void Print(const char* name, const Score& s) {
  auto f1 = [&](size_t tp) {
    double p = s.pred ? double(tp) / s.pred : 0, r = s.gold ? double(tp) / s.gold : 0;
    return std::make_tuple(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  };
  auto [ep, er, ef] = f1(s.exact);
  auto [op, orr, of] = f1(s.overlap_p);
  std::printf("%-8s gold %5zu pred %5zu | exact P %.3f R %.3f F1 %.3f | overlap P %.3f R %.3f F1 %.3f\n", name,
              s.gold, s.pred, ep, er, ef, op, orr, of);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(HEARSAY_SHARED_DIR) / "data/polnear/dev";
  if (!fs::is_directory(dir / "text")) {
    std::cerr << "extract_eval_polnear: " << (dir / "text").string() << " not found (../shared absent?)\n";
    return 1;
  }
  std::map<std::string, fs::path> ann_for;  // article -> first annotator file (sorted)
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(dir / "attributions")) anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  for (const fs::path& a : anns) {
    std::string stem = a.stem().string();
    std::string article = stem.substr(0, stem.rfind('_'));
    if (!ann_for.count(article)) ann_for[article] = a;
  }
  Score src, cue, content;
  size_t docs = 0;
  for (const auto& [article, ann] : ann_for) {
    fs::path txt = dir / "text" / (article + ".txt");
    if (!fs::exists(txt)) continue;
    Document doc;
    doc.text = Read(txt);
    doc.path = txt.string();
    std::vector<uint32_t> c2b = CharToByte(doc.text);
    std::vector<Rel> gold = Gold(Read(ann), c2b);
    // Whole text as body (no headline), as the gold offsets count from the first byte.
    DocumentAnalysis a;
    a.layout = text::AnalyzeTextSpan(doc.text, 0, 0);
    if (const syntax::Parser* parser = testing::ShippedParser()) {  // HEARSAY_EXTRACT_NO_PARSE=1: none
      std::vector<bool> select = extract::SentencesToParse(doc, a.layout);
      a.syntax = parser->ParseDocument(doc.text, a.layout, &select);
    }
    if (const entities::Tagger* tagger = testing::ShippedTagger()) {
      entities::FindMentions(doc, a.layout, tagger, &a.mentions);
      resolve::ResolveInDocument(doc, &a);
    } else {
      testing::HeuristicMentions(doc, HEARSAY_SHARED_DIR, &a);
    }
    extract::DocView view(doc, &a, extract::DefaultLexicon());
    extract::PassState st;
    extract::RunPasses(view, &st);
    std::vector<Span> ps, pc, pt, gs, gc, gt;
    for (const Quote& q : a.quotes) {
      if (q.speaker.kind == SourceKind::kUnknown || q.cue_byte_end == 0) continue;
      pt.push_back({q.byte_begin, q.byte_end});
      pc.push_back({q.cue_byte_begin, q.cue_byte_end});
      // The speaker's words: nearest occurrence of the speaker text to the cue.
      if (!q.speaker.text.empty()) {
        size_t best = std::string::npos, best_d = SIZE_MAX;
        for (size_t p = doc.text.find(q.speaker.text); p != std::string::npos; p = doc.text.find(q.speaker.text, p + 1)) {
          size_t d = p > q.cue_byte_begin ? p - q.cue_byte_begin : q.cue_byte_begin - p;
          if (d < best_d) best = p, best_d = d;
        }
        if (best != std::string::npos) ps.push_back({uint32_t(best), uint32_t(best + q.speaker.text.size())});
      }
    }
    for (size_t s = 0; s < st.frames.size(); ++s) {
      const auto& f = st.frames[s];
      if (!f.present) continue;
      const Sentence& sn = a.layout.sentences[s];
      if (f.content_tok >= sn.token_end || view.quote_at[f.cue_tok] >= 0) continue;
      bool quoted = false;  // already scored as a quote
      for (uint32_t k = f.content_tok; k < std::min(f.content_end, sn.token_end); ++k)
        if (view.quote_at[k] >= 0) quoted = true;
      if (quoted) continue;
      uint32_t cb = f.content_tok;
      if (cb < sn.token_end && (view.lower[cb] == "that" || view.lower[cb] == ",")) ++cb;
      uint32_t ce = std::min(f.content_end, sn.token_end);
      if (ce > cb + 1 && view.toks[ce - 1].kind == TokenKind::kPunct) --ce;
      if (cb >= ce) continue;
      pt.push_back({a.layout.tokens[cb].byte_begin, a.layout.tokens[ce - 1].byte_end});
      pc.push_back({a.layout.tokens[f.cue_tok].byte_begin, a.layout.tokens[f.cue_tok].byte_end});
      if (f.source_tok_end > f.source_tok_begin)
        ps.push_back({a.layout.tokens[f.source_tok_begin].byte_begin, a.layout.tokens[f.source_tok_end - 1].byte_end});
    }
    for (const Rel& r : gold) {
      gs.push_back(r.source);
      gc.push_back(r.cue);
      gt.push_back(r.content);
    }
    if (const char* show = std::getenv("POLNEAR_SHOW"); show && std::string(show) == "missed")
      for (const Span& g : gc) {
        bool hit = std::any_of(pc.begin(), pc.end(), [&](const Span& p) { return p.b < g.e && g.b < p.e; });
        if (hit || g.e <= g.b) continue;
        uint32_t b = g.b > 80 ? g.b - 80 : 0;
        std::string around = doc.text.substr(b, std::min<size_t>(200, doc.text.size() - b));
        std::replace(around.begin(), around.end(), '\n', ' ');
        std::printf("[%s] %s\n", doc.text.substr(g.b, g.e - g.b).c_str(), around.c_str());
      }
    auto by_begin = [](const Span& x, const Span& y) { return x.b < y.b; };
    for (auto* v : {&ps, &pc, &pt, &gs, &gc, &gt}) std::sort(v->begin(), v->end(), by_begin);
    Add(&src, gs, ps);
    Add(&cue, gc, pc);
    Add(&content, gt, pt);
    ++docs;
  }
  std::printf("PolNeAR dev: %zu articles (first annotator each), %s mentions\n", docs,
              testing::ShippedTagger() ? "tagger (models/ner.hsm)" : "heuristic");
  Print("source", src);
  Print("cue", cue);
  Print("content", content);
  return 0;
}
