// Data the workspace tests set up through the API (on top of the demo county), so that each test works on
// cases of its own and the order of the tests does not matter.
import { ADMIN_PASSWORD, apiClient, signIn } from './harness.mjs';

/** Admin and case-worker API clients and the demo's unit ids by code. */
export async function demoClients(service) {
  const admin = await apiClient(service, 'admin', ADMIN_PASSWORD);
  const caseworker = await apiClient(service, 'caseworker', service.demoPassword);
  const units = Object.fromEntries((await admin.get('/api/units')).map((u) => [u.code, u.id]));
  return { admin, caseworker, units };
}

let opened = 0;

/** A new hardship-aid case at 锦城街道联合工会 (its workflow waits at the application check). */
export async function openAidCase({ caseworker, units }, { title = `测试帮扶申请 ${++opened}`, applicantId } = {}) {
  return caseworker.post('/api/cases', {
    family: 'Aid', unitId: units.JC01, title, applicantId, amountClaimed: 3000, description: '浏览器测试建立的帮扶申请。',
  });
}

/** A person on file at 锦城街道联合工会. */
export async function newPerson({ caseworker, units }, name, phone) {
  return caseworker.post('/api/people', { name, phone, address: '临安区锦城街道测试村 1 号', unitId: units.JC01 });
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

const sessions = new Map();

/**
 * A page of a fresh browser context signed in as the user: the first time through the sign-in page, later with
 * the cookies that sign-in left (one sign-in per user and service keeps the suite quick). Options as newPage's.
 */
export async function pageAs(browser, service, user, { width = 1440, height = 900, touch = false } = {}) {
  const key = `${service.url} ${user}`;
  const options = { viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: touch, isMobile: false };
  if (!sessions.has(key)) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await signIn(page, service, user, service.demoPassword);
    sessions.set(key, await context.storageState());
    await context.close();
  }
  const context = await browser.newContext({ ...options, storageState: sessions.get(key) });
  // Generous: the machine running the suite is shared, and a wait that passes returns at once anyway.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.errors = errors;
  return page;
}
