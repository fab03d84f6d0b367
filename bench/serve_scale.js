#!/usr/bin/env node
// hearsay serve at the scale of a real corpus (the acceptance of issue 17 on the 10,200
// GossipCop articles): (1) every person of the store is found by the search API under
// their own name; (2) the person page loads in headless chromium in under a second, for
// the most reported people and a fixed sample of the others. Bounded: one pass over the
// people, loopback only.
//
//   node bench/serve_scale.js --hearsay BUILD/hearsay --db STORE [--pages 40]
'use strict';
const path = require('path');
const support = require(path.join(__dirname, '..', 'tests', 'browser', 'serve_support'));

const NAME = 'serve_scale';
const args = support.parseArgs(NAME, { hearsay: '', db: '', pages: '40', chromium: '/usr/bin/chromium' });
if (!args.hearsay || !args.db) support.fail(NAME, 'usage: node bench/serve_scale.js --hearsay BUILD/hearsay --db STORE [--pages 40]');
const chromium = support.loadChromium(NAME, args.chromium);

async function getJson(base, route) {
  const res = await fetch(`${base}/api/${route}`);
  if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
  return res.json();
}

async function everyPersonFound(base) {
  const people = [];
  for (let page = 1; ; ++page) {
    const r = await getJson(base, `entities?type=PERSON&per_page=200&page=${page}`);
    people.push(...r.items);
    if (people.length >= r.total || !r.items.length) break;
  }
  const missing = [];
  let next = 0;
  const t0 = Date.now();
  async function worker() {
    for (let i; (i = next++) < people.length;) {
      const p = people[i];
      // Found: on the result pages of its name (names borne by hundreds of unmerged
      // entities, like a mononym, fill more than one page; at most 10 are read).
      let found = false;
      for (let page = 1; page <= 10 && !found; ++page) {
        const r = await getJson(base, `entities?per_page=200&page=${page}&q=${encodeURIComponent(p.name)}`);
        found = r.items.some(e => e.id === p.id);
        if (page * 200 >= r.total) break;
      }
      if (!found) missing.push(p);
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  console.log(`${NAME}: ${people.length - missing.length} of ${people.length} people found by their name (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  for (const p of missing.slice(0, 10)) console.log(`  not found: ${p.id} ${JSON.stringify(p.name)}`);
  return { people, missing };
}

async function pageLoads(base, people, count) {
  const top = people.slice(0, count / 2);
  const step = Math.max(1, Math.floor(people.length / (count / 2)));
  const sample = people.filter((_, i) => i % step === 0).slice(0, count / 2);
  const browser = await chromium.launch({ executablePath: args.chromium, headless: true, args: support.CHROMIUM_FLAGS });
  const times = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // A cold load each time: a new document (the bundle fetched and compiled again), the
    // person's page, until it is rendered.
    for (const p of [...top, ...sample]) {
      const t0 = Date.now();
      await page.goto(`${base}/?load=${times.length}#/entity/${encodeURIComponent(p.id)}`);
      await page.waitForSelector('main[data-ready="entity"]', { timeout: 20000 });
      times.push({ ms: Date.now() - t0, p });
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a.ms - b.ms);
  const q = f => times[Math.min(times.length - 1, Math.floor(f * times.length))].ms;
  console.log(`${NAME}: person page in chromium, ${times.length} people (${top.length} most reported, ${sample.length} spread over the list): ` +
              `p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${times[times.length - 1].ms} ms (${times[times.length - 1].p.name})`);
  return times[times.length - 1].ms;
}

(async () => {
  const server = await support.startServer(args.hearsay, args.db, ['--rate', '0']);
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const { people, missing } = await everyPersonFound(base);
    const worst = await pageLoads(base, people, Number(args.pages));
    const ok = missing.length === 0 && worst < 1000;
    console.log(`${ok ? 'PASS' : 'FAIL'}: every person found by search; person page under 1 s`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.stop();
  }
})().catch(e => support.fail(NAME, e.stack || String(e)));
