// Data the workspace tests set up through the API (on top of the demo county), so that each test works on
// cases of its own and the order of the tests does not matter.
import { ADMIN_PASSWORD, apiClient } from './harness.mjs';

/** Admin and case-worker API clients and the demo's unit ids by code. */
export async function demoClients(service) {
  const admin = await apiClient(service, 'admin', ADMIN_PASSWORD);
  const caseworker = await apiClient(service, 'caseworker', service.demoPassword);
  const units = Object.fromEntries((await admin.get('/api/units')).map((u) => [u.code, u.id]));
  return { admin, caseworker, units };
}

let opened = 0;

/** A new hardship-aid case at 锦城街道联合工会 (its workflow waits at the application check). */
export async function openAidCase({ caseworker, units }, title = `测试帮扶申请 ${++opened}`) {
  return caseworker.post('/api/cases', { family: 'Aid', unitId: units.JC01, title, amountClaimed: 3000, description: '浏览器测试建立的帮扶申请。' });
}

/** Claims and completes the case's open task as the case worker, with these form values. */
export async function completeOpenTask({ caseworker }, caseId, variables) {
  const tasks = await caseworker.get(`/api/tasks?caseId=${caseId}&state=Created`);
  const task = tasks.items[0];
  await caseworker.post(`/api/tasks/${task.id}/claim`, {});
  await caseworker.post(`/api/tasks/${task.id}/complete`, { variables });
  return task;
}

export const APPLICATION_CHECK = {
  applicantName: '测试申请人', identityVerified: true, applicantPhone: '13957129999', documentsComplete: true, applicationDecision: 'accept',
};

export const HOUSEHOLD_FILE = {
  hardshipCause: 'illness', householdSize: 3, monthlyIncomePerCapita: 860, householdMembers: '本人、配偶、女儿',
  hardshipDescription: '本人患病需长期治疗，家庭收入微薄。',
};

/** A new aid case whose household visit waits, claimed by the case worker. */
export async function caseAtHouseholdVisit(clients) {
  const created = await openAidCase(clients);
  await completeOpenTask(clients, created.id, APPLICATION_CHECK);
  await completeOpenTask(clients, created.id, HOUSEHOLD_FILE);
  const tasks = await clients.caseworker.get(`/api/tasks?caseId=${created.id}&state=Created`);
  const visit = tasks.items.find((t) => t.elementId === 'householdVisit');
  await clients.caseworker.post(`/api/tasks/${visit.id}/claim`, {});
  return { case: created, task: visit };
}

/** Presses Tab until the element with this id has the focus (the keyboard path a person takes), at most max times. */
export async function tabTo(page, id, max = 15) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((wanted) => document.activeElement?.id === wanted, id)) return;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab did not reach #${id} in ${max} presses; the focus is on ${at}`);
}
