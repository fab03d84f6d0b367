// DOM helpers. Every string from an article reaches the page as a text node or an
// attribute value set by setAttribute, never as HTML: nothing in this UI assigns innerHTML.

// el('a', {href: '#/x', class: 'y'}, 'text', child, ...)
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A link inside the app (hash route); parts are encoded.
export function link(route, text, cls) {
  return el('a', { href: route, class: cls }, text);
}

export function hash(...parts) {
  return '#/' + parts.map(p => encodeURIComponent(String(p))).join('/');
}

// A link to the original article: only http(s) URLs become links (a "javascript:" URL
// from an article stays text).
export function externalLink(url, text) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text || url);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function pill(text, cls) {
  return el('span', { class: 'pill ' + (cls || '') }, text);
}

// Text with the search snippet marks STX (start) and ETX (end) shown as <mark> elements.
export function snippet(text) {
  const out = el('span', { class: 'snippet' });
  const parts = String(text || '').split(/([\u0002\u0003])/);
  let inMark = false;
  for (const p of parts) {
    if (p === '\u0002') inMark = true;
    else if (p === '\u0003') inMark = false;
    else if (p) out.append(inMark ? el('mark', null, p) : document.createTextNode(p));
  }
  return out;
}
