import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bodyRows, failingUntilRetry, lastRequest, renderWithApi, requestsOf, respondWith, rowCells, setupViewTests, viewRenderer, type Operations } from '../../test-support/render';
import { byDesilFixture, criteriaFixture, overviewFixture, regionPathFixture, subRegionsFixture } from './__fixtures__/targeting';
import { TargetingPage } from './TargetingPage';

setupViewTests();

const operations: Operations = {
  RegionPath: ({ variables }) => regionPathFixture(String(variables.code)),
  ExclusionCriteria: criteriaFixture,
  TargetingOverview: ({ variables }) =>
    String(variables.regionCode) === '32.01.01' ? overviewFixture('32.01.01', 'Cibinong', 'DISTRICT', 12) : overviewFixture(),
  TargetingByDesil: byDesilFixture,
  TargetingSubRegions: () => subRegionsFixture(),
};

const renderPage = viewRenderer(<TargetingPage />, operations);

describe('TargetingPage', () => {
  it('shows loading, then the headline figures of the program, region and version', async () => {
    const { requests } = renderPage('/sasaran');
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');

    const headline = await screen.findByTestId('targeting-headline');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ketepatan sasaran PKH · Indonesia · DTSEN 2025-Q3');
    const figure = (key: string) => headline.querySelector(`[data-figure="${key}"]`)?.textContent;
    expect(figure('recipients')).toContain('9.475');
    expect(figure('correct')).toContain('8.628');
    expect(figure('inclusion')).toBe('Kesalahan inklusi4735,0% dari penerima');
    expect(figure('exclusion')).toBe('Kesalahan eksklusi23.09472,8% dari 31.722 yang layak');
    expect(figure('pending')).toContain('374');
    expect(figure('coverage')).toContain('27,2%');
    expect(figure('leakage')).toContain('8,9%');

    const overview = requestsOf(requests, 'TargetingOverview')[0];
    expect(overview?.variables).toEqual({ programCode: 'PKH', regionCode: 'ID', versionId: 3 });
  });

  it('names the inclusion causes from the exclusion criteria, in chart and table', async () => {
    renderWithApi(<TargetingPage chartInitialWidth={960} />, respondWith(operations), '/sasaran');
    const section = await screen.findByTestId('targeting-causes');
    await waitFor(() => expect(within(section).getAllByText('Penghasilan di atas UMP/UMK').length).toBeGreaterThan(0));
    const rows = bodyRows('targeting-causes-table');
    expect(rows).toHaveLength(20);
    expect(rowCells(rows[12] as HTMLElement)).toEqual(['13', 'Penghasilan di atas UMP/UMK', '121', '25,6%', '1,3%', 'BPJS Ketenagakerjaan']);
    expect(rowCells(rows[0] as HTMLElement).slice(0, 3)).toEqual(['1', 'Di luar DTSEN', '31']);
    expect(rowCells(rows[19] as HTMLElement).slice(0, 3)).toEqual(['20', 'Desil di atas 4, sudah dicek lapangan', '77']);
    // Fifteen causes occur: fifteen bars.
    const chart = screen.getByTestId('targeting-causes-chart');
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(15);
  });

  it('stacks the classes per desil and lists them in a table', async () => {
    renderPage('/sasaran');
    await screen.findByTestId('targeting-desil-table');
    const rows = bodyRows('targeting-desil-table');
    expect(rows).toHaveLength(11);
    expect(rowCells(rows[0] as HTMLElement)).toEqual(['Di luar DTSEN', '31', '0', '31', '0', '0', '31', '0', '–']);
    expect(rowCells(rows[1] as HTMLElement)).toEqual(['Desil 1sasaran', '8.027', '7.952', '3.425', '3.350', '0', '75', '4.602', '42,1%']);
    expect(rowCells(rows[5] as HTMLElement)).toEqual(['Desil 5', '9.306', '0', '306', '0', '235', '71', '0', '–']);
    // Non-zero segments: correct in desil 1–4, pending in 5–10, inclusion in all eleven, exclusion in 1–4.
    const chart = screen.getByTestId('targeting-desil-chart');
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4 + 6 + 11 + 4);
    expect(within(chart).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Tepat sasaran', 'Menunggu cek', 'Inklusi', 'Eksklusi']);
  });

  it('stacks recipients only on request, kept in the URL', async () => {
    renderPage('/sasaran');
    const chart = await screen.findByTestId('targeting-desil-chart');
    fireEvent.click(within(chart).getByRole('radio', { name: 'Penerima saja' }));
    expect(window.location.search).toBe('?desil=penerima');
    await waitFor(() => expect(screen.getByTestId('targeting-desil-chart').getAttribute('data-scope')).toBe('recipients'));
    // Without the exclusion errors: correct in desil 1–4, pending in 5–10, inclusion in all eleven.
    expect(screen.getByTestId('targeting-desil-chart').querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4 + 6 + 11);
    fireEvent.click(within(screen.getByTestId('targeting-desil-chart')).getByRole('radio', { name: 'Penerima dan kesalahan eksklusi' }));
    expect(window.location.search).toBe('');
  });

  it('ranks the provinces and drills down into one on click', async () => {
    const { requests } = renderPage('/sasaran');
    await screen.findByTestId('targeting-subregions-table');
    expect(requestsOf(requests, 'TargetingSubRegions')[0]?.variables).toMatchObject({
      sort: { field: 'INCLUSION_RATE', direction: 'DESC' },
      limit: 50,
      offset: 0,
    });
    const rows = bodyRows('targeting-subregions-table');
    expect(rowCells(rows[0] as HTMLElement)).toEqual(['Kepulauan Riau', '54', '142', '7', '13,0%', '98', '69,0%', '3', '31,0%', '18,5%']);

    fireEvent.click(rows[0] as HTMLElement);
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('21');
    await waitFor(() => expect(lastRequest(requests, 'TargetingOverview')?.variables.regionCode).toBe('21'));
  });

  it('drills down with the keyboard too, and pages with mulai=', async () => {
    renderPage('/sasaran', { TargetingSubRegions: () => subRegionsFixture(120) });
    await screen.findByTestId('targeting-subregions-table');
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }));
    expect(window.location.search).toBe('?mulai=50');
    const row = bodyRows('targeting-subregions-table')[2] as HTMLElement;
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(window.location.search).toBe('?wilayah=32');
  });

  it('writes the ranking order to the URL and asks the API for it', async () => {
    const { requests } = renderPage('/sasaran?mulai=50');
    const table = await screen.findByTestId('targeting-subregions-table');
    fireEvent.click(within(table).getByRole('button', { name: /^Tingkat eksklusi/ }));
    expect(window.location.search).toBe('?urut=exclusion_rate.desc');
    await waitFor(() =>
      expect(lastRequest(requests, 'TargetingSubRegions')?.variables.sort).toEqual({ field: 'EXCLUSION_RATE', direction: 'DESC' }),
    );
    fireEvent.change(within(table).getByLabelText('Peringkat menurut'), { target: { value: 'inclusion_errors' } });
    expect(window.location.search).toBe('?urut=inclusion_errors.desc');
    fireEvent.click(within(table).getByRole('button', { name: 'Peringkat menurut: terbesar dulu' }));
    expect(window.location.search).toBe('?urut=inclusion_errors.asc');
  });

  it('explains that a kecamatan has no desil breakdown, without asking for it', async () => {
    const { requests } = renderPage('/sasaran?wilayah=32.01.01');
    const desil = await screen.findByTestId('targeting-desil');
    expect(desil.textContent).toContain('Rincian per desil tersedia untuk tingkat nasional, provinsi dan kabupaten/kota');
    expect(requestsOf(requests, 'TargetingByDesil')).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ketepatan sasaran PKH · Cibinong · DTSEN 2025-Q3');
  });

  it('shows an error with a retry that loads the figures', async () => {
    const failure = failingUntilRetry('Region "99" not found', 'NOT_FOUND');
    renderPage('/sasaran', { TargetingOverview: failure.answer(() => overviewFixture()) });
    await failure.retry('targeting-headline');
  });

  it('says so when no version is published', async () => {
    const { requests } = renderPage('/sasaran', { Versions: () => ({ versions: [] }) });
    await screen.findByText('Belum ada versi DTSEN yang diterbitkan.');
    expect(requestsOf(requests, 'TargetingOverview')).toHaveLength(0);
  });

  it('says so when the program has no units in the region', async () => {
    renderPage('/sasaran', {
      TargetingOverview: () => {
        const empty = overviewFixture();
        return {
          targetingErrors: {
            ...empty.targetingErrors,
            summary: { ...empty.targetingErrors.summary, units: 0, recipients: 0, eligible: 0 },
          },
        };
      },
    });
    await screen.findByText('Program ini tidak memiliki unit di wilayah ini pada versi ini.');
    expect(screen.queryByTestId('targeting-headline')).toBeNull();
  });

  it('speaks English with lang=en', async () => {
    renderPage('/sasaran?lang=en');
    const headline = await screen.findByTestId('targeting-headline');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('PKH targeting errors · Indonesia · DTSEN 2025-Q3');
    expect(headline.querySelector('[data-figure="inclusion"]')?.textContent).toBe('Inclusion errors4735,0% of recipients');
    const causes = screen.getByTestId('targeting-causes');
    await waitFor(() => expect(within(causes).getAllByText('Income above the provincial/regency minimum wage').length).toBeGreaterThan(0));
    expect(screen.getByRole('heading', { name: 'Ranking of each province' })).toBeTruthy();
  });
});
