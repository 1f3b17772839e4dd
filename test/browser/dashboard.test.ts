// End-to-end tests of the whole dashboard in real Chromium against the real server (test/support/
// global-setup.ts: generated scale-0.001 dataset, 5 versions, GraphQL + built dashboard): every view
// renders its content, a drill-down by click and by keyboard, version and program changes, a shared URL
// reproducing a view, the English switch, and a CSV export checked row by row. Any console error, page
// error, failed request or HTTP error fails the test. Screenshots of every view go to test-artifacts/.
// Signed in as ADMIN (every view); the API reads below send the same user's token.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { VIEWS } from '../../dashboard/scripts/bench-views.mjs';
import { jsonHeaders } from '../support/auth';
import { artifactsDir, openBrowser, parseCount, search, settled, signedInState, type BrowserSession } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(new URL('/graphql', inject('serverUrl')), {
    method: 'POST',
    headers: jsonHeaders('ADMIN'),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const url = (path: string) => new URL(path, inject('serverUrl')).href;



/** RFC 4180 lines → cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('dashboard', () => {
  let session: BrowserSession;
  let page: Page;
  let published: { id: number; label: string }[];

  beforeAll(async () => {
    session = await openBrowser({ acceptDownloads: true });
    page = session.page;
    const data = await graphql<{ versions: { id: number; label: string; status: string }[] }>('{ versions { id label status } }');
    published = data.versions.filter((v) => v.status === 'PUBLISHED').sort((a, b) => a.id - b.id);
    expect(published.length).toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    await session.close();
  });

  const onFailure = (name: string) =>
    onTestFailed(async () => {
      await session.screenshot(`${name}.failure`);
      console.error(`${name} problems:\n${session.problems.join('\n')}`);
    });

  it('renders every view with its content, through the tabs, and screenshots each', async () => {
    onFailure('views');
    await page.goto(url('/'));
    for (const view of VIEWS) {
      await page.locator('nav.tabs a').nth(VIEWS.indexOf(view)).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(view.path);
      await settled(page, view.ready);
      await expect.poll(() => page.locator(`[data-testid="view-${view.id}"] h2`).first().textContent()).toMatch(/\S/);
      expect(await page.locator('nav.tabs a[aria-current="page"]').textContent()).toBe(
        await page.locator('nav.tabs a').nth(VIEWS.indexOf(view)).textContent(),
      );
      await session.screenshot(`view-${view.id}`);
    }
    expect(session.problems).toEqual([]);
  });

  it('drills down nation → province → kabupaten by click and by keyboard, and back by the breadcrumb', async () => {
    onFailure('drill-down');
    await page.goto(url('/desil'));
    await settled(page, '[data-testid="desil-subregions"] tbody tr');
    const firstRow = page.locator('[data-testid="desil-subregions"] tbody tr').first();
    const provinceName = (await firstRow.locator('th').first().textContent())?.trim() ?? '';
    expect(provinceName).not.toBe('');
    await firstRow.click();
    await expect.poll(() => search(page).get('wilayah')).toMatch(/^\d{2}$/);
    await expect.poll(() => page.locator('.breadcrumb [aria-current="location"]').textContent()).toBe(provinceName);
    await settled(page, '[data-testid="desil-subregions"] tbody tr');
    await expect.poll(() => page.locator('[data-testid="view-desil"] h2').first().textContent()).toContain(provinceName);

    // Keyboard: focus the first kabupaten row and press Enter.
    const kabupatenRow = page.locator('[data-testid="desil-subregions"] tbody tr').first();
    const kabupatenName = (await kabupatenRow.locator('th').first().textContent())?.trim() ?? '';
    await kabupatenRow.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => search(page).get('wilayah')).toMatch(/^\d{2}\.\d{2}$/);
    await expect.poll(() => page.locator('.breadcrumb [aria-current="location"]').textContent()).toBe(kabupatenName);
    await settled(page, '[data-testid="desil-chart"] .recharts-bar-rectangle');

    // The region's desil table adds up to the region's family count from the API.
    const code = search(page).get('wilayah') ?? '';
    const { decileDistribution } = await graphql<{ decileDistribution: { totalFamilies: number } }>(
      'query($code: ID!) { decileDistribution(regionCode: $code) { totalFamilies } }',
      { code },
    );
    const familyCells = await page
      .locator('[data-testid="view-desil"] table.desil-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLTableRowElement).cells[1]?.textContent ?? ''));
    expect(familyCells.map(parseCount).reduce((a, b) => a + b, 0)).toBe(decileDistribution.totalFamilies);

    await page.locator('.breadcrumb a', { hasText: 'Indonesia' }).click();
    await expect.poll(() => search(page).get('wilayah')).toBeNull();
    await page.goBack();
    await expect.poll(() => search(page).get('wilayah')).toBe(code);
    expect(session.problems).toEqual([]);
  });

  it('changes version and program through the pickers', async () => {
    onFailure('pickers');
    await page.goto(url('/kuota'));
    await settled(page, '[data-testid="quota-table"] tbody tr');
    const first = published[0];
    if (!first) throw new Error('no published version');
    await page.getByLabel('Versi DTSEN').selectOption(String(first.id));
    await expect.poll(() => search(page).get('versi')).toBe(String(first.id));
    await expect.poll(() => page.locator('[data-testid="view-quota"] h2').first().textContent()).toContain(first.label);
    await settled(page, '[data-testid="quota-table"] tbody tr');

    await page.getByLabel('Program').selectOption('SEMBAKO');
    await expect.poll(() => search(page).get('program')).toBe('SEMBAKO');
    await settled(page, '[data-testid="quota-table"] tbody tr');
    await expect.poll(() => page.locator('[data-testid="view-quota"] h2').first().textContent()).toMatch(/sembako/i);
    expect(session.problems).toEqual([]);
  });

  it('reproduces a shared link in a fresh browser context: quota of one kabupaten with its plan, in English', async () => {
    onFailure('shared-link');
    const { regions } = await graphql<{ regions: { code: string; name: string }[] }>(
      '{ regions(level: REGENCY, limit: 1) { code name } }',
    );
    const kabupaten = regions[0];
    if (!kabupaten) throw new Error('no kabupaten');
    const version = published[published.length - 2];
    if (!version) throw new Error('no second-latest version');
    const link = url(`/kuota?versi=${version.id}&program=PBI_JKN&wilayah=${kabupaten.code}&lang=en`);

    const fresh = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce', storageState: signedInState('ADMIN') });
    const other = await fresh.newPage();
    session.watch(other);
    try {
      await other.goto(link);
      await settled(other, '[data-testid="quota-detail"]');
      await mkdir(artifactsDir, { recursive: true });
      await expect.poll(() => other.locator('nav.tabs a[aria-current="page"]').textContent()).toBe('Quota');
      expect(await other.getByLabel('DTSEN version').inputValue()).toBe(String(version.id));
      expect(await other.getByLabel('Program').inputValue()).toBe('PBI_JKN');
      await expect.poll(() => other.locator('[data-testid="quota-detail"]').textContent()).toContain(kabupaten.name);
      await expect.poll(() => other.locator('.breadcrumb [aria-current="location"]').textContent()).toBe(kabupaten.name);
      // Readable on a laptop screen: no horizontal scroll of the page.
      expect(await other.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await other.screenshot({ path: join(artifactsDir, 'shared-link-quota-en.png'), fullPage: true });
    } finally {
      await fresh.close();
    }
    expect(session.problems).toEqual([]);
  });

  it('exports the quota table as CSV with every kabupaten/kota the filter matches', async () => {
    onFailure('csv');
    await page.goto(url('/kuota?program=PKH'));
    await settled(page, '[data-testid="quota-table"] tbody tr');
    const { quotaStatus } = await graphql<{ quotaStatus: { totalCount: number; totals: { quota: number } } }>(
      '{ quotaStatus(programCode: PKH) { totalCount totals { quota } } }',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="quota-table"]').getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header = [], ...lines] = parseCsv(text.slice(1));
    const column = (name: string) => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`no column ${name} in ${header.join(',')}`);
      return index;
    };
    const code = column('Kode');
    const quota = column('Kuota');
    const recipients = column('Penerima');
    // One line per kabupaten/kota (each code once), then the totals line.
    const rows = lines.filter((line) => /^\d{2}\.\d{2}$/.test(line[code] ?? ''));
    expect(rows).toHaveLength(quotaStatus.totalCount);
    expect(new Set(rows.map((line) => line[code])).size).toBe(quotaStatus.totalCount);
    const totals = lines.filter((line) => !rows.includes(line));
    expect(totals).toHaveLength(1);
    const sum = (index: number) => rows.reduce((total, line) => total + Number(line[index]), 0);
    expect(Number(totals[0]?.[quota])).toBe(sum(quota));
    expect(Number(totals[0]?.[recipients])).toBe(sum(recipients));
    expect(sum(quota)).toBe(quotaStatus.totals.quota);
    expect(session.problems).toEqual([]);
  });

  it('switches the language to English and back, keeping the view', async () => {
    onFailure('language');
    await page.goto(url('/sasaran?program=PBI_JKN'));
    await settled(page, VIEWS.find((v) => v.id === 'targeting')?.ready ?? 'main');
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => search(page).get('lang')).toBe('en');
    await expect.poll(() => page.locator('nav.tabs a[aria-current="page"]').textContent()).toBe('Targeting errors');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(search(page).get('program')).toBe('PBI_JKN');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect.poll(() => page.locator('nav.tabs a[aria-current="page"]').textContent()).toBe('Ketepatan sasaran');
    expect(session.problems).toEqual([]);
  });
});
