#include "report/exports.h"

#include <unordered_map>

#include "hearsay/predicate.h"

namespace hearsay::report {
namespace {

// Ids and names of a view, computed once.
class Names {
 public:
  explicit Names(const ReportView& v) : v_(v) {
    for (size_t i = 0; i < v.corpus->entities.size(); ++i) index_[v.corpus->entities[i].id] = i;
  }
  const Entity* EntityOf(size_t d, int32_t local) const {
    const auto& l2g = v_.corpus->local_to_global;
    if (local < 0 || d >= l2g.size() || static_cast<size_t>(local) >= l2g[d].size() || l2g[d][local] < 0) return nullptr;
    return &v_.corpus->entities[l2g[d][local]];
  }
  const Entity* ById(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &v_.corpus->entities[it->second];
  }
  std::string Outlet(size_t d) const {
    const Document& doc = (*v_.docs)[d];
    return doc.outlet.value_or((*v_.analyses)[d].detected_outlet.value_or(""));
  }

 private:
  const ReportView& v_;
  std::unordered_map<std::string, size_t> index_;
};

std::string Slice(const std::string& t, uint32_t b, uint32_t e) {
  if (b > t.size()) return {};
  return t.substr(b, std::min<size_t>(e, t.size()) - b);
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string RenderCsv(const ReportView& v) {
  Names names(v);
  const char* const kHeader[] = {"claim",       "doc",         "outlet",      "published",     "url",          "subject",
                                 "subject_name", "predicate",  "object",      "object_name",   "value",        "polarity",
                                 "modality",    "time_from",   "time_to",     "source_kind",   "source_entity", "source_text",
                                 "via_outlet",  "cluster",     "grade",       "evidence"};
  std::string out;
  for (size_t i = 0; i < std::size(kHeader); ++i) out += std::string(i ? "," : "") + kHeader[i];
  out += "\r\n";
  size_t n = 0;
  DocumentTexts texts(*v.docs, v.texts);
  for (size_t d = 0; d < v.docs->size(); ++d) {
    const Document& doc = (*v.docs)[d];
    const auto& claims = (*v.analyses)[d].claims;
    for (size_t c = 0; c < claims.size(); ++c) {
      const Claim& x = claims[c];
      const Entity* subject = names.EntityOf(d, x.subject_entity);
      const Entity* object = x.object_entity >= 0 ? names.EntityOf(d, x.object_entity) : nullptr;
      const Entity* source = names.EntityOf(d, x.source.entity_idx);
      int32_t k = d < v.corpus->claim_cluster.size() && c < v.corpus->claim_cluster[d].size() ? v.corpus->claim_cluster[d][c] : -1;
      const ClaimCluster* cluster = k >= 0 ? &v.corpus->clusters[k] : nullptr;
      const std::string fields[] = {"c" + std::to_string(++n), doc.id, names.Outlet(d), doc.published.value_or(""),
                                    doc.url.value_or(""), subject ? subject->id : "", subject ? subject->name : "",
                                    std::string(PredicateName(x.predicate)), object ? object->id : x.object_text.value_or(""),
                                    object ? object->name : x.object_text.value_or(""), x.value.value_or(""),
                                    PolarityName(x.polarity), ModalityName(x.modality), x.time_from.value_or(""),
                                    x.time_to.value_or(""), SourceKindName(x.source.kind), source ? source->id : "",
                                    x.source.text, x.source.via_outlet.value_or(""), cluster ? cluster->id : "",
                                    cluster ? cluster->grade : "", Slice(texts.Of(d), x.evidence_byte_begin, x.evidence_byte_end)};
      for (size_t i = 0; i < std::size(fields); ++i) out += (i ? "," : "") + CsvField(fields[i]);
      out += "\r\n";
    }
  }
  return out;
}

std::string RenderGexf(const ReportView& v) {
  Names names(v);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <meta><creator>" + XmlEscape(v.generator) + "</creator><description>entities and the relations claimed between them"
      "</description></meta>\n"
      "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"0\" title=\"type\" type=\"string\"/>\n"
      "      <attribute id=\"1\" title=\"mentions\" type=\"integer\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"0\" title=\"predicate\" type=\"string\"/>\n"
      "      <attribute id=\"1\" title=\"claims\" type=\"integer\"/>\n"
      "      <attribute id=\"2\" title=\"documents\" type=\"integer\"/>\n"
      "      <attribute id=\"3\" title=\"grade\" type=\"string\"/>\n"
      "      <attribute id=\"4\" title=\"score\" type=\"double\"/>\n"
      "      <attribute id=\"5\" title=\"first_reported\" type=\"string\"/>\n"
      "    </attributes>\n"
      "    <nodes>\n";
  for (const Entity& e : v.corpus->entities)
    out += "      <node id=\"" + XmlEscape(e.id) + "\" label=\"" + XmlEscape(e.name) + "\"><attvalues><attvalue for=\"0\" value=\"" +
           EntityTypeName(e.type) + "\"/><attvalue for=\"1\" value=\"" + std::to_string(e.mentions.size()) +
           "\"/></attvalues></node>\n";
  out += "    </nodes>\n    <edges>\n";
  for (const ClaimCluster& k : v.corpus->clusters) {
    if (!k.object || !names.ById(k.subject) || !names.ById(*k.object)) continue;  // relations between two entities
    out += "      <edge id=\"" + XmlEscape(k.id) + "\" source=\"" + XmlEscape(k.subject) + "\" target=\"" + XmlEscape(*k.object) +
           "\" label=\"" + XmlEscape(std::string(PredicateName(k.predicate))) + "\" weight=\"" + std::to_string(k.documents.size()) +
           "\"><attvalues><attvalue for=\"0\" value=\"" + XmlEscape(std::string(PredicateName(k.predicate))) + "\"/><attvalue for=\"1\" value=\"" +
           std::to_string(k.claims.size()) + "\"/><attvalue for=\"2\" value=\"" + std::to_string(k.documents.size()) +
           "\"/><attvalue for=\"3\" value=\"" + XmlEscape(k.grade) + "\"/><attvalue for=\"4\" value=\"" + Fixed(k.credibility) +
           "\"/><attvalue for=\"5\" value=\"" + XmlEscape(k.first_date.value_or("")) + "\"/></attvalues></edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

namespace {

// The Wikidata property of a family or partner predicate; `reverse` when the object is
// the statement's subject (child_of: the parent has the child). Empty for other predicates.
std::string WikidataProperty(Predicate predicate, bool* reverse) {
  *reverse = Traits(predicate).wikidata_reverse;
  return std::string(Traits(predicate).wikidata);
}

bool OnRecord(const Claim& c) {
  bool sourced = c.source.kind == SourceKind::kNamed || c.source.kind == SourceKind::kAuthor ||
                 c.source.kind == SourceKind::kOutlet;
  bool firm = c.modality == Modality::kAsserted || c.modality == Modality::kReported;
  return sourced && firm && c.polarity == Polarity::kAffirmed;
}

// Text safe inside a QuickStatements string or comment: no tabs, newlines or quotes.
std::string QsText(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c == '"' ? '\'' : c;
  return out;
}

}  // namespace

std::string RenderQuickStatements(const ReportView& v, const std::map<std::string, std::string>& wikidata_ids) {
  Names names(v);
  std::string out = "# hearsay: on-record family and partner relations; see docs/store.md (exports)\n";
  auto item = [&](const Entity& e) -> std::string {
    auto it = wikidata_ids.find(e.name);
    return it == wikidata_ids.end() ? "" : it->second;
  };
  for (size_t d = 0; d < v.docs->size(); ++d) {
    const Document& doc = (*v.docs)[d];
    if (!doc.url) continue;  // nothing to cite
    for (const Claim& c : (*v.analyses)[d].claims) {
      bool reverse = false;
      std::string property = WikidataProperty(c.predicate, &reverse);
      if (property.empty() || !OnRecord(c)) continue;
      const Entity* a = names.EntityOf(d, c.subject_entity);
      const Entity* b = c.object_entity >= 0 ? names.EntityOf(d, c.object_entity) : nullptr;
      if (!a || !b || a->type != EntityType::kPerson || b->type != EntityType::kPerson) continue;
      if (reverse) std::swap(a, b);
      std::string refs = "\tS854\t\"" + QsText(*doc.url) + "\"";
      if (doc.published) refs += "\tS577\t+" + *doc.published + "T00:00:00Z/11";
      refs += "\tS1476\ten:\"" + QsText(doc.title) + "\"";
      std::string comment = " /* " + QsText(a->name) + " " + std::string(PredicateName(c.predicate)) + " " + QsText(b->name) + "; outlet: " +
                            QsText(names.Outlet(d)) + "; source: " + QsText(c.source.text) + " */";
      std::string qa = item(*a), qb = item(*b);
      if (qa.empty() || qb.empty()) {
        out += "# unmapped: " + QsText(a->name) + "\t" + property + "\t" + QsText(b->name) + refs + comment + "\n";
      } else {
        out += qa + "\t" + property + "\t" + qb + refs + comment + "\n";
      }
    }
  }
  return out;
}

}  // namespace hearsay::report
