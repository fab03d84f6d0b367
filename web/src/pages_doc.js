// One article: its text with entities, quotes and attributions highlighted, a link to the
// original, and the lists of what was read from it.
import { el, link, hash, pill, externalLink, append } from './dom.js';
import { api } from './api.js';
import { proposition, gradePill, sourceWords, reasonsList } from './words.js';

// Splits the text at every span boundary (byte offsets into the UTF-8 text) and gives each
// piece the classes of the spans covering it. Text goes in as text nodes only.
export function highlightedText(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) {
    s.start = Math.max(0, Math.min(bytes.length, s.start));
    s.end = Math.max(s.start, Math.min(bytes.length, s.end));
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el('div', { class: 'article-text' });
  for (let i = 0; i + 1 < points.length; ++i) {
    const [b, e] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.subarray(b, e));
    const covering = spans.filter(s => s.start <= b && s.end >= e && s.end > s.start);
    if (!covering.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const entity = covering.find(s => s.entity);
    const node = entity ? el('a', { href: hash('entity', entity.entity) }) : el('span');
    node.className = [...new Set(covering.map(s => s.cls))].join(' ');
    const title = covering.map(s => s.title).filter(Boolean).join(' · ');
    if (title) node.setAttribute('title', title);
    node.append(document.createTextNode(piece));
    out.append(node);
  }
  return out;
}

function spansOf(d) {
  const spans = [];
  for (const m of d.mentions) {
    if (m.entity) spans.push({ start: m.start, end: m.end, cls: 'hl-mention', entity: m.entity, title: `${m.type}: ${m.entity_name || ''}` });
  }
  for (const q of d.quotes) {
    spans.push({ start: q.start, end: q.end, cls: 'hl-quote', title: `quote (${q.speaker_kind}: ${q.speaker_text})` });
    if (q.cue_start !== null && q.cue_end > q.cue_start) spans.push({ start: q.cue_start, end: q.cue_end, cls: 'hl-cue', title: 'cue' });
  }
  for (const a of d.attributions) {
    if (a.source_start !== null && a.source_end > a.source_start)
      spans.push({ start: a.source_start, end: a.source_end, cls: 'hl-source', title: `source (${a.source_kind})` });
    if (a.cue_start !== null && a.cue_end > a.cue_start) spans.push({ start: a.cue_start, end: a.cue_end, cls: 'hl-cue', title: 'cue' });
  }
  return spans;
}

function slice(d, start, end) {
  const bytes = new TextEncoder().encode(d.text);
  return new TextDecoder().decode(bytes.subarray(start, end));
}

export async function documentPage(box, route) {
  const d = await api('documents/' + encodeURIComponent(route.args[0] || ''));
  const people = new Map();
  for (const m of d.mentions) if (m.entity && m.entity_name) people.set(m.entity, m.entity_name);
  append(box, [
    el('h1', null, d.title || `article ${d.seq}`),
    el('p', null, d.outlet ? el('b', null, d.outlet) : 'outlet unknown', ' · ', d.published || (d.est_earliest ? `undated (estimated ${d.est_earliest} – ${d.est_latest})` : 'undated'),
      ' · ', el('span', { class: 'muted' }, d.id), ' ', externalLink(d.url, 'original article ↗'),
      d.credibility !== null && d.credibility !== undefined ? [' · article score ', el('b', null, Number(d.credibility).toFixed(2))] : null),
    reasonsList(d.reasons),
    el('p', { class: 'legend small' }, el('span', { class: 'hl-mention' }, 'entity'), el('span', { class: 'hl-quote' }, 'quotation'),
      el('span', { class: 'hl-source' }, 'who is said to speak'), el('span', { class: 'hl-cue' }, 'cue word')),
    highlightedText(d.text, spansOf(d)),
    el('h2', null, `Entities (${people.size})`),
    el('p', null, [...people].map(([id, name], i) => [i ? ', ' : '', link(hash('entity', id), name)])),
    el('h2', null, `Quotes (${d.quotes.length})`),
    el('ul', null, d.quotes.map(q => el('li', null, sourceWords(q), ': ', el('span', { class: 'evidence' }, slice(d, q.start, q.end))))),
    el('h2', null, `Attributions (${d.attributions.length})`),
    el('ul', null, d.attributions.map(a => el('li', null, pill(a.kind), sourceWords(a), a.cue_start !== null ? [' ', el('i', null, slice(d, a.cue_start, a.cue_end))] : null,
      ': ', el('span', { class: 'evidence' }, slice(d, a.content_start, a.content_end))))),
    el('h2', null, `Claims (${d.claims.length})`),
    el('ul', null, d.claims.map(c => el('li', null, proposition(c), ' ', gradePill(c.grade, c.score), ' ', sourceWords(c),
      c.cluster_id ? [' ', link(hash('cluster', c.cluster_id), 'chain →')] : null))),
    d.duplicates.length ? [el('h2', null, 'Near-duplicates'), el('ul', null, d.duplicates.map(x => el('li', null, link(hash('doc', x.seq), x.title), ` similarity ${Number(x.similarity).toFixed(2)}`)))] : null,
  ]);
}
