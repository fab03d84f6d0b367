// hearsay's web UI: hash routes (#/entity/e1, #/cluster/k3, #/doc/12, #/search?q=...), so
// every view has a deep link and the Back button walks the views. Data comes from the JSON
// API of the same server; every list is paged and filtered there.
import { el, clear } from './dom.js';
import { homePage, searchPage, documentsPage, contradictionsPage, outletsPage, outletPage } from './pages_lists.js';
import { entityPage, clusterPage, relationsPage } from './pages_entity.js';
import { documentPage } from './pages_doc.js';

const routes = {
  '': homePage,
  search: searchPage,
  documents: documentsPage,
  doc: documentPage,
  entity: entityPage,
  cluster: clusterPage,
  relations: relationsPage,
  contradictions: contradictionsPage,
  outlets: outletsPage,
  outlet: outletPage,
};

export function parseHash(h) {
  const raw = (h || '').replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || '', args: parts.slice(1), params: new URLSearchParams(query || '') };
}

let renderId = 0;

async function render() {
  const main = document.getElementById('main');
  const route = parseHash(location.hash);
  const page = routes[route.name];
  const id = ++renderId;
  main.removeAttribute('data-ready');
  const box = el('div', { class: 'page', 'data-route': route.name || 'home' });
  clear(main).append(el('p', { class: 'muted' }, 'Loading…'));
  document.getElementById('q').value = route.name === 'search' ? route.params.get('q') || '' : document.getElementById('q').value;
  try {
    if (!page) throw new Error(`no such page: ${route.name}`);
    await page(box, route);
    if (id !== renderId) return;  // a newer navigation replaced this one
    clear(main).append(box);
    if (box.onAttached) box.onAttached();
    main.setAttribute('data-ready', route.name || 'home');
    window.scrollTo(0, 0);
  } catch (e) {
    if (id !== renderId) return;
    clear(main).append(el('p', { class: 'error' }, String(e.message || e)));
    main.setAttribute('data-ready', 'error');
  }
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = '#/search?' + new URLSearchParams({ q });
});
window.addEventListener('hashchange', render);
render();
