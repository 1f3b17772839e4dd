import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../graphql/client';
import { distributionFixture, versionFixture } from '../__fixtures__/distribution';
import { DesilPage } from './DesilPage';

afterEach(cleanup);

interface GraphQLRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

type Responder = (request: GraphQLRequest) => Response | Promise<Response>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Renders the page against a fake server; returns the requests it received. */
function renderPage(respond: Responder) {
  const requests: { method: string; body: GraphQLRequest }[] = [];
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof init?.body !== 'string') throw new Error('expected a JSON POST body');
    const body = JSON.parse(init.body) as GraphQLRequest;
    requests.push({ method: init.method ?? 'GET', body });
    return respond(body);
  });
  const client = createClient({ url: 'http://atlas.test/graphql', fetch: fetchMock });
  render(
    <Provider value={client}>
      <DesilPage />
    </Provider>,
  );
  return requests;
}

const serverWithData: Responder = ({ operationName }) =>
  operationName === 'LatestVersion'
    ? json({ data: { latestVersion: versionFixture } })
    : json({ data: { decileDistribution: distributionFixture } });

describe('DesilPage', () => {
  it('loads the latest version, then its national distribution, POSTing both queries', async () => {
    const requests = renderPage(serverWithData);
    expect(screen.getByRole('status').textContent).toContain('Memuat data DTSEN');

    await screen.findByRole('table');
    expect(screen.getAllByRole('row')).toHaveLength(12);
    expect(requests.map(({ method, body }) => [method, body.operationName])).toEqual([
      ['POST', 'LatestVersion'],
      ['POST', 'DesilDistribution'],
    ]);
    expect(requests[1]?.body.variables).toEqual({ regionCode: 'ID', versionId: 5 });
  });

  it('shows the empty state, without asking for a distribution, when nothing is published', async () => {
    const requests = renderPage(() => json({ data: { latestVersion: null } }));
    await screen.findByText('Belum ada versi DTSEN yang diterbitkan.');
    expect(requests).toHaveLength(1);
  });

  it('shows the GraphQL error and retries on request', async () => {
    let fail = true;
    renderPage((request) => {
      if (request.operationName === 'DesilDistribution' && fail) {
        return json({ data: null, errors: [{ message: 'Wilayah tidak ditemukan', extensions: { code: 'NOT_FOUND' } }] });
      }
      return serverWithData(request);
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wilayah tidak ditemukan');

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await screen.findByRole('table');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a network failure as an error', async () => {
    renderPage(() => {
      throw new TypeError('Failed to fetch');
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Failed to fetch');
  });

  it('starts on Keluarga and switches the chart to Individu', async () => {
    renderPage(serverWithData);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('radio', { name: 'Individu' }));
    await waitFor(() => {
      expect(screen.getByTestId('desil-chart').getAttribute('data-unit')).toBe('individuals');
    });
  });
});
