import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app';

/** Debian's chromium (CI installs it: .ci/run). Overridable for other machines. */
export const CHROMIUM = process.env.MC_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Fails (never skips) when the browser is missing: the browser tests are part of CI. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set MC_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=fr-FR'],
  });
}

export interface WebApp {
  t: TestApp;
  url: string;
  close(): Promise<void>;
}

/** The real application, listening on a free local port (`env`: its configuration, MC_* variables). */
export async function startWebApp(env: NodeJS.ProcessEnv = {}): Promise<WebApp> {
  const t = await startTestApp(env);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, url: `http://127.0.0.1:${port}`, close: () => t.close() };
}

/**
 * A page that records console errors and CSP violations so that a test can assert there were none.
 * Its clock is on Paris time unless the test says otherwise (timezoneId).
 */
export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
  { timezoneId = 'Europe/Paris' }: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport,
    acceptDownloads: true,
    locale: 'fr-FR',
    timezoneId,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the login page and waits for the landing page (the case list; the administration for admins). */
export async function logIn(page: Page, url: string, username: string, password: string, landing: RegExp = /#\/cases/): Promise<void> {
  await page.goto(`${url}/#/login`);
  await page.getByLabel(/Identifiant|Username/).fill(username);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole('button', { name: /Se connecter|Log in/ }).click();
  await page.waitForURL(landing);
}

/**
 * playwright-core has no auto-waiting assertions (those are @playwright/test's): retry a jest
 * assertion until it holds or the time is up, then throw its last failure.
 */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
