// Web app speed: bundle sizes, and how long the inbox and the designer (with a 200-element process) take to
// become usable in Debian's Chromium against a real service. Prints numbers; asserts nothing.
//
//   cd src/Designer && npm run build && cd ../.. && dotnet build src/Engine/CaseFlow.Engine -c Release
//   node bench/web/measure.mjs [--runs 7]
//
// "Ready" is the time from navigation start until the page's content is on screen and its controls respond:
// the inbox's list (or its empty state) is rendered; the designer's canvas holds every element of the process and
// the properties panel is shown. "Long tasks" sums the main thread's tasks over 50 ms until then (total blocking
// time is that minus 50 ms each). Each run uses a fresh browser context: a cold HTTP cache, as on a first visit;
// "warm" loads the page once more in that context, as a returning user does.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ADMIN_PASSWORD, apiClient, designerDir, launchBrowser, newPage, startService } from '../../src/Designer/browser-tests/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

async function bundleSizes() {
  const dir = path.join(designerDir, 'dist/assets');
  const files = [];
  for (const name of await readdir(dir)) {
    const full = path.join(dir, name);
    const raw = (await stat(full)).size;
    const gzip = /\.(js|css)$/.test(name) ? gzipSync(await readFile(full)).length : raw;
    files.push({ name, raw, gzip });
  }
  files.sort((a, b) => b.raw - a.raw);
  return files;
}

/** A 200-element process: start, 99 user tasks in rows of ten, end, and the 100 flows between them, with DI. */
export function bigProcess(id) {
  const tasks = 99;
  const x = (i) => 150 + (i % 10) * 160;
  const y = (i) => 100 + Math.floor(i / 10) * 120;
  const shapes = [`<bpmn:startEvent id="start" />`];
  const di = [`<bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="${x(0) - 100}" y="${y(0) + 22}" width="36" height="36" /></bpmndi:BPMNShape>`];
  const flows = [];
  const ids = ['start'];
  for (let i = 0; i < tasks; i++) {
    const task = `task_${i + 1}`;
    ids.push(task);
    shapes.push(`<bpmn:userTask id="${task}" name="Step ${i + 1}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="caseworker" /></bpmn:extensionElements></bpmn:userTask>`);
    di.push(`<bpmndi:BPMNShape id="${task}_di" bpmnElement="${task}"><dc:Bounds x="${x(i)}" y="${y(i)}" width="100" height="80" /></bpmndi:BPMNShape>`);
  }
  ids.push('end');
  shapes.push(`<bpmn:endEvent id="end" />`);
  di.push(`<bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="${x(tasks - 1) + 160}" y="${y(tasks - 1) + 22}" width="36" height="36" /></bpmndi:BPMNShape>`);
  const centre = (id) => {
    if (id === 'start') return [x(0) - 82, y(0) + 40];
    if (id === 'end') return [x(tasks - 1) + 178, y(tasks - 1) + 40];
    const i = Number(id.split('_')[1]) - 1;
    return [x(i) + 50, y(i) + 40];
  };
  for (let i = 0; i < ids.length - 1; i++) {
    const flow = `flow_${i + 1}`;
    flows.push(`<bpmn:sequenceFlow id="${flow}" sourceRef="${ids[i]}" targetRef="${ids[i + 1]}" />`);
    const [x1, y1] = centre(ids[i]);
    const [x2, y2] = centre(ids[i + 1]);
    di.push(`<bpmndi:BPMNEdge id="${flow}_di" bpmnElement="${flow}"><di:waypoint x="${x1}" y="${y1}" /><di:waypoint x="${x2}" y="${y2}" /></bpmndi:BPMNEdge>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_${id}" targetNamespace="http://caseflow.example/bench">
  <bpmn:process id="${id}" name="Bench: 200 elements" isExecutable="true">
    ${shapes.join('\n    ')}
    ${flows.join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_${id}"><bpmndi:BPMNPlane id="plane_${id}" bpmnElement="${id}">
    ${di.join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

async function measure(browser, service, route, ready) {
  const page = await newPage(browser);
  // Signed in through the API (the context's cookie jar), so no page of the app is in the HTTP cache yet.
  const signedIn = await page.request.post(`${service.url}/api/auth/sign-in`, { data: { userName: 'admin', password: ADMIN_PASSWORD } });
  if (!signedIn.ok()) throw new Error(`sign-in: ${signedIn.status()}`);
  const bytes = { js: 0, css: 0 };
  const chunks = new Set();
  // Bytes on the wire, compressed as the service sent them: Chromium's own count (DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  const urls = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const u = new URL(urls.get(e.requestId) ?? 'about:blank');
    if (!u.pathname.startsWith('/assets/')) return;
    if (u.pathname.endsWith('.js')) bytes.js += e.encodedDataLength;
    if (u.pathname.endsWith('.css')) bytes.css += e.encodedDataLength;
    chunks.add(path.basename(u.pathname));
  });
  await cdp.send('Network.enable');
  await page.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks += e.duration; })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(service.url + route, { waitUntil: 'commit' });
  await ready(page);
  const readyAt = await page.evaluate(() => performance.now());
  const longTasks = await page.evaluate(() => window.__longTasks);
  const transferred = { js: bytes.js, css: bytes.css, chunks: [...chunks] };
  // The same page again: a returning user's load, every asset from the HTTP cache (immutable for a year).
  await page.goto(service.url + route, { waitUntil: 'commit' });
  await ready(page);
  const warm = await page.evaluate(() => performance.now());
  await page.context().close();
  return { ready: readyAt, warm, longTasks, ...transferred };
}

async function main() {
  const files = await bundleSizes();
  console.log('Bundle (src/Designer/dist/assets), largest first:');
  for (const f of files.slice(0, 14)) console.log(`  ${f.name.padEnd(44)} ${kb(f.raw).padStart(8)}  gzip ${kb(f.gzip).padStart(7)}`);
  const total = files.reduce((s, f) => s + f.raw, 0);
  const totalGzip = files.reduce((s, f) => s + f.gzip, 0);
  console.log(`  ${'all assets'.padEnd(44)} ${kb(total).padStart(8)}  gzip ${kb(totalGzip).padStart(7)}`);

  const [service, browser] = await Promise.all([startService(), launchBrowser()]);
  try {
    const admin = await apiClient(service);
    await admin.post('/api/definitions', bigProcess('bench-200'), { contentType: 'application/xml' });

    const scenarios = [
      {
        name: 'inbox', route: '/inbox',
        ready: async (page) => {
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.locator('.ant-table-tbody, .ant-empty, .ant-list').first().waitFor();
          await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => {});
        },
      },
      {
        name: 'designer, 200 elements', route: '/designer/processes/bench-200',
        ready: async (page) => {
          await page.waitForFunction(() => document.querySelectorAll('.djs-container .djs-element').length >= 200, null, { timeout: 60_000 });
          await page.locator('.bio-properties-panel, .bio-properties-panel-placeholder').first().waitFor();
        },
      },
    ];
    for (const scenario of scenarios) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await measure(browser, service, scenario.route, scenario.ready));
      const last = results.at(-1);
      console.log(`\n${scenario.name} (${scenario.route}), ${runs} cold loads:`);
      console.log(`  ready        median ${median(results.map((r) => r.ready)).toFixed(0)} ms   (min ${Math.min(...results.map((r) => r.ready)).toFixed(0)}, max ${Math.max(...results.map((r) => r.ready)).toFixed(0)})`);
      console.log(`  warm ready   median ${median(results.map((r) => r.warm)).toFixed(0)} ms   (the second load, assets cached)`);
      console.log(`  long tasks   median ${median(results.map((r) => r.longTasks)).toFixed(0)} ms`);
      console.log(`  downloaded   ${kb(last.js)} JS, ${kb(last.css)} CSS (as transferred) in ${last.chunks.length} files`);
      console.log(`  chunks       ${last.chunks.sort().join(' ')}`);
    }
  } finally {
    await browser.close();
    await service.stop();
  }
}

await main();
