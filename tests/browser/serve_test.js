#!/usr/bin/env node
// Browser test of `hearsay serve`: builds a store from the seed articles (read in place
// from ../shared/seeds) and the project's examples/, serves it on a random loopback port
// and drives Debian's chromium (headless, fresh profile) through the UI:
//   * the search box finds the seeds' most reported person; his page shows the relation
//     graph, relations with the sources behind each, the timeline and the contradictions;
//   * a claim's chain of sources opens from it, and the Back button returns to the page;
//   * the contradictions page and an article view (highlights, original link) render;
//   * deep links open a view directly;
//   * a hostile article (script and onerror payloads in title, text, names, outlet and a
//     javascript: URL) is ingested through the API and shown on every view without
//     running anything (window.__pwned stays unset, no dialog, no injected element);
//   * no console error, page error or failed request.
// Saves screenshots of the person page, the claim chain and the contradictions page.
//
//   node serve_test.js --hearsay BUILD/hearsay [--shared ../shared] [--screens DIR]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { CHROMIUM_FLAGS, fail: failWith, parseArgs, loadChromium, startServer, watchProblems, openRoute } = require('./serve_support');

const NAME = 'serve browser test';
const fail = m => failWith(NAME, m);
const args = parseArgs(NAME, { hearsay: '', shared: path.join(__dirname, '..', '..', '..', 'shared'), screens: '.', chromium: '/usr/bin/chromium' });
if (!args.hearsay) fail('usage: node serve_test.js --hearsay PATH [--shared DIR] [--screens DIR]');
const chromium = loadChromium(NAME, args.chromium);
const seeds = path.join(args.shared, 'seeds');
if (!fs.existsSync(seeds)) fail(`${seeds} not found: this test reads the seed articles in place`);

const TOKEN = 'browser-test-token';
// Every place an article's words reach the page carries a payload that would set
// window.__pwned if it ran as HTML or as a URL.
const PAYLOAD_SCRIPT = '<script>window.__pwned=1</script>';
const PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">';
const HOSTILE = {
  id: 'hostile-1',
  title: `Quillon Varga ${PAYLOAD_IMG} weds Tamsin Orrell ${PAYLOAD_SCRIPT}`,
  outlet: `Gazette<svg onload=window.__pwned=1>`,
  published: '2026-03-04',
  url: 'javascript:window.__pwned=1',
  text: `Quillon Varga${PAYLOAD_IMG}, 38, married Tamsin Orrell${PAYLOAD_SCRIPT} on Saturday, a source told the Gazette. ` +
        `"It was lovely ${PAYLOAD_IMG}," said Tamsin Orrell. Quillon Varga and Tamsin Orrell met in 2019. ` +
        `Zyphra Kell<img src=y onerror=window.__pwned=1> said Quillon Varga is "over the moon".`,
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-serve-browser-'));
const out = path.join(tmp, 'out');
try {
  execFileSync(args.hearsay, ['analyze', seeds, path.join(__dirname, '..', '..', 'examples'), '--out', out, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
} catch (e) {
  if (e.status !== 3) fail(`hearsay analyze exited with ${e.status}`);
}

async function ingestHostile(port) {
  const res = await fetch(`http://127.0.0.1:${port}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(HOSTILE) });
  const body = await res.json();
  if (res.status !== 200 || body.documents_added !== 1) fail(`ingest of the hostile article: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.documents[0].doc_seq;
}

async function getJson(port, route) {
  const res = await fetch(`http://127.0.0.1:${port}/api/${route}`);
  return res.json();
}

async function pwned(page) {
  return page.evaluate(() => ({
    flag: window.__pwned,
    scripts: document.querySelectorAll('script').length,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
    jsLinks: document.querySelectorAll('a[href^="javascript"], a[href^="JAVASCRIPT"]').length,
    imgs: document.querySelectorAll('main img, main svg').length,
  }));
}

async function checkClean(page, where, problems) {
  await page.waitForTimeout(150);
  const p = await pwned(page);
  if (p.flag !== undefined) problems.push(`${where}: window.__pwned was set: a payload ran`);
  if (p.scripts !== 1) problems.push(`${where}: ${p.scripts} script elements (only app.js expected)`);
  if (p.handlers) problems.push(`${where}: ${p.handlers} elements with inline event handlers`);
  if (p.jsLinks) problems.push(`${where}: ${p.jsLinks} javascript: links`);
  if (p.imgs) problems.push(`${where}: ${p.imgs} img/svg elements from article data`);
}

async function personChecks(page, problems) {
  const relations = await page.locator('.relation').count();
  if (!relations) problems.push('person page: no relation shown');
  const sources = await page.locator('.relation .claim-source').count();
  if (sources < relations) problems.push(`person page: ${sources} sources for ${relations} relations`);
  if (!(await page.locator('#graph canvas').count())) problems.push('person page: the relation graph has no canvas');
  if (!(await page.locator('.timeline > li').count())) problems.push('person page: the timeline is empty');
  if (!(await page.locator('.contradiction').count())) problems.push('person page: no contradiction shown');
  // The graph's labels (names with their relations) must not cover each other.
  const graph = await page.locator('#graph').evaluate(g => {
    const boxes = g.graph.nodes().map(n => ({ label: n.data('label'), b: n.renderedBoundingBox({ includeLabels: true }) }));
    const overlaps = [];
    for (let i = 0; i < boxes.length; ++i)
      for (let j = i + 1; j < boxes.length; ++j) {
        const a = boxes[i].b, b = boxes[j].b;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(`${boxes[i].label} / ${boxes[j].label}`);
      }
    return { nodes: boxes.length, overlaps, related: boxes.filter(x => (x.label || '').includes('\n')).length };
  });
  if (graph.nodes < 2 || graph.related !== graph.nodes - 1) problems.push(`person page: graph has ${graph.nodes} nodes, ${graph.related} labelled with a relation`);
  if (graph.overlaps.length) problems.push(`person page: graph labels overlap: ${graph.overlaps.slice(0, 3).join('; ')}`);
  return relations;
}

(async () => {
  const problems = [];
  const server = await startServer(args.hearsay, path.join(out, 'hearsay.db'), ['--allow-ingest', '--token', TOKEN, '--jobs', '1']);
  const base = `http://127.0.0.1:${server.port}`;
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: args.chromium, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 1000 } });
  try {
    const hostileSeq = await ingestHostile(server.port);
    const page = context.pages()[0] || await context.newPage();
    watchProblems(page, problems);
    fs.mkdirSync(args.screens, { recursive: true });

    // Search box -> the person's page.
    await openRoute(page, base, '', 'home');
    await page.fill('#q', 'Tom Cruise');
    await page.press('#q', 'Enter');
    await page.waitForSelector('main[data-ready="search"]');
    const t0 = Date.now();
    await page.locator('ul.entities a', { hasText: 'Tom Cruise' }).first().click();
    await page.waitForSelector('main[data-ready="entity"] #graph canvas');
    const loadMs = Date.now() - t0;
    const personHash = new URL(page.url()).hash;
    const relations = await personChecks(page, problems);
    await page.locator('.relation details').first().evaluate(d => { d.open = true; });
    // The first screen (graph, contradictions, the first relations with their sources) and
    // the whole page (every relation and the timeline).
    await page.setViewportSize({ width: 1280, height: 1700 });
    await page.screenshot({ path: path.join(args.screens, 'serve_person.png'), fullPage: false });
    await page.screenshot({ path: path.join(args.screens, 'serve_person_full.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });

    // A claim chain, then Back.
    await page.locator('.relation a', { hasText: 'chain →' }).first().click();
    await page.waitForSelector('main[data-ready="cluster"]');
    if (!(await page.locator('.cluster-chain > li').count())) problems.push('claim chain: no link in the chain');
    if (!(await page.locator('ul.reasons li').count())) problems.push('claim chain: no credibility reason');
    await page.screenshot({ path: path.join(args.screens, 'serve_chain.png'), fullPage: true });
    await page.goBack();
    await page.waitForSelector('main[data-ready="entity"]');
    if (new URL(page.url()).hash !== personHash) problems.push(`Back from the chain went to ${page.url()}, not the person page`);

    // Contradictions page from the navigation.
    await page.click('header nav a[href="#/contradictions"]');
    await page.waitForSelector('main[data-ready="contradictions"]');
    if (!(await page.locator('.contradiction').count())) problems.push('contradictions page: empty');
    await page.screenshot({ path: path.join(args.screens, 'serve_contradictions.png'), fullPage: false });

    // An article: highlights and no link for a non-http URL.
    await openRoute(page, base, 'doc/1', 'doc');
    if (!(await page.locator('.article-text .hl-mention').count())) problems.push('article view: no entity highlighted');
    if (!(await page.locator('.article-text .hl-quote').count())) problems.push('article view: no quotation highlighted');

    // Deep link in a fresh tab.
    const deep = await context.newPage();
    watchProblems(deep, problems);
    await deep.goto(`${base}/${personHash}`);
    await deep.waitForSelector('main[data-ready="entity"]');
    await deep.close();

    // The hostile article on every view.
    const routes = [[`doc/${hostileSeq}`, 'doc'], ['search?q=Quillon', 'search'], ['outlets', 'outlets'], ['documents', 'documents'],
                    ['contradictions', 'contradictions']];
    const people = await getJson(server.port, 'entities?q=Quillon');
    for (const e of people.items) routes.push([`entity/${encodeURIComponent(e.id)}`, 'entity']);
    const outlets = await getJson(server.port, 'outlets?q=Gazette');
    for (const o of outlets.items) routes.push([`outlet/${encodeURIComponent(o.name)}`, 'outlet']);
    const claims = await getJson(server.port, `claims?entity=${people.items.length ? people.items[0].id : 'none'}`);
    for (const c of claims.items.slice(0, 2)) if (c.cluster_id) routes.push([`cluster/${c.cluster_id}`, 'cluster']);
    for (const [route, ready] of routes) {
      await openRoute(page, base, route, ready);
      await checkClean(page, route, problems);
    }
    await openRoute(page, base, `doc/${hostileSeq}`, 'doc');
    const shown = await page.locator('main').innerText();
    if (!shown.includes('<script>window.__pwned=1</script>')) problems.push('the hostile article: its <script> text is not shown as text');
    if (!shown.includes('onerror=')) problems.push('the hostile article: its onerror= text is not shown as text');
    if (await page.locator('main a', { hasText: 'original article' }).count()) problems.push('a javascript: URL became a link');

    console.log(`${NAME}: person page with ${relations} relations loaded in ${loadMs} ms after the click`);
    console.log(`${NAME}: screenshots ${['serve_person.png', 'serve_person_full.png', 'serve_chain.png', 'serve_contradictions.png'].map(f => path.resolve(args.screens, f)).join(', ')}`);
  } finally {
    await context.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length) fail('\n  ' + problems.join('\n  '));
  console.log(`${NAME}: ok (search, person page, chain, Back, contradictions, article, deep link; the hostile article ran nothing)`);
})().catch(e => fail(e.stack || String(e)));
