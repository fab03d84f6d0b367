// Tags the first N GossipCop train texts with compromise (people, places, organizations)
// and prints tokens/s on one line as JSON. Usage: node compromise_ner.js JSONL N
const fs = require('fs');
const nlp = require('compromise');
const [file, nArg] = process.argv.slice(2);
const n = parseInt(nArg || '500', 10);
const texts = [];
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (texts.length >= n) break;
  if (!line) continue;
  try { const j = JSON.parse(line); if (typeof j.text === 'string') texts.push(j.text); } catch (e) {}
}
let tokens = 0, mentions = 0;
const t0 = process.hrtime.bigint();
for (const t of texts) {
  const doc = nlp(t);
  tokens += doc.terms().length;
  mentions += doc.people().length + doc.places().length + doc.organizations().length;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool: 'compromise', docs: texts.length, tokens, mentions, seconds: s, tokens_per_s: tokens / s }));
