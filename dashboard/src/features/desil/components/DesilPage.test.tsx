import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bodyRows, failingUntilRetry, setupViewTests, viewRenderer, type GraphQLRequest } from '../../../test-support/render';
import { compareFixture, distributionFixture, villageFixture, withheld } from '../__fixtures__/distribution';
import { DesilPage } from './DesilPage';

setupViewTests();

/** The fake server's distributions (its versions are 1–3, 3 the latest): the nation at 3 and 2, a desa at 3. */
const desilDistribution = ({ variables }: GraphQLRequest) => {
  if (variables.regionCode === '32.01.01.2001') return { decileDistribution: villageFixture };
  if (variables.regionCode === '32') {
    return { decileDistribution: { ...distributionFixture, region: { code: '32', name: 'Jawa Barat', level: 'PROVINCE' }, subRegions: [] } };
  }
  return { decileDistribution: variables.versionId === 2 ? compareFixture : distributionFixture };
};

// jsdom has no layout and no ResizeObserver: recharts' ResponsiveContainer keeps the initial size it is
// given (chartInitialWidth), and without matchMedia the chart does not animate, so bars are drawn at once.
const renderPage = viewRenderer(<DesilPage chartInitialWidth={960} />, { DesilDistribution: desilDistribution });

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
const rowHeaders = (testId: string) => bodyRows(testId).map((row) => within(row).getByRole('rowheader').textContent);

describe('DesilPage', () => {
  it('loads the versions, then the distribution of the latest version and region in the URL', async () => {
    const { requests } = renderPage('/desil');
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');

    await screen.findByTestId('desil-table');
    expect(requests.map((request) => request.operationName)).toEqual(['Versions', 'DesilDistribution']);
    expect(requests[1]?.variables).toEqual({ regionCode: 'ID', versionId: 3 });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sebaran desil · Indonesia · DTSEN 2025-Q3');
    const version = screen.getByTestId('version');
    expect(version.textContent).toContain('DTSEN 2025-Q3');
    expect(version.textContent).toContain('Terbit');
    expect(version.textContent).toContain('30 September 2025');
    expect(screen.getByTestId('view-desil')).toBeTruthy();
  });

  it('asks for the version and region named in the URL', async () => {
    const { requests } = renderPage('/desil?versi=2&wilayah=32');
    await screen.findByTestId('desil-table');
    expect(requests.find((request) => request.operationName === 'DesilDistribution')?.variables).toEqual({ regionCode: '32', versionId: 2 });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sebaran desil · Jawa Barat · DTSEN 2025-Q2');
  });

  it('says so, without asking for a distribution, when nothing is published', async () => {
    const { requests } = renderPage('/desil', { Versions: { versions: [] } });
    await screen.findByText('Belum ada versi DTSEN yang diterbitkan.');
    expect(requests.map((request) => request.operationName)).toEqual(['Versions']);
  });

  it('shows the GraphQL error and retries on request', async () => {
    const failure = failingUntilRetry('Wilayah tidak ditemukan', 'NOT_FOUND');
    renderPage('/desil', { DesilDistribution: failure.answer(desilDistribution) });
    await failure.retry('desil-table');
  });

  it('shows a network failure as an error', async () => {
    renderPage('/desil', {
      Versions: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Failed to fetch');
  });

  it('draws ten bars labelled Desil 1 to Desil 10, desil 1–4 and 5 coloured apart from 6–10', async () => {
    renderPage('/desil');
    const chart = await screen.findByTestId('desil-chart');
    const ticks = Array.from(chart.querySelectorAll('.recharts-cartesian-axis-tick-value'))
      .map((tick) => tick.textContent)
      .filter((text) => text.startsWith('Desil'));
    expect(ticks).toEqual(Array.from({ length: 10 }, (_, index) => `Desil ${index + 1}`));
    const bands = Array.from(chart.querySelectorAll('.recharts-bar-rectangle path')).map((bar) =>
      Array.from(bar.classList).find((name) => name.startsWith('band--')),
    );
    expect(bands).toEqual([...Array<string>(4).fill('band--priority'), 'band--extended', ...Array<string>(5).fill('band--upper')]);
    const shares = Array.from(chart.querySelectorAll('.desil-chart__share')).map((label) => label.textContent);
    expect(shares).toHaveLength(10);
    expect(shares[0]).toBe('10,0%');
  });

  it('lists every desil in the table with counts and shares of both units and their totals', async () => {
    renderPage('/desil');
    await screen.findByTestId('desil-table');
    const rows = bodyRows('desil-table');
    expect(rowHeaders('desil-table')).toEqual(Array.from({ length: 10 }, (_, index) => `Desil ${index + 1}`));
    expect(cells(rows[0] as HTMLElement)).toEqual(['9.512.345', '10,0%', '33.100.020', '11,5%']);
    const table = within(screen.getByTestId('desil-table')).getByRole('table');
    const footer = within(table).getAllByRole('row').at(-1) as HTMLElement;
    expect(within(footer).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['95.000.000', '100,0%', '289.000.000', '100,0%']);
    expect(screen.getByText('Total keluarga').parentElement?.textContent).toBe('Total keluarga95.000.000');
  });

  it('switches chart and cumulative figures to Individu and writes satuan=individu to the URL', async () => {
    renderPage('/desil');
    await screen.findByTestId('desil-table');
    expect(screen.getByRole('radio', { name: 'Keluarga' })).toHaveProperty('checked', true);
    expect(screen.getByText('Jumlah keluarga per desil')).toBeTruthy();
    expect(screen.getByText('Desil 1–4 (keluarga)').parentElement?.textContent).toContain('38.001.773');

    fireEvent.click(screen.getByRole('radio', { name: 'Individu' }));

    expect(new URLSearchParams(window.location.search).get('satuan')).toBe('individu');
    await waitFor(() => expect(screen.getByTestId('desil-chart').getAttribute('data-unit')).toBe('individuals'));
    expect(screen.getByRole('radio', { name: 'Individu' })).toHaveProperty('checked', true);
    expect(screen.getByText('Jumlah individu per desil')).toBeTruthy();
    expect(screen.getByText('Desil 1–4 (individu)').parentElement?.textContent).toContain('123.857.311');
    expect(screen.getByText('Desil 1–5 (individu)').parentElement?.textContent).toContain('152.634.762');

    fireEvent.click(screen.getByRole('radio', { name: 'Keluarga' }));
    expect(window.location.search).toBe('');
  });

  it('opens on Individu when the link says so', async () => {
    renderPage('/desil?satuan=individu');
    const chart = await screen.findByTestId('desil-chart');
    expect(chart.getAttribute('data-unit')).toBe('individuals');
    expect(screen.getByRole('radio', { name: 'Individu' })).toHaveProperty('checked', true);
  });

  it('ranks the provinces by share in desil 1–4, poorest first, and sorts by name on request', async () => {
    renderPage('/desil');
    await screen.findByTestId('desil-subregions');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Sebaran per provinsi di Indonesia');
    expect(rowHeaders('desil-subregions')).toEqual(['Papua Pegunungan', 'Jawa Barat', 'DKI Jakarta']);
    const first = bodyRows('desil-subregions')[0] as HTMLElement;
    expect(cells(first)).toEqual(['1', '1.000', '3.000', '80,0%', '5,0%', '15,0%']);
    const bars = within(screen.getByTestId('desil-subregion-chart')).getAllByRole('link');
    expect(bars.map((bar) => bar.getAttribute('data-code'))).toEqual(['95', '32', '31']);

    fireEvent.click(within(screen.getByTestId('desil-subregions')).getByRole('button', { name: /Wilayah/ }));

    expect(new URLSearchParams(window.location.search).get('urut')).toBe('nama.asc');
    await waitFor(() => expect(rowHeaders('desil-subregions')).toEqual(['DKI Jakarta', 'Jawa Barat', 'Papua Pegunungan']));
  });

  it('drills down to a province by clicking its row, and by Enter', async () => {
    const { requests } = renderPage('/desil');
    await screen.findByTestId('desil-subregions');
    fireEvent.click(bodyRows('desil-subregions')[1] as HTMLElement);
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('32');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sebaran desil · Jawa Barat · DTSEN 2025-Q3'));
    expect(requests.at(-1)?.variables).toEqual({ regionCode: '32', versionId: 3 });

    window.history.pushState(null, '', '/desil');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(rowHeaders('desil-subregions')[0]).toBe('Papua Pegunungan'));
    fireEvent.keyDown(bodyRows('desil-subregions')[0] as HTMLElement, { key: 'Enter' });
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('95');
  });

  it('drills down by clicking a bar of the sub-region chart', async () => {
    renderPage('/desil');
    const chart = await screen.findByTestId('desil-subregion-chart');
    const papua = within(chart).getByRole('link', { name: /Papua Pegunungan/ });
    expect(papua.getAttribute('href')).toBe('/desil?wilayah=95');
    fireEvent.click(papua);
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('95');
  });

  it('says there is nothing below a desa', async () => {
    renderPage('/desil?wilayah=32.01.01.2001');
    await screen.findByTestId('desil-table');
    expect(screen.getByText(/Desa\/kelurahan adalah wilayah terkecil/)).toBeTruthy();
    expect(screen.queryByTestId('desil-subregions')).toBeNull();
  });

  it('compares with another version: URL, both bars per desil, both columns and the difference', async () => {
    const { requests } = renderPage('/desil');
    await screen.findByTestId('desil-table');
    const select = screen.getByTestId('desil-compare');
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Tidak dibandingkan',
      'DTSEN 2025-Q2',
      'DTSEN 2025-Q1',
    ]);

    fireEvent.change(select, { target: { value: '2' } });

    expect(new URLSearchParams(window.location.search).get('banding')).toBe('2');
    await waitFor(() => expect(screen.getByTestId('desil-chart').getAttribute('data-compare')).toBe('true'));
    expect(requests.filter((request) => request.operationName === 'DesilDistribution').map((request) => request.variables.versionId)).toEqual([3, 2]);
    expect(screen.getByTestId('desil-chart').querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(20);
    expect(screen.getByTestId('desil-chart').querySelectorAll('.desil-bar--compare')).toHaveLength(10);

    const headers = within(screen.getByTestId('desil-table')).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual([
      'Desil',
      'Keluarga DTSEN 2025-Q3',
      'Persentase DTSEN 2025-Q3',
      'Keluarga DTSEN 2025-Q2',
      'Persentase DTSEN 2025-Q2',
      'Selisih',
      'Selisih (poin)',
    ]);
    const first = bodyRows('desil-table')[0] as HTMLElement;
    expect(cells(first).slice(0, 2)).toEqual(['9.512.345', '10,0%']);
    expect(cells(first)[2]).toBe('9.513.345');
    expect(cells(first)[4]).toBe('-1.000');
    expect(screen.getByText('Total keluarga').parentElement?.textContent).toContain('-1.000 dibanding DTSEN 2025-Q2');

    // The ranking gets the compared share and the difference: Jawa Barat went from 51,3 % to 40,0 %.
    const jabar = bodyRows('desil-subregions').find((row) => within(row).getByRole('rowheader').textContent === 'Jawa Barat');
    expect(cells(jabar as HTMLElement).slice(-2)).toEqual(['51,3%', '-11,3 poin']);
  });

  it('ignores a comparison with the version shown', async () => {
    const { requests } = renderPage('/desil?banding=3');
    await screen.findByTestId('desil-table');
    expect(screen.getByTestId('desil-compare')).toHaveProperty('value', '');
    expect(requests.filter((request) => request.operationName === 'DesilDistribution')).toHaveLength(1);
  });

  it('speaks English on ?lang=en, numbers staying in Indonesian format', async () => {
    renderPage('/desil?lang=en');
    await screen.findByTestId('desil-table');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Decile distribution · Indonesia · DTSEN 2025-Q3');
    expect(screen.getByRole('radio', { name: 'Individuals' })).toBeTruthy();
    expect(rowHeaders('desil-table')[0]).toBe('Decile 1');
    expect(screen.getByText('Total families').parentElement?.textContent).toBe('Total families95.000.000');
    expect(screen.getByTestId('version').textContent).toContain('Published');
  });

  it('shows the small cells the API withheld as "<5", in the table, the headline and the chart, and computes nothing from them', async () => {
    // Cibinong as a policy analyst sees it: 3 families in each of desil 1–4, 2 in desil 5, 1 in 6–10 are withheld.
    renderPage('/desil?wilayah=32.01.01.2001', { DesilDistribution: () => ({ decileDistribution: withheld(villageFixture) }) });
    await screen.findByTestId('desil-table');
    const [desil1, ...others] = bodyRows('desil-table');
    const desil10 = others.at(-1);
    if (!desil1 || !desil10) throw new Error('expected ten rows');
    // Families and their share withheld; individuals 9 in desil 1–4 shown, 6 in desil 5 shown, 3 in 6–10 withheld.
    expect(cells(desil1)).toEqual(['<5', '<5', '9', expect.stringMatching(/%$/)]);
    expect(cells(desil10)).toEqual(['<5', '<5', '<5', '<5']);
    expect(within(desil1).getAllByTestId('small-cell')[0]?.getAttribute('title')).toMatch(/sel kecil/);
    // The totals row: 19 families and 57 individuals shown; the sum of withheld shares is withheld.
    const footer = screen.getByTestId('desil-table').querySelector<HTMLElement>('tfoot tr');
    if (!footer) throw new Error('expected a totals row');
    expect(within(footer).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['19', '<5', '57', '<5']);
    // Desil 1–4: 12 families, but summed from withheld desil: withheld.
    expect(within(screen.getByTestId('desil-headline')).getAllByTestId('small-cell').length).toBeGreaterThan(0);
    expect(screen.getByTestId('desil-chart').textContent).toContain('<5: disembunyikan (sel kecil)');
  });
});
