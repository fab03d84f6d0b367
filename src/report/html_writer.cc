// index.html writer: one self-contained page (inline CSS and a small inline script).
// Each document's text is rendered paragraph by paragraph; spans are highlighted by
// cutting the text at every span boundary and giving each piece the classes of all the
// spans that cover it, so overlapping spans (an entity inside a quote) need no nesting.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <set>
#include <sstream>
#include <unordered_map>

#include "report/report.h"

namespace hearsay::report {
namespace {

// Length of the character at s[i] that must not reach the page raw, or 0: C0 controls
// other than tab, newline and carriage return, DEL, C1 controls (U+0080..U+009F), and the
// bidirectional embedding, override and isolate marks (U+202A..U+202E, U+2066..U+2069),
// which could reorder the text around them in the reader's view.
size_t HiddenControlLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9F)
    return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if ((c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9)) return 3;
  }
  return 0;
}

// The code point of the `len`-byte UTF-8 character at p (len 1..3).
uint32_t CodePoint(const char* p, size_t len) {
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(p[k])); };
  if (len == 1) return b(0);
  if (len == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

// HTML-escapes s; hidden controls (HiddenControlLength) are made visible as "[U+XXXX]" in
// a marked span, so they can neither hide nor reorder text nor break the page.
std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        size_t len = HiddenControlLength(s, i);
        if (len == 0) {
          out += c;
          break;
        }
        char buf[16];
        std::snprintf(buf, sizeof buf, "[U+%04X]", static_cast<unsigned>(CodePoint(s.data() + i, len)));
        out += buf;
        i += len - 1;
      }
    }
  }
  return out;
}

struct Span {
  uint32_t b, e;
  std::string cls;
  std::string title;
};

constexpr const char* kStyle = R"css(
:root{--ink:#1d1d1f;--muted:#6b6b73;--line:#e3e3e8;--bg:#fafafa;--per:#dbeafe;--org:#fde68a;--loc:#d1fae5;--work:#fbcfe8;--outlet:#e9d5ff;--misc:#e5e7eb}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{padding:12px 24px 0;background:#111827;color:#fff}header h1{margin:0;font-size:20px}header p{margin:4px 0 8px;color:#cbd5e1}
.tabs{display:flex;gap:4px;flex-wrap:wrap}.tabs button{font:inherit;font-size:14px;color:#cbd5e1;background:none;border:0;border-bottom:3px solid transparent;padding:6px 10px;cursor:pointer}
.tabs button.active{color:#fff;border-bottom-color:#f59e0b}.view{display:none}.view.shown{display:block}main.view.shown{display:grid}
main{grid-template-columns:320px 1fr;gap:0;min-height:calc(100vh - 90px)}
nav{border-right:1px solid var(--line);background:#fff;overflow:auto;max-height:calc(100vh - 90px);position:sticky;top:0}
nav input,.filter{width:calc(100% - 24px);margin:12px;padding:6px 8px;border:1px solid var(--line);border-radius:6px}.filter{width:360px;margin:0 0 8px}
nav ol{list-style:none;margin:0;padding:0}nav li a{display:block;padding:8px 12px;border-top:1px solid var(--line);color:inherit;text-decoration:none}
nav li a:hover,nav li a.active{background:#eef2ff}nav small{color:var(--muted);display:block}
#content{padding:20px 28px;overflow:auto}section.doc{display:none;max-width:900px}section.doc.shown{display:block}
.corpus{padding:20px 28px}.note{color:var(--muted);font-size:13px}
.meta{color:var(--muted);font-size:13px}.meta b{color:var(--ink)}
p.title{font-size:20px;font-weight:650}p.heading{font-weight:650;font-size:17px;margin-top:18px}p.caption{font-size:13px;color:var(--muted);font-style:italic}
.ent{border-radius:3px;padding:0 1px}.PERSON{background:var(--per)}.ORG{background:var(--org)}.LOC{background:var(--loc)}.WORK{background:var(--work)}
.OUTLET{background:var(--outlet)}.MISC,.HANDLE,.AGE,.DATE,.MONEY{background:var(--misc)}.q{border-bottom:2px solid #f59e0b}.ev{text-decoration:underline dotted #2563eb}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px;background:#fff}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}th{background:#f3f4f6}
table.sortable th{cursor:pointer}table.sortable th:after{content:" \2195";color:#9ca3af}
.legend span{margin-right:8px;padding:0 4px}.summary{display:flex;gap:16px;flex-wrap:wrap;margin:0 0 16px}.summary div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.summary b{display:block;font-size:20px}.reject{color:#b91c1c}.cut{color:#b91c1c;font-style:italic}
.score{display:inline-block;min-width:3.2em;font-weight:650}.bar{display:inline-block;height:8px;background:#2563eb;vertical-align:middle;border-radius:2px}
.bar.obs{background:#f59e0b}ul.reasons,ol.chain{margin:0;padding-left:16px}.copy{color:var(--muted)}.denied{color:#b91c1c}
)css";

constexpr const char* kScript = R"js(
(function(){
  var links = document.querySelectorAll('nav li a');
  var tabs = document.querySelectorAll('.tabs button');
  function showView(name){
    document.querySelectorAll('.view').forEach(function(v){ v.classList.toggle('shown', v.id === 'view-' + name); });
    tabs.forEach(function(t){ t.classList.toggle('active', t.getAttribute('data-view') === name); });
  }
  function show(id){
    showView('articles');
    document.querySelectorAll('section.doc').forEach(function(s){ s.classList.toggle('shown', s.id === id); });
    links.forEach(function(a){ a.classList.toggle('active', a.getAttribute('href') === '#' + id); });
  }
  tabs.forEach(function(t){ t.addEventListener('click', function(){ showView(t.getAttribute('data-view'));
    history.replaceState(null, '', '#view-' + t.getAttribute('data-view')); }); });
  document.addEventListener('click', function(ev){
    var a = ev.target.closest ? ev.target.closest('a[href^="#doc-"]') : null;
    if (!a) return;
    ev.preventDefault(); show(a.getAttribute('href').slice(1)); history.replaceState(null, '', a.getAttribute('href'));
  });
  var filter = document.getElementById('filter');
  if (filter) filter.addEventListener('input', function(){
    var q = filter.value.toLowerCase();
    links.forEach(function(a){ a.parentNode.style.display = a.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; });
  });
  document.querySelectorAll('input.filter').forEach(function(f){
    var table = document.getElementById(f.getAttribute('data-table'));
    f.addEventListener('input', function(){
      var q = f.value.toLowerCase();
      table.querySelectorAll('tr').forEach(function(r, i){ if (i) r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; });
    });
  });
  document.querySelectorAll('table.sortable').forEach(function(table){
    table.querySelectorAll('th').forEach(function(th, col){
      th.addEventListener('click', function(){
        var rows = Array.prototype.slice.call(table.querySelectorAll('tr'), 1);
        var down = th.getAttribute('data-dir') !== 'down';
        th.setAttribute('data-dir', down ? 'down' : 'up');
        function key(r){ var c = r.children[col]; var v = c.getAttribute('data-v'); return v !== null ? parseFloat(v) : c.textContent.toLowerCase(); }
        rows.sort(function(a, b){ var x = key(a), y = key(b); var o = x < y ? -1 : x > y ? 1 : 0; return down ? -o : o; });
        rows.forEach(function(r){ r.parentNode.appendChild(r); });
      });
    });
  });
  var h = location.hash.slice(1);
  if (h.indexOf('view-') === 0 && document.getElementById(h)) showView(h.slice(5));
  else if (h && document.getElementById(h)) show(h);
  else if (links.length) show(links[0].getAttribute('href').slice(1));
  else showView('articles');
})();
)js";

std::string Fixed(double v, int digits = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// Renders text[b, e) with `spans` (those that may intersect it; all point into one array,
// whose order is the order of the classes). A sweep over the cut points: each span enters
// the active set at its begin and leaves at its end, so the cost is
// O((pieces + spans) log spans + sum of active sizes), not pieces x spans.
void RenderRange(std::ostream& out, const std::string& text, uint32_t b, uint32_t e,
                 const std::vector<const Span*>& spans) {
  std::vector<uint32_t> pts{b, e};
  for (const Span* s : spans) {
    if (s->e <= b || s->b >= e) continue;
    pts.push_back(std::max(s->b, b));
    pts.push_back(std::min(s->e, e));
  }
  std::sort(pts.begin(), pts.end());
  pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
  std::vector<const Span*> by_begin(spans);
  std::stable_sort(by_begin.begin(), by_begin.end(), [](const Span* x, const Span* y) { return x->b < y->b; });
  std::set<const Span*> active;  // ordered by address: the callers' order of the classes
  size_t next = 0;
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    uint32_t pb = pts[i], pe = pts[i + 1];
    for (; next < by_begin.size() && by_begin[next]->b <= pb; ++next) active.insert(by_begin[next]);
    std::string cls, title;
    for (auto it = active.begin(); it != active.end();) {
      const Span& s = **it;
      if (s.e <= pb) {
        it = active.erase(it);
        continue;
      }
      ++it;
      if (s.e < pe) continue;
      if (!cls.empty()) cls += ' ';
      cls += s.cls;
      if (!s.title.empty()) {
        if (!title.empty()) title += " | ";
        title += s.title;
      }
    }
    std::string_view piece(text.data() + pb, pe - pb);
    if (cls.empty()) {
      out << Esc(piece);
    } else {
      out << "<span class=\"" << Esc(cls) << "\"" << (title.empty() ? "" : " title=\"" + Esc(title) + "\"") << ">" << Esc(piece)
          << "</span>";
    }
  }
}

// Builds index.html: a tab per view (articles, claims, contradictions, sources, entities,
// calibration). Corpus tables link to articles with href="#doc-<index>".
class HtmlReport {
 public:
  HtmlReport(const ReportView& v, std::ostream& out)
      : out_(out), v_(v), docs_(*v.docs), analyses_(*v.analyses), corpus_(*v.corpus), texts_(*v.docs, v.texts) {
    for (const Entity& e : corpus_.entities) entity_by_id_.emplace(e.id, &e);
    for (const ClaimCluster& k : corpus_.clusters) cluster_by_id_.emplace(k.id, &k);
    for (uint32_t d = 0; d < docs_.size(); ++d)
      for (uint32_t c = 0; c < analyses_[d].claims.size(); ++c) claim_refs_.push_back(ClaimRef{d, c});
  }

  void Render() {
    size_t n_quotes = 0, n_claims = 0;
    for (const auto& a : analyses_) {
      n_quotes += a.quotes.size();
      n_claims += a.claims.size();
    }
    out_ << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         << "<title>hearsay report</title><style>" << kStyle << "</style></head><body>\n";
    out_ << "<header><h1>hearsay report</h1><p>" << docs_.size() << " documents · " << corpus_.entities.size()
         << " entities · " << n_quotes << " quotes · " << n_claims << " claims · " << v_.rejects->size()
         << " rejected inputs</p><div class=\"tabs\" role=\"tablist\">";
    Tab("articles", "Articles", docs_.size());
    Tab("claims", "Claims", corpus_.clusters.size());
    Tab("contradictions", "Contradictions", corpus_.contradictions.size());
    Tab("sources", "Sources", corpus_.provenance.size());
    Tab("entities", "Entities", corpus_.entities.size());
    out_ << "<button data-view=\"calibration\">Explanation</button></div></header>\n";
    Articles();
    Claims();
    Contradictions();
    Sources();
    Entities();
    Calibration();
    out_ << "<script>" << kScript << "</script></body></html>\n";
  }

 private:
  void Tab(const char* view, const char* label, size_t count) {
    out_ << "<button data-view=\"" << view << "\">" << label << " (" << count << ")</button>";
  }

  // ---- names and links ----------------------------------------------------------------
  std::string EntityName(const std::string& id) const {
    auto it = entity_by_id_.find(id);
    return it == entity_by_id_.end() ? id : it->second->name;
  }
  std::string DocLink(uint32_t d) const {
    const hearsay::Document& doc = docs_[d];
    return "<a href=\"#doc-" + std::to_string(d) + "\">" + Esc(doc.title.empty() ? doc.id : doc.title) + "</a>";
  }
  std::string DocOutlet(uint32_t d) const {
    return docs_[d].outlet.value_or(analyses_[d].detected_outlet.value_or("unknown outlet"));
  }
  std::string DocDate(uint32_t d) const {
    if (docs_[d].published) return *docs_[d].published;
    if (d < corpus_.estimated_published.size() && corpus_.estimated_published[d])
      return "undated, est. " + corpus_.estimated_published[d]->earliest + " … " + corpus_.estimated_published[d]->latest;
    return "undated";
  }
  std::string ClusterLabel(const ClaimCluster& k) const {
    std::string object = k.value ? *k.value : k.object ? EntityName(*k.object) : std::string("—");
    return Esc(EntityName(k.subject)) + " <b>" + Esc(PredicateName(k.predicate)) + "</b> " + Esc(object);
  }
  // A claim id of hearsay.json ("c12") → its claim, or null.
  const ClaimRef* ClaimById(const std::string& id) const {
    if (id.size() < 2 || id[0] != 'c') return nullptr;
    size_t n = std::strtoul(id.c_str() + 1, nullptr, 10);
    return n >= 1 && n <= claim_refs_.size() ? &claim_refs_[n - 1] : nullptr;
  }
  // A contradiction side: a claim ("c12") with its evidence, or a cluster ("k3") with its
  // articles.
  std::string ClaimCell(const std::string& id) const {
    if (auto k = cluster_by_id_.find(id); k != cluster_by_id_.end()) {
      const ClaimCluster& cluster = *k->second;
      std::string cell = ClusterLabel(cluster) + "<br><span class=\"note\">" + Esc(id) + " · " +
                         std::to_string(cluster.documents.size()) + " article(s):";
      for (size_t j = 0; j < cluster.documents.size() && j < 5; ++j) cell += (j ? ", " : " ") + DocLink(cluster.documents[j]);
      if (cluster.documents.size() > 5) cell += ", …";
      return cell + "</span>";
    }
    const ClaimRef* r = ClaimById(id);
    if (!r) return Esc(id);
    const Claim& c = analyses_[r->doc_idx].claims[r->claim_idx];
    const std::string& text = texts_.Of(r->doc_idx);
    size_t end = std::min<size_t>(c.evidence_byte_end, text.size());
    std::string ev = c.evidence_byte_begin < end ? text.substr(c.evidence_byte_begin, end - c.evidence_byte_begin) : std::string();
    return "“" + Esc(ev) + "”<br><span class=\"note\">" + Esc(id) + " · " + PolarityName(c.polarity) + " · " +
           SourceKindName(c.source.kind) + (c.source.text.empty() ? "" : ": " + Esc(c.source.text)) + " · " +
           DocLink(r->doc_idx) + " (" + Esc(DocOutlet(r->doc_idx)) + ", " + Esc(DocDate(r->doc_idx)) + ")</span>";
  }
  void Reasons(const std::vector<std::string>& reasons) {
    if (reasons.empty()) return;
    out_ << "<ul class=\"reasons\">";
    for (const std::string& r : reasons) out_ << "<li>" << Esc(r) << "</li>";
    out_ << "</ul>";
  }
  // Opens a corpus view: its heading, explanation, a row filter and a sortable table with
  // the given columns (the caller writes the rows, then closes table and section).
  void CorpusViewStart(const char* view, const char* heading, const char* explanation, const char* table_id,
                       size_t rows, std::initializer_list<const char*> columns) {
    out_ << "<section class=\"view corpus\" id=\"view-" << view << "\"><h2>" << heading << "</h2><p class=\"note\">"
         << explanation << "</p>";
    if (rows > kMaxHtmlTableRows)
      out_ << "<p class=\"note\">Showing the first " << kMaxHtmlTableRows << " of " << rows
           << " rows; hearsay.json has all of them.</p>";
    out_ << "<input class=\"filter\" type=\"search\" data-table=\"" << table_id
         << "\" placeholder=\"Filter rows\" aria-label=\"Filter rows\"><table class=\"sortable\" id=\"" << table_id << "\"><tr>";
    for (const char* c : columns) out_ << "<th>" << c << "</th>";
    out_ << "</tr>";
  }

  // ---- articles -----------------------------------------------------------------------
  void Articles() {
    out_ << "<main class=\"view\" id=\"view-articles\"><nav><input id=\"filter\" type=\"search\" "
            "placeholder=\"Filter documents\" aria-label=\"Filter documents\"><ol>";
    for (uint32_t d = 0; d < docs_.size(); ++d) {
      const hearsay::Document& doc = docs_[d];
      out_ << "<li><a href=\"#doc-" << d << "\">" << Esc(doc.title.empty() ? doc.id : doc.title) << "<small>"
           << Esc(DocOutlet(d)) << " · " << Esc(doc.published.value_or("undated")) << "</small></a></li>";
    }
    out_ << "</ol></nav><div id=\"content\">\n";
    out_ << "<div class=\"summary\"><div><b>" << docs_.size() << "</b>documents</div><div><b>" << corpus_.entities.size()
         << "</b>entities</div><div><b>" << corpus_.clusters.size() << "</b>claim clusters</div><div><b>"
         << corpus_.contradictions.size() << "</b>contradictions</div><div><b>" << corpus_.duplicates.size()
         << "</b>near-duplicates</div><div><b>" << v_.rejects->size() << "</b>rejects</div></div>\n";
    out_ << "<p class=\"legend\">Highlights: <span class=\"PERSON\">person</span><span class=\"ORG\">organisation</span>"
         << "<span class=\"LOC\">place</span><span class=\"WORK\">work</span><span class=\"OUTLET\">outlet</span>"
         << "<span class=\"MISC\">other</span><span class=\"q\">quotation</span><span class=\"ev\">claim evidence</span></p>\n";
    RejectsAndWarnings();
    for (uint32_t d = 0; d < docs_.size(); ++d) DocumentSection(d);
    out_ << "</div></main>\n";
  }

  void RejectsAndWarnings() {
    if (!v_.rejects->empty()) {
      out_ << "<h2 id=\"rejects\">Rejected inputs</h2><table><tr><th>path</th><th>where</th><th>stage</th><th>reason</th></tr>";
      for (const Reject& r : *v_.rejects)
        out_ << "<tr class=\"reject\"><td>" << Esc(r.path) << "</td><td>" << Esc(r.where.value_or("")) << "</td><td>"
             << Esc(r.stage) << "</td><td>" << Esc(r.reason) << "</td></tr>";
      out_ << "</table>";
    }
    if (v_.warnings && !v_.warnings->empty()) {
      out_ << "<h2>Kept with repairs</h2><table><tr><th>path</th><th>where</th><th>stage</th><th>message</th></tr>";
      for (const Warning& w : *v_.warnings)
        out_ << "<tr><td>" << Esc(w.path) << "</td><td>" << Esc(w.where) << "</td><td>" << Esc(w.stage) << "</td><td>"
             << Esc(w.message) << "</td></tr>";
      out_ << "</table>";
    }
  }

  void DocumentSection(uint32_t d) {
    const hearsay::Document& doc = docs_[d];
    const DocumentAnalysis& a = analyses_[d];
    out_ << "<section class=\"doc\" id=\"doc-" << d << "\">";
    // The title paragraph is rendered with its highlights below; a heading here only
    // when the layout has none.
    bool has_title = !a.layout.paragraphs.empty() && a.layout.paragraphs.front().kind == BlockKind::kTitle;
    if (!has_title) out_ << "<h2>" << Esc(doc.title.empty() ? doc.id : doc.title) << "</h2>";
    out_ << "<p class=\"meta\"><b>id</b> " << Esc(doc.id) << " · <b>outlet</b> " << Esc(DocOutlet(d))
         << " · <b>published</b> " << Esc(DocDate(d)) << " · <b>path</b> " << Esc(doc.path);
    if (a.credibility) {
      out_ << " · <b>credibility</b> " << Fixed(*a.credibility);
      if (!a.credibility_reasons.empty()) {
        out_ << " (";
        for (size_t i = 0; i < a.credibility_reasons.size(); ++i) out_ << (i ? "; " : "") << Esc(a.credibility_reasons[i]);
        out_ << ")";
      }
    }
    if (doc.replaced_bytes) out_ << " · <b>repaired</b> " << doc.replaced_bytes << " invalid UTF-8 bytes";
    out_ << "</p>\n";
    const std::string& text = texts_.Of(d);
    DocumentText(text, a);
    if (!a.quotes.empty()) {
      out_ << "<h3>Quotes</h3><table><tr><th>quote</th><th>speaker</th></tr>";
      for (const Quote& q : a.quotes)
        out_ << "<tr><td>" << Esc(text.substr(q.byte_begin, q.byte_end - q.byte_begin)) << "</td><td>"
             << SourceKindName(q.speaker.kind) << (q.speaker.text.empty() ? "" : ": " + Esc(q.speaker.text))
             << (q.speaker.via_outlet ? " via " + Esc(*q.speaker.via_outlet) : "") << "</td></tr>";
      out_ << "</table>";
    }
    if (!a.claims.empty()) {
      out_ << "<h3>Claims</h3><table><tr><th>subject</th><th>predicate</th><th>object / value</th><th>polarity</th>"
              "<th>modality</th><th>source</th><th>credibility across articles</th></tr>";
      auto name = [&](int32_t i) {
        return i >= 0 && static_cast<size_t>(i) < a.local_entities.size() ? a.local_entities[i].name : std::string();
      };
      for (size_t c = 0; c < a.claims.size(); ++c) {
        const Claim& cl = a.claims[c];
        out_ << "<tr><td>" << Esc(name(cl.subject_entity)) << "</td><td>" << Esc(PredicateName(cl.predicate)) << "</td><td>"
             << Esc(cl.object_entity >= 0 ? name(cl.object_entity) : cl.value.value_or(cl.object_text.value_or("")))
             << "</td><td>" << PolarityName(cl.polarity) << "</td><td>" << ModalityName(cl.modality) << "</td><td>"
             << SourceKindName(cl.source.kind) << (cl.source.text.empty() ? "" : ": " + Esc(cl.source.text))
             << (cl.source.via_outlet ? " via " + Esc(*cl.source.via_outlet) : "") << "</td><td>";
        int32_t k = d < corpus_.claim_cluster.size() && c < corpus_.claim_cluster[d].size() ? corpus_.claim_cluster[d][c] : -1;
        if (k >= 0) {
          const ClaimCluster& cluster = corpus_.clusters[k];
          out_ << "<span class=\"grade\">evidence " << Esc(cluster.grade) << "</span> " << cluster.documents.size()
               << " article(s), " << cluster.independent_sources << " independent";
        }
        out_ << "</td></tr>";
      }
      out_ << "</table>";
    }
    out_ << "</section>\n";
  }

  void DocumentText(const std::string& text, const DocumentAnalysis& a) {
    std::vector<Span> spans;
    for (const Mention& m : a.mentions) {
      std::string t = EntityTypeName(m.type);
      std::string title = t;
      if (m.entity_idx >= 0 && static_cast<size_t>(m.entity_idx) < a.local_entities.size())
        title += ": " + a.local_entities[m.entity_idx].name;
      spans.push_back(Span{m.byte_begin, m.byte_end, "ent " + t, title});
    }
    for (const Quote& q : a.quotes)
      spans.push_back(Span{q.byte_begin, q.byte_end, "q", std::string("quote, speaker: ") + SourceKindName(q.speaker.kind) +
                                                              (q.speaker.text.empty() ? "" : " (" + q.speaker.text + ")")});
    if (a.quotes.empty())
      for (const QuoteSpan& q : a.layout.quote_spans) spans.push_back(Span{q.byte_begin, q.byte_end, "q", "quotation"});
    for (const Claim& c : a.claims)
      spans.push_back(Span{c.evidence_byte_begin, c.evidence_byte_end, "ev", "claim: " + std::string(PredicateName(c.predicate))});
    // Spans by begin; `active` holds those that may meet the current paragraph (paragraphs
    // come in text order), so each paragraph looks only at its own spans.
    std::vector<const Span*> by_begin;
    for (const Span& s : spans) by_begin.push_back(&s);
    std::stable_sort(by_begin.begin(), by_begin.end(), [](const Span* x, const Span* y) { return x->b < y->b; });
    std::vector<const Span*> active;
    size_t next_span = 0;
    size_t shown = 0;
    bool cut = false;
    for (const Paragraph& p : a.layout.paragraphs) {
      if (shown >= kMaxHtmlTextBytes) {
        cut = true;
        break;
      }
      out_ << "<p class=\"" << BlockKindName(p.kind) << "\">";
      uint32_t e = p.byte_end;
      if (p.byte_end - p.byte_begin > kMaxHtmlTextBytes - shown) {
        e = static_cast<uint32_t>(p.byte_begin + (kMaxHtmlTextBytes - shown));
        while (e > p.byte_begin && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
        cut = true;
      }
      for (; next_span < by_begin.size() && by_begin[next_span]->b < e; ++next_span) active.push_back(by_begin[next_span]);
      active.erase(std::remove_if(active.begin(), active.end(), [&](const Span* s) { return s->e <= p.byte_begin; }), active.end());
      RenderRange(out_, text, p.byte_begin, e, active);
      shown += e - p.byte_begin;
      out_ << "</p>\n";
      if (cut) break;
    }
    if (cut)
      out_ << "<p class=\"cut\">Text shown up to " << shown << " of " << text.size()
           << " bytes; the whole text is in hearsay.json and the store.</p>\n";
  }

  // ---- claims across articles ---------------------------------------------------------
  void Claims() {
    // Most-reported first, then the most independently sourced.
    std::vector<const ClaimCluster*> order;
    for (const ClaimCluster& k : corpus_.clusters) order.push_back(&k);
    std::stable_sort(order.begin(), order.end(), [](const ClaimCluster* a, const ClaimCluster* b) {
      if (a->documents.size() != b->documents.size()) return a->documents.size() > b->documents.size();
      return a->independent_sources > b->independent_sources;
    });
    CorpusViewStart("claims", "Claims across articles",
                    "Each row is one proposition as reported by every article that states it (either polarity). "
                    "The chain lists the articles in report order; a copy or a re-report of an earlier article "
                    "names it and does not count as independent. Click a column to sort.",
                    "claims-table", order.size(),
                    {"claim", "affirmed / denied", "articles", "independent sources", "first reported", "chain", "evidence grade", "why"});
    for (size_t i = 0; i < order.size() && i < kMaxHtmlTableRows; ++i) {
      const ClaimCluster& k = *order[i];
      size_t affirmed = 0, denied = 0;
      for (const ClaimRef& r : k.claims)
        (analyses_[r.doc_idx].claims[r.claim_idx].polarity == Polarity::kDenied ? denied : affirmed) += 1;
      out_ << "<tr><td>" << ClusterLabel(k) << "<br><span class=\"note\">" << Esc(k.id) << "</span></td><td data-v=\""
           << denied << "\">" << affirmed << " / <span" << (denied ? " class=\"denied\"" : "") << ">" << denied
           << "</span></td><td data-v=\"" << k.documents.size() << "\">" << k.documents.size() << "</td><td data-v=\""
           << k.independent_sources << "\">" << k.independent_sources << "</td><td>" << DocLink(k.first_doc) << "<br><span class=\"note\">"
           << Esc(k.first_date.value_or("undated")) << "</span></td><td><ol class=\"chain\">";
      for (size_t j = 0; j < k.documents.size(); ++j) {
        uint32_t d = k.documents[j];
        out_ << "<li>" << DocLink(d) << " <span class=\"note\">" << Esc(DocOutlet(d)) << ", " << Esc(DocDate(d)) << "</span>";
        if (j < k.rereport_of.size() && k.rereport_of[j] >= 0) {
          auto origin = std::find(k.documents.begin(), k.documents.end(), static_cast<uint32_t>(k.rereport_of[j]));
          out_ << " <span class=\"copy\">re-reports no. " << (origin - k.documents.begin()) + 1 << "</span>";
        }
        out_ << "</li>";
      }
      out_ << "</ol></td><td data-v=\"" << Fixed(k.evidence_points, 3) << "\"><span class=\"grade\">" << Esc(k.grade)
           << "</span><br><span class=\"note\">" << Fixed(k.evidence_points) << " points</span></td><td>";
      Reasons(k.reasons);
      out_ << "</td></tr>";
    }
    out_ << "</table></section>\n";
  }

  void Contradictions() {
    CorpusViewStart("contradictions", "Contradictions",
                    "Pairs of stated claims that cannot both be true: one relation affirmed and denied, states that "
                    "exclude each other over overlapping time, ages that no single birth date explains, and such "
                    "conflicts inside one article. A contradiction says two reports disagree, not which one is "
                    "wrong; rumours, questions and past relations are not compared. Confidence (0 to 1) weighs "
                    "both sides: who says it, how firmly, how sure the reading is and how well the times overlap. "
                    "Highest confidence first.",
                    "contradictions-table", corpus_.contradictions.size(),
                    {"confidence", "kind", "why", "one claim", "the other"});
    for (size_t i = 0; i < corpus_.contradictions.size() && i < kMaxHtmlTableRows; ++i) {
      const Contradiction& c = corpus_.contradictions[i];
      out_ << "<tr><td>" << Fixed(c.confidence) << "</td><td>" << ContradictionKindName(c.kind) << "</td><td>"
           << Esc(c.explanation) << "</td><td>" << ClaimCell(c.a) << "</td><td>" << ClaimCell(c.b) << "</td></tr>";
    }
    out_ << "</table></section>\n";
  }

  void Sources() {
    CorpusViewStart("sources", "Who cites whom",
                    "Every outlet an article cites or quotes, and every near-duplicate copy; the last column "
                    "names the article in this corpus the edge leads to, when there is one.",
                    "sources-table", corpus_.provenance.size(), {"article", "kind", "outlet", "evidence", "leads to"});
    for (size_t i = 0; i < corpus_.provenance.size() && i < kMaxHtmlTableRows; ++i) {
      const ProvenanceEdge& p = corpus_.provenance[i];
      out_ << "<tr><td>" << DocLink(p.doc_idx) << "</td><td>" << ProvenanceKindName(p.kind) << "</td><td>" << Esc(p.outlet) << "</td><td>"
           << Esc(p.evidence) << "</td><td>"
           << (p.target_doc >= 0 ? DocLink(static_cast<uint32_t>(p.target_doc)) : std::string("<span class=\"note\">not in this corpus</span>"))
           << "</td></tr>";
    }
    out_ << "</table>";
    if (!corpus_.duplicates.empty()) {
      out_ << "<h3>Near-duplicate articles</h3><table class=\"sortable\"><tr><th>article</th><th>copy</th><th>similarity</th></tr>";
      for (size_t i = 0; i < corpus_.duplicates.size() && i < kMaxHtmlTableRows; ++i) {
        const DuplicatePair& p = corpus_.duplicates[i];
        out_ << "<tr><td>" << DocLink(p.a) << "</td><td>" << DocLink(p.b) << "</td><td data-v=\"" << Fixed(p.similarity, 3)
             << "\">" << Fixed(p.similarity) << "</td></tr>";
      }
      out_ << "</table>";
    }
    out_ << "</section>\n";
  }

  void Entities() {
    struct Row {
      const Entity* e;
      size_t docs;
    };
    std::vector<Row> rows;
    for (const Entity& e : corpus_.entities) {
      std::set<uint32_t> in;
      for (const MentionRef& m : e.mentions) in.insert(m.doc_idx);
      rows.push_back(Row{&e, in.size()});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.docs > b.docs; });
    CorpusViewStart("entities", "Entities",
                    "One row per person, organisation, place, work or outlet across all articles; the merge "
                    "confidence says how sure the cross-article match is (1 for one article).",
                    "entities-table", rows.size(),
                    {"name", "type", "aliases", "articles", "mentions", "born", "merge confidence"});
    for (size_t i = 0; i < rows.size() && i < kMaxHtmlTableRows; ++i) {
      const Entity& e = *rows[i].e;
      std::string aliases;
      for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
      out_ << "<tr><td>" << Esc(e.name) << "</td><td>" << EntityTypeName(e.type) << "</td><td>" << Esc(aliases)
           << "</td><td data-v=\"" << rows[i].docs << "\">" << rows[i].docs << "</td><td data-v=\"" << e.mentions.size() << "\">"
           << e.mentions.size() << "</td><td>"
           << (e.birth_window ? Esc(e.birth_window->earliest + " … " + e.birth_window->latest) : std::string())
           << "</td><td data-v=\"" << Fixed(e.merge_confidence, 3) << "\">" << Fixed(e.merge_confidence) << "</td></tr>";
    }
    out_ << "</table></section>\n";
  }

  // The claim clusters' evidence grade: its rules in words.
  void ClusterGradeRules() {
    out_ << "<h3>Claims: an evidence grade, not a probability</h3><p class=\"note\">No labelled claims exist to calibrate "
            "a probability against, so each claim cluster gets points by fixed rules over its evidence, and a grade from "
            "them:</p><ul>";
    for (const std::string& rule : v_.cluster_grade_rules) out_ << "<li>" << Esc(rule) << "</li>";
    out_ << "</ul>";
  }

  void Calibration() {
    out_ << "<section class=\"view corpus\" id=\"view-calibration\"><h2>What a credibility score means</h2>";
    const CalibrationSummary* c = v_.calibration;
    if (!c) {
      out_ << "<p class=\"note\">No article credibility model was loaded for this run.</p>";
      ClusterGradeRules();
      out_ << "</section>\n";
      return;
    }
    out_ << "<h3>Articles: a calibrated probability</h3><p class=\"note\">" << Esc(c->method) << " An article is labelled credible "
         << "at a score of " << Fixed(c->threshold) << " or more. Each article's reasons name the evidence in it (words, counts, "
         << "the outlet's record) that moved its score most; names of people and outlets are masked before the model reads the "
         << "text, so no score depends on who the article is about.</p>";
    out_ << "<p class=\"note\">Measured after training on " << Esc(c->dataset)
         << ": articles are grouped by their score; a well-calibrated model's observed share of credible "
            "articles in each group matches the group's mean score (bars: blue the mean score, orange the "
            "observed share).</p>";
    out_ << "<div class=\"summary\"><div><b>" << Fixed(c->brier, 3) << "</b>Brier score</div><div><b>" << Fixed(c->ece, 3)
         << "</b>expected calibration error</div><div><b>" << Fixed(c->macro_f1, 3) << "</b>macro-F1</div></div>";
    out_ << "<table id=\"calibration-table\"><tr><th>score</th><th>articles</th><th>mean score</th><th>observed credible</th>"
            "<th></th></tr>";
    for (const ReliabilityBin& b : c->bins) {
      out_ << "<tr><td>" << Fixed(b.lo) << " – " << Fixed(b.hi) << "</td><td>" << b.count << "</td><td>" << Fixed(b.mean_predicted)
           << "</td><td>" << Fixed(b.observed) << "</td><td><span class=\"bar\" style=\"width:"
           << static_cast<int>(b.mean_predicted * 200) << "px\"></span><br><span class=\"bar obs\" style=\"width:"
           << static_cast<int>(b.observed * 200) << "px\"></span></td></tr>";
    }
    out_ << "</table>";
    ClusterGradeRules();
    out_ << "</section>\n";
  }

  std::ostream& out_;
  const ReportView& v_;
  const std::vector<hearsay::Document>& docs_;
  const std::vector<DocumentAnalysis>& analyses_;
  const CorpusAnalysis& corpus_;
  mutable DocumentTexts texts_;  // each document's text, in memory or read back (ClaimCell is const)
  std::unordered_map<std::string_view, const Entity*> entity_by_id_;  // views of the corpus's own ids
  std::unordered_map<std::string_view, const ClaimCluster*> cluster_by_id_;
  std::vector<ClaimRef> claim_refs_;
};

}  // namespace

void WriteHtml(const ReportView& v, std::ostream& out) { HtmlReport(v, out).Render(); }

std::string RenderHtml(const ReportView& v) {
  std::ostringstream out;
  WriteHtml(v, out);
  return std::move(out).str();
}

}  // namespace hearsay::report
