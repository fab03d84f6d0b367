// List pages: home, search, articles, contradictions, outlets.
import { el, link, hash, pill, snippet, append } from './dom.js';
import { api } from './api.js';
import { proposition, gradePill, sourceWords } from './words.js';

// "page N of M" with links that keep the other parameters of the route.
export function pager(route, data) {
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  const go = p => {
    const params = new URLSearchParams(route.params);
    params.set('page', p);
    return '#/' + [route.name, ...route.args.map(encodeURIComponent)].join('/') + '?' + params;
  };
  return el('div', { class: 'pager' },
    data.page > 1 ? el('a', { href: go(data.page - 1), rel: 'prev' }, '← previous') : null,
    el('span', { class: 'muted' }, `page ${data.page} of ${pages} · ${data.total} in all`),
    data.page < pages ? el('a', { href: go(data.page + 1), rel: 'next' }, 'next →') : null);
}

function docLine(d) {
  return el('li', null, link(hash('doc', d.seq), d.title || `article ${d.seq}`), ' ',
    d.outlet ? el('b', null, d.outlet) : null, ' ', el('span', { class: 'muted' }, d.published || 'undated'),
    d.snippet ? el('div', { class: 'small' }, snippet(d.snippet)) : null);
}

function entityLine(e) {
  const aliases = (e.aliases || []).filter(a => a !== e.name);
  return el('li', null, link(hash('entity', e.id), e.name), ' ', pill(e.type),
    el('span', { class: 'muted small' }, ` ${e.document_count} articles`),
    aliases.length ? el('span', { class: 'muted small' }, ' · also ', aliases.slice(0, 5).join(', ')) : null);
}

export async function homePage(box) {
  const [stats, people, changes] = await Promise.all([
    api('stats'), api('entities', { type: 'PERSON', per_page: 24 }), api('changes')]);
  append(box, [
    el('h1', null, 'The store'),
    el('p', null, `${stats.documents} articles from ${stats.outlets} outlets · ${stats.entities} entities · ` +
      `${stats.claims} claims in ${stats.clusters} propositions · ${stats.contradictions} contradictions`),
  ]);
  if (changes.runs && changes.runs.length) {
    const r = changes.runs[0];
    const c = r.counts || {};
    box.append(el('div', { class: 'card' }, el('b', null, `New since the run before ${r.started_at || ''}: `),
      ['document', 'claim', 'contradiction', 'first_report'].map(k => `${c[k] || 0} ${k.replace('_', ' ')}s · `),
      el('span', { class: 'muted small' }, `run ${r.id}`)));
  }
  box.append(el('h2', null, 'Most reported people'), el('ul', { class: 'entities' }, people.items.map(entityLine)));
}

export async function searchPage(box, route) {
  const q = route.params.get('q') || '';
  const page = route.params.get('page') || 1;
  const [entities, docs] = await Promise.all([
    api('entities', { q, per_page: 20 }),
    api('search', { q, page }).catch(e => ({ items: [], total: 0, page: 1, per_page: 50, error: e.message }))]);
  append(box, [
    el('h1', null, 'Search: ', q),
    el('h2', null, `People and other entities (${entities.total})`),
    entities.items.length ? el('ul', { class: 'entities' }, entities.items.map(entityLine)) : el('p', { class: 'muted' }, 'No entity by that name or alias.'),
    el('h2', null, `Articles (${docs.total})`),
    docs.error ? el('p', { class: 'error' }, docs.error) : null,
    el('ol', { class: 'documents' }, docs.items.map(docLine)),
    docs.total > docs.per_page ? pager(route, docs) : null,
  ]);
}

export async function documentsPage(box, route) {
  const p = route.params;
  const data = await api('documents', { outlet: p.get('outlet'), from: p.get('from'), to: p.get('to'), q: p.get('q'), page: p.get('page') });
  const form = el('form', { class: 'filters' },
    el('input', { name: 'outlet', placeholder: 'outlet', value: p.get('outlet') || '' }),
    el('input', { name: 'from', type: 'date', value: p.get('from') || '' }),
    el('input', { name: 'to', type: 'date', value: p.get('to') || '' }),
    el('input', { name: 'q', placeholder: 'words in the title', value: p.get('q') || '' }),
    el('button', { class: 'button', type: 'submit' }, 'Filter'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) params.set(k, v);
    location.hash = '#/documents?' + params;
  });
  append(box, [el('h1', null, 'Articles'), form, el('ol', { class: 'documents' }, data.items.map(docLine)), pager(route, data)]);
}

// One side of a contradiction: the proposition and where it was said.
function side(x) {
  if (!x) return el('div', { class: 'card muted' }, 'not found');
  const where = x.ref === 'claim'
    ? el('div', { class: 'small' }, sourceWords(x), ' in ', link(hash('doc', x.doc_seq), x.doc_title || 'article'),
      x.outlet ? [' (', x.outlet, ')'] : null, x.published ? [' ', x.published] : null,
      x.evidence_text ? el('div', { class: 'evidence' }, '“', x.evidence_text, '”') : null)
    : el('div', { class: 'small' }, `${x.document_count} articles, first `, x.first_outlet || '', ' ', x.first_date || '');
  const cluster = x.ref === 'claim' ? x.cluster_id : x.id;
  return el('div', { class: 'card' }, proposition(x), ' ', gradePill(x.grade, x.score), where,
    cluster ? el('div', { class: 'small' }, link(hash('cluster', cluster), 'chain of sources →')) : null);
}

export function contradictionCard(x) {
  return el('div', { class: 'card contradiction' },
    el('div', null, pill(x.kind), ' ', el('b', null, `confidence ${Number(x.confidence).toFixed(2)}`), ' ',
      x.subject_name ? link(hash('entity', x.subject), x.subject_name) : null),
    el('div', { class: 'muted small' }, x.explanation),
    el('div', { class: 'versus' }, side(x.a_detail), el('div', { class: 'vs' }, 'vs'), side(x.b_detail)));
}

export async function contradictionsPage(box, route) {
  const p = route.params;
  const data = await api('contradictions', { kind: p.get('kind'), min_confidence: p.get('min'), entity: p.get('entity'), page: p.get('page') });
  const kinds = el('div', { class: 'filters' }, 'Kind: ',
    ['', 'polarity', 'intra_article', 'exclusive_state', 'age'].map(k => [link('#/contradictions' + (k ? '?kind=' + k : ''), k || 'all'), ' ']));
  append(box, [el('h1', null, 'Contradictions'),
    el('p', { class: 'muted small' }, 'Pairs of claims or propositions that cannot both be true. Confidence (0–1) weighs the evidence on both sides: who says it (on record, the outlet, anonymous), how firmly (asserted, reported, hedged, speculative), how sure the reading is, and whether the times overlap. A contradiction says two reports disagree, not which one is wrong.'),
    kinds, data.items.map(contradictionCard), pager(route, data)]);
}

function edges(list, total) {
  if (!list || !list.length) return el('span', { class: 'muted' }, '—');
  return el('span', { class: 'small' }, list.map((e, i) => [i ? ', ' : '', link(hash('outlet', e.outlet), e.outlet),
    ` ${e.count}`, e.kind !== 'cites' ? ` ${e.kind.replace('_', ' ')}` : '']), total > list.length ? ` … (${total})` : '');
}

export async function outletsPage(box, route) {
  const p = route.params;
  const data = await api('outlets', { q: p.get('q'), page: p.get('page') });
  const form = el('form', { class: 'filters' }, el('input', { name: 'q', placeholder: 'outlet name', value: p.get('q') || '' }),
    el('button', { class: 'button', type: 'submit' }, 'Filter'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/outlets?' + new URLSearchParams({ q: new FormData(form).get('q') });
  });
  const rows = data.items.map(o => el('tr', null,
    el('td', null, link(hash('outlet', o.name), o.name)), el('td', null, o.documents),
    el('td', null, o.first_reports), el('td', null, o.mean_credibility === null || o.mean_credibility === undefined ? '—' : Number(o.mean_credibility).toFixed(2)),
    el('td', null, edges(o.cites, o.cites_total)), el('td', null, edges(o.cited_by, o.cited_by_total))));
  append(box, [el('h1', null, 'Outlets'), form,
    el('table', null, el('thead', null, el('tr', null, ['outlet', 'articles', 'first reports', 'mean article score', 'cites', 'cited by'].map(h => el('th', null, h)))),
      el('tbody', null, rows)), pager(route, data)]);
}

export async function outletPage(box, route) {
  const o = await api('outlets/' + encodeURIComponent(route.args[0] || ''));
  append(box, [el('h1', null, o.name),
    el('p', null, `${o.documents} articles (${o.first_published || '?'} – ${o.last_published || '?'}) · first to report ${o.first_reports} propositions · `,
      link('#/documents?' + new URLSearchParams({ outlet: o.name }), 'its articles')),
    el('h2', null, 'Cites'), edges(o.cites, o.cites.length), el('h2', null, 'Cited by'), edges(o.cited_by, o.cited_by.length),
    el('h2', null, 'Reported first'),
    el('ul', null, o.first_reported.map(k => el('li', null, proposition(k), ' ', gradePill(k.grade, k.score), ' ',
      el('span', { class: 'muted small' }, k.first_date || ''), ' ', link(hash('cluster', k.id), 'chain →'))))]);
}
