import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as Csv from '../../shared/csv';
import { downloadCsv } from '../../shared/csv';
import { bodyRows, failingUntilRetry, setupViewTests, viewRenderer, type GraphQLRequest } from '../../test-support/render';
import { overviewFixture } from './__fixtures__/figures';
import { OverviewPage } from './OverviewPage';

vi.mock('../../shared/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof Csv>()),
  downloadCsv: vi.fn(),
}));

setupViewTests();

/** The fake server's overview figures (its versions are 1–3): the nation, a kabupaten (32.01) or a kecamatan in it. */
const overviewFigures = ({ variables }: GraphQLRequest) => {
  const code = String(variables.regionCode);
  const region = code === 'ID' ? 'nation' : code === '32.01' ? 'regency' : 'district';
  return overviewFixture({ region, hasPrevious: variables.hasPrevious === true, versionId: Number(variables.versionId) });
};

const renderPage = viewRenderer(<OverviewPage />, { OverviewFigures: overviewFigures });
const programRows = () => bodyRows('overview-programs');

const rowOf = (name: string) => programRows().find((row) => within(row).getByRole('rowheader').textContent.startsWith(name)) as HTMLElement;
/** Column headers without the sort mark (▲ ▼ ↕) of the sort buttons. */
const headers = () =>
  within(screen.getByTestId('overview-programs'))
    .getAllByRole('columnheader')
    .map((header) => header.textContent.replace(/[↕▲▼]$/, ''));
/** The cell under a column header, in the program's row. */
function cell(program: string, header: string): HTMLElement {
  const index = headers().findIndex((text) => text.startsWith(header));
  if (index < 0) throw new Error(`no column ${header}`);
  return rowOf(program).querySelectorAll('th, td')[index] as HTMLElement;
}
const deltaOf = (element: HTMLElement) => element.querySelector('.overview-delta') as HTMLElement;

describe('OverviewPage', () => {
  it('asks for everything in one query for the latest version and its predecessor', async () => {
    const { requests } = renderPage('/');
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');
    await screen.findByTestId('overview-programs');
    expect(requests.map((request) => request.operationName)).toEqual(['Versions', 'OverviewFigures']);
    expect(requests[1]?.variables).toEqual({
      regionCode: 'ID',
      versionId: 3,
      fromVersionId: 2,
      previousVersionId: 2,
      hasPrevious: true,
      provinceCode: null,
      regencyCode: null,
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ringkasan · Indonesia · DTSEN 2025-Q3');
    expect(screen.getByTestId('view-overview')).toBeTruthy();
  });

  it('shows the headline figures with their changes since the previous version', async () => {
    renderPage('/');
    const headline = await screen.findByTestId('overview-headline');
    const families = within(headline).getByTestId('overview-families');
    expect(families.querySelector('.overview-card__value')?.textContent).toBe('92.017');
    expect(deltaOf(families).textContent).toBe('Perubahan sejak DTSEN 2025-Q2: ▲+449');
    expect(within(headline).getByTestId('overview-individuals').querySelector('.overview-card__value')?.textContent).toBe('281.438');
    const share = within(headline).getByTestId('overview-share14');
    expect(share.querySelector('.overview-card__value')?.textContent).toBe('38,6%');
    expect(share.textContent).toContain(`${(35_539).toLocaleString('id-ID')} keluarga`);
    expect(within(screen.getByTestId('overview-desil')).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByTestId('overview-desil').textContent).toContain('Desil 1: 9,1%');
  });

  it('lists the five programs with figures and changes coloured by whether they are good news', async () => {
    renderPage('/');
    await screen.findByTestId('overview-programs');
    expect(programRows().map((row) => within(row).getByRole('rowheader').querySelector('a')?.textContent)).toEqual([
      'PKH',
      'Sembako',
      'PBI-JKN',
      'ATENSI',
      'PIP',
    ]);
    expect(cell('PKH', 'Penerima').textContent).toContain('9.475');
    expect(deltaOf(cell('PKH', 'Penerima')).getAttribute('data-tone')).toBe('neutral');
    const coverage = cell('PKH', 'Cakupan');
    expect(coverage.querySelector('.overview-figure__value')?.textContent).toBe('27,2%');
    expect(deltaOf(coverage).textContent).toContain('+0,2 poin');
    expect(deltaOf(coverage).getAttribute('data-tone')).toBe('good');
    const inclusion = cell('PKH', 'Salah inklusi');
    expect(inclusion.querySelector('.overview-figure__value')?.textContent).toBe('473');
    expect(deltaOf(inclusion).textContent).toContain('-33');
    expect(deltaOf(inclusion).getAttribute('data-tone')).toBe('good');
    expect(deltaOf(cell('PIP', 'Salah inklusi')).getAttribute('data-tone')).toBe('bad');
    expect(deltaOf(cell('PIP', 'Cakupan')).getAttribute('data-tone')).toBe('bad');

    // Kabupaten/kota under quota: 274 → 279 is worse; ATENSI and PIP have no national quota.
    const under = cell('PKH', 'Kab/kota di bawah kuota');
    expect(under.querySelector('.overview-figure__value')?.textContent).toBe('279');
    expect(deltaOf(under).getAttribute('data-tone')).toBe('bad');
    expect(cell('PKH', 'Kab/kota di atas kuota').querySelector('.overview-figure__value')?.textContent).toBe('168');
    expect(cell('ATENSI', 'Kab/kota di bawah kuota').textContent).toBe('menurut asesmen');
    expect(screen.getByText(/514 kabupaten\/kota dalam wilayah ini/)).toBeTruthy();
  });

  it('links each program to its Targeting and Quota views with the same version and region', async () => {
    renderPage('/?versi=3&wilayah=32.01.01');
    await screen.findByTestId('overview-programs');
    const links = within(rowOf('Sembako')).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/sasaran?versi=3&program=SEMBAKO&wilayah=32.01.01',
      '/sasaran?versi=3&program=SEMBAKO&wilayah=32.01.01',
      // The quota is per kabupaten/kota: the kecamatan's kabupaten.
      '/kuota?versi=3&program=SEMBAKO&wilayah=32.01',
    ]);
    fireEvent.click(within(rowOf('Sembako')).getByRole('link', { name: 'Kuota Sembako' }));
    expect(window.location.pathname).toBe('/kuota');
    expect(new URLSearchParams(window.location.search).get('program')).toBe('SEMBAKO');
  });

  it('sorts the programs by a column on request and keeps the order in the URL', async () => {
    renderPage('/');
    await screen.findByTestId('overview-programs');
    fireEvent.click(within(screen.getByTestId('overview-programs')).getByRole('button', { name: /Cakupan/ }));
    expect(new URLSearchParams(window.location.search).get('urut')).toBe('coverage.desc');
    await waitFor(() =>
      expect(programRows().map((row) => within(row).getByRole('rowheader').querySelector('a')?.textContent)).toEqual([
        'PBI-JKN',
        'Sembako',
        'PIP',
        'PKH',
        'ATENSI',
      ]),
    );
  });

  it('exports the table as CSV with raw figures and a column for each change', async () => {
    renderPage('/');
    await screen.findByTestId('overview-programs');
    fireEvent.click(within(screen.getByTestId('overview-programs')).getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(downloadCsv).toHaveBeenCalledOnce());
    const [fileName, csv] = vi.mocked(downloadCsv).mock.calls[0] ?? ['', ''];
    expect(fileName).toBe('ringkasan-indonesia-dtsen-2025-q3.csv');
    const [header = '', ...lines] = csv.trimEnd().split('\r\n');
    const columns = header.split(',');
    expect(columns.slice(0, 6)).toEqual(['Program', 'Kode', 'Penerima', 'Perubahan Penerima', 'Layak', 'Perubahan Layak']);
    expect(columns).toContain('Perubahan Kab/kota di bawah kuota');
    expect(columns).not.toContain('Rincian');
    expect(lines).toHaveLength(5);
    const pkh = (lines[0] ?? '').split(',');
    const at = (name: string) => pkh[columns.indexOf(name)];
    expect(at('Kode')).toBe('PKH');
    expect(at('Penerima')).toBe('9475');
    expect(at('Perubahan Penerima')).toBe('-27');
    expect(at('Cakupan')).toBe('0.27199');
    expect(at('Kab/kota di bawah kuota')).toBe('279');
    expect(at('Perubahan Kab/kota di bawah kuota')).toBe('5');
  });

  it('shows a kabupaten its own quota status and gap', async () => {
    const { requests } = renderPage('/?wilayah=32.01');
    await screen.findByTestId('overview-programs');
    expect(requests[1]?.variables).toMatchObject({ provinceCode: null, regencyCode: '32.01' });
    expect(headers()).toContain('Status kuota');
    expect(cell('PKH', 'Status kuota').textContent).toBe('Di atas kuota');
    const gap = cell('PKH', 'Sisa kuota');
    expect(gap.querySelector('.overview-figure__value')?.textContent).toBe('-15');
    expect(deltaOf(gap).getAttribute('data-tone')).toBe('bad');
    expect(cell('Sembako', 'Status kuota').textContent).toBe('Di bawah kuota');
    expect(deltaOf(cell('Sembako', 'Sisa kuota')).getAttribute('data-tone')).toBe('good');
  });

  it('shows a kecamatan the quota status of the kabupaten containing it, labelled as such', async () => {
    renderPage('/?wilayah=32.01.01');
    await screen.findByTestId('overview-programs');
    expect(headers()).toContain('Status kuota Kabupaten Bogor');
    expect(screen.getByText(/milik Kabupaten Bogor, yang memuat wilayah ini/)).toBeTruthy();
  });

  it('shows no changes for the first published version', async () => {
    const { requests } = renderPage('/?versi=1');
    await screen.findByTestId('overview-programs');
    expect(requests[1]?.variables).toMatchObject({ versionId: 1, fromVersionId: 1, hasPrevious: false });
    expect(screen.getByText('Belum ada versi sebelumnya untuk dibandingkan.')).toBeTruthy();
    expect(deltaOf(screen.getByTestId('overview-families')).textContent).toBe('–');
    expect(deltaOf(cell('PKH', 'Cakupan')).textContent).toBe('–');
  });

  it('shows the error and retries on request', async () => {
    const failure = failingUntilRetry('Versi 3 tidak ditemukan', 'NOT_FOUND');
    renderPage('/', { OverviewFigures: failure.answer(overviewFigures) });
    await failure.retry('overview-programs');
  });

  it('says so when nothing is published, and when the region has no families', async () => {
    const { requests } = renderPage('/', { Versions: { versions: [] } });
    await screen.findByText('Belum ada versi DTSEN yang diterbitkan.');
    expect(requests.map((request) => request.operationName)).toEqual(['Versions']);
    cleanup();

    renderPage('/', { OverviewFigures: () => overviewFixture({ totalFamilies: 0 }) });
    await screen.findByText('Wilayah ini belum memiliki keluarga DTSEN pada versi ini.');
    expect(screen.queryByTestId('overview-programs')).toBeNull();
  });

  it('speaks English on ?lang=en, numbers staying in Indonesian format', async () => {
    renderPage('/?lang=en');
    await screen.findByTestId('overview-programs');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Overview · Indonesia · DTSEN 2025-Q3');
    expect(headers()).toContain('Coverage');
    expect(deltaOf(cell('PKH', 'Coverage')).textContent).toContain('+0,2 pts');
    expect(screen.getByTestId('overview-families').textContent).toContain('92.017');
    expect(cell('ATENSI', 'Regencies under quota').textContent).toBe('by assessment');
  });
});
