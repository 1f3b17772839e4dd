// Component tests: render a component with a real urql client whose fetch answers from a function (the
// GraphQL server's part), at a given URL (the view state lives in the URL). Records every request.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { createClient } from '../graphql/client';

export interface GraphQLRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export type Responder = (request: GraphQLRequest) => unknown;

export const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Renders `ui` at `url` (path + query). `respond` returns the `data` object of an operation, or a
 * `Response` for errors and odd statuses. Returns the render result and the requests received.
 */
export function renderWithApi(ui: ReactElement, respond: Responder, url = '/'): RenderResult & { requests: GraphQLRequest[] } {
  window.history.replaceState(null, '', url);
  const requests: GraphQLRequest[] = [];
  const fetchImpl = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof init?.body !== 'string') throw new Error('expected a JSON POST body');
    const body = JSON.parse(init.body) as GraphQLRequest;
    requests.push(body);
    const answer = await respond(body);
    return answer instanceof Response ? answer : jsonResponse({ data: answer });
  });
  const client = createClient({ url: 'http://atlas.test/graphql', fetch: fetchImpl });
  const result = render(<Provider value={client}>{ui}</Provider>);
  return Object.assign(result, { requests });
}

/** Published versions 1–3 (as the `Versions` query returns them). */
export const versionsFixture = [
  { __typename: 'DtsenVersion', id: 1, label: 'DTSEN 2025-Q1', status: 'PUBLISHED', publishedAt: '2025-03-31T00:00:00.000Z' },
  { __typename: 'DtsenVersion', id: 2, label: 'DTSEN 2025-Q2', status: 'PUBLISHED', publishedAt: '2025-06-30T00:00:00.000Z' },
  { __typename: 'DtsenVersion', id: 3, label: 'DTSEN 2025-Q3', status: 'PUBLISHED', publishedAt: '2025-09-30T00:00:00.000Z' },
];
