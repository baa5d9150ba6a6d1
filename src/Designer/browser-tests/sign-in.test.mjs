import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD, accessibilityViolations, launchBrowser, newPage, screenshot, signIn, startService } from './harness.mjs';

let service;
let browser;
before(async () => {
  [service, browser] = await Promise.all([startService(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a wrong password is refused with a message on the sign-in page', async () => {
  const page = await newPage(browser);
  await page.goto(`${service.url}/sign-in`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor());
  assert.match(new URL(page.url()).pathname, /^\/sign-in/);
  await page.context().close();
});

test('signing in lands in the workspace with the main navigation', async () => {
  const page = await newPage(browser);
  await signIn(page, service, 'admin', ADMIN_PASSWORD);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await page.waitForURL(/\/inbox$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an address inside the app asks for sign-in first and returns there after', async () => {
  const page = await newPage(browser);
  await page.goto(`${service.url}/cases`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/cases$/);
  await page.context().close();
});

test('the language switch turns the sign-in page into English', async () => {
  const page = await newPage(browser);
  await page.goto(`${service.url}/sign-in`);
  await page.getByText('EN', { exact: true }).click();
  await page.getByLabel('User name').waitFor();
  await page.context().close();
});

test('the sign-in page has no serious accessibility violations', async () => {
  const page = await newPage(browser);
  await page.goto(`${service.url}/sign-in`);
  await page.getByLabel('用户名').waitFor();
  await screenshot(page, 'sign-in');
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.context().close();
});
