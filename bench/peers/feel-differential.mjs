// Differential check of CaseFlow's FEEL against feelin (bpmn.io's FEEL interpreter), on the corpus
// tests/CaseFlow.Workflows.Tests/Feel/Differential/corpus.json. feelin is a second opinion, not an
// authority: `expected` in the corpus is the DMN 1.5 answer; this script shows where CaseFlow or feelin
// depart from it. Run from bench/peers after `npm ci`:
//   node feel-differential.mjs            table of disagreements + summary line
//   node feel-differential.mjs --record   also rewrite the corpus' `feelin` fields from this run
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { evaluate } from 'feelin';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpusPath = `${root}tests/CaseFlow.Workflows.Tests/Feel/Differential/corpus.json`;
const record = process.argv.includes('--record');
const feelinVersion = JSON.parse(readFileSync(new URL('./node_modules/feelin/package.json', import.meta.url), 'utf8')).version;

// Numbers are kept as their source text ({ num: '0.3' }): JSON.parse would turn CaseFlow's 28-digit
// decimals and the spec's 34-digit ones into doubles and hide exactly the differences we look for.
class Num { constructor(text) { this.num = text; } }
function parseJson(text) {
  let i = 0;
  const ws = () => { while (/\s/.test(text[i])) i++; };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; const o = {}; ws();
      if (text[i] === '}') { i++; return o; }
      for (;;) { ws(); const k = value(); ws(); i++; o[k] = value(); ws(); if (text[i++] === '}') return o; }
    }
    if (c === '[') {
      i++; const a = []; ws();
      if (text[i] === ']') { i++; return a; }
      for (;;) { a.push(value()); ws(); if (text[i++] === ']') return a; }
    }
    if (c === '"') {
      const start = i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      return JSON.parse(text.slice(start, ++i));
    }
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) throw new Error(`bad JSON at ${i}: ${text.slice(i, i + 20)}`);
    i += m[0].length;
    return m[1] === 'true' ? true : m[1] === 'false' ? false : m[1] === 'null' ? null : new Num(m[0]);
  };
  return value();
}

function stringify(v) {
  if (v instanceof Num) return v.num;
  if (Array.isArray(v)) return `[${v.map(stringify).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${stringify(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

// A decimal's value as sign, digits and exponent without redundant zeros, so 1.50 and 1.5 and 15E-1 agree.
function canonical(text) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  let digits = m[2] + (m[3] ?? '');
  let exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  digits = digits.replace(/^0+/, '');
  if (digits === '') return '0';
  while (digits.endsWith('0')) { digits = digits.slice(0, -1); exponent++; }
  return `${m[1]}${digits}e${exponent}`;
}

function same(a, b) {
  if (a instanceof Num || b instanceof Num) return a instanceof Num && b instanceof Num && canonical(a.num) === canonical(b.num);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => same(x, b[k]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && same(a[k], b[k]));
  }
  return a === b;
}

// feelin's values in the corpus' JSON conventions: temporal values and ranges as their FEEL strings.
function fromFeelin(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? new Num(String(v)) : String(v);
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(fromFeelin);
  const kind = v.constructor?.name;
  if (kind === 'FeelRange') return rangeText(v);
  if (kind === 'FeelFunction' || typeof v === 'function') return `function(${(v.parameterNames ?? []).join(', ')})`;
  if (kind && kind !== 'Object' && typeof v.toString === 'function') return v.toString();
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromFeelin(x)]));
}
// The corpus' variables as feelin receives them from a host: plain JSON, numbers as doubles.
function toNative(v) {
  if (v instanceof Num) return Number(v.num);
  if (Array.isArray(v)) return v.map(toNative);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNative(x)]));
  return v;
}
function rangeText(r) {
  const end = (x) => (x === null || x === undefined ? '' : stringify(fromFeelin(x)));
  return `${r['start included'] ? '[' : '('}${end(r.start)}..${end(r.end)}${r['end included'] ? ']' : ')'}`;
}

const corpusText = readFileSync(corpusPath, 'utf8');
const corpus = parseJson(corpusText);

const caseflowOut = execFileSync('dotnet', ['run', '--project', `${root}bench/CaseFlow.Bench`, '--', 'feel-eval', corpusPath],
  { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
const caseflow = new Map(caseflowOut.trim().split('\n').map(parseJson).map((r) => [r.id, r]));

const rows = [];
const counts = { entries: corpus.length, allAgree: 0, caseflowWrong: 0, caseflowLimitation: 0, feelinWrong: 0, feelinThrew: 0 };
for (const entry of corpus) {
  let feelin;
  try {
    feelin = fromFeelin(evaluate(entry.expression, toNative(entry.context ?? {})).value);
  } catch (e) {
    feelin = `error: ${e.message.split('\n')[0]}`;
    counts.feelinThrew++;
  }
  if (record) entry.feelin = feelin;
  const cf = caseflow.get(entry.id);
  const cfValue = cf ? cf.value : 'missing';
  const cfOk = same(cfValue, entry.expected), feelinOk = same(feelin, entry.expected);
  if (cfOk && feelinOk) { counts.allAgree++; continue; }
  if (!cfOk) counts[entry.caseflowLimitation ? 'caseflowLimitation' : 'caseflowWrong']++;
  if (!feelinOk) counts.feelinWrong++;
  rows.push([entry.id, stringify(entry.expected), (cfOk ? '' : entry.caseflowLimitation ? 'LIMIT ' : 'WRONG ') + stringify(cfValue),
    (feelinOk ? '' : 'DIFF ') + stringify(feelin)]);
}

if (rows.length > 0) {
  const header = ['id', 'expected (DMN 1.5)', 'CaseFlow', `feelin ${feelinVersion}`];
  const clip = (s) => (s.length > 48 ? `${s.slice(0, 45)}...` : s);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => clip(r[c]).length)));
  const line = (r) => r.map((s, c) => clip(s).padEnd(widths[c])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
}
console.log(`${counts.entries} entries: ${counts.allAgree} all agree; CaseFlow differs from the spec in ${counts.caseflowWrong}` +
  ` (+${counts.caseflowLimitation} known limitation); feelin differs in ${counts.feelinWrong} (${counts.feelinThrew} threw)`);

if (record) {
  const lines = corpus.map((e) => `  ${stringify(e)}`);
  writeFileSync(corpusPath, `[\n${lines.join(',\n')}\n]\n`);
  console.log(`recorded feelin results into ${corpusPath}`);
}
process.exitCode = counts.caseflowWrong > 0 ? 1 : 0;
