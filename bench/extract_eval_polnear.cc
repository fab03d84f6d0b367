// Attribution on PolNeAR (../shared/data/polnear/dev by default): hearsay's attributions[]
// (extract::ExtractClaims, records.h AttributionRecord) against the gold attribution relations.
// Mentions come from the shipped tagger and in-document coreference (models/ner.hsm), the parse
// from models/parser.hsp on the sentences the pipeline selects, else the test-only heuristic.
// Gold: the first annotator's file per article; a discontinuous span is taken from its first to
// its last character; character offsets are converted to bytes.
//
// Rules of the measures (issue 13):
//   * a gold content is FOUND when some attribution's content shares a byte with it; its match
//     is the attribution sharing the most bytes;
//   * a gold attribution is DIRECT when at least 80% of its content's bytes lie inside the
//     text stage's quotation spans;
//   * a source is RIGHT when the matched attribution's source words share a byte with the gold
//     source, or its entity is the person hearsay reads at the gold source's words (a name or
//     a pronoun resolved by DocView::PersonAt); unfound gold counts as wrong;
//   * direct-quote speaker accuracy: gold direct attributions with a source that a quote
//     attribution of hearsay (quote != null) found, share with the source right;
//   * precision: an attribution of hearsay is INSIDE a gold content when at least 80% of its
//     content's bytes (quotation marks, spaces and punctuation at its ends trimmed) lie inside
//     one gold content.
// The span table below it keeps the older exact/overlap F1 of source, cue and content spans
// (one-to-one in document order), over attributions whose source is known.
//   build/tests/unit/extract/extract_eval_polnear [polnear_dir]
// HEARSAY_ATTRIBUTION_PARTS=cue|start|end|all keeps the model's parts up to that one (attribution_model.h);
// HEARSAY_ATTRIBUTION_THRESHOLD / _KEEP_THRESHOLD override the cue and keep thresholds.
// POLNEAR_PARSE_ALL=1 parses every sentence (the pipeline parses only SentencesToParse's).
// With POLNEAR_SHOW=missed, prints each gold cue no predicted cue overlaps, with the text
// around it; POLNEAR_SHOW=wrong prints found gold whose source is wrong (wrongdirect: only
// direct gold found by a quote).
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
#include "extract/attribution_model.h"
#include "extract/extract.h"
#include "extract/train/train.h"

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

struct SpanScore {
  size_t gold = 0, pred = 0, exact = 0, overlap_p = 0, overlap_g = 0;
};

void Add(SpanScore* s, std::vector<Span> g, std::vector<Span> p) {
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

void Print(const char* name, const SpanScore& s) {
  auto f1 = [&](size_t tp) {
    double p = s.pred ? double(tp) / s.pred : 0, r = s.gold ? double(tp) / s.gold : 0;
    return std::make_tuple(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  };
  auto [ep, er, ef] = f1(s.exact);
  auto [op, orr, of] = f1(s.overlap_p);
  std::printf("%-8s gold %5zu pred %5zu | exact P %.3f R %.3f F1 %.3f | overlap P %.3f R %.3f F1 %.3f\n", name,
              s.gold, s.pred, ep, er, ef, op, orr, of);
}

uint32_t Shared(const Span& a, const Span& b) {
  uint32_t lo = std::max(a.b, b.b), hi = std::min(a.e, b.e);
  return hi > lo ? hi - lo : 0;
}

// The measures of issue 13 (see the rules at the top of this file).
struct Measures {
  size_t gold = 0, found = 0, with_source = 0, source_right = 0;
  size_t direct = 0, direct_found = 0, direct_with_source = 0, direct_quote_found = 0, direct_speaker_right = 0;
  size_t pred = 0, pred_inside = 0, pred_direct = 0, pred_direct_inside = 0;
  size_t outside[5] = {0, 0, 0, 0, 0};  // no overlap, starts before, ends after, both, neither
};

// Content span of an attribution without quotation marks, spaces and punctuation at its ends.
Span Trimmed(const std::string& text, Span x) {
  auto junk = [&](uint32_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || c == '\n' || c == '"' || c == '\'' || c == ',' || c == '.' || c == ':' || c == '-';
  };
  auto curly = [&](uint32_t i) {  // “ ” ‘ ’ are E2 80 9C/9D/98/99
    return i + 3 <= text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80;
  };
  while (x.b < x.e) {
    if (junk(x.b)) ++x.b;
    else if (curly(x.b) && x.b + 3 <= x.e) x.b += 3;
    else break;
  }
  while (x.e > x.b) {
    if (junk(x.e - 1)) --x.e;
    else if (x.e >= x.b + 3 && curly(x.e - 3)) x.e -= 3;
    else break;
  }
  return x;
}

bool SourceRight(const extract::DocView& view, const AttributionRecord& r, const Span& gold_source) {
  Span ours{r.source.byte_begin, r.source.byte_end};
  if (ours.e > ours.b && Shared(ours, gold_source) > 0) return true;
  if (r.source.entity_idx < 0) return false;
  for (uint32_t t = 0; t < view.size(); ++t) {
    const Token& tok = view.toks[t];
    if (tok.byte_end <= gold_source.b || tok.byte_begin >= gold_source.e) continue;
    if (view.PersonAt(t) == r.source.entity_idx) return true;
  }
  return false;
}

void Score(const std::string& text, const extract::DocView& view, const std::vector<Rel>& gold, Measures* m) {
  const auto& atts = view.a.attributions;
  const auto& qs = view.a.layout.quote_spans;
  for (const Rel& g : gold) {
    if (g.content.e <= g.content.b) continue;
    ++m->gold;
    uint32_t quoted = 0;
    for (const QuoteSpan& q : qs) quoted += Shared(g.content, Span{q.byte_begin, q.byte_end});
    bool direct = quoted * 5 >= (g.content.e - g.content.b) * 4;
    bool has_source = g.source.e > g.source.b;
    int best = -1;
    uint32_t best_shared = 0;
    for (size_t i = 0; i < atts.size(); ++i) {
      uint32_t sh = Shared(g.content, Span{atts[i].content_byte_begin, atts[i].content_byte_end});
      if (sh > best_shared) best = static_cast<int>(i), best_shared = sh;
    }
    bool right = best >= 0 && has_source && SourceRight(view, atts[best], g.source);
    m->found += best >= 0;
    m->with_source += has_source;
    m->source_right += right;
    if (direct) {
      ++m->direct;
      m->direct_found += best >= 0;
      m->direct_with_source += has_source;
      if (has_source && best >= 0 && atts[best].quote_idx >= 0) {
        ++m->direct_quote_found;
        m->direct_speaker_right += right;
      }
    }
    const char* show = std::getenv("POLNEAR_SHOW");
    bool show_wrong = show && (std::string(show) == "wrong" ||
                               (std::string(show) == "wrongdirect" && direct && best >= 0 && atts[best].quote_idx >= 0));
    if (show_wrong && best >= 0 && has_source && !right)
      std::printf("gold [%s] ours [%s] (%s %s) cue [%s] | %s\n", text.substr(g.source.b, g.source.e - g.source.b).c_str(),
                  atts[best].source.text.c_str(), AttributionKindName(atts[best].kind), SourceKindName(atts[best].source.kind),
                  text.substr(atts[best].cue_byte_begin, atts[best].cue_byte_end - atts[best].cue_byte_begin).c_str(),
                  text.substr(g.content.b, std::min<uint32_t>(90, g.content.e - g.content.b)).c_str());
    if (show_wrong && best >= 0 && has_source && !right && std::getenv("POLNEAR_CONTEXT")) {
      uint32_t lo = std::min(g.content.b, g.source.b), hi = std::max(g.content.e, g.source.e);
      lo = lo > 300 ? lo - 300 : 0;
      hi = std::min<uint32_t>(static_cast<uint32_t>(text.size()), hi + 150);
      std::printf("   <<%s>>\n", text.substr(lo, hi - lo).c_str());
    }
  }
  for (const AttributionRecord& r : atts) {
    Span c = Trimmed(text, Span{r.content_byte_begin, r.content_byte_end});
    if (c.e <= c.b) continue;
    bool inside = false;
    for (const Rel& g : gold) inside = inside || Shared(c, g.content) * 5 >= (c.e - c.b) * 4;
    ++m->pred;
    m->pred_inside += inside;
    if (!inside) {  // why: no gold content shares a byte; ours starts before the best one; ends after it
      Span bg{0, 0};
      for (const Rel& g : gold)
        if (Shared(c, g.content) > Shared(c, bg)) bg = g.content;
      const bool before = Shared(c, bg) > 0 && c.b < bg.b, after = Shared(c, bg) > 0 && c.e > bg.e;
      ++m->outside[Shared(c, bg) == 0 ? 0 : before && after ? 3 : before ? 1 : after ? 2 : 4];
    }
    if (const char* show = std::getenv("POLNEAR_SHOW"); show && std::string(show) == "outside" && !inside) {
      uint32_t best = 0;  // the gold content sharing most, for comparison
      Span bg{0, 0};
      for (const Rel& g : gold)
        if (Shared(c, g.content) > best) best = Shared(c, g.content), bg = g.content;
      std::printf("%s cue [%s] ours [%s]\n   gold [%s]\n", AttributionKindName(r.kind),
                  text.substr(r.cue_byte_begin, r.cue_byte_end - r.cue_byte_begin).c_str(),
                  text.substr(c.b, std::min<uint32_t>(160, c.e - c.b)).c_str(),
                  text.substr(bg.b, std::min<uint32_t>(160, bg.e - bg.b)).c_str());
    }
    if (r.quote_idx >= 0) {
      ++m->pred_direct;
      m->pred_direct_inside += inside;
    }
  }
}

void PrintMeasures(const Measures& m) {
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
  std::printf("all attributions: gold %zu | content found %zu (%.1f%%) | source right %zu of %zu with a source (%.1f%%)\n",
              m.gold, m.found, pct(m.found, m.gold), m.source_right, m.with_source, pct(m.source_right, m.with_source));
  std::printf("direct (gold content >= 80%% quoted): gold %zu | found %zu (%.1f%%) | speaker accuracy %zu / %zu found by a "
              "quote = %.3f (%.1f%% of the %zu with a source)\n",
              m.direct, m.direct_found, pct(m.direct_found, m.direct), m.direct_speaker_right, m.direct_quote_found,
              m.direct_quote_found ? double(m.direct_speaker_right) / double(m.direct_quote_found) : 0.0,
              pct(m.direct_speaker_right, m.direct_with_source), m.direct_with_source);
  std::printf("hearsay: %zu attributions, inside a gold content %zu (%.1f%%); quotes %zu, inside %zu (%.1f%%)\n", m.pred,
              m.pred_inside, pct(m.pred_inside, m.pred), m.pred_direct, m.pred_direct_inside,
              pct(m.pred_direct_inside, m.pred_direct));
  std::printf("outside: %zu share no byte with a gold content; of the rest %zu start before the gold content sharing "
              "most, %zu end after it, %zu both, %zu neither\n",
              m.outside[0], m.outside[1], m.outside[2], m.outside[3], m.outside[4]);
}

// Article name -> its first annotator's file (sorted), under DIR/attributions.
std::map<std::string, fs::path> FirstAnnotatorFiles(const fs::path& dir) {
  std::map<std::string, fs::path> ann_for;
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(dir / "attributions")) anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  for (const fs::path& a : anns) {
    std::string stem = a.stem().string();
    std::string article = stem.substr(0, stem.rfind('_'));
    if (!ann_for.count(article)) ann_for[article] = a;
  }
  return ann_for;
}

// The learned cue model: models/attribution.hsa, or HEARSAY_ATTRIBUTION_MODEL (a path, or
// "none" for quotes and lexicon frames alone); thresholds and parts from the environment.
bool LoadModel(std::string* model_path, std::unique_ptr<extract::AttributionModel>* model) {
  *model_path = std::string(HEARSAY_SOURCE_DIR) + "/models/attribution.hsa";
  if (const char* p = std::getenv("HEARSAY_ATTRIBUTION_MODEL")) *model_path = p;
  if (*model_path == "none" || !fs::exists(*model_path)) return true;
  auto loaded = extract::AttributionModel::Load(*model_path);
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString() << "\n";
    return false;
  }
  *model = std::move(loaded).value();
  if (const char* t = std::getenv("HEARSAY_ATTRIBUTION_THRESHOLD")) (*model)->threshold = std::strtof(t, nullptr);
  if (const char* t = std::getenv("HEARSAY_ATTRIBUTION_KEEP_THRESHOLD")) (*model)->keep_threshold = std::strtof(t, nullptr);
  // HEARSAY_ATTRIBUTION_PARTS=cue: the cue model alone; =start, =end: the parts up to that one.
  if (const char* p = std::getenv("HEARSAY_ATTRIBUTION_PARTS"); p && std::string(p) != "all") {
    if (std::string(p) == "cue") (*model)->start = syntax::LinearModel(2);
    if (std::string(p) == "cue" || std::string(p) == "start") (*model)->end = syntax::LinearModel(2);
    (*model)->keep = syntax::LinearModel(2);
  }
  return true;
}

// As the pipeline (pipeline.cc AnalyzeDocument): the whole text as body (the gold offsets count
// from the first byte), mentions, the parse of the sentences SentencesToParse selects, resolve.
void AnalyzeForEval(const Document& doc, DocumentAnalysis* a) {
  a->layout = text::AnalyzeTextSpan(doc.text, 0, 0);
  const entities::Tagger* tagger = testing::ShippedTagger();
  if (tagger) entities::FindMentions(doc, a->layout, tagger, &a->mentions);
  if (const syntax::Parser* parser = testing::ShippedParser()) {  // HEARSAY_EXTRACT_NO_PARSE=1: none
    std::vector<bool> select = extract::SentencesToParse(doc, a->layout, a->mentions);
    if (std::getenv("POLNEAR_PARSE_ALL")) select.assign(select.size(), true);  // every sentence
    a->syntax = parser->ParseDocument(doc.text, a->layout, &select);
  }
  if (tagger) resolve::ResolveInDocument(doc, a, testing::ShippedKnowledge());
  else testing::HeuristicMentions(doc, HEARSAY_SHARED_DIR, a);
}

// POLNEAR_SHOW=missed: each gold cue no predicted cue overlaps, with its context.
void ShowMissedCues(const Document& doc, const std::vector<Span>& gc, const std::vector<Span>& pc) {
  for (const Span& g : gc) {
    bool hit = std::any_of(pc.begin(), pc.end(), [&](const Span& p) { return p.b < g.e && g.b < p.e; });
    if (hit || g.e <= g.b) continue;
    uint32_t b = g.b > 80 ? g.b - 80 : 0;
    std::string around = doc.text.substr(b, std::min<size_t>(200, doc.text.size() - b));
    std::replace(around.begin(), around.end(), '\n', ' ');
    std::printf("[%s] %s\n", doc.text.substr(g.b, g.e - g.b).c_str(), around.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(HEARSAY_SHARED_DIR) / "data/polnear/dev";
  if (!fs::is_directory(dir / "text")) {
    std::cerr << "extract_eval_polnear: " << (dir / "text").string() << " not found (../shared absent?)\n";
    return 1;
  }
  SpanScore src, cue, content;
  Measures measures;
  std::string model_path;
  std::unique_ptr<extract::AttributionModel> model;
  if (!LoadModel(&model_path, &model)) return 1;
  const char* show = std::getenv("POLNEAR_SHOW");
  size_t docs = 0;
  for (const auto& [article, ann] : FirstAnnotatorFiles(dir)) {
    fs::path txt = dir / "text" / (article + ".txt");
    if (!fs::exists(txt)) continue;
    Document doc;
    doc.text = Read(txt);
    doc.path = txt.string();
    std::vector<uint32_t> c2b = extract::train::CharToByte(doc.text);
    std::vector<Rel> gold = Gold(Read(ann), c2b);
    DocumentAnalysis a;
    AnalyzeForEval(doc, &a);
    extract::DocView view(doc, &a, extract::DefaultLexicon());
    extract::PassState st;
    extract::RunPasses(view, &st, model.get());
    std::vector<Span> ps, pc, pt, gs, gc, gt;
    for (const AttributionRecord& r : a.attributions) {
      if (r.source.kind == SourceKind::kUnknown) continue;
      pt.push_back({r.content_byte_begin, r.content_byte_end});
      pc.push_back({r.cue_byte_begin, r.cue_byte_end});
      ps.push_back({r.source.byte_begin, r.source.byte_end});
    }
    Score(doc.text, view, gold, &measures);
    for (const Rel& r : gold) {
      gs.push_back(r.source);
      gc.push_back(r.cue);
      gt.push_back(r.content);
    }
    if (show && std::string(show) == "missed") ShowMissedCues(doc, gc, pc);
    auto by_begin = [](const Span& x, const Span& y) { return x.b < y.b; };
    for (auto* v : {&ps, &pc, &pt, &gs, &gc, &gt}) std::sort(v->begin(), v->end(), by_begin);
    Add(&src, gs, ps);
    Add(&cue, gc, pc);
    Add(&content, gt, pt);
    ++docs;
  }
  std::printf("PolNeAR %s: %zu articles (first annotator each), %s mentions, attribution model %s\n",
              dir.filename().string().c_str(), docs, testing::ShippedTagger() ? "tagger (models/ner.hsm)" : "heuristic",
              model ? model_path.c_str() : "none");
  PrintMeasures(measures);
  Print("source", src);
  Print("cue", cue);
  Print("content", content);
  return 0;
}
