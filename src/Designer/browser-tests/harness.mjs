// The browser tests' one harness: a real CaseFlow service (the built engine, on SQLite in a temporary
// folder, bound to 127.0.0.1 on a free port) and Debian's Chromium driven by playwright-core. Nothing here
// downloads a browser: CHROMIUM (default /usr/bin/chromium) must exist; tests/run installs it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const designerDir = path.resolve(here, '..');
const repoRoot = path.resolve(designerDir, '../..');
export const outputDir = path.join(here, 'output');
export const ADMIN_PASSWORD = 'Browser-Tests-Admin-1';

/** The engine the tests start: CASEFLOW_ENGINE_DLL, else the newer of the Release and Debug builds. */
function engineDll() {
  if (process.env.CASEFLOW_ENGINE_DLL) return process.env.CASEFLOW_ENGINE_DLL;
  const builds = ['Release', 'Debug']
    .map((config) => path.join(repoRoot, `src/Engine/CaseFlow.Engine/bin/${config}/net10.0/CaseFlow.Engine.dll`))
    .filter((dll) => existsSync(dll))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!builds.length) throw new Error('Build the engine first (dotnet build CaseFlow.sln), or set CASEFLOW_ENGINE_DLL.');
  return builds[0];
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the service on a fresh SQLite database. With demo: true it seeds the demo county and resolves
 * once the seed printed its users' password (service.demoPassword).
 */
export async function startService({ demo = false } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'caseflow-browser-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const webRoot = path.join(designerDir, 'dist');
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error('Build the web app first (npm run build).');
  const args = [engineDll(), '--urls', url];
  if (demo) args.push('--demo');
  const child = spawn('dotnet', args, {
    cwd: dir,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Setup__AdminPassword: ADMIN_PASSWORD,
      WebApp__Root: webRoot,
      // One test's sign-ins must not lock out the next: the rate limit is for people, not for the suite.
      Security__SignInsPerMinute: '1000',
      DOTNET_gcServer: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const service = { url, dir, child, demoPassword: null, log: () => log };
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The service did not start within 120 s:\n${log}`)), 120_000);
    const onData = (chunk) => {
      log += chunk.toString();
      const password = /password:\s+(\S+)/.exec(log.split('CaseFlow demo:')[1] ?? '');
      const running = log.includes('CaseFlow is running at');
      if (running && (!demo || password)) {
        if (password) service.demoPassword = password[1];
        clearTimeout(timer);
        resolve();
      }
      if (demo && /The demo data could not be created/.test(log)) {
        clearTimeout(timer);
        reject(new Error(`The demo seed failed:\n${log}`));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The service exited (${code}) before it was ready:\n${log}`));
    });
  });
  service.stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => { clearTimeout(hard); resolve(); });
      });
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (e) {
    await service.stop();
    throw e;
  }
  return service;
}

/** A small API client for setting up data: signs in once, then sends the cookie and the antiforgery header. */
export async function apiClient(service, userName = 'admin', password = ADMIN_PASSWORD) {
  const cookies = new Map();
  const remember = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const send = async (method, route, body, { raw = false, contentType } = {}) => {
    const headers = { Accept: 'application/json', Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (cookies.has('XSRF-TOKEN')) headers['X-XSRF-TOKEN'] = decodeURIComponent(cookies.get('XSRF-TOKEN'));
    let payload;
    if (typeof body === 'string') { payload = body; headers['Content-Type'] = contentType ?? 'application/xml'; }
    else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
    const response = await fetch(service.url + route, { method, headers, body: payload });
    remember(response);
    if (raw) return response;
    const text = await response.text();
    const data = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (!response.ok) throw new Error(`${method} ${route} -> ${response.status}: ${text}`);
    return data;
  };
  await send('POST', '/api/auth/sign-in', { userName, password });
  return {
    get: (route) => send('GET', route),
    post: (route, body, options) => send('POST', route, body, options),
    patch: (route, body) => send('PATCH', route, body),
    raw: (method, route, body, options) => send(method, route, body, { ...options, raw: true }),
  };
}

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: install Debian's chromium (tests/run does).`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-gpu', '--lang=zh-CN'],
  });
}

/** A fresh browser context (its own cookies) with a page, at the given viewport. */
export async function newPage(browser, { width = 1440, height = 900, locale = 'zh-CN', touch = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, locale, timezoneId: 'Asia/Shanghai', hasTouch: touch, isMobile: false,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.errors = errors;
  return page;
}

export async function signIn(page, service, userName, password) {
  await page.goto(`${service.url}/sign-in`);
  await page.getByLabel(/用户名|User name/).fill(userName);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Saves a full-page screenshot as output/screenshots/NAME.png (the README's pictures are chosen from these). */
export async function screenshot(page, name) {
  const dir = path.join(outputDir, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page and returns the serious and critical violations, each
 * as "rule: target" strings, so a failing assertion names what to fix.
 */
export async function accessibilityViolations(page, { exclude = [] } = {}) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async (excluded) => {
    const context = excluded.length ? { exclude: excluded.map((s) => [s]) } : document;
    return window.axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  }, exclude);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}
