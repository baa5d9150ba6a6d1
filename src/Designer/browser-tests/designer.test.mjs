// The designer as a supervisor uses it: change an approval chain and deploy it, see a deploy error at its
// element, test a decision table, save a form, compare versions and watch a version's running instances.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMIN_PASSWORD, accessibilityViolations, apiClient, launchBrowser, newPage, screenshot, signIn, startService,
} from './harness.mjs';

let service;
let browser;
let api;

/** A linear process: start → each user task (with its candidate group) → end, laid out left to right. */
function chainXml(processId, name, tasks) {
  const nodes = [{ id: 'start', kind: 'startEvent', name: '开始' }, ...tasks.map((t) => ({ ...t, kind: 'userTask' })), { id: 'end', kind: 'endEvent', name: '结束' }];
  const flows = nodes.slice(1).map((n, i) => ({ id: `to_${n.id}`, source: nodes[i].id, target: n.id }));
  const x = (i) => 160 + i * 170;
  const process = nodes.map((n, i) => {
    const incoming = flows.filter((f) => f.target === n.id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`).join('');
    const outgoing = flows.filter((f) => f.source === n.id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`).join('');
    const extension = n.group ? `<bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="${n.group}" /></bpmn:extensionElements>` : '';
    return `<bpmn:${n.kind} id="${n.id}" name="${n.name}">${extension}${incoming}${outgoing}</bpmn:${n.kind}>` + (i === 0 ? '' : '');
  }).join('\n') + flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}" />`).join('\n');
  // Room before the end event, where the tests drop a new task.
  const bounds = (n, i) => (n.kind === 'userTask' ? { x: x(i), y: 80, w: 100, h: 80 } : { x: x(i) + 32 + (n.kind === 'endEvent' ? 160 : 0), y: 102, w: 36, h: 36 });
  const shapes = nodes.map((n, i) => {
    const b = bounds(n, i);
    return `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`;
  }).join('\n');
  const edges = flows.map((f) => {
    const s = nodes.findIndex((n) => n.id === f.source);
    const t = nodes.findIndex((n) => n.id === f.target);
    const sb = bounds(nodes[s], s);
    const tb = bounds(nodes[t], t);
    return `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${sb.x + sb.w}" y="120" /><di:waypoint x="${tb.x}" y="120" /></bpmndi:BPMNEdge>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="${processId}-definitions" targetNamespace="http://caseflow.example/tests">
<bpmn:process id="${processId}" name="${name}" isExecutable="true">
${process}
</bpmn:process>
<bpmndi:BPMNDiagram id="${processId}-diagram"><bpmndi:BPMNPlane id="${processId}-plane" bpmnElement="${processId}">
${shapes}
${edges}
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

const APPROVAL = [{ id: 'review', name: '审核', group: 'reviewer' }, { id: 'approve', name: '审批', group: 'approver' }];

async function startInstance(processId) {
  return api.post('/api/instances', { processId });
}

async function openTasks(instanceId) {
  return (await api.get(`/api/tasks?instanceId=${instanceId}&state=Created`)).items;
}

/** Completes the instance's open tasks one by one until none is left; returns the element ids of the tasks completed. */
async function completeAll(instanceId) {
  const done = [];
  for (let guard = 0; guard < 10; guard++) {
    const tasks = await openTasks(instanceId);
    if (!tasks.length) break;
    for (const task of tasks) {
      await api.post(`/api/tasks/${task.id}/complete`, { variables: {} });
      done.push(task.elementId);
    }
  }
  return done;
}

/** Opens a properties-panel group unless it is open already. */
async function openGroup(panel, id) {
  const group = panel.locator(`[data-group-id="group-${id}"]`);
  if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();
}

async function openEditor(page, processId, elementId) {
  await page.goto(`${service.url}/designer/processes/${processId}`);
  await page.locator(`.cf-canvas [data-element-id="${elementId}"]`).waitFor();
}

before(async () => {
  [service, browser] = await Promise.all([startService(), launchBrowser()]);
  api = await apiClient(service);
  await api.post('/api/definitions', chainXml('approval-chain', '救助审批', APPROVAL));
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a supervisor adds an approval level, deploys, and a new case follows the new chain while an older case finishes on the old one', async () => {
  const older = await startInstance('approval-chain');
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await openEditor(page, 'approval-chain', 'approve');

  // Create a task from the palette and drop it on the flow after the approval: bpmn-js splits the flow.
  await page.locator('.djs-palette [data-action="create.task"]').click();
  const flow = await page.locator('.cf-canvas [data-element-id="to_end"]').boundingBox();
  const target = { x: flow.x + flow.width / 2, y: flow.y + flow.height / 2 };
  await page.mouse.move(target.x - 40, target.y + 60);
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.click(target.x, target.y);

  // Make it a user task through the context pad's replace menu.
  await page.locator('.djs-context-pad [data-action="replace"]').click();
  await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();

  // Name it, give it a stable id, and pick its candidate group from the real roles.
  const panel = page.locator('.cf-properties');
  await openGroup(panel, 'general');
  await openGroup(panel, 'caseflow');
  await panel.locator('#bio-properties-panel-id').fill('directorApproval');
  await panel.locator('#bio-properties-panel-name').fill('主任审批');
  await panel.getByLabel('候选组（角色）').selectOption('approver@county');
  await screenshot(page, 'designer-editor');

  await page.getByRole('button', { name: '部 署' }).or(page.getByRole('button', { name: '部署' })).click();
  await page.getByText('已部署为第 2 版').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();

  const deployed = await api.get('/api/definitions/approval-chain/versions/2');
  assert.match(deployed, /id="directorApproval"/);
  assert.match(deployed, /candidateGroups="approver@county"/);

  const olderTasks = await completeAll(older.id);
  assert.deepEqual(olderTasks, ['review', 'approve']);
  assert.equal((await api.get(`/api/instances/${older.id}`)).status, 'Completed');

  const newer = await startInstance('approval-chain');
  assert.equal(newer.version, 2);
  const newerTasks = await completeAll(newer.id);
  assert.deepEqual(newerTasks, ['review', 'approve', 'directorApproval']);
  const director = (await api.get(`/api/tasks?instanceId=${newer.id}&state=Completed`)).items.find((t) => t.elementId === 'directorApproval');
  assert.deepEqual(director.candidateGroups, ['approver@county']);
});

test("a supervisor's deploy error is shown at the offending element", async () => {
  await api.post('/api/definitions', chainXml('error-demo', '错误演示', APPROVAL));
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await openEditor(page, 'error-demo', 'review');

  // A service task needs a job type: turning the review into one without it is what the engine refuses.
  await page.locator('.cf-canvas [data-element-id="review"]').click();
  await page.locator('.djs-context-pad [data-action="replace"]').click();
  await page.locator('.djs-popup [data-id="replace-with-service-task"]').click();
  await page.getByRole('button', { name: /部\s*署/ }).click();

  const problems = page.getByRole('region', { name: '部署问题' });
  await problems.getByRole('button', { name: /review/ }).waitFor();
  assert.match(await page.locator('.cf-canvas [data-element-id="review"]').getAttribute('class'), /\bcf-error\b/);
  await page.locator('.djs-overlays[data-container-id="review"] .cf-error-overlay').waitFor();
  assert.equal(await page.locator('.cf-canvas .cf-error').count(), 1);
  await screenshot(page, 'designer-deploy-error');
  await page.context().close();
});

test('a supervisor saves a draft, and saving over a newer draft offers to reload it', async () => {
  await api.post('/api/definitions', chainXml('draft-demo', '草稿演示', APPROVAL));
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await openEditor(page, 'draft-demo', 'review');
  await page.locator('.cf-canvas [data-element-id="review"]').click();
  const panel = page.locator('.cf-properties');
  await openGroup(panel, 'general');
  await panel.locator('#bio-properties-panel-name').fill('初审');
  await page.getByText('有未保存的修改').waitFor();
  // Leaving with unsaved changes asks first; staying keeps them.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '流程设计' }).click();
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' }).getByRole('button', { name: /取\s*消/ }).click();
  assert.match(new URL(page.url()).pathname, /\/designer\/processes\/draft-demo$/);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('草稿已保存').waitFor();
  const draft = await api.get('/api/definitions/draft-demo/draft');
  assert.match(draft.xml, /name="初审"/);
  assert.equal(draft.basedOnVersion, 1);

  // Someone else saves the draft meanwhile.
  const other = await api.raw('PUT', '/api/definitions/draft-demo/draft', { xml: draft.xml.replace('初审', '复审'), version: draft.version });
  assert.equal(other.status, 200);

  await page.locator('.cf-canvas [data-element-id="approve"]').click();
  await panel.locator('#bio-properties-panel-name').fill('终审');
  await page.getByRole('button', { name: '保存草稿' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '草稿已被他人修改' });
  await dialog.getByRole('button', { name: '重新加载草稿' }).click();
  await page.locator('.cf-canvas [data-element-id="review"]').getByText('复审').waitFor();

  await page.getByRole('link', { name: '流程设计' }).click();
  await page.getByRole('row').filter({ hasText: 'draft-demo' }).getByText('有草稿').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a user task's form is created in the process editor and deployed with the process", async () => {
  await api.post('/api/definitions', chainXml('form-demo', '表单演示', APPROVAL));
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await openEditor(page, 'form-demo', 'review');
  await page.locator('.cf-canvas [data-element-id="review"]').click();
  const panel = page.locator('.cf-properties');
  await openGroup(panel, 'caseflow');
  await panel.getByRole('button', { name: '新建表单' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑表单 form-demo-review' });
  await dialog.locator('.fjs-editor-container').getByText('办理意见').waitFor();
  await dialog.getByRole('button', { name: '保存表单' }).click();
  await page.getByText('表单 form-demo-review 已保存为第 1 版，并已关联到该任务').waitFor();
  assert.equal(await panel.getByLabel('表单', { exact: true }).inputValue(), 'form-demo-review');
  await page.getByRole('button', { name: /部\s*署/ }).click();
  await page.getByText('已部署为第 2 版').waitFor();

  const xml = await api.get('/api/definitions/form-demo/versions/2');
  assert.match(xml, /<zeebe:formDefinition formId="form-demo-review"/);
  const form = await api.get('/api/forms/form-demo-review');
  assert.equal(form.schema.components[0].label, '办理意见');
  await page.context().close();
});

test('the decision test panel evaluates the unsaved table and highlights the matched rule', async () => {
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.goto(`${service.url}/designer/decisions/aid-level`);
  // An unsaved edit: rule 2 grants 12000 instead of 10000. The test evaluates the table as it is in the editor.
  const amount = page.locator('.cf-dmn td[data-element-id="rule-2-amount"]');
  await amount.locator('[contenteditable]').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12000');
  await page.getByText('有未保存的修改').waitFor();
  await page.getByLabel(/致困原因/).fill('illness');
  await page.getByLabel(/家庭人均月收入/).fill('800');
  await page.getByLabel(/家庭人口数/).fill('4');
  await page.getByRole('button', { name: /计\s*算/ }).click();
  await page.locator('.cf-dmn td.cf-matched[data-row-id="rule-2"]').first().waitFor();
  assert.equal(await page.locator('.cf-dmn td.cf-matched:not([data-row-id="rule-2"])').count(), 0);
  const result = page.getByRole('region', { name: '计算结果' });
  await result.getByText('12000').waitFor();
  await result.getByText('规则 2（rule-2）').waitFor();
  await screenshot(page, 'designer-dmn');
  await page.context().close();
});

test('the form editor saves a changed form as a new version', async () => {
  const before = await api.get('/api/forms/aid-approval');
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.goto(`${service.url}/designer/forms/aid-approval`);
  await page.locator('.fjs-editor-container [data-id="Field_35"]').click();
  const properties = page.locator('.fjs-properties-container');
  await openGroup(properties, 'general');
  await properties.locator('#bio-properties-panel-label').fill('审批意见（县级）');
  // The panel applies typed text after a short debounce: the form on the canvas shows it once applied.
  await page.locator('.fjs-editor-container [data-id="Field_35"]').getByText('审批意见（县级）').waitFor();
  await page.getByRole('button', { name: '保存表单' }).click();
  await page.getByText(`表单 aid-approval 已保存为第 ${before.version + 1} 版`).waitFor();
  const after = await api.get('/api/forms/aid-approval');
  assert.equal(after.version, before.version + 1);
  assert.match(JSON.stringify(after.schema), /审批意见（县级）/);
  await page.context().close();
});

test('comparing two versions lists and marks the element added', async () => {
  await api.post('/api/definitions', chainXml('compare-demo', '比较演示', APPROVAL));
  await api.post('/api/definitions', chainXml('compare-demo', '比较演示', [...APPROVAL, { id: 'finalCheck', name: '复核', group: 'auditor' }]));
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.goto(`${service.url}/designer/processes/compare-demo/compare`);
  const row = page.getByRole('row').filter({ has: page.getByText('finalCheck', { exact: true }) }).filter({ hasText: '新增' });
  await row.waitFor();
  await page.locator('.cf-viewer [data-element-id="finalCheck"].cf-added').waitFor();
  // The flow into the end event now comes from the new task: it is listed as changed.
  await page.locator('tr[data-row-key="changed-to_end"]').getByText('修改').waitFor();
  await screenshot(page, 'designer-compare');
  await page.context().close();
});

test('the live view shows the number of instances waiting at an element', async () => {
  await api.post('/api/definitions', chainXml('live-demo', '运行演示', APPROVAL));
  await startInstance('live-demo');
  await startInstance('live-demo');
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.goto(`${service.url}/designer/processes/live-demo/versions/1/live`);
  const badge = page.locator('.djs-overlays[data-container-id="review"] .cf-token-badge');
  await badge.waitFor();
  assert.equal(await badge.textContent(), '2');
  assert.equal(await page.locator('.djs-overlays[data-container-id="approve"] .cf-token-badge').count(), 0);
  await screenshot(page, 'designer-live');
  await page.context().close();
});

test("an instance's diagram marks the path it took and where it stands", async () => {
  await api.post('/api/definitions', chainXml('path-demo', '路径演示', APPROVAL));
  const instance = await startInstance('path-demo');
  const [review] = await openTasks(instance.id);
  await api.post(`/api/tasks/${review.id}/complete`, { variables: {} });
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.goto(`${service.url}/designer/instances/${instance.id}`);
  await page.locator('.cf-viewer [data-element-id="approve"].cf-current').waitFor();
  for (const passed of ['start', 'to_review', 'review', 'to_approve']) {
    assert.match(await page.locator(`.cf-viewer [data-element-id="${passed}"]`).getAttribute('class'), /\bcf-visited\b/, passed);
  }
  assert.doesNotMatch(await page.locator('.cf-viewer [data-element-id="end"]').getAttribute('class'), /cf-visited|cf-current/);
  await page.getByRole('cell', { name: '完成任务' }).first().waitFor();
  await screenshot(page, 'designer-instance');
  await page.context().close();
});

test('the process list and the editor have no serious accessibility violations', async () => {
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.goto(`${service.url}/designer`);
  await page.getByRole('link', { name: '救助审批', exact: true }).waitFor();
  await screenshot(page, 'designer-list');
  assert.deepEqual(await accessibilityViolations(page), []);

  await openEditor(page, 'approval-chain', 'review');
  // The canvas is bpmn-js' SVG (shapes are not form controls, its palette and context pad are pointer tools
  // whose keyboard equivalents are bpmn-js' shortcuts): checked with it excluded, the properties panel included.
  assert.deepEqual(await accessibilityViolations(page, { exclude: ['.cf-canvas'] }), []);
  await page.context().close();
});
