// Signing in and what each role gets, in real Chromium against the real server and its development users
// (test/support/global-setup.ts): the sign-in screen with a wrong and then a good token, a regional head
// landing on their kabupaten with every view working inside it, the tabs of each role, a policy analyst's
// quota plan without the family list, and signing out. Any console error, page error, failed request or HTTP
// error fails a test (one expected 401 excepted, see the first test). Screenshots go to test-artifacts/.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import type { RoleName } from '../../server/src/domain/access.js';
import { VIEWS } from '../../dashboard/scripts/bench-views.mjs';
import { jsonHeaders, tokenOf } from '../support/auth';
import { openBrowser, search, settled, signedInState, TOKEN_KEY, type BrowserSession } from './browser';

const url = (path: string) => new URL(path, inject('serverUrl')).href;


const tabs = (page: Page) => page.locator('nav.tabs a').allTextContents();
const ready = (id: string) => VIEWS.find((view) => view.id === id)?.ready ?? 'main';

describe('sign-in and roles', () => {
  let session: BrowserSession;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    session = await openBrowser({ signedInAs: null });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await session.close();
  });

  /** A fresh browser context signed in as `role` (token remembered), watched for problems like the main page. */
  async function pageAs(role: RoleName): Promise<Page> {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', reducedMotion: 'reduce', storageState: signedInState(role) });
    contexts.push(context);
    const page = await context.newPage();
    session.watch(page);
    return page;
  }

  const onFailure = (name: string, page?: () => Page | undefined) =>
    onTestFailed(async () => {
      await session.screenshot(`${name}.failure`, page?.());
      console.error(`${name} problems:\n${session.problems.join('\n')}`);
    });

  it('signs in through the sign-in screen: a wrong token is refused clearly, a good one opens the overview', async () => {
    onFailure('sign-in');
    const { page } = session;
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    expect(await page.getByLabel('Token API').getAttribute('type')).toBe('password');
    expect(await page.title()).toBe('Masuk · DTSEN Atlas');
    await session.screenshot('sign-in');

    // A well-formed token the server does not know: it answers HTTP 401, the screen says so.
    await page.getByLabel('Token API').fill(`dtsen_${'x'.repeat(43)}`);
    const refused = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.status() === 401);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await refused;
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Token tidak dikenal, sudah dicabut atau kedaluwarsa');
    await session.screenshot('sign-in-wrong-token');
    // That 401 is the server doing its job and the app handles it (the alert above). Chromium still reports
    // the response as a console error ("Failed to load resource ... 401") and browser.ts records it as an HTTP
    // error: exactly these, for this one request, are expected; anything else is a problem.
    await expect.poll(() => session.problems.length).toBeGreaterThan(0);
    const expected = /^(HTTP 401: POST .*\/graphql|console error: Failed to load resource: the server responded with a status of 401.*)$/;
    expect(session.problems.filter((problem) => !expected.test(problem))).toEqual([]);
    session.problems.length = 0;

    await page.getByLabel('Token API').fill(tokenOf('ADMIN'));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await settled(page, ready('overview'));
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('Administrator');
    expect(await tabs(page)).toEqual(['Ringkasan', 'Desil', 'Ketepatan sasaran', 'Kuota', 'Tren', 'Usulan']);
    // Not remembered: kept for this tab only.
    expect(await page.evaluate((key) => [sessionStorage.getItem(key) !== null, localStorage.getItem(key)], TOKEN_KEY)).toEqual([true, null]);
    expect(session.problems).toEqual([]);
  });

  it('lands the Bupati Bogor on Kabupaten Bogor, where every view works, and keeps other kabupaten out', async () => {
    let page: Page | undefined;
    onFailure('regional-head', () => page);
    page = await pageAs('REGIONAL_HEAD');
    await page.goto(url('/'));
    await expect.poll(() => search(page!).get('wilayah')).toBe('32.01');
    await settled(page, ready('overview'));
    await expect.poll(() => page!.locator('.breadcrumb [aria-current="location"]').textContent()).toBe('Kabupaten Bogor');
    await expect.poll(() => page!.getByTestId('user-menu').textContent()).toContain('Kepala daerah · Kabupaten Bogor');
    expect(await page.getByTestId('user-menu').textContent()).toContain('Bupati Bogor');
    // The regions above theirs are not links.
    expect(await page.locator('.breadcrumb a').count()).toBe(0);
    expect(await tabs(page)).toEqual(['Ringkasan', 'Desil', 'Ketepatan sasaran', 'Kuota', 'Tren', 'Usulan']);

    for (const view of VIEWS) {
      await page.locator('nav.tabs a').nth(VIEWS.indexOf(view)).click();
      await expect.poll(() => new URL(page!.url()).pathname).toBe(view.path);
      await settled(page, view.ready);
      expect(await page.locator('main [role="alert"], main [data-testid="out-of-scope"]').count(), view.id).toBe(0);
      expect(search(page).get('wilayah')).toBe('32.01');
    }
    await session.screenshot('regional-head-proposals', page);

    await page.goto(url('/desil?wilayah=32.02'));
    const notice = page.getByTestId('out-of-scope');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Wilayah ini di luar wilayah Anda.');
    await notice.getByRole('link', { name: 'Kembali ke Kabupaten Bogor' }).click();
    await expect.poll(() => search(page!).get('wilayah')).toBe('32.01');
    await settled(page, ready('desil'));
    expect(session.problems).toEqual([]);
  });

  it('gives each role its tabs: an operator the proposals of their region only, a policy analyst no proposals', async () => {
    let page: Page | undefined;
    onFailure('tabs', () => page);
    page = await pageAs('OPERATOR');
    await page.goto(url('/'));
    await expect.poll(() => new URL(page!.url()).pathname).toBe('/usulan');
    expect(search(page).get('wilayah')).toBe('32.01');
    await settled(page, '[data-testid="view-proposals"]');
    expect(await tabs(page)).toEqual(['Usulan']);
    // The funnel counts are aggregates the operator's role does not include: notices, not errors.
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    expect(await page.getByTestId('not-for-role').count()).toBeGreaterThan(0);
    await session.screenshot('operator-proposals', page);

    page = await pageAs('POLICY_ANALYST');
    await page.goto(url('/'));
    await settled(page, ready('overview'));
    expect(await tabs(page)).toEqual(['Ringkasan', 'Desil', 'Ketepatan sasaran', 'Kuota', 'Tren']);
    await page.goto(url('/usulan'));
    await expect.poll(() => page!.getByTestId('view-not-for-role').locator('h2').textContent()).toBe('Tampilan ini tidak tersedia untuk peran Anda.');
    expect(session.problems).toEqual([]);
  });

  it('shows a policy analyst the counts of a quota plan and a notice instead of its family list', async () => {
    let page: Page | undefined;
    onFailure('policy-analyst-quota', () => page);
    const response = await fetch(url('/graphql'), {
      method: 'POST',
      headers: jsonHeaders('ADMIN'),
      body: JSON.stringify({ query: '{ quotaStatus(programCode: PKH, status: [OVER], limit: 1) { rows { regency { code name } recipients quota } } }' }),
    });
    const { data } = (await response.json()) as { data: { quotaStatus: { rows: { regency: { code: string; name: string }; recipients: number; quota: number }[] } } };
    const regency = data.quotaStatus.rows[0];
    if (!regency) throw new Error('no kabupaten/kota over its PKH quota');

    page = await pageAs('POLICY_ANALYST');
    await page.goto(url(`/kuota?program=PKH&kab=${regency.regency.code}`));
    await settled(page, '[data-testid="quota-detail"] [data-testid="quota-plan-hidden"]');
    const detail = page.getByTestId('quota-detail');
    expect(await detail.locator('dl').textContent()).toContain(regency.quota.toLocaleString('id-ID'));
    expect(await detail.getByTestId('quota-removal-steps').isVisible()).toBe(true);
    expect(await detail.getByTestId('quota-plan-hidden').textContent()).toContain('Daftar keluarga dan individu tidak tersedia untuk peran Anda');
    expect(await detail.getByTestId('quota-plan').count()).toBe(0);
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    await session.screenshot('policy-analyst-quota', page);
    expect(session.problems).toEqual([]);
  });

  it('signs out back to the sign-in screen, forgetting the token', async () => {
    let page: Page | undefined;
    onFailure('sign-out', () => page);
    page = await pageAs('NATIONAL_ANALYST');
    await page.goto(url('/desil'));
    await settled(page, ready('desil'));
    await page.getByTestId('user-menu').getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await expect.poll(() => page!.getByRole('status').first().textContent()).toBe('Anda telah keluar.');
    expect(await page.evaluate((key) => [sessionStorage.getItem(key), localStorage.getItem(key)], TOKEN_KEY)).toEqual([null, null]);
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    expect(session.problems).toEqual([]);
  });
});
