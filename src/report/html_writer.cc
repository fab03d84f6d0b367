// index.html writer: one self-contained page (inline CSS and a small inline script).
// Each document's text is rendered paragraph by paragraph; spans are highlighted by
// cutting the text at every span boundary and giving each piece the classes of all the
// spans that cover it, so overlapping spans (an entity inside a quote) need no nesting.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "report/report.h"

namespace hearsay::report {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
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
header{padding:16px 24px;background:#111827;color:#fff}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#cbd5e1}
main{display:grid;grid-template-columns:320px 1fr;gap:0;min-height:calc(100vh - 70px)}
nav{border-right:1px solid var(--line);background:#fff;overflow:auto;max-height:calc(100vh - 70px);position:sticky;top:0}
nav input{width:calc(100% - 24px);margin:12px;padding:6px 8px;border:1px solid var(--line);border-radius:6px}
nav ol{list-style:none;margin:0;padding:0}nav li a{display:block;padding:8px 12px;border-top:1px solid var(--line);color:inherit;text-decoration:none}
nav li a:hover,nav li a.active{background:#eef2ff}nav small{color:var(--muted);display:block}
#content{padding:20px 28px;overflow:auto}section.doc{display:none;max-width:900px}section.doc.shown{display:block}
.meta{color:var(--muted);font-size:13px}.meta b{color:var(--ink)}
p.title{font-size:20px;font-weight:650}p.heading{font-weight:650;font-size:17px;margin-top:18px}p.caption{font-size:13px;color:var(--muted);font-style:italic}
.ent{border-radius:3px;padding:0 1px}.PERSON{background:var(--per)}.ORG{background:var(--org)}.LOC{background:var(--loc)}.WORK{background:var(--work)}
.OUTLET{background:var(--outlet)}.MISC,.HANDLE,.AGE,.DATE,.MONEY{background:var(--misc)}.q{border-bottom:2px solid #f59e0b}.ev{text-decoration:underline dotted #2563eb}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}th{background:#f3f4f6}
.legend span{margin-right:8px;padding:0 4px}.summary{display:flex;gap:16px;flex-wrap:wrap;margin:0 0 16px}.summary div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.summary b{display:block;font-size:20px}.reject{color:#b91c1c}.cut{color:#b91c1c;font-style:italic}
)css";

constexpr const char* kScript = R"js(
(function(){
  var links = document.querySelectorAll('nav li a');
  function show(id){
    document.querySelectorAll('section.doc').forEach(function(s){ s.classList.toggle('shown', s.id === id); });
    links.forEach(function(a){ a.classList.toggle('active', a.getAttribute('href') === '#' + id); });
  }
  links.forEach(function(a){ a.addEventListener('click', function(ev){ ev.preventDefault(); show(a.getAttribute('href').slice(1)); history.replaceState(null, '', a.getAttribute('href')); }); });
  var filter = document.getElementById('filter');
  if (filter) filter.addEventListener('input', function(){
    var q = filter.value.toLowerCase();
    links.forEach(function(a){ a.parentNode.style.display = a.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; });
  });
  var first = location.hash ? location.hash.slice(1) : (links.length ? links[0].getAttribute('href').slice(1) : '');
  if (first && document.getElementById(first)) show(first); else if (links.length) show(links[0].getAttribute('href').slice(1));
})();
)js";

// Renders text[b, e) with the spans that intersect it.
void RenderRange(std::ostringstream& out, const std::string& text, uint32_t b, uint32_t e, const std::vector<Span>& spans) {
  std::set<uint32_t> cuts{b, e};
  for (const Span& s : spans) {
    if (s.e <= b || s.b >= e) continue;
    cuts.insert(std::max(s.b, b));
    cuts.insert(std::min(s.e, e));
  }
  std::vector<uint32_t> pts(cuts.begin(), cuts.end());
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    uint32_t pb = pts[i], pe = pts[i + 1];
    std::string cls, title;
    for (const Span& s : spans) {
      if (s.b <= pb && s.e >= pe) {
        if (!cls.empty()) cls += ' ';
        cls += s.cls;
        if (!s.title.empty()) {
          if (!title.empty()) title += " | ";
          title += s.title;
        }
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

}  // namespace

std::string RenderHtml(const ReportView& v) {
  const auto& docs = *v.docs;
  const auto& analyses = *v.analyses;
  const CorpusAnalysis& corpus = *v.corpus;
  std::ostringstream out;
  size_t n_quotes = 0, n_claims = 0;
  for (const auto& a : analyses) {
    n_quotes += a.quotes.size();
    n_claims += a.claims.size();
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>hearsay report</title><style>" << kStyle << "</style></head><body>\n";
  out << "<header><h1>hearsay report</h1><p>" << docs.size() << " documents · " << corpus.entities.size() << " entities · "
      << n_quotes << " quotes · " << n_claims << " claims · " << v.rejects->size() << " rejected inputs</p></header>\n";
  out << "<main><nav><input id=\"filter\" type=\"search\" placeholder=\"Filter documents\" aria-label=\"Filter documents\"><ol>";
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    out << "<li><a href=\"#doc-" << d << "\">" << Esc(doc.title.empty() ? doc.id : doc.title) << "<small>"
        << Esc(doc.outlet.value_or(analyses[d].detected_outlet.value_or("unknown outlet"))) << " · "
        << Esc(doc.published.value_or("undated")) << "</small></a></li>";
  }
  out << "</ol></nav><div id=\"content\">\n";
  out << "<div class=\"summary\"><div><b>" << docs.size() << "</b>documents</div><div><b>" << corpus.entities.size()
      << "</b>entities</div><div><b>" << corpus.clusters.size() << "</b>claim clusters</div><div><b>"
      << corpus.contradictions.size() << "</b>contradictions</div><div><b>" << corpus.duplicates.size()
      << "</b>near-duplicates</div><div><b>" << v.rejects->size() << "</b>rejects</div></div>\n";
  out << "<p class=\"legend\">Highlights: <span class=\"PERSON\">person</span><span class=\"ORG\">organisation</span>"
      << "<span class=\"LOC\">place</span><span class=\"WORK\">work</span><span class=\"OUTLET\">outlet</span>"
      << "<span class=\"MISC\">other</span><span class=\"q\">quotation</span><span class=\"ev\">claim evidence</span></p>\n";

  if (!v.rejects->empty() || (v.warnings && !v.warnings->empty())) {
    out << "<h2 id=\"rejects\">Rejected inputs</h2><table><tr><th>path</th><th>where</th><th>stage</th><th>reason</th></tr>";
    for (const Reject& r : *v.rejects)
      out << "<tr class=\"reject\"><td>" << Esc(r.path) << "</td><td>" << Esc(r.where.value_or("")) << "</td><td>" << Esc(r.stage)
          << "</td><td>" << Esc(r.reason) << "</td></tr>";
    out << "</table>";
    if (v.warnings && !v.warnings->empty()) {
      out << "<h2>Kept with repairs</h2><table><tr><th>path</th><th>where</th><th>stage</th><th>message</th></tr>";
      for (const Warning& w : *v.warnings)
        out << "<tr><td>" << Esc(w.path) << "</td><td>" << Esc(w.where) << "</td><td>" << Esc(w.stage) << "</td><td>"
            << Esc(w.message) << "</td></tr>";
      out << "</table>";
    }
  }

  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    const DocumentAnalysis& a = analyses[d];
    out << "<section class=\"doc\" id=\"doc-" << d << "\"><h2>" << Esc(doc.title) << "</h2><p class=\"meta\">"
        << "<b>id</b> " << Esc(doc.id) << " · <b>outlet</b> " << Esc(doc.outlet.value_or(a.detected_outlet.value_or("unknown")))
        << " · <b>published</b> " << Esc(doc.published.value_or("undated"));
    if (d < corpus.estimated_published.size() && corpus.estimated_published[d])
      out << " (estimated " << Esc(corpus.estimated_published[d]->earliest) << " … " << Esc(corpus.estimated_published[d]->latest) << ")";
    out << " · <b>path</b> " << Esc(doc.path);
    if (a.credibility) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", *a.credibility);
      out << " · <b>credibility</b> " << buf;
      if (!a.credibility_reasons.empty()) {
        out << " (";
        for (size_t i = 0; i < a.credibility_reasons.size(); ++i) out << (i ? "; " : "") << Esc(a.credibility_reasons[i]);
        out << ")";
      }
    }
    if (doc.replaced_bytes) out << " · <b>repaired</b> " << doc.replaced_bytes << " invalid UTF-8 bytes";
    out << "</p>\n";
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
      spans.push_back(Span{c.evidence_byte_begin, c.evidence_byte_end, "ev", "claim: " + c.predicate});
    size_t shown = 0;
    bool cut = false;
    for (const Paragraph& p : a.layout.paragraphs) {
      if (shown >= kMaxHtmlTextBytes) {
        cut = true;
        break;
      }
      out << "<p class=\"" << BlockKindName(p.kind) << "\">";
      uint32_t e = p.byte_end;
      if (p.byte_end - p.byte_begin > kMaxHtmlTextBytes - shown) {
        e = static_cast<uint32_t>(p.byte_begin + (kMaxHtmlTextBytes - shown));
        while (e > p.byte_begin && (static_cast<unsigned char>(doc.text[e]) & 0xC0) == 0x80) --e;
        cut = true;
      }
      RenderRange(out, doc.text, p.byte_begin, e, spans);
      shown += e - p.byte_begin;
      out << "</p>\n";
      if (cut) break;
    }
    if (cut)
      out << "<p class=\"cut\">Text shown up to " << shown << " of " << doc.text.size()
          << " bytes; the whole text is in hearsay.json and the store.</p>\n";
    if (!a.quotes.empty()) {
      out << "<h3>Quotes</h3><table><tr><th>quote</th><th>speaker</th></tr>";
      for (const Quote& q : a.quotes)
        out << "<tr><td>" << Esc(doc.text.substr(q.byte_begin, q.byte_end - q.byte_begin)) << "</td><td>"
            << SourceKindName(q.speaker.kind) << (q.speaker.text.empty() ? "" : ": " + Esc(q.speaker.text))
            << (q.speaker.via_outlet ? " via " + Esc(*q.speaker.via_outlet) : "") << "</td></tr>";
      out << "</table>";
    }
    if (!a.claims.empty()) {
      out << "<h3>Claims</h3><table><tr><th>subject</th><th>predicate</th><th>object / value</th><th>polarity</th><th>modality</th><th>source</th></tr>";
      auto name = [&](int32_t i) { return i >= 0 && static_cast<size_t>(i) < a.local_entities.size() ? a.local_entities[i].name : std::string(); };
      for (const Claim& c : a.claims)
        out << "<tr><td>" << Esc(name(c.subject_entity)) << "</td><td>" << Esc(c.predicate) << "</td><td>"
            << Esc(c.object_entity >= 0 ? name(c.object_entity) : c.value.value_or(c.object_text.value_or(""))) << "</td><td>"
            << PolarityName(c.polarity) << "</td><td>" << ModalityName(c.modality) << "</td><td>" << SourceKindName(c.source.kind)
            << (c.source.text.empty() ? "" : ": " + Esc(c.source.text)) << "</td></tr>";
      out << "</table>";
    }
    out << "</section>\n";
  }
  out << "</div></main><script>" << kScript << "</script></body></html>\n";
  return out.str();
}

}  // namespace hearsay::report
