// The shell by role (through the real sign-in gate, a stored token, views stubbed): the user in the header,
// the tabs each role gets, the notice for a view the role does not include, a regional user's landing on
// their own region, and a region outside it.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../generated/graphql';
import { renderApp } from '../test-support/app';
import { setupViewTests } from '../test-support/render';
import { TOKENS } from './auth/__fixtures__/viewers';

vi.mock('../features/overview/OverviewPage', async () => ({ OverviewPage: (await import('./auth/view-stubs')).viewStub('overview') }));
vi.mock('../features/desil/components/DesilPage', async () => ({ DesilPage: (await import('./auth/view-stubs')).viewStub('desil') }));
vi.mock('../features/targeting/TargetingPage', async () => ({ TargetingPage: (await import('./auth/view-stubs')).viewStub('targeting') }));
vi.mock('../features/quota/QuotaPage', async () => ({ QuotaPage: (await import('./auth/view-stubs')).viewStub('quota') }));
vi.mock('../features/trends/TrendsPage', async () => ({ TrendsPage: (await import('./auth/view-stubs')).viewStub('trends') }));
vi.mock('../features/proposals/ProposalsPage', async () => ({ ProposalsPage: (await import('./auth/view-stubs')).viewStub('proposals') }));

setupViewTests();
beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
});

function signedInAs(role: Role, url: string) {
  window.sessionStorage.setItem('dtsen-atlas:token', TOKENS[role]);
  return renderApp(url);
}

const tabNames = () =>
  within(screen.getByRole('navigation', { name: 'Tampilan' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('header', () => {
  it('shows the user’s name and role, with the region for a regional role, and a sign-out button', async () => {
    signedInAs('REGIONAL_HEAD', '/');
    const user = await screen.findByTestId('user-menu');
    expect(within(user).getByText('Bupati Bogor')).toBeTruthy();
    await waitFor(() => expect(user.textContent).toContain('Kepala daerah · Kabupaten Bogor'));
    expect(within(user).getByRole('button', { name: 'Keluar' })).toBeTruthy();
  });

  it('speaks English with lang=en', async () => {
    signedInAs('POLICY_ANALYST', '/?lang=en');
    const user = await screen.findByTestId('user-menu');
    expect(user.textContent).toContain('Policy analyst');
    expect(within(user).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });
});

describe('tabs by role', () => {
  it('gives national analysts and administrators every view', async () => {
    signedInAs('ADMIN', '/');
    await screen.findByTestId('view-overview');
    expect(tabNames()).toEqual(['Ringkasan', 'Desil', 'Ketepatan sasaran', 'Kuota', 'Tren', 'Usulan']);
  });

  it('leaves the proposals out for a policy analyst, and says so when the view is opened by its link', async () => {
    signedInAs('POLICY_ANALYST', '/usulan');
    const notice = await screen.findByTestId('view-not-for-role');
    expect(tabNames()).toEqual(['Ringkasan', 'Desil', 'Ketepatan sasaran', 'Kuota', 'Tren']);
    expect(within(notice).getByRole('heading').textContent).toBe('Tampilan ini tidak tersedia untuk peran Anda.');
    expect(notice.textContent).toContain('Usulan tidak termasuk hak akses Analis kebijakan.');
    expect(screen.queryByTestId('view-proposals')).toBeNull();
    fireEvent.click(within(notice).getByRole('link', { name: 'Kuota' }));
    expect(await screen.findByTestId('view-quota')).toBeTruthy();
    expect(window.location.pathname).toBe('/kuota');
  });

  it('lands an operator on the proposals of their region, their only view', async () => {
    signedInAs('OPERATOR', '/');
    expect(await screen.findByTestId('view-proposals')).toBeTruthy();
    expect(tabNames()).toEqual(['Usulan']);
    expect(window.location.pathname).toBe('/usulan');
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('32.01');
  });

  it('shows an operator who opens the quota by link that it is not for their role', async () => {
    signedInAs('OPERATOR', '/kuota?wilayah=32.01');
    const notice = await screen.findByTestId('view-not-for-role');
    expect(notice.textContent).toContain('Kuota tidak termasuk hak akses Operator.');
    expect(within(notice).getAllByRole('link').map((link) => link.textContent)).toEqual(['Usulan']);
  });
});

describe('a regional user', () => {
  it('lands on their own region when the link names none, keeping the rest of the link', async () => {
    signedInAs('REGIONAL_HEAD', '/desil?unit=individu');
    expect((await screen.findByTestId('view-desil')).textContent).toContain('32.01');
    expect(window.location.search).toBe('?wilayah=32.01&unit=individu');
    // The breadcrumb's regions above theirs are not links.
    const breadcrumb = screen.getByRole('navigation', { name: 'Jejak wilayah' });
    await waitFor(() => expect(within(breadcrumb).getByText('Jawa Barat')).toBeTruthy());
    expect(within(breadcrumb).queryAllByRole('link')).toEqual([]);
  });

  it('sees a region outside theirs as such, with a way back to their own', async () => {
    const { requests } = signedInAs('REGIONAL_HEAD', '/desil?wilayah=32.02');
    const notice = await screen.findByTestId('out-of-scope');
    expect(notice.textContent).toContain('Wilayah ini di luar wilayah Anda.');
    const back = await within(notice).findByRole('link', { name: 'Kembali ke Kabupaten Bogor' });
    expect(screen.queryByTestId('view-desil')).toBeNull();
    fireEvent.click(back);
    expect((await screen.findByTestId('view-desil')).textContent).toContain('32.01');
    expect(new URLSearchParams(window.location.search).get('wilayah')).toBe('32.01');
    // Only reference data was asked for the region outside: no view query went out for it.
    expect(requests.every((request) => ['Me', 'Versions', 'Programs', 'RegionPath', 'RegionChildren'].includes(request.operationName))).toBe(true);
  });

  it('is offered only the regions inside theirs in the region picker', async () => {
    signedInAs('REGIONAL_HEAD', '/desil?wilayah=32');
    await screen.findByTestId('out-of-scope');
    const select = await screen.findByRole('combobox', { name: 'Pilih kabupaten/kota…' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Pilih kabupaten/kota…', 'Kabupaten Bogor']);
  });
});
