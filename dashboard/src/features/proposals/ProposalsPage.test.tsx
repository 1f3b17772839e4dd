import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as Csv from '../../shared/csv';
import { downloadCsv } from '../../shared/csv';
import { failingUntilRetry, lastRequest, setupViewTests, viewRenderer, type Operations } from '../../test-support/render';
import { funnelFixture, listFixture, subRegionsFixture } from './__fixtures__/proposals';
import { ProposalsPage } from './ProposalsPage';

vi.mock('../../shared/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof Csv>()),
  downloadCsv: vi.fn(),
}));

setupViewTests();

const nation = { __typename: 'Region', code: 'ID', name: 'Indonesia', level: 'NATION', parent: null };
const province = { __typename: 'Region', code: '32', name: 'Jawa Barat', level: 'PROVINCE', parent: nation };
const regency = { __typename: 'Region', code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', parent: province };

const operations: Operations = {
  RegionPath: ({ variables }) => ({ region: { ...(variables.code === '32.01' ? regency : province), childCount: 27 } }),
  ProposalsFunnel: funnelFixture,
  ProposalsSubRegions: subRegionsFixture,
  ProposalsList: listFixture,
};

const renderPage = viewRenderer(<ProposalsPage />, operations);

const rowNames = (table: HTMLElement) => within(table).getAllByRole('rowheader').map((cell) => cell.textContent);

describe('ProposalsPage', () => {
  it('shows the funnel, the turnaround and the tables of the region and version', async () => {
    const { requests } = renderPage('/usulan?wilayah=32');
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');
    await screen.findByRole('heading', { level: 2, name: 'Usulan · Jawa Barat · DTSEN 2025-Q3' });

    const funnel = await screen.findByTestId('proposals-funnel');
    const stages = within(funnel).getAllByRole('listitem');
    expect(stages.map((stage) => stage.getAttribute('data-reached'))).toEqual(['66', '46', '21', '15', '13']);
    expect(stages[1]?.textContent).toContain('≥ 46 (69,7%)');
    expect(stages[1]?.textContent).toContain('25 menunggu cek lapangan');
    expect(funnel.textContent).toContain('batas bawah');

    const headline = screen.getByTestId('proposals-headline');
    expect(headline.textContent).toContain('66');
    expect(headline.textContent).toContain('53,6% disetujui');
    expect(headline.textContent).toContain('≈ 49,5 hari');
    expect(headline.textContent).toContain('19–68,5 hari');

    const table = screen.getByTestId('proposals-table');
    expect(rowNames(table)).toEqual(['Diajukan', 'Terverifikasi', 'Sudah cek lapangan', 'Disetujui', 'Ditolak']);
    const approved = within(table).getByRole('rowheader', { name: 'Disetujui' }).closest('tr');
    expect(approved?.textContent).toContain('≈ 49,5 hari');
    expect(approved?.textContent).toContain('68,5');

    const paths = screen.getByTestId('proposals-paths');
    const formal = within(paths).getByRole('rowheader', { name: 'Jalur formal (Musdes/Muskel, SIKS-NG)' }).closest('tr');
    expect(formal?.textContent).toContain('60,0%');

    expect(lastRequest(requests, 'ProposalsFunnel')?.variables).toEqual({ regionCode: '32', versionId: 3 });
    expect(lastRequest(requests, 'ProposalsSubRegions')?.variables).toEqual({ regionCode: '32', versionId: 3 });
    expect(lastRequest(requests, 'ProposalsList')?.variables).toEqual({ filter: { regionCode: '32', submittedVersionId: 3 }, first: 20, after: null });
    const list = await screen.findByTestId('proposals-list');
    expect(within(list).getAllByRole('row')).toHaveLength(4);
    expect(list.textContent).toContain('Situdaun');
    expect(list.textContent).not.toMatch(/\d{4}\*+\d{4}/);
  });

  it('ranks sub-regions by volume, re-sorts by turnaround into the URL, and drills down on a row', async () => {
    renderPage('/usulan?wilayah=32');
    const regions = await screen.findByTestId('proposals-regions');
    expect(rowNames(regions).slice(0, 2)).toEqual(['Kabupaten Bandung', 'Kabupaten Bogor']);

    fireEvent.click(within(regions).getByRole('button', { name: /Median hari/ }));
    expect(new URLSearchParams(window.location.search).get('urut')).toBe('median');
    expect(new URLSearchParams(window.location.search).get('arah')).toBe('desc');
    await waitFor(() => expect(rowNames(screen.getByTestId('proposals-regions'))[0]).toBe('Kabupaten Garut'));
    // Regions with nothing decided sort last either way.
    expect(rowNames(screen.getByTestId('proposals-regions')).at(-1)).toMatch(/Sukabumi|Tasikmalaya/);

    const cianjur = within(screen.getByTestId('proposals-regions')).getByRole('rowheader', { name: 'Kabupaten Cianjur' }).closest('tr');
    if (!cianjur) throw new Error('row');
    fireEvent.keyDown(cianjur, { key: 'Enter' });
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('32.03');
  });

  it('reads the sort from the URL', async () => {
    renderPage('/usulan?wilayah=32&urut=median&arah=asc');
    const regions = await screen.findByTestId('proposals-regions');
    expect(rowNames(regions)[0]).toBe('Kabupaten Bandung');
    expect(within(regions).getByRole('columnheader', { name: /Median hari/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows a kecamatan at its kabupaten/kota, without sub-regions', async () => {
    const { requests } = renderPage('/usulan?wilayah=32.01.05');
    await screen.findByRole('heading', { level: 2, name: 'Usulan · Kabupaten Bogor · DTSEN 2025-Q3' });
    await screen.findByTestId('proposals-funnel');
    expect(screen.getByRole('note').textContent).toContain('Kabupaten Bogor');
    expect(lastRequest(requests, 'ProposalsFunnel')?.variables).toEqual({ regionCode: '32.01', versionId: 3 });
    expect(requests.some((request) => request.operationName === 'ProposalsSubRegions')).toBe(false);
    expect(screen.queryByTestId('proposals-regions')).toBeNull();
  });

  it('filters and pages the list through the URL', async () => {
    const { requests } = renderPage('/usulan?wilayah=32');
    await screen.findByTestId('proposals-list');
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'APPROVED' } });
    expect(new URLSearchParams(window.location.search).get('status')).toBe('APPROVED');
    await waitFor(() =>
      expect(lastRequest(requests, 'ProposalsList')?.variables.filter).toEqual({ regionCode: '32', submittedVersionId: 3, status: 'APPROVED' }),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Berikutnya' }));
    const query = new URLSearchParams(window.location.search);
    expect(query.get('setelah')).toBe(listFixture.proposals.pageInfo.endCursor);
    expect(query.get('hal')).toBe('2');
    await waitFor(() => expect(lastRequest(requests, 'ProposalsList')?.variables.after).toBe(listFixture.proposals.pageInfo.endCursor));
    expect(await screen.findByText(/Halaman 2 · 66 usulan/)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Jalur' }), { target: { value: 'FORMAL' } });
    expect(window.location.search).not.toContain('setelah');
    expect(window.location.search).toContain('jalur=FORMAL');
  });

  it('shows an error with a retry', async () => {
    const failure = failingUntilRetry('the proposals funnel is kept down to kabupaten/kota');
    renderPage('/usulan?wilayah=32', { ProposalsFunnel: failure.answer(funnelFixture) });
    await failure.retry('proposals-funnel');
  });

  it('says so when no proposal was submitted', async () => {
    const none = {
      byStatus: { totalProposals: 0, groups: funnelFixture.byStatus.groups.map((group) => ({ ...group, proposals: 0 })), cells: [] },
      byPath: { groups: [] },
      byKind: { groups: [] },
    };
    renderPage('/usulan?wilayah=32', { ProposalsFunnel: () => none });
    await screen.findByText('Tidak ada usulan yang diajukan pada versi ini di wilayah ini.');
    expect(screen.queryByTestId('proposals-funnel')).toBeNull();
  });

  it('speaks English with lang=en', async () => {
    renderPage('/usulan?wilayah=32&lang=en');
    await screen.findByRole('heading', { level: 2, name: 'Proposals · Jawa Barat · DTSEN 2025-Q3' });
    const table = await screen.findByTestId('proposals-table');
    expect(rowNames(table)).toEqual(['Submitted', 'Verified', 'Ground-checked', 'Approved', 'Rejected']);
    expect(screen.getByTestId('proposals-funnel').textContent).toContain('25 awaiting the ground check');
    expect(screen.getByTestId('proposals-headline').textContent).toContain('≈ 49,5 days');
  });

  it('exports every page of the list to CSV, following the cursors', async () => {
    const [first, second, third] = listFixture.proposals.edges;
    if (!first || !second || !third) throw new Error('fixture');
    const page = (edges: (typeof first)[], endCursor: string, hasNextPage: boolean) => ({
      proposals: { totalCount: 3, pageInfo: { endCursor, hasNextPage }, edges },
    });
    const { requests } = renderPage('/usulan?wilayah=32', {
      ProposalsList: ({ variables }) => {
        if (variables.first === 20) return listFixture;
        return variables.after === null ? page([first, second], 'c2', true) : page([third], 'c3', false);
      },
    });
    const list = await screen.findByTestId('proposals-list');
    fireEvent.click(within(list).getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(downloadCsv).toHaveBeenCalledOnce());
    const [fileName, csv] = vi.mocked(downloadCsv).mock.calls[0] ?? ['', ''];
    expect(fileName).toBe('usulan-daftar-jawa-barat-dtsen-2025-q3.csv');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('No.,Diajukan,Jenis,Jalur,Program,Desa/kelurahan,Status,Diputuskan');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('388,2026-04-17,Sanggahan,Formal,PIP,"Situdaun, Tenjolaya",Ditolak,2026-05-06');
    expect(requests.filter((request) => request.operationName === 'ProposalsList' && request.variables.first === 100).map((request) => request.variables.after)).toEqual([
      null,
      'c2',
    ]);
  });
});
