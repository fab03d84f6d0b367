#pragma once
// Exports of an analysed corpus for other tools (`hearsay export --format ...`), rendered
// from the same ReportView as hearsay.json (docs, analyses, corpus; rejects unused).
//
//   * RenderCsv: one row per claim (RFC 4180: fields with a comma, quote, CR or LF are
//     quoted, quotes doubled; CRLF line ends; a header row).
//   * RenderGexf: GEXF 1.3 for Gephi: entities as nodes (type, mentions, documents), claim
//     clusters between two entities as directed edges (predicate, claims, documents, grade,
//     score, first report date); every string XML-escaped, characters XML forbids dropped.
//   * RenderQuickStatements: Wikidata QuickStatements (v1, tab-separated) for on-record
//     family and partner relations only (spouse_of P26, parent_of/child_of P40, sibling_of
//     P3373, dating P451): a claim qualifies when it is affirmed, asserted or reported
//     (not hedged or speculative), and its source is named, the article's author or an
//     outlet (never anonymous or unknown); each statement cites its article (S854 URL,
//     S577 publication date, S1476 title) and names the outlet in a comment. A person
//     becomes a Wikidata item only through `wikidata_ids` (entity name -> "Q..."); a
//     relation with an unmapped person is written as a "#" comment line naming both, for
//     an editor to resolve, never as a CREATE. Articles without a URL are not cited.
//
// Determinism: same input, same bytes. Thread safety: pure functions.
#include <map>
#include <string>

#include "report/report.h"

namespace hearsay::report {

std::string RenderCsv(const ReportView& view);
std::string RenderGexf(const ReportView& view);
std::string RenderQuickStatements(const ReportView& view, const std::map<std::string, std::string>& wikidata_ids = {});

// CSV field escaping (RFC 4180), exposed for tests.
std::string CsvField(const std::string& s);
// XML text/attribute escaping; drops characters XML 1.0 does not allow.
std::string XmlEscape(const std::string& s);

}  // namespace hearsay::report
