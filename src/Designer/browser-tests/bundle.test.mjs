// The production bundle is split: the workspace's pages never download the modelers (bpmn-js' Modeler with its
// palette and properties panel, form-js' editor, dmn-js). Each modeler is recognised by a class name only its
// own code contains; the designer page is the control that shows the markers are found when they are there.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD, launchBrowser, newPage, signIn, startService } from './harness.mjs';

const MODELER_MARKERS = {
  'bpmn-js Modeler (palette)': 'djs-palette',
  'properties panel': 'bio-properties-panel',
  'form-js editor': 'fjs-palette',
  'dmn-js decision table': 'tjs-container',
};

let service;
let browser;
before(async () => {
  [service, browser] = await Promise.all([startService(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await service?.stop();
});

/** Visits the routes in one signed-in page and returns the text of every script the browser downloaded. */
async function scriptsLoadedBy(routes, ready) {
  const page = await newPage(browser);
  const scripts = new Map();
  page.on('response', async (response) => {
    const u = new URL(response.url());
    if (u.pathname.endsWith('.js')) scripts.set(u.pathname, await response.text().catch(() => ''));
  });
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  for (const route of routes) {
    await page.goto(service.url + route);
    await ready(page);
  }
  await page.context().close();
  return scripts;
}

function markersIn(scripts) {
  return Object.entries(MODELER_MARKERS)
    .filter(([, marker]) => [...scripts.values()].some((text) => text.includes(marker)))
    .map(([name]) => name);
}

test('the workspace pages download none of the modelers', async () => {
  const scripts = await scriptsLoadedBy(['/inbox', '/hotline', '/cases'], (page) => page.getByRole('heading', { level: 1 }).waitFor());
  assert.ok(scripts.size > 0);
  assert.deepEqual(markersIn(scripts), []);
});

test('the process designer downloads the BPMN modeler and its properties panel', async () => {
  const scripts = await scriptsLoadedBy(['/designer/processes/hardship-aid'], (page) => page.locator('.djs-container').waitFor());
  const found = markersIn(scripts);
  assert.ok(found.includes('bpmn-js Modeler (palette)'), `found ${found}`);
  assert.ok(found.includes('properties panel'), `found ${found}`);
});
