import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VersionFieldsFragment } from '../../generated/graphql';
import type { ReadyVersionContext, VersionContext } from '../useVersionContext';
import { ViewFrame } from './ViewFrame';

const version = (id: number, label: string): VersionFieldsFragment => ({ id, label, status: 'PUBLISHED', publishedAt: null });
const [first, second, third] = [version(1, 'DTSEN 2025-Q1'), version(2, 'DTSEN 2025-Q2'), version(3, 'DTSEN 2025-Q3')];
const ready: ReadyVersionContext = { status: 'ready', current: third, previous: second, latest: third, published: [first, second, third] };

function renderFrame(versions: VersionContext, body = vi.fn((context: ReadyVersionContext) => <p>{context.current.label}</p>)) {
  render(
    <ViewFrame testId="view-test" className="test-view" title="Judul" titleClassName="test-view__title" versions={versions}>
      {body}
    </ViewFrame>,
  );
  return body;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

describe('ViewFrame', () => {
  it('is a section labelled by its title, with the view classes and test id', () => {
    renderFrame(ready);
    const section = screen.getByTestId('view-test');
    expect(section.tagName).toBe('SECTION');
    expect(section.className).toBe('view test-view');
    const title = within(section).getByRole('heading', { level: 2 });
    expect(title.textContent).toBe('Judul');
    expect(title.className).toBe('test-view__title');
    expect(section.getAttribute('aria-labelledby')).toBe(title.id);
    expect(screen.getByRole('region', { name: 'Judul' })).toBe(section);
  });

  it('takes a fixed title id when given one', () => {
    render(
      <ViewFrame testId="view-test" className="test-view" title="Judul" titleId="test-title" versions={ready}>
        {() => null}
      </ViewFrame>,
    );
    expect(screen.getByRole('heading', { level: 2 }).id).toBe('test-title');
    expect(screen.getByTestId('view-test').getAttribute('aria-labelledby')).toBe('test-title');
  });

  it('shows a loading status while the versions load, without the body', () => {
    const body = renderFrame({ status: 'loading' });
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');
    expect(body).not.toHaveBeenCalled();
  });

  it('shows the error with a retry', () => {
    const retry = vi.fn();
    const body = renderFrame({ status: 'error', message: '[Network] Failed to fetch', retry });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Failed to fetch');
    expect(alert.textContent).not.toContain('[Network]');
    fireEvent.click(within(alert).getByRole('button', { name: 'Coba lagi' }));
    expect(retry).toHaveBeenCalledOnce();
    expect(body).not.toHaveBeenCalled();
  });

  it('says so when no version is published', () => {
    const body = renderFrame({ status: 'empty' });
    expect(screen.getByRole('status').textContent).toBe(
      'Belum ada versi DTSEN yang diterbitkan.Angka akan tampil di sini setelah versi pertama diterbitkan.',
    );
    expect(body).not.toHaveBeenCalled();
  });

  it('renders the body with the resolved versions once they are ready', () => {
    const body = renderFrame(ready);
    expect(body).toHaveBeenCalledWith(ready);
    expect(screen.getByText('DTSEN 2025-Q3')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks English with lang=en', () => {
    window.history.replaceState(null, '', '/?lang=en');
    renderFrame({ status: 'empty' });
    expect(screen.getByText('No DTSEN version has been published yet.')).toBeTruthy();
  });
});
