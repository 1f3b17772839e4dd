// The sign-in flow through the real gate and shell (views stubbed): the screen, its errors, remembering the
// token, the Authorization header, a stored token, a session that ends, and signing out.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp, unauthorized } from '../../test-support/app';
import { setupViewTests } from '../../test-support/render';
import { TOKENS } from './__fixtures__/viewers';

vi.mock('../../features/overview/OverviewPage', async () => ({ OverviewPage: (await import('./view-stubs')).viewStub('overview') }));
vi.mock('../../features/desil/components/DesilPage', async () => ({ DesilPage: (await import('./view-stubs')).viewStub('desil') }));
vi.mock('../../features/targeting/TargetingPage', async () => ({ TargetingPage: (await import('./view-stubs')).viewStub('targeting') }));
vi.mock('../../features/quota/QuotaPage', async () => ({ QuotaPage: (await import('./view-stubs')).viewStub('quota') }));
vi.mock('../../features/trends/TrendsPage', async () => ({ TrendsPage: (await import('./view-stubs')).viewStub('trends') }));
vi.mock('../../features/proposals/ProposalsPage', async () => ({ ProposalsPage: (await import('./view-stubs')).viewStub('proposals') }));

setupViewTests();
beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
});

const WRONG = `dtsen_${'x'.repeat(43)}`;

function typeToken(token: string) {
  fireEvent.change(screen.getByLabelText('Token API'), { target: { value: token } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

describe('sign-in', () => {
  it('shows the sign-in screen without a stored token, and asks the API nothing', () => {
    const { requests } = renderApp('/');
    expect(screen.getByRole('heading', { name: 'Masuk' })).toBeTruthy();
    const input = screen.getByLabelText('Token API');
    expect(input.getAttribute('type')).toBe('password');
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole('checkbox', { name: 'Ingat di perangkat ini' })).toBeTruthy();
    expect(document.title).toBe('Masuk · DTSEN Atlas');
    expect(requests).toEqual([]);
  });

  it('refuses an empty or malformed token without a request, and says a wrong token is not valid', async () => {
    const { requests } = renderApp('/');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('Tempel token API Anda terlebih dahulu.');
    typeToken('hunter2');
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('Ini bukan token DTSEN Atlas');
    expect(screen.getByLabelText('Token API').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toEqual([]);

    typeToken(WRONG);
    submit();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Token tidak dikenal, sudah dicabut atau kedaluwarsa'));
    expect(requests.map((request) => [request.operationName, request.token])).toEqual([['Me', WRONG]]);
    expect(screen.getByRole('button', { name: 'Masuk' })).toHaveProperty('disabled', false);
    expect(window.sessionStorage.length + window.localStorage.length).toBe(0);
  });

  it('signs in with a good token: the shell, the user in the header, the token kept for the tab and sent on every request', async () => {
    const { requests } = renderApp('/desil');
    typeToken(`  ${TOKENS.NATIONAL_ANALYST} `);
    submit();
    expect(await screen.findByTestId('view-desil')).toBeTruthy();
    const user = screen.getByTestId('user-menu');
    expect(user.textContent).toContain('Analis Nasional (Bappenas)');
    expect(user.textContent).toContain('Analis nasional');
    expect(window.sessionStorage.getItem('dtsen-atlas:token')).toBe(TOKENS.NATIONAL_ANALYST);
    expect(window.localStorage.getItem('dtsen-atlas:token')).toBeNull();
    await waitFor(() => expect(requests.some((request) => request.operationName === 'Versions')).toBe(true));
    expect(requests.every((request) => request.token === TOKENS.NATIONAL_ANALYST)).toBe(true);
    expect(window.location.pathname).toBe('/desil');
  });

  it('remembers the token on this device when asked to', async () => {
    renderApp('/');
    typeToken(TOKENS.ADMIN);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ingat di perangkat ini' }));
    submit();
    expect(await screen.findByTestId('view-overview')).toBeTruthy();
    expect(window.localStorage.getItem('dtsen-atlas:token')).toBe(TOKENS.ADMIN);
    expect(window.sessionStorage.getItem('dtsen-atlas:token')).toBeNull();
  });

  it('opens the dashboard straight away with a stored token the API accepts', async () => {
    window.localStorage.setItem('dtsen-atlas:token', TOKENS.ADMIN);
    const { requests } = renderApp('/kuota');
    expect(screen.queryByRole('heading', { name: 'Masuk' })).toBeNull();
    expect(await screen.findByTestId('view-quota')).toBeTruthy();
    expect(requests[0]).toMatchObject({ operationName: 'Me', token: TOKENS.ADMIN });
  });

  it('forgets a stored token the API refuses and says the session ended', async () => {
    window.localStorage.setItem('dtsen-atlas:token', WRONG);
    renderApp('/');
    expect(await screen.findByText(/Sesi Anda berakhir/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Masuk' })).toBeTruthy();
    expect(window.localStorage.getItem('dtsen-atlas:token')).toBeNull();
  });

  it('returns to the sign-in screen when the API stops accepting the token mid-session', async () => {
    window.sessionStorage.setItem('dtsen-atlas:token', TOKENS.ADMIN);
    let revoked = false;
    renderApp('/', (request) => (revoked && request.operationName !== 'Me' ? unauthorized() : undefined));
    expect(await screen.findByTestId('view-overview')).toBeTruthy();
    revoked = true;
    // The targeting view's program picker asks the API for the programs: refused now.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Tampilan' })).getByRole('link', { name: 'Ketepatan sasaran' }));
    expect(await screen.findByRole('heading', { name: 'Masuk' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Sesi Anda berakhir');
    expect(window.sessionStorage.getItem('dtsen-atlas:token')).toBeNull();
  });

  it('keeps a stored token when the server cannot be reached, and tries again on request', async () => {
    window.localStorage.setItem('dtsen-atlas:token', TOKENS.ADMIN);
    let down = true;
    renderApp('/', (request) => {
      if (down && request.operationName === 'Me') throw new TypeError('Failed to fetch');
      return undefined;
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Server tidak dapat dihubungi: Failed to fetch');
    expect(window.localStorage.getItem('dtsen-atlas:token')).toBe(TOKENS.ADMIN);
    down = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByTestId('view-overview')).toBeTruthy();
  });

  it('signs out: back to the sign-in screen, the token forgotten, the next sign-in asks the API again', async () => {
    window.localStorage.setItem('dtsen-atlas:token', TOKENS.ADMIN);
    const { requests } = renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Keluar' }));
    expect(screen.getByRole('heading', { name: 'Masuk' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Anda telah keluar.');
    expect(window.localStorage.getItem('dtsen-atlas:token')).toBeNull();
    const before = requests.length;
    typeToken(TOKENS.POLICY_ANALYST);
    submit();
    expect(await screen.findByTestId('view-overview')).toBeTruthy();
    expect(screen.getByTestId('user-menu').textContent).toContain('Analis Kebijakan');
    expect(requests.slice(before).every((request) => request.token === TOKENS.POLICY_ANALYST)).toBe(true);
  });

  it('speaks English with lang=en', () => {
    renderApp('/?lang=en');
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('API token')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Remember on this device' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
