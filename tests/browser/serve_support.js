// Shared by the browser tests of `hearsay serve`: starting the real binary on a random
// loopback port, launching Debian's chromium through playwright-core, and failing clearly.
'use strict';
const fs = require('fs');
const { spawn } = require('child_process');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                        '--disable-component-update', '--disable-sync', '--no-first-run'];

function fail(name, message) {
  console.error(`${name}: FAIL: ${message}`);
  process.exit(1);
}

// Reads --key value pairs into a copy of `defaults`; unknown keys fail.
function parseArgs(name, defaults) {
  const args = { ...defaults };
  for (let i = 2; i < process.argv.length; i += 2) {
    const key = process.argv[i].replace(/^--/, '');
    if (!(key in args)) fail(name, `unknown option ${process.argv[i]}`);
    args[key] = process.argv[i + 1];
  }
  return args;
}

function loadChromium(name, chromiumPath) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    fail(name, `playwright-core is not installed in ${__dirname}; run 'make setup' (npm install there)`);
  }
  if (!fs.existsSync(chromiumPath)) fail(name, `${chromiumPath} not found; run 'make setup' (Debian package chromium)`);
  return chromium;
}

// Starts `hearsay serve --db DB --port 0 EXTRA...`; resolves with {port, stop()} once its
// stderr says where it listens.
function startServer(hearsay, db, extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(hearsay, ['serve', '--db', db, '--port', '0', ...(extra || [])], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`hearsay serve did not start: ${log}`)); }, 20000);
    child.stderr.on('data', chunk => {
      log += chunk;
      const m = /at http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), log: () => log, stop: () => new Promise(r => { child.once('exit', r); child.kill('SIGTERM'); }) });
      }
    });
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`hearsay serve exited with ${code}: ${log}`)); });
  });
}

// Records console errors, page errors, failed requests and HTTP errors of a page.
function watchProblems(page, problems) {
  page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', r => problems.push(`failed request: ${r.url()} (${r.failure() && r.failure().errorText})`));
  page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on('dialog', d => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
}

// Navigates to a hash route and waits until the view says it is rendered.
async function openRoute(page, base, route, ready) {
  await page.goto(`${base}/#/${route}`);
  await page.waitForSelector(`main[data-ready="${ready}"]`, { timeout: 15000 });
}

module.exports = { CHROMIUM_FLAGS, fail, parseArgs, loadChromium, startServer, watchProblems, openRoute };
