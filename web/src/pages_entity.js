// A person's (or any entity's) page and a claim's chain of sources.
import cytoscape from 'cytoscape';
import { el, link, hash, pill, append } from './dom.js';
import { api } from './api.js';
import { proposition, gradePill, sourceLine, reasonsList, predicateWords, timeWords } from './words.js';
import { pager, contradictionCard } from './pages_lists.js';

const gradeColor = { strong: '#1c7c3c', moderate: '#6b8e23', weak: '#b7791f', 'very weak': '#b83232' };

// The relation graph: the entity in the middle, each related entity a node around it, each
// relation (cluster) an edge coloured by its grade. What relates them is written under the
// related entity's name ("Jane Roe / is married to"), not on the edge: edges meet at the
// centre, so their labels overlapped; node labels are spaced by the layout, which counts
// them in each node's size. The graph stays reachable as container.graph (tests, console).
function relationGraph(container, entity) {
  const gradeRank = { strong: 4, moderate: 3, weak: 2, 'very weak': 1 };
  const nodes = new Map([[entity.id, { data: { id: entity.id, label: entity.name, center: 1 } }]]);
  const edges = new Map();  // one edge per related entity
  const predicates = new Map();  // related entity -> the relations in words
  for (const k of entity.relations) {
    const other = k.subject === entity.id ? k.object : k.subject;
    const otherName = k.subject === entity.id ? k.object_name : k.subject_name;
    if (!other || !otherName || other === entity.id || (nodes.size > 40 && !nodes.has(other))) continue;
    if (!nodes.has(other)) nodes.set(other, { data: { id: other, name: otherName } });
    const edge = edges.get(other) || { data: { id: 'edge-' + other, source: entity.id, target: other, grade: 0, cluster: k.id } };
    const words = predicateWords(k.predicate);
    const list = predicates.get(other) || [];
    if (!list.includes(words)) list.push(words);
    predicates.set(other, list);
    if ((gradeRank[k.grade] || 0) > edge.data.grade) Object.assign(edge.data, { grade: gradeRank[k.grade] || 0, color: gradeColor[k.grade] || '#888', cluster: k.id });
    edges.set(other, edge);
  }
  for (const [id, list] of predicates) {
    const more = list.length > 2 ? ` (+${list.length - 2})` : '';
    nodes.get(id).data.label = `${nodes.get(id).data.name}\n${list.slice(0, 2).join(', ')}${more}`;
  }
  const cy = cytoscape({
    container,
    elements: [...nodes.values(), ...edges.values()],
    layout: { name: 'concentric', concentric: n => (n.data('center') ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 12,
      nodeDimensionsIncludeLabels: true, animate: false },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#7aa7e6', width: 18, height: 18, 'text-valign': 'bottom',
        'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': '140px', 'text-background-color': '#fff', 'text-background-opacity': 0.85,
        'text-background-padding': 1 } },
      { selector: 'node[center]', style: { 'background-color': '#1f5fae', width: 30, height: 30, 'font-weight': 'bold', 'font-size': 13 } },
      { selector: 'edge', style: { 'curve-style': 'straight', 'line-color': 'data(color)', width: 2 } },
    ],
  });
  cy.on('tap', 'node', ev => { if (!ev.target.data('center')) location.hash = hash('entity', ev.target.id()); });
  cy.on('tap', 'edge', ev => { location.hash = hash('cluster', ev.target.data('cluster')); });
  container.graph = cy;
  return cy;
}

function relationCard(k) {
  const shown = k.sources.length;
  return el('div', { class: 'card relation', 'data-cluster': k.id },
    el('div', null, proposition(k), ' ', gradePill(k.grade, k.score), ' ',
      timeWords(k) ? pill(timeWords(k)) : null,
      el('span', { class: 'muted small' }, ` first reported ${k.first_date || '(undated)'}`, k.first_outlet ? ` by ${k.first_outlet}` : '',
        ` · ${k.document_count} articles · ${k.independent_sources} independent`), ' ',
      link(hash('cluster', k.id), 'chain →')),
    reasonsList(k.reasons),
    el('details', null, el('summary', null, `Sources (${shown}${k.claim_count > shown ? ' of ' + k.claim_count : ''})`),
      el('ol', { class: 'chain' }, k.sources.map(sourceLine))));
}

function timelineItem(c) {
  return el('li', { class: 'card' },
    el('span', { class: 'date' }, timeWords(c) || c.published || 'undated'), ' ', proposition(c), ' ', gradePill(c.grade, c.score),
    el('ol', { class: 'chain' }, sourceLine(c)),
    reasonsList(c.reasons),
    c.cluster_id ? el('div', { class: 'small' }, link(hash('cluster', c.cluster_id), 'whole chain of sources →')) : null);
}

export async function entityPage(box, route) {
  const id = route.args[0] || '';
  const p = route.params;
  const [e, timeline, contradictions] = await Promise.all([
    api('entities/' + encodeURIComponent(id)),
    api('claims', { entity: id, page: p.get('page'), per_page: 25 }),
    api('contradictions', { entity: id, per_page: 20 })]);
  const aliases = e.aliases.filter(a => a !== e.name);
  const graph = el('div', { id: 'graph' });
  append(box, [
    el('h1', null, e.name, ' ', pill(e.type)),
    el('p', { class: 'muted' }, `${e.document_count} articles · ${e.mention_count} mentions · ${e.relations_total} relations · ${e.claims_total} claims`,
      aliases.length ? ` · also called ${aliases.join(', ')}` : '',
      e.birth_earliest ? ` · born between ${e.birth_earliest} and ${e.birth_latest}` : ''),
    el('div', { class: 'row' },
      el('div', { class: 'col' }, el('h2', null, 'Relations'), graph,
        el('p', { class: 'muted small' }, 'Under each name: how they are related. Edges are coloured by the evidence grade of the relation. Click a person to open their page, an edge to open its chain.')),
      el('div', { class: 'col' }, el('h2', null, `Contradictions (${contradictions.total})`),
        contradictions.items.length ? contradictions.items.map(contradictionCard) : el('p', { class: 'muted' }, 'None found.'),
        contradictions.total > contradictions.items.length ? link('#/contradictions?' + new URLSearchParams({ entity: id }), `all ${contradictions.total} →`) : null)),
    el('h2', null, `What is said about ${e.name}, and who says it (${e.relations.length}${e.relations_total > e.relations.length ? ' of ' + e.relations_total : ''})`),
    el('div', { class: 'relations' }, e.relations.map(relationCard)),
    e.relations_total > e.relations.length ? link(hash('relations', id), `all ${e.relations_total} relations, page by page →`) : null,
    el('h2', null, `Timeline of claims (${timeline.total})`),
    el('ol', { class: 'timeline' }, timeline.items.map(timelineItem)),
    pager(route, timeline),
  ]);
  // Cytoscape measures its container, so it starts once the page is in the document.
  box.onAttached = () => relationGraph(graph, e);
}

// Every relation of an entity, page by page (the person page shows the best supported).
export async function relationsPage(box, route) {
  const id = route.args[0] || '';
  const [e, data] = await Promise.all([api('entities/' + encodeURIComponent(id)),
    api('clusters', { entity: id, page: route.params.get('page'), per_page: 50 })]);
  append(box, [el('h1', null, 'Relations of ', link(hash('entity', id), e.name)),
    data.items.map(k => el('div', { class: 'card relation' }, proposition(k), ' ', gradePill(k.grade, k.score),
      el('span', { class: 'muted small' }, ` first reported ${k.first_date || '(undated)'} · ${k.document_count} articles · ${k.independent_sources} independent `),
      link(hash('cluster', k.id), 'chain →'), reasonsList(k.reasons))),
    pager(route, data)]);
}

export async function clusterPage(box, route) {
  const k = await api('clusters/' + encodeURIComponent(route.args[0] || ''));
  const bySeq = new Map(k.claims.map(c => [c.doc_seq, c]));
  const chain = k.chain.map(d => {
    const c = bySeq.get(d.doc_seq);
    return el('li', { class: d.rereport_of_seq ? 'rereport' : 'origin' },
      el('b', null, `${d.idx + 1}. `), link(hash('doc', d.doc_seq), d.title || `article ${d.doc_seq}`),
      d.outlet ? [' (', el('b', null, d.outlet), ')'] : null, ' ', el('span', { class: 'muted' }, d.published || 'undated'), ' ',
      d.rereport_of_seq
        ? el('span', { class: 'small' }, 're-reports ', link(hash('doc', d.rereport_of_seq), d.rereport_of_title || 'an earlier article'),
          d.rereport_of_outlet ? ` (${d.rereport_of_outlet})` : '')
        : pill('independent origin'),
      c ? el('ol', { class: 'chain' }, sourceLine(c)) : null);
  });
  append(box, [
    el('h1', null, 'Claim: ', proposition(k)),
    el('p', null, gradePill(k.grade, k.score), ` evidence points ${Number(k.points).toFixed(2)} · ${k.document_count} articles · ${k.independent_sources} independent sources · first reported ${k.first_date || '(undated)'}`,
      k.first_outlet ? ` by ${k.first_outlet}` : ''),
    el('h2', null, 'Why this grade'), reasonsList(k.reasons) || el('p', { class: 'muted' }, 'No reasons recorded.'),
    el('h2', null, 'Chain of sources, in report order'),
    k.document_count > k.chain.length ? el('p', { class: 'muted small' }, `The first ${k.chain.length} of ${k.document_count} articles.`) : null,
    el('ol', { class: 'chain cluster-chain' }, chain),
    el('h2', null, `Contradictions (${k.contradictions.length})`),
    k.contradictions.length ? el('ul', null, k.contradictions.map(x => el('li', null, pill(x.kind), ` confidence ${Number(x.confidence).toFixed(2)}: `, x.explanation)))
      : el('p', { class: 'muted' }, 'None found.'),
  ]);
}
