import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './DataTable';

interface Row {
  code: string;
  name: string;
  families: number;
  share: number;
}

const rows: Row[] = [
  { code: '11', name: 'Aceh', families: 1200, share: 0.25 },
  { code: '32', name: 'Jawa Barat', families: 9800, share: 0.125 },
  { code: '51', name: 'Bali', families: 800, share: 0.5 },
];

const columns: Column<Row>[] = [
  { key: 'name', header: 'Provinsi', value: (row) => row.name, rowHeader: true },
  { key: 'code', header: 'Kode', value: (row) => row.code, csvOnly: true },
  { key: 'families', header: 'Keluarga', value: (row) => row.families, format: 'count' },
  { key: 'share', header: 'Desil 1–4', value: (row) => row.share, format: 'share' },
];

/** Blobs handed to URL.createObjectURL: the CSV files the table "downloads". */
let files: Blob[] = [];

beforeEach(() => {
  files = [];
  window.history.replaceState(null, '', '/');
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      files.push(blob);
      return 'blob:test';
    }),
    revokeObjectURL: vi.fn(),
  });
});
afterEach(cleanup);

const bodyNames = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('rowheader')[0]?.textContent);

describe('DataTable', () => {
  it('shows formatted cells, leaves CSV-only columns out of the page, and sorts by a header click', () => {
    render(<DataTable caption="Provinsi" columns={columns} rows={rows} rowKey={(row) => row.code} csvName={['x']} />);
    expect(screen.queryByText('Kode')).toBeNull();
    expect(screen.getByText('9.800')).toBeTruthy();
    expect(screen.getByText('12,5%')).toBeTruthy();
    expect(bodyNames()).toEqual(['Aceh', 'Jawa Barat', 'Bali']);

    fireEvent.click(screen.getByRole('button', { name: /Keluarga/ }));
    expect(bodyNames()).toEqual(['Jawa Barat', 'Aceh', 'Bali']);
    expect(screen.getByRole('columnheader', { name: /Keluarga/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: /Keluarga/ }));
    expect(bodyNames()).toEqual(['Bali', 'Aceh', 'Jawa Barat']);
  });

  it('selects a row by click and by Enter', () => {
    const onRowSelect = vi.fn();
    render(<DataTable caption="c" columns={columns} rows={rows} rowKey={(row) => row.code} csvName={['x']} onRowSelect={onRowSelect} selectedKey="51" />);
    const [, aceh, , bali] = screen.getAllByRole('row');
    if (!aceh || !bali) throw new Error('rows missing');
    expect(bali.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(aceh);
    fireEvent.keyDown(bali, { key: 'Enter' });
    expect(onRowSelect.mock.calls.map(([row]) => (row as Row).code)).toEqual(['11', '51']);
  });

  it('exports every row with raw numbers, CSV-only columns and the totals line', async () => {
    render(
      <DataTable
        caption="c"
        columns={columns}
        rows={rows.slice(0, 1)}
        exportRows={() => Promise.resolve(rows)}
        rowKey={(row) => row.code}
        csvName={['Sebaran', 'Nasional']}
        footer={{ families: 11800 }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const bytes = new Uint8Array((await files[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for Excel
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toBe(
      'Provinsi,Kode,Keluarga,Desil 1–4\r\nAceh,11,1200,0.25\r\nJawa Barat,32,9800,0.125\r\nBali,51,800,0.5\r\nJumlah,,11800,\r\n',
    );
  });

  it('says so when fetching the rows for the CSV fails, and keeps the table', async () => {
    render(
      <DataTable
        caption="c"
        columns={columns}
        rows={rows}
        exportRows={() => Promise.reject(new Error('[Network] Failed to fetch'))}
        rowKey={(row) => row.code}
        csvName={['x']}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('CSV tidak dapat dibuat: Failed to fetch');
    expect(files).toHaveLength(0);
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });
});

describe('DataTable with small cells (values the API withheld)', () => {
  interface SmallRow {
    code: string;
    name: string;
    families: number | null;
    share: number | null;
    /** Null for another reason (nobody to rank): never a small cell. */
    rank: number | null;
  }
  const smallRows: SmallRow[] = [
    { code: '32.01.01', name: 'Cibinong', families: 120, share: 0.4, rank: 1 },
    { code: '32.01.02', name: 'Gunungputri', families: null, share: null, rank: null },
  ];
  const smallColumns: Column<SmallRow>[] = [
    { key: 'name', header: 'Kecamatan', value: (row) => row.name, rowHeader: true },
    { key: 'families', header: 'Keluarga', value: (row) => row.families, format: 'count' },
    { key: 'share', header: 'Desil 1–4', value: (row) => row.share, format: 'share' },
    { key: 'rank', header: 'Peringkat', value: (row) => row.rank, format: 'count', withheld: () => false },
  ];

  it('shows a withheld value as "<5" explained by its tooltip, and other nulls as "–"', () => {
    render(<DataTable caption="c" columns={smallColumns} rows={smallRows} rowKey={(row) => row.code} csvName={['x']} footer={{ families: null }} />);
    const [, , gunungputri, footer] = screen.getAllByRole('row');
    if (!gunungputri || !footer) throw new Error('expected two rows and a totals row');
    const cells = within(gunungputri).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['<5', '<5', '–']);
    expect(within(gunungputri).getAllByTestId('small-cell')[0]?.getAttribute('title')).toMatch(/^Disembunyikan: jumlah 1–4/);
    // A total over a withheld cell is withheld too.
    expect(within(footer).getAllByTestId('small-cell')).toHaveLength(1);
  });

  it('writes "<5" into the CSV, with a last line saying what it means', async () => {
    render(<DataTable caption="c" columns={smallColumns} rows={smallRows} rowKey={(row) => row.code} csvName={['x']} footer={{ families: null }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(await files[0]?.text()).toBe(
      'Kecamatan,Keluarga,Desil 1–4,Peringkat\r\nCibinong,120,0.4,1\r\nGunungputri,<5,<5,\r\nJumlah,<5,,\r\n' +
        'Catatan: <5 = disembunyikan (sel kecil: jumlah 1–4 atau angka yang dihitung darinya)\r\n',
    );
  });

  it('adds no note when nothing was withheld', async () => {
    render(<DataTable caption="c" columns={smallColumns} rows={smallRows.slice(0, 1)} rowKey={(row) => row.code} csvName={['x']} />);
    expect(screen.queryByTestId('small-cell')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(await files[0]?.text()).not.toContain('Catatan');
  });
});
