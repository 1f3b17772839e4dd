// Shared by the browser tests: Debian Chromium through playwright-core (the flags this machine's notes
// require), one page per test file that records every console error, page error, failed request and HTTP
// error, and a place for screenshots (test-artifacts/, git-ignored, kept by CI). A session is signed in as a
// role by default: the development user's token is put in the dashboard's localStorage before the first
// page loads (as "Ingat di perangkat ini" leaves it), so the tests go straight to what they check; the
// sign-in screen itself has its own test (sign-in.test.ts).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { RoleName } from '../../server/src/domain/access.js';
import { tokenOf } from '../support/auth';

export const artifactsDir = resolve(__dirname, '..', '..', 'test-artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors seen so far, in order. */
  problems: string[];
  /** Watches another page (a second tab, a fresh context) for the same problems. */
  watch: (page: Page) => void;
  /** Saves a full-page screenshot of the session's page (or of `page`) as test-artifacts/<name>.png. */
  screenshot: (name: string, page?: Page) => Promise<string>;
  close: () => Promise<void>;
}

/** Where the dashboard keeps a remembered token (dashboard/src/app/auth/token-store.ts). */
export const TOKEN_KEY = 'dtsen-atlas:token';

/** A browser context's starting storage: signed in as `role` (its token remembered), or nothing for null. */
export function signedInState(role: RoleName | null): BrowserContextOptions['storageState'] {
  if (role === null) return undefined;
  const origin = new URL(inject('serverUrl')).origin;
  return { cookies: [], origins: [{ origin, localStorage: [{ name: TOKEN_KEY, value: tokenOf(role) }] }] };
}

export interface OpenBrowserOptions {
  acceptDownloads?: boolean;
  /** The role the session is signed in as (ADMIN by default); null: signed out, the sign-in screen first. */
  signedInAs?: RoleName | null;
}

export async function openBrowser(options: OpenBrowserOptions = {}): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    // Static charts: screenshots and geometry do not depend on animation timing.
    reducedMotion: 'reduce',
    acceptDownloads: options.acceptDownloads ?? false,
    storageState: signedInState(options.signedInAs === undefined ? 'ADMIN' : options.signedInAs),
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A download's blob: URL and requests cut short by a navigation are not failures of the app.
      const reason = request.failure()?.errorText ?? '';
      if (request.url().startsWith('blob:') || reason === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
  };
  const page = await context.newPage();
  watch(page);
  return {
    browser,
    context,
    page,
    problems,
    watch,
    screenshot: async (name, other) => {
      await mkdir(artifactsDir, { recursive: true });
      const path = join(artifactsDir, `${name}.png`);
      await (other ?? page).screenshot({ path, fullPage: true });
      return path;
    },
    close: () => browser.close(),
  };
}

/** "12,3%" → 12.3 */
export const parsePercent = (text: string) => Number(text.replace('%', '').replace(/\./g, '').replace(',', '.').trim());
/** "1.234.567" → 1234567 (also "−1.234" and "+5") */
export const parseCount = (text: string) => Number(text.replace(/\./g, '').replace('−', '-').replace('+', '').trim());

/** Waits for a view's ready element and for nothing in <main> to be busy. */
export async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const main = document.querySelector('main');
      return !!main && !!document.querySelector(sel) && !main.querySelector('[aria-busy="true"]');
    },
    selector,
    { timeout: 30_000 },
  );
}

/** The query parameters of the page's current URL. */
export const search = (page: Page): URLSearchParams => new URL(page.url()).searchParams;
