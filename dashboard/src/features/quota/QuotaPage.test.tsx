import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyRows, failingUntilRetry, lastRequest, rowCells, setupViewTests, viewRenderer, type Operations } from '../../test-support/render';
import { criteriaFixture, regionPathFixture } from '../targeting/__fixtures__/targeting';
import { overPlanFixture, programsFixture, quotaRows, quotaStatusFixture, underPlanFixture } from './__fixtures__/quota';
import { QuotaPage } from './QuotaPage';

setupViewTests();
afterEach(() => {
  vi.useRealTimers();
});

const operations: Operations = {
  RegionPath: ({ variables }) => regionPathFixture(String(variables.code)),
  Programs: programsFixture,
  ExclusionCriteria: criteriaFixture,
  QuotaStatusList: () => quotaStatusFixture(),
  QuotaNationalRecipients: { targetingErrors: { __typename: 'TargetingErrors', summary: { __typename: 'TargetingSummary', recipients: 2345 } } },
  QuotaReallocationPlan: ({ variables }) => (String(variables.regencyCode) === '32.01' ? overPlanFixture : underPlanFixture),
};

const renderPage = viewRenderer(<QuotaPage />, operations);
const query = () => new URLSearchParams(window.location.search);

describe('QuotaPage', () => {
  it('lists the kabupaten/kota with quota, recipients, gap, status and totals, and explains the quota', async () => {
    const { requests } = renderPage('/kuota');
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');
    await screen.findByTestId('quota-table');

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Kuota PKH · Indonesia · DTSEN 2025-Q3');
    const rows = bodyRows('quota-table');
    expect(rows).toHaveLength(4);
    expect(rowCells(rows[0] as HTMLElement)).toEqual(['Kabupaten Indramayu', '32.12', 'Jawa Barat', '84', '64', '+20', '23,8%', 'Di bawah kuota']);
    expect(rowCells(rows[3] as HTMLElement)).toEqual(['Kabupaten Bogor', '32.01', 'Jawa Barat', '177', '192', '-15', '-8,5%', 'Di atas kuota']);
    const footer = within(screen.getByTestId('quota-table')).getAllByRole('row').at(-1) as HTMLElement;
    expect(rowCells(footer).slice(0, 6)).toEqual(['Jumlah (514 kab/kota)', '', '', '10.000', '9.475', '+525']);

    const basis = screen.getByTestId('quota-basis');
    expect(basis.textContent).toContain('10.000 keluarga');
    expect(basis.textContent).toContain('Maret 2024');
    expect(basis.textContent).toContain('Kuota program 10.000.000, disesuaikan dengan skala data.');
    const summary = screen.getByTestId('quota-summary');
    expect(summary.querySelector('[data-figure="under"]')?.textContent).toBe('Di bawah kuota279');
    expect(summary.querySelector('[data-figure="excess"]')?.textContent).toBe('Penerima berlebih573');

    expect(lastRequest(requests, 'QuotaStatusList')?.variables).toEqual({
      programCode: 'PKH',
      versionId: 3,
      sort: { field: 'GAP', direction: 'DESC' },
      limit: 50,
      offset: 0,
    });
    expect(screen.queryByTestId('quota-detail')).toBeNull();
  });

  it('filters by status with checkboxes written to the URL, back to the first page', async () => {
    const { requests } = renderPage('/kuota?mulai=50');
    await screen.findByTestId('quota-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Di bawah kuota' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Di atas kuota' }));
    expect(query().get('status')).toBe('UNDER,OVER');
    expect(query().get('mulai')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Di atas kuota' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Sesuai kuota' })).toHaveProperty('checked', false);
    await waitFor(() => expect(lastRequest(requests, 'QuotaStatusList')?.variables.status).toEqual(['UNDER', 'OVER']));
  });

  it('searches by name once typing pauses, replacing the history entry', async () => {
    const { requests } = renderPage('/kuota');
    await screen.findByTestId('quota-table');
    vi.useFakeTimers();
    const before = window.history.length;
    const box = screen.getByRole('searchbox', { name: 'Cari kabupaten/kota' });
    fireEvent.change(box, { target: { value: 'Bog' } });
    fireEvent.change(box, { target: { value: 'Bogor ' } });
    expect(query().get('cari')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(300);
    });
    expect(query().get('cari')).toBe('Bogor');
    expect(window.history.length).toBe(before);
    vi.useRealTimers();
    await waitFor(() => expect(lastRequest(requests, 'QuotaStatusList')?.variables.search).toBe('Bogor'));
  });

  it('sorts on the server by a column header and pages with mulai=', async () => {
    const { requests } = renderPage('/kuota', { QuotaStatusList: () => quotaStatusFixture(quotaRows, 120) });
    const table = await screen.findByTestId('quota-table');
    fireEvent.click(within(table).getByRole('button', { name: /^Penerima/ }));
    expect(query().get('urut')).toBe('recipients.desc');
    await waitFor(() => expect(lastRequest(requests, 'QuotaStatusList')?.variables.sort).toEqual({ field: 'RECIPIENTS', direction: 'DESC' }));
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }));
    expect(query().get('mulai')).toBe('50');
    await waitFor(() => expect(lastRequest(requests, 'QuotaStatusList')?.variables.offset).toBe(50));
  });

  it('opens the fill plan of an under-quota kabupaten on row click and closes it again', async () => {
    const { requests } = renderPage('/kuota');
    await screen.findByTestId('quota-table');
    fireEvent.click(bodyRows('quota-table')[0] as HTMLElement);
    expect(query().get('kab')).toBe('32.12');

    const detail = await screen.findByTestId('quota-detail');
    await within(detail).findByTestId('quota-plan');
    expect(within(detail).getByRole('heading', { level: 3 }).textContent).toBe('Rencana realokasi · Kabupaten Indramayu');
    expect(lastRequest(requests, 'QuotaReallocationPlan')?.variables).toEqual({ programCode: 'PKH', versionId: 3, regencyCode: '32.12', limit: 100 });
    const steps = within(detail).getByTestId('quota-fill-steps');
    expect(within(steps).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Desil 1–4 yang belum menerima dan sudah dicek lapangan18 diambil dari 18 calon',
      'Daftar tunggu: usulan yang disetujui kepala daerah0 diambil dari 0 calon',
      'Desil 1–4 lainnya yang belum menerima, termiskin dulu0 diambil dari 0 calon',
    ]);
    expect(steps.textContent).toContain('2 tempat tetap kosong');
    const families = bodyRows('quota-plan');
    expect(rowCells(families[0] as HTMLElement)).toEqual([
      '1',
      '1 · Sudah dicek lapangan',
      '3212********0003',
      'S***** S*********',
      '1',
      '2.353',
      'Eretan Wetan',
      'Kandanghaur',
    ]);
    expect(bodyRows('quota-table')[0]?.getAttribute('aria-selected')).toBe('true');

    fireEvent.click(within(detail).getByRole('button', { name: 'Tutup rencana realokasi dan kembali ke daftar' }));
    expect(query().get('kab')).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('quota-detail')).toBeNull());
  });

  it('lands a regional head on their own kabupaten: its removal plan, the list of its province', async () => {
    const { requests } = renderPage('/kuota?wilayah=32.01');
    const detail = await screen.findByTestId('quota-detail');
    // The kabupaten's name arrives with its own query (RegionPath), possibly after the panel.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Kuota PKH · Kabupaten Bogor · DTSEN 2025-Q3'));
    await within(detail).findByTestId('quota-removal-steps');
    expect(lastRequest(requests, 'QuotaReallocationPlan')?.variables.regencyCode).toBe('32.01');
    await waitFor(() => expect(lastRequest(requests, 'QuotaStatusList')?.variables.provinceCode).toBe('32'));

    const steps = within(detail).getByTestId('quota-removal-steps');
    expect(within(steps).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Alamat tidak ditemukan2 dikeluarkan dari 2',
      'ASN/TNI/Polri/pegawai BUMN/BUMD/pejabat negara3 dikeluarkan dari 3',
      'Penghasilan di atas UMP/UMK4 dikeluarkan dari 4',
      'Desil di atas 4, sudah dicek lapangan1 dikeluarkan dari 1',
    ]);
    expect(steps.textContent).toContain('5 penerima berlebih tidak dapat ditutup dari kesalahan inklusi');
    const families = bodyRows('quota-plan');
    expect(rowCells(families[1] as HTMLElement)).toEqual(['2', 'Desil di atas 4, sudah dicek lapangan', '3201********0001', 'S***** S*********', '7', '–', 'Leuwisadeng', 'Leuwisadeng']);
    // The panel comes before the list for the kabupaten's own head.
    const panelFirst = detail.compareDocumentPosition(await screen.findByTestId('quota-table')) & Node.DOCUMENT_POSITION_FOLLOWING;
    expect(panelFirst).toBeTruthy();

    fireEvent.click(within(detail).getByRole('button', { name: 'Tutup rencana realokasi dan kembali ke daftar' }));
    expect(query().get('wilayah')).toBe('32');
    expect(query().get('kab')).toBeNull();
  });

  it('opens a plan with the keyboard', async () => {
    renderPage('/kuota?wilayah=32');
    await screen.findByTestId('quota-table');
    fireEvent.keyDown(bodyRows('quota-table')[3] as HTMLElement, { key: 'Enter' });
    expect(query().get('kab')).toBe('32.01');
    const detail = await screen.findByTestId('quota-detail');
    await waitFor(() => expect(document.activeElement).toBe(within(detail).getByRole('heading', { level: 3 })));
  });

  it('distributes today’s national recipients for a program without a national quota', async () => {
    const { requests } = renderPage('/kuota?program=ATENSI', {
      QuotaStatusList: ({ variables }) => quotaStatusFixture(quotaRows, 514, 'ATENSI', Number(variables.nationalQuota)),
    });
    await screen.findByTestId('quota-table');
    expect(lastRequest(requests, 'QuotaStatusList')?.variables.nationalQuota).toBe(2345);
    const basis = screen.getByTestId('quota-basis');
    expect(basis.textContent).toContain('2.345 jiwa');
    expect(basis.textContent).toContain('penerima nasional saat ini (2.345)');

    fireEvent.change(within(basis).getByLabelText('Kuota nasional'), { target: { value: '3000' } });
    fireEvent.click(within(basis).getByRole('button', { name: 'Terapkan' }));
    expect(query().get('kuota')).toBe('3000');
    await waitFor(() => expect(lastRequest(requests, 'QuotaStatusList')?.variables.nationalQuota).toBe(3000));
  });

  it('shows an error with a retry', async () => {
    const failure = failingUntilRetry('ATENSI has no national quota', 'BAD_USER_INPUT');
    renderPage('/kuota', { QuotaStatusList: failure.answer(() => quotaStatusFixture()) });
    await failure.retry('quota-table');
  });

  it('says so when no kabupaten/kota matches, and when nothing is published', async () => {
    renderPage('/kuota?cari=zzz', { QuotaStatusList: () => quotaStatusFixture([], 0) });
    await screen.findByText('Tidak ada kabupaten/kota yang cocok dengan saringan ini.');
    expect(screen.queryByTestId('quota-table')).toBeNull();
    expect(screen.getByRole('searchbox')).toHaveProperty('value', 'zzz');
    cleanup();
    renderPage('/kuota', { Versions: () => ({ versions: [] }) });
    await screen.findByText('Belum ada versi DTSEN yang diterbitkan.');
  });

  it('speaks English with lang=en', async () => {
    renderPage('/kuota?lang=en&kab=32.12');
    await screen.findByTestId('quota-table');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('PKH quota · Indonesia · DTSEN 2025-Q3');
    expect(screen.getByRole('checkbox', { name: 'Under quota' })).toBeTruthy();
    expect(screen.getByTestId('quota-basis').textContent).toContain('March 2024');
    const detail = await screen.findByTestId('quota-detail');
    expect((await within(detail).findByTestId('quota-fill-steps')).textContent).toContain('Desil 1–4 non-recipients already ground-checked18 taken of 18 candidates');
  });
});
