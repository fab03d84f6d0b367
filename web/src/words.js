// Words for the records of the API: propositions, sources, grades.
import { el, link, hash, pill, externalLink } from './dom.js';

export function predicateWords(p) {
  return String(p || '').replace(/_/g, ' ');
}

function entityLink(id, name, fallback) {
  if (id && name) return link(hash('entity', id), name);
  return name || fallback || '?';
}

// "Tom Cruise · divorced from · Katie Holmes" with links to the people.
export function proposition(x) {
  const object = x.object_name
    ? entityLink(x.object_entity || x.object, x.object_name)
    : (x.object_text || (x.object && !/^e\d+$/.test(x.object) ? x.object : null) || x.value || '');
  const parts = [entityLink(x.subject, x.subject_name, x.subject), ' ', el('b', null, predicateWords(x.predicate))];
  if (object !== '') parts.push(' ', object);
  if (x.value && (x.object_name || x.object_text)) parts.push(' (', x.value, ')');
  if (x.polarity === 'denied') parts.push(' ', pill('denied', 'denied'));
  return el('span', { class: 'proposition' }, parts);
}

export function gradePill(grade, score) {
  if (!grade) return null;
  const text = score === undefined || score === null ? grade : `${grade} ${Number(score).toFixed(2)}`;
  return pill(text, 'grade-' + String(grade).replace(/\s+/g, '-'));
}

// Who said it: a named person (linked), an anonymous source, an outlet, the author.
export function sourceWords(x) {
  const kind = x.source_kind || x.speaker_kind || 'unknown';
  const text = x.source_text || x.speaker_text || '';
  const entity = x.source_entity || x.speaker_entity;
  let who;
  if (kind === 'named') who = entity && x.source_name ? link(hash('entity', entity), x.source_name) : (text || 'a named person');
  else if (kind === 'anonymous') who = text ? `“${text}”` : 'an anonymous source';
  else if (kind === 'outlet') who = text || 'another outlet';
  else if (kind === 'author') who = 'the article itself';
  else who = text || 'unattributed';
  const via = x.source_via_outlet || x.speaker_via_outlet;
  return el('span', { class: 'source' }, pill(kind, 'kind-' + kind), who, via ? [' via ', el('b', null, via)] : null);
}

// One link of a chain: who said it, in which article, via which outlet, when.
export function sourceLine(c) {
  return el('li', { class: 'claim-source' },
    sourceWords(c), ' in ', link(hash('doc', c.doc_seq), c.doc_title || `article ${c.doc_seq}`),
    c.outlet ? [' (', el('b', null, c.outlet), ')'] : null,
    c.published ? [' ', el('span', { class: 'muted' }, c.published)] : null,
    c.modality && c.modality !== 'asserted' ? [' ', pill(c.modality)] : null,
    c.polarity === 'denied' ? [' ', pill('denied', 'denied')] : null,
    ' ', externalLink(c.url, 'original ↗'),
    c.evidence_text ? el('div', { class: 'evidence small' }, '“', c.evidence_text, '”') : null);
}

export function reasonsList(reasons) {
  if (!reasons || !reasons.length) return null;
  return el('ul', { class: 'reasons' }, reasons.map(r => el('li', null, r)));
}

export function timeWords(x) {
  if (x.time_from && x.time_to && x.time_from !== x.time_to) return `${x.time_from} – ${x.time_to}`;
  return x.time_from || x.time_to || '';
}
