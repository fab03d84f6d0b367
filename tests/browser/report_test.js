#!/usr/bin/env node
// Browser test of the web report: runs `hearsay analyze` on the seed articles (read in
// place from ../shared/seeds), opens the report's index.html in Debian's chromium
// (headless, fresh profile, no network use) and checks that
//   * no console error, page error or failed request happens;
//   * the document list shows one entry per document of hearsay.json (4 for the seeds);
//   * clicking a document in the list shows that document's text, and only it;
//   * each corpus tab (claims, contradictions, sources, entities, calibration) shows its
//     view alone, with one table row per record of hearsay.json, and a claim's chain links
//     open the article;
// then saves a screenshot.
//
//   node report_test.js --hearsay BUILD/hearsay [--shared ../shared] [--screenshot out.png]
//
// Without ../shared the test fails, unless HEARSAY_NO_SHARED=1: then it reads examples/.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function fail(message) {
  console.error(`browser test: FAIL: ${message}`);
  process.exit(1);
}

const args = { shared: path.join(__dirname, '..', '..', '..', 'shared'), screenshot: 'report.png',
               chromium: '/usr/bin/chromium' };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in args) && key !== 'hearsay') fail(`unknown option ${process.argv[i]}`);
  args[key] = process.argv[i + 1];
}
if (!args.hearsay) fail('usage: node report_test.js --hearsay PATH [--shared DIR] [--screenshot FILE]');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  fail(`playwright-core is not installed in ${__dirname}; run 'make setup' (npm install there)`);
}
if (!fs.existsSync(args.chromium)) fail(`${args.chromium} not found; run 'make setup' (Debian package chromium)`);

// Input: the seeds, or the project's own examples when ../shared is knowingly absent.
const seeds = path.join(args.shared, 'seeds');
let input = seeds;
let expectDocs = 4;
if (!fs.existsSync(seeds)) {
  if (process.env.HEARSAY_NO_SHARED !== '1')
    fail(`${seeds} not found: the browser test reads the seed articles in place ` +
         '(set HEARSAY_NO_SHARED=1 to run it on examples/ instead)');
  input = path.join(__dirname, '..', '..', 'examples');
  expectDocs = null;
  console.log(`browser test: no shared folder, using ${input}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-browser-'));
const out = path.join(tmp, 'report');
try {
  execFileSync(args.hearsay, ['analyze', input, '--out', out, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
} catch (e) {
  if (e.status !== 3) fail(`hearsay analyze ${input} exited with ${e.status}`);
}
const report = JSON.parse(fs.readFileSync(path.join(out, 'hearsay.json'), 'utf8'));
if (expectDocs !== null && report.documents.length !== expectDocs)
  fail(`hearsay.json has ${report.documents.length} documents, expected ${expectDocs}`);

const norm = s => s.replace(/\s+/g, ' ').trim();

(async () => {
  const problems = [];
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: args.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', r => problems.push(`failed request: ${r.url()} (${r.failure() && r.failure().errorText})`));
    page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });

    await page.goto('file://' + path.join(out, 'index.html'), { waitUntil: 'load' });

    // The document list: one link per document.
    const links = page.locator('nav li a');
    const count = await links.count();
    if (count !== report.documents.length)
      problems.push(`document list shows ${count} entries, hearsay.json has ${report.documents.length} documents`);

    // Click each document (last first, so the click changes what is shown) and check that
    // its text, and no other document's, is visible.
    for (let i = count - 1; i >= 0; --i) {
      const link = links.nth(i);
      const label = norm(await link.innerText());
      const doc = report.documents.find(d => label.startsWith(norm(d.title)));
      if (!doc) { problems.push(`list entry "${label.slice(0, 60)}" matches no document title`); continue; }
      await link.click();
      const shown = page.locator('section.doc:visible');
      const n = await shown.count();
      if (n !== 1) { problems.push(`after clicking "${doc.title.slice(0, 40)}": ${n} documents shown, expected 1`); continue; }
      const text = norm(await shown.first().innerText());
      // The longest line of the document's text (a body paragraph) must be on screen.
      const body = (doc.text || '').split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
      const probe = norm(body).slice(0, 80);
      if (!probe) problems.push(`document ${doc.id} has no text in hearsay.json`);
      else if (!text.includes(probe)) problems.push(`after clicking "${doc.title.slice(0, 40)}": its text "${probe}" is not shown`);
      for (const other of report.documents) {
        if (other === doc) continue;
        const p = norm((other.text || '').split('\n').reduce((a, b) => (b.length > a.length ? b : a), '')).slice(0, 80);
        if (p && text.includes(p)) problems.push(`after clicking "${doc.title.slice(0, 40)}": text of ${other.id} is shown too`);
      }
    }
    // The corpus views: each tab shows its view alone; the claims table has one row per
    // cluster, and a link in a claim's chain opens that article.
    for (const [view, key] of [['claims', 'clusters'], ['contradictions', 'contradictions'], ['sources', 'provenance'],
                               ['entities', 'entities']]) {
      await page.click(`.tabs button[data-view="${view}"]`);
      const visible = await page.locator('.view:visible').count();
      if (visible !== 1 || !(await page.locator(`#view-${view}`).isVisible()))
        problems.push(`tab ${view}: ${visible} views visible, expected only #view-${view}`);
      const rows = await page.locator(`#${view}-table tr`).count() - 1;
      if (rows !== Math.min(report[key].length, 3000))
        problems.push(`tab ${view}: ${rows} rows, hearsay.json has ${report[key].length} ${key}`);
    }
    if (report.clusters.length) {
      await page.click('.tabs button[data-view="claims"]');
      const link = page.locator('#claims-table tr').nth(1).locator('ol.chain a').first();
      const target = (await link.getAttribute('href')).slice(1);
      await link.click();
      if (!(await page.locator(`section#${target}`).isVisible()))
        problems.push(`clicking an article in a claim's chain does not open it (${target})`);
    }
    await page.click('.tabs button[data-view="calibration"]');
    if (!(await page.locator('#view-calibration').isVisible())) problems.push('the calibration tab shows nothing');

    // Leave the first document open for the screenshot.
    await page.click('.tabs button[data-view="articles"]');
    if (count > 0) await links.first().click();
    fs.mkdirSync(path.dirname(path.resolve(args.screenshot)), { recursive: true });
    await page.screenshot({ path: args.screenshot, fullPage: false });
    console.log(`browser test: screenshot ${path.resolve(args.screenshot)}`);
  } finally {
    await context.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length) fail('\n  ' + problems.join('\n  '));
  console.log(`browser test: ok (${report.documents.length} documents, each shown on click; no console errors or failed requests)`);
})().catch(e => fail(e.stack || String(e)));
