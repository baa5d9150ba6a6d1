import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot, startService } from './harness.mjs';
import { demoClients, openAidCase, pageAs } from './workspace-setup.mjs';

let service;
let browser;
let clients;
before(async () => {
  [service, browser] = await Promise.all([startService({ demo: true }), launchBrowser()]);
  clients = await demoClients(service);
  // A second case worker of 锦城街道 (the demo has one per town): both see the town's tasks to claim.
  await clients.admin.post('/api/users', {
    userName: 'caseworker.jc2', displayName: '刘洋（锦城经办）', unitId: clients.units.JC, password: service.demoPassword,
    roles: [{ role: 'caseworker', unitId: clients.units.JC }],
  });
});
after(async () => {
  await browser?.close();
  await service?.stop();
});

/** The inbox's "My groups" list, narrowed to one case's rows. */
async function groupsOf(page, caseNumber) {
  await page.goto(`${service.url}/inbox?view=groups`);
  await page.getByLabel('按任务或案件筛选').fill(caseNumber);
  return page.getByRole('table').getByRole('row').filter({ hasText: caseNumber });
}

test('a case worker completes a form task and another open browser sees the inbox change live', async () => {
  const aid = await openAidCase(clients);
  const watcher = await pageAs(browser, service, 'caseworker.jc2');
  const watched = await groupsOf(watcher, aid.number);
  await watched.filter({ hasText: '申请受理审查' }).waitFor();
  await watcher.locator('[data-live-status="connected"]').waitFor();
  // Set on the page now: still there at the end means the page was never reloaded.
  await watcher.evaluate(() => { window.notReloaded = true; });

  const worker = await pageAs(browser, service, 'caseworker');
  const rows = await groupsOf(worker, aid.number);
  await rows.getByRole('button', { name: '办理任务：申请受理审查' }).click();
  await worker.getByRole('heading', { level: 1, name: aid.number }).waitFor();
  await worker.getByRole('button', { name: '认领任务：申请受理审查' }).click();
  const form = worker.locator('.cf-form-viewer');
  await form.getByLabel('申请人姓名').fill('刘桂芳');
  await form.getByLabel(/已核验申请人居民身份证/).check();
  await form.getByLabel('联系电话').fill('13957120003');
  await form.getByLabel(/申请材料齐全/).check();
  await form.getByLabel('受理', { exact: true }).check();
  await worker.getByRole('button', { name: '提交' }).click();
  await worker.getByText('「申请受理审查」已完成').waitFor();

  // The other browser: the completed task left its list and the case's next task arrived, without a reload.
  await watched.filter({ hasText: '困难职工建档' }).waitFor();
  await watcher.getByTestId('inbox-updated').waitFor();
  assert.equal(await watched.filter({ hasText: '申请受理审查' }).count(), 0);
  assert.equal(await watcher.evaluate(() => window.notReloaded), true);
  await screenshot(watcher, 'inbox-live');
  assert.deepEqual(watcher.errors, []);
  assert.deepEqual(worker.errors, []);
  await worker.context().close();
  await watcher.context().close();
});

test('claiming a task in the inbox moves it from my groups to my tasks', async () => {
  const aid = await openAidCase(clients);
  const page = await pageAs(browser, service, 'caseworker');
  const rows = await groupsOf(page, aid.number);
  await rows.getByRole('button', { name: '认领任务：申请受理审查' }).click();
  await page.getByText('已认领「申请受理审查」').waitFor();
  await rows.first().waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: '我的任务' }).click();
  await page.getByLabel('按任务或案件筛选').fill(aid.number);
  await page.getByRole('table').getByRole('row').filter({ hasText: aid.number }).filter({ hasText: '申请受理审查' }).waitFor();
  await page.context().close();
});
