// Peer for bench/web_vs_readability.sh: Mozilla Readability on jsdom over the pages of the
// web-extraction development set. Writes {seconds, texts: {file: title + "\n" + textContent}}
// to stdout; seconds covers parsing (jsdom) and extraction, one core, pages in memory,
// mean of ROUNDS rounds.  Usage: node readability.js DIR [ROUNDS]
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const dir = process.argv[2];
const rounds = Math.max(1, parseInt(process.argv[3] || '1', 10));
const expect = JSON.parse(fs.readFileSync(dir + '/expectations.json', 'utf8'));
const pages = Object.keys(expect).sort().map((name) => ({
  name, html: zlib.gunzipSync(fs.readFileSync(dir + '/pages/' + name + '.gz')).toString('utf8'),
}));
const quiet = new VirtualConsole();
const texts = {};
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const p of pages) {
    let text = '';
    try {
      const dom = new JSDOM(p.html, { virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      if (article) text = (article.title || '') + '\n' + (article.textContent || '');
      dom.window.close();
    } catch (e) {
      text = '';
    }
    if (r === 0) texts[p.name] = text;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9 / rounds;
process.stdout.write(JSON.stringify({ seconds, texts }));
