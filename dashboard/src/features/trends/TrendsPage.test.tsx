import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failingUntilRetry, lastRequest, setupViewTests, versionsFixture, viewRenderer, type Operations } from '../../test-support/render';
import { churnFixture, coverageFixture, transitionsFixture } from './__fixtures__/trends';
import { TrendsPage } from './TrendsPage';

setupViewTests();

const regionPath = (code: string) => {
  const nation = { __typename: 'Region', code: 'ID', name: 'Indonesia', level: 'NATION', parent: null };
  const province = { __typename: 'Region', code: '32', name: 'Jawa Barat', level: 'PROVINCE', parent: nation };
  if (code === '32') return { region: { ...province, childCount: 27 } };
  return {
    region: {
      __typename: 'Region',
      code,
      name: 'Cibodas',
      level: 'VILLAGE',
      childCount: 0,
      parent: { __typename: 'Region', code: '32.01.01', name: 'Cibinong', level: 'DISTRICT', parent: { __typename: 'Region', code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', parent: province } },
    },
  };
};

const operations: Operations = {
  RegionPath: ({ variables }) => regionPath(String(variables.code)),
  TrendsCoverage: { coverageTrend: coverageFixture },
  TrendsChurn: { churn: churnFixture },
  TrendsTransitions: ({ variables }) => ({
    desilTransitions: transitionsFixture(Number(variables.fromVersionId), Number(variables.toVersionId)),
  }),
  TrendsPkhDuration: { pkhDuration: { maxYears: 5, year: 2025, totalRecipients: 1507, reachedMaxYears: 491, reachedShare: 491 / 1507 } },
  TrendsPbiReactivation: {
    pbiReactivation: {
      removed: 1816,
      reactivated: 12,
      eligible: 4,
      overdueDataUpdates: 1,
      unmet: [
        { condition: 'URGENT_ILLNESS', people: 1738 },
        { condition: 'HEALTH_FACILITY_LETTER', people: 1792 },
      ],
    },
  },
  TrendsProgramOverlap: {
    programOverlap: {
      totalFamilies: 1100,
      combinations: [
        { programs: [], families: 1000 },
        { programs: ['PKH', 'SEMBAKO', 'PBI_JKN'], families: 30 },
        { programs: ['PKH'], families: 10 },
        { programs: ['PKH', 'PBI_JKN'], families: 10 },
        { programs: ['PBI_JKN'], families: 50 },
      ],
    },
  },
};

const renderPage = viewRenderer(<TrendsPage />, operations);

describe('TrendsPage', () => {
  it('shows the loading state first, then coverage, churn and the heat map of the region and version', async () => {
    const { requests } = renderPage('/tren?wilayah=32');
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');

    await screen.findByRole('heading', { level: 2, name: 'Tren PKH · Jawa Barat · DTSEN 2025-Q3' });
    const coverageTable = await screen.findByTestId('trends-coverage-table');
    const rows = within(coverageTable).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]?.textContent).toContain('5.403');
    expect(rows[1]?.textContent).toContain('1.601');
    expect(rows[1]?.textContent).toContain('25,3%');
    expect(rows[3]?.textContent).toContain('versi terpilih');
    expect(screen.getByTestId('trends-coverage').getAttribute('data-points')).toBe('3');

    expect(lastRequest(requests, 'TrendsCoverage')?.variables).toEqual({ programCode: 'PKH', regionCode: '32', toVersionId: 3 });
    expect(lastRequest(requests, 'TrendsChurn')?.variables).toEqual({ programCode: 'PKH', regionCode: '32', fromVersionId: 1, toVersionId: 3 });
    expect(lastRequest(requests, 'TrendsTransitions')?.variables).toEqual({ regionCode: '32', fromVersionId: 2, toVersionId: 3 });

    const churn = await screen.findByTestId('trends-churn');
    expect(churn.getAttribute('data-steps')).toBe('2');
    const churnTable = screen.getByTestId('trends-churn-table');
    const maxDuration = within(churnTable).getByRole('rowheader', { name: 'Batas masa kepesertaan' }).closest('tr');
    expect(maxDuration?.textContent).toContain('207');
    expect(within(churnTable).getByText('Perubahan bersih').closest('tr')?.textContent).toContain('-59');

    const heat = await screen.findByTestId('trends-transitions');
    expect(within(heat).getAllByRole('row')).toHaveLength(12);
    expect(within(heat).getByTitle('Desil 1 → Desil 2: 20 keluarga (20,0% dari baris)')).toBeTruthy();
    expect(within(heat).getByTitle('Di luar DTSEN → Desil 4: 8 keluarga (100,0% dari baris)').className).toContain('heat--7');
    expect(screen.getByTestId('trends-transitions-summary').textContent).toContain('97,0%');

    const pkh = await screen.findByTestId('trends-pkh-duration');
    await waitFor(() => expect(pkh.textContent).toContain('491'));
    expect(pkh.textContent).toContain('32,6%');
    expect(screen.queryByTestId('trends-pbi-reactivation')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('trends-overlap').textContent).toContain('80,0%'));
  });

  it('writes the compared versions to the URL and asks for that transition', async () => {
    const { requests } = renderPage('/tren?wilayah=32');
    const from = await screen.findByTestId('trends-from');
    expect((from as HTMLSelectElement).value).toBe('2');
    expect(within(from).getAllByRole('option').map((option) => option.textContent)).toEqual(['DTSEN 2025-Q1', 'DTSEN 2025-Q2']);
    expect(screen.getByRole('combobox', { name: 'Ke versi' })).toBe(screen.getByTestId('trends-to'));

    fireEvent.change(from, { target: { value: '1' } });
    expect(new URLSearchParams(window.location.search).get('dari')).toBe('1');
    expect(new URLSearchParams(window.location.search).get('ke')).toBe('3');
    await waitFor(() => expect(lastRequest(requests, 'TrendsTransitions')?.variables).toEqual({ regionCode: '32', fromVersionId: 1, toVersionId: 3 }));
    await screen.findByText('Dihitung langsung dari data keluarga (bukan dari rekap publikasi).');

    const to = screen.getByTestId('trends-to');
    expect(within(to).getAllByRole('option').map((option) => option.textContent)).toEqual(['DTSEN 2025-Q2', 'DTSEN 2025-Q3']);
    fireEvent.change(to, { target: { value: '2' } });
    expect(window.location.search).toContain('dari=1');
    expect(window.location.search).toContain('ke=2');
    await waitFor(() => expect(lastRequest(requests, 'TrendsTransitions')?.variables).toEqual({ regionCode: '32', fromVersionId: 1, toVersionId: 2 }));
  });

  it('reads dari and ke from the URL', async () => {
    const { requests } = renderPage('/tren?dari=1&ke=2');
    await screen.findByTestId('trends-transitions');
    expect(lastRequest(requests, 'TrendsTransitions')?.variables).toEqual({ regionCode: 'ID', fromVersionId: 1, toVersionId: 2 });
    expect(screen.getByTestId<HTMLSelectElement>('trends-to').value).toBe('2');
  });

  it('shows an error with a retry that reloads the section', async () => {
    const failure = failingUntilRetry('Region "99" not found', 'NOT_FOUND');
    renderPage('/tren?wilayah=32', { TrendsCoverage: failure.answer({ coverageTrend: coverageFixture }) });
    await failure.retry('trends-coverage-table');
  });

  it('shows the empty state and asks nothing else when no version is published', async () => {
    const { requests } = renderPage('/tren', { Versions: () => ({ versions: [] }) });
    await screen.findByText('Belum ada versi DTSEN yang diterbitkan.');
    expect(requests.map((request) => request.operationName)).toEqual(['Versions']);
  });

  it('explains what cannot be compared with a single published version', async () => {
    const { requests } = renderPage('/tren', { Versions: () => ({ versions: versionsFixture.slice(0, 1) }) });
    await screen.findByText('Belum ada versi sebelumnya untuk dibandingkan.');
    expect(screen.getByText('Perbandingan desil memerlukan sedikitnya dua versi yang diterbitkan.')).toBeTruthy();
    expect(requests.some((request) => request.operationName === 'TrendsChurn' || request.operationName === 'TrendsTransitions')).toBe(false);
  });

  it('shows the PBI-JKN reactivation card for PBI-JKN, and notes at village level what stops at districts', async () => {
    const { requests } = renderPage('/tren?program=PBI_JKN&wilayah=32.01.01.2001');
    const card = await screen.findByTestId('trends-pbi-reactivation');
    await waitFor(() => expect(card.textContent).toContain('1.816'));
    expect(screen.queryByTestId('trends-pkh-duration')).toBeNull();
    expect(screen.getByText('Angka tumpang-tindih program tersedia sampai tingkat kecamatan.')).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Tren PBI-JKN · Cibodas · DTSEN 2025-Q3' });
    expect(requests.some((request) => request.operationName === 'TrendsProgramOverlap')).toBe(false);
    expect(screen.getByText(/Satuan: jiwa/)).toBeTruthy();
  });

  it('speaks English with lang=en', async () => {
    renderPage('/tren?wilayah=32&lang=en');
    await screen.findByRole('heading', { level: 2, name: 'PKH trends · Jawa Barat · DTSEN 2025-Q3' });
    expect(await screen.findByText('Coverage and leakage per version')).toBeTruthy();
    const heat = await screen.findByTestId('trends-transitions');
    expect(within(heat).getByTitle('Desil 1 → Desil 2: 20 families (20,0% of the row)')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'From version' })).toBeTruthy();
  });
});
