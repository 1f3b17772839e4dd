import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { distributionFixture } from '../__fixtures__/distribution';
import type { DesilDistributionState } from '../hooks/useDesilDistribution';
import type { DesilUnit } from '../toSeries';
import { DesilPageView } from './DesilPageView';

// jsdom has no layout and no ResizeObserver: recharts' ResponsiveContainer keeps the initial size it is
// given (chartInitialWidth), and without matchMedia the chart does not animate, so bars are drawn at once.
afterEach(cleanup);

function Harness({ state, initialUnit = 'families' }: { state: DesilDistributionState; initialUnit?: DesilUnit }) {
  const [unit, setUnit] = useState<DesilUnit>(initialUnit);
  return <DesilPageView state={state} unit={unit} onUnitChange={setUnit} chartInitialWidth={960} />;
}

const ready: DesilDistributionState = { status: 'ready', distribution: distributionFixture };

function bodyRows() {
  const table = screen.getByRole('table');
  const [, body] = within(table).getAllByRole('rowgroup');
  if (!body) throw new Error('table has no body');
  return within(body).getAllByRole('row');
}

describe('DesilPageView', () => {
  it('shows a loading status while the data is fetched', () => {
    render(<Harness state={{ status: 'loading' }} />);
    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Memuat data DTSEN…');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('explains that no version has been published yet', () => {
    render(<Harness state={{ status: 'empty' }} />);
    expect(screen.getByRole('status').textContent).toContain('Belum ada versi DTSEN yang diterbitkan.');
    expect(screen.queryByTestId('desil-chart')).toBeNull();
  });

  it('shows an error with its cause and a retry button', () => {
    const retry = vi.fn();
    render(<Harness state={{ status: 'error', message: '[Network] Failed to fetch', retry }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Data DTSEN tidak dapat dimuat.');
    expect(alert.textContent).toContain('[Network] Failed to fetch');
    fireEvent.click(within(alert).getByRole('button', { name: 'Coba lagi' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('shows the version label and status', () => {
    render(<Harness state={ready} />);
    const version = screen.getByTestId('version');
    expect(version.textContent).toContain('DTSEN Versi 5');
    expect(version.textContent).toContain('Terbit');
    expect(version.textContent).toContain('15 Januari 2026');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sebaran desil nasional');
  });

  it('shows the headline totals formatted for Indonesian readers', () => {
    render(<Harness state={ready} />);
    const totals = screen.getByText('Total keluarga').parentElement;
    expect(totals?.textContent).toBe('Total keluarga95.000.000');
    expect(screen.getByText('Total individu').parentElement?.textContent).toBe('Total individu289.000.000');
  });

  it('draws ten bars labelled Desil 1 to Desil 10, desil 1–4 and 5 coloured apart from 6–10', () => {
    const { container } = render(<Harness state={ready} />);
    const chart = screen.getByTestId('desil-chart');
    // Tick labels of both axes share one class; the value axis shows numbers only.
    const ticks = Array.from(chart.querySelectorAll('.recharts-cartesian-axis-tick-value'))
      .map((tick) => tick.textContent)
      .filter((text) => text.startsWith('Desil'));
    expect(ticks).toEqual(Array.from({ length: 10 }, (_, index) => `Desil ${index + 1}`));
    const bands = Array.from(container.querySelectorAll('.recharts-bar-rectangle path')).map((bar) =>
      Array.from(bar.classList).find((name) => name.startsWith('band--')),
    );
    expect(bands).toEqual([
      ...Array<string>(4).fill('band--priority'),
      'band--extended',
      ...Array<string>(5).fill('band--upper'),
    ]);
    const shares = Array.from(chart.querySelectorAll('.desil-chart__share')).map((label) => label.textContent);
    expect(shares).toHaveLength(10);
    expect(shares[0]).toBe('10,0%');
  });

  it('lists every desil in the table with counts and shares of both units', () => {
    render(<Harness state={ready} />);
    const rows = bodyRows();
    expect(rows).toHaveLength(10);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader').textContent).toBe('Desil 1');
    expect(cells(rows[0] as HTMLElement)).toEqual(['9.512.345', '10,0%', '33.100.020', '11,5%']);
    expect(within(rows[9] as HTMLElement).getByRole('rowheader').textContent).toBe('Desil 10');
    const footer = within(screen.getByRole('table')).getAllByRole('row').at(-1) as HTMLElement;
    expect(within(footer).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '95.000.000',
      '100,0%',
      '289.000.000',
      '100,0%',
    ]);
  });

  it('switches chart and cumulative figures between Keluarga and Individu', () => {
    render(<Harness state={ready} />);
    const keluarga = screen.getByRole('radio', { name: 'Keluarga' });
    const individu = screen.getByRole('radio', { name: 'Individu' });
    expect(keluarga).toHaveProperty('checked', true);
    expect(screen.getByText('Jumlah keluarga per desil')).toBeTruthy();
    expect(screen.getByText('Desil 1–4 (keluarga)').parentElement?.textContent).toContain('38.001.773');

    fireEvent.click(individu);

    expect(individu).toHaveProperty('checked', true);
    expect(screen.getByTestId('desil-chart').getAttribute('data-unit')).toBe('individuals');
    expect(screen.getByText('Jumlah individu per desil')).toBeTruthy();
    expect(screen.getByText('Desil 1–4 (individu)').parentElement?.textContent).toContain('123.857.311');
    expect(screen.getByText('Desil 1–5 (individu)').parentElement?.textContent).toContain('152.634.762');
  });

  it('says so when the version has no families', () => {
    const zero = {
      ...distributionFixture,
      totalFamilies: 0,
      totalIndividuals: 0,
      buckets: [],
    };
    render(<Harness state={{ status: 'ready', distribution: zero }} />);
    expect(screen.getByRole('status').textContent).toContain('Versi ini belum memiliki data keluarga.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
