// The 50-rule table bench/processes/aid-level.dmn evaluated with feelin's unaryTest/evaluate, the way a
// JavaScript DMN engine built on feelin does it: input expressions, then every rule's cells (hit policy
// UNIQUE reads the whole table), then the matched rule's output. Same 60 input combinations as
// `dotnet run -c Release --project bench/CaseFlow.Bench -- dmn`. Run: npm ci --ignore-scripts && node feelin-bench.mjs
import { readFileSync } from 'node:fs';
import { evaluate, unaryTest } from 'feelin';

const xml = readFileSync(new URL('../processes/aid-level.dmn', import.meta.url), 'utf8');
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const texts = (block, tag) => [...block.matchAll(new RegExp(`<${tag}[^>]*>\\s*<text>([\\s\\S]*?)</text>`, 'g'))].map((m) => decode(m[1]));
const inputs = texts(xml, 'inputExpression');
const rules = [...xml.matchAll(/<rule [\s\S]*?<\/rule>/g)].map((m) => ({ cells: texts(m[0], 'inputEntry'), output: texts(m[0], 'outputEntry')[0] }));

function decide(variables) {
  const values = inputs.map((e) => evaluate(e, variables).value);
  const matched = rules.filter((rule) => rule.cells.every((cell, i) => cell === '-' || unaryTest(cell, { ...variables, '?': values[i] }).value === true));
  return matched.length === 1 ? evaluate(matched[0].output, variables).value : null;
}

const scopes = [];
for (const cause of ['illness', 'disability', 'disaster', 'unemployment', 'elderly'])
  for (const income of [900, 2400, 4800, 8000, 15000, 30000])
    for (const size of [2, 5]) scopes.push({ 'hardship cause': cause, 'monthly income': income, 'family size': size });

const misses = scopes.filter((s) => decide(s) === null).length;
if (misses > 0) console.error(`warning: ${misses} input combinations matched no rule`);

function time(work, iterations) {
  for (let i = 0; i < iterations / 10; i++) work(i);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) work(i);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / iterations);
  }
  return best;
}

const tableNs = time((i) => decide(scopes[i % scopes.length]), 2_000);
const gatewayVars = { amount: 7500, applicant: { category: 'illness' } };
const gatewayNs = time(() => evaluate('amount > 5000 and applicant.category = "illness"', gatewayVars), 50_000);
const row = (what, ns) => console.log(`${what.padEnd(58)} ${Math.round(1e9 / ns).toLocaleString('en-US').padStart(12)} ${ns.toFixed(1).padStart(12)}`);
console.log(`${'what (feelin ' + JSON.parse(readFileSync(new URL('./node_modules/feelin/package.json', import.meta.url))).version + ')'}`.padEnd(58), 'evals/s'.padStart(12), 'ns/eval'.padStart(12));
row('aid-level.dmn: 50 rules x 3 inputs, hit policy UNIQUE', tableNs);
row('gateway: amount > 5000 and applicant.category = "illness"', gatewayNs);
