// Component tests: render a component with a real urql client whose fetch answers from a function (the
// GraphQL server's part), at a given URL (the view state lives in the URL). Records every request. Also what
// the view tests share: their hooks, a server answering from a map of operations, the "error, then retry"
// check, and queries of tables and recorded requests.
import { cleanup, fireEvent, render, screen, within, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider } from 'urql';
import { afterEach, beforeEach, expect, vi } from 'vitest';
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

/**
 * The hooks of a view's tests: `window.scrollTo` stubbed (jsdom has none; navigate() scrolls to the top),
 * and after each test the DOM unmounted and spies restored.
 */
export function setupViewTests(): void {
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}

/** What the server answers to an operation: its `data`, or a function of the request returning it (or a `Response`). */
export type OperationAnswer = object | ((request: GraphQLRequest) => unknown);

/** Answers by operation name. */
export type Operations = Readonly<Record<string, OperationAnswer>>;

const answer = (operationAnswer: OperationAnswer, request: GraphQLRequest): unknown =>
  typeof operationAnswer === 'function' ? operationAnswer(request) : operationAnswer;

/**
 * A server answering from `operations`, `overrides` first; `Versions` returns versions 1–3 unless either
 * says otherwise. Any other operation fails the request.
 */
export function respondWith(operations: Operations, overrides: Operations = {}): Responder {
  const answers: Operations = { Versions: { versions: versionsFixture }, ...operations, ...overrides };
  return (request) => {
    const operationAnswer = answers[request.operationName];
    if (operationAnswer === undefined) throw new Error(`unexpected operation ${request.operationName}`);
    return answer(operationAnswer, request);
  };
}

/** Renders a view at a URL, the server answering from `operations` and the test's overrides. */
export function viewRenderer(ui: ReactElement, operations: Operations) {
  return (url: string, overrides: Operations = {}) => renderWithApi(ui, respondWith(operations, overrides), url);
}

/** A GraphQL error as the server sends it: no data, one error with `message` (and `code` in its extensions). */
export const errorResponse = (message: string, code?: string) =>
  jsonResponse({ data: null, errors: [code === undefined ? { message } : { message, extensions: { code } }] });

/**
 * An operation that fails with `message` until the user retries: `answer(recovered)` is its answer (the
 * error, then `recovered`); `retry(loadedTestId)` expects the alert with the message, clicks "Coba lagi"
 * with the server answering again, and waits for what `loadedTestId` marks, the alert gone.
 */
export function failingUntilRetry(message: string, code?: string) {
  let failing = true;
  return {
    answer: (recovered: OperationAnswer) => (request: GraphQLRequest) => (failing ? errorResponse(message, code) : answer(recovered, request)),
    async retry(loadedTestId: string): Promise<void> {
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(message);
      failing = false;
      fireEvent.click(within(alert).getByRole('button', { name: 'Coba lagi' }));
      await screen.findByTestId(loadedTestId);
      expect(screen.queryByRole('alert')).toBeNull();
    },
  };
}

/** The requests of one operation, in order. */
export const requestsOf = (requests: readonly GraphQLRequest[], operationName: string) =>
  requests.filter((request) => request.operationName === operationName);

/** The last request of one operation. */
export const lastRequest = (requests: readonly GraphQLRequest[], operationName: string) => requestsOf(requests, operationName).at(-1);

/** The body rows of the table inside the element with `testId`. */
export function bodyRows(testId: string): HTMLElement[] {
  const table = within(screen.getByTestId(testId)).getByRole('table');
  const [, body] = within(table).getAllByRole('rowgroup');
  if (!body) throw new Error('table has no body');
  return within(body).getAllByRole('row');
}

/** A row's cells in column order, its row header included. */
export const rowCells = (row: Element) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent);
