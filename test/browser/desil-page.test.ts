// End-to-end check of the dashboard's first page in a real browser: the server started by
// test/support/global-setup.ts serves the built dashboard at `/` and GraphQL at `/graphql`; signed in as ADMIN
// (browser.ts puts the token where the dashboard keeps it).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { openBrowser, parseCount, parsePercent, type BrowserSession } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

async function columnTexts(rows: Locator, cellIndex: number): Promise<string[]> {
  return rows.evaluateAll(
    (elements, index) => elements.map((row) => (row as HTMLTableRowElement).cells[index]?.textContent ?? ''),
    cellIndex,
  );
}

describe('desil distribution page', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowser();
    page = session.page;
  });

  afterAll(async () => {
    await session.close();
  });

  it('shows the national desil distribution of the latest version and switches units', async () => {
    onTestFailed(async () => {
      await session.screenshot('desil-page.failure');
      console.error(`desil page problems:\n${session.problems.join('\n')}`);
    });
    const baseUrl = inject('serverUrl');
    await page.goto(new URL('/desil', baseUrl).href, { waitUntil: 'domcontentloaded' });

    await expect.poll(() => page.locator('h1').textContent()).toBe('DTSEN Atlas');

    // The chart: ten bars, drawn with a real size.
    const chart = page.getByTestId('desil-chart');
    const bars = chart.locator('.recharts-bar-rectangle path');
    await bars.nth(9).waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => bars.count()).toBe(10);
    const tickLabels = await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents();
    expect(tickLabels.filter((label) => label.startsWith('Desil'))).toEqual(
      Array.from({ length: 10 }, (_, index) => `Desil ${index + 1}`),
    );

    // Version label and status.
    const version = page.getByTestId('version');
    expect((await version.locator('.version__label').textContent())?.trim()).not.toBe('');
    expect(['Terbit', 'Draf']).toContain(await version.locator('.version__status').textContent());

    // The table: ten desil rows whose counts add up to the totals and whose shares add up to ~100 %.
    const table = page.locator('table.desil-table');
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(10);
    expect(await columnTexts(rows, 0)).toEqual(Array.from({ length: 10 }, (_, index) => `Desil ${index + 1}`));
    const footer = await table
      .locator('tfoot tr')
      .evaluate((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent ?? ''));
    const totalFamilies = parseCount(footer[1] ?? '');
    const totalIndividuals = parseCount(footer[3] ?? '');
    expect(totalFamilies).toBeGreaterThan(0);
    expect(totalIndividuals).toBeGreaterThanOrEqual(totalFamilies);

    const familyCounts = (await columnTexts(rows, 1)).map(parseCount);
    const individualCounts = (await columnTexts(rows, 3)).map(parseCount);
    expect(familyCounts.reduce((sum, count) => sum + count, 0)).toBe(totalFamilies);
    expect(individualCounts.reduce((sum, count) => sum + count, 0)).toBe(totalIndividuals);

    for (const shareColumn of [2, 4]) {
      const shares = (await columnTexts(rows, shareColumn)).map(parsePercent);
      expect(shares.every((share) => Number.isFinite(share) && share >= 0 && share <= 100)).toBe(true);
      // Each share is rounded to 0,1 %: ten of them are within 0,5 % of 100 %.
      expect(Math.abs(shares.reduce((sum, share) => sum + share, 0) - 100)).toBeLessThanOrEqual(0.6);
    }

    // Keluarga → Individu → Keluarga: the chart follows the unit.
    const heights = () => bars.evaluateAll((paths) => paths.map((path) => path.getAttribute('height')));
    const familyHeights = await heights();
    await expect.poll(() => chart.getAttribute('data-unit')).toBe('families');
    await page.getByRole('radio', { name: 'Individu' }).check();
    await expect.poll(() => chart.getAttribute('data-unit')).toBe('individuals');
    await expect.poll(() => chart.locator('figcaption').textContent()).toBe('Jumlah individu per desil');
    await expect.poll(() => page.getByText('Desil 1–4 (individu)').count()).toBe(1);
    await expect.poll(() => bars.count()).toBe(10);
    const proportional = familyCounts.every(
      (count, index) => count * totalIndividuals === (individualCounts[index] ?? 0) * totalFamilies,
    );
    if (!proportional) {
      // The two units are not proportional, so the bars must have changed.
      await expect.poll(heights).not.toEqual(familyHeights);
    }
    await page.getByRole('radio', { name: 'Keluarga' }).check();
    await expect.poll(() => chart.getAttribute('data-unit')).toBe('families');
    await expect.poll(heights).toEqual(familyHeights);

    await session.screenshot('desil-page');

    expect(session.problems).toEqual([]);
  });
});
