// Tests of the whole app behind the sign-in gate: <App> with a scripted API that knows the development
// users' tokens (`me` answers for a known token, HTTP 401 for any other, as the server does), the shell's
// reference queries, and whatever the test adds. Records each request with the token it carried.
import { render, type RenderResult } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../App';
import { TOKENS, VIEWERS } from '../app/auth/__fixtures__/viewers';
import type { Role } from '../generated/graphql';
import { jsonResponse, versionsFixture, type GraphQLRequest } from './render';

export interface AppRequest extends GraphQLRequest {
  /** The bearer token sent, or null without an Authorization header. */
  token: string | null;
}

/** Answers an operation: its `data`, or a `Response`; undefined falls through to the built-in answers. */
export type AppResponder = (request: AppRequest, role: Role | null) => unknown;

const REGIONS: Record<string, { code: string; name: string; level: string; parentCode: string | null }> = {
  ID: { code: 'ID', name: 'Indonesia', level: 'NATION', parentCode: null },
  '32': { code: '32', name: 'Jawa Barat', level: 'PROVINCE', parentCode: 'ID' },
  '32.01': { code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', parentCode: '32' },
  '32.02': { code: '32.02', name: 'Kabupaten Sukabumi', level: 'REGENCY', parentCode: '32' },
};

function regionPath(code: string): unknown {
  const region = REGIONS[code];
  if (!region) return null;
  return {
    __typename: 'Region',
    code: region.code,
    name: region.name,
    level: region.level,
    childCount: 2,
    parent: region.parentCode ? regionPath(region.parentCode) : null,
  };
}

const children = (code: string) =>
  Object.values(REGIONS)
    .filter((region) => region.parentCode === code)
    .map((region) => ({ __typename: 'Region', code: region.code, name: region.name, level: region.level }));

export const unauthorized = () =>
  jsonResponse({ errors: [{ message: 'The API token is not valid', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);

const roleOfToken = (token: string | null): Role | null =>
  (Object.keys(TOKENS) as Role[]).find((role) => TOKENS[role] === token) ?? null;

function builtIn(request: AppRequest, role: Role | null): unknown {
  switch (request.operationName) {
    case 'Me':
      return { me: role ? { __typename: 'Viewer', ...VIEWERS[role] } : null };
    case 'Versions':
      return { versions: versionsFixture };
    case 'Programs':
      return { programs: [] };
    case 'RegionPath':
      return { region: regionPath(String(request.variables['code'])) };
    case 'RegionChildren':
      return { region: { __typename: 'Region', code: request.variables['code'], children: children(String(request.variables['code'])) } };
    default:
      throw new Error(`unexpected operation ${request.operationName}`);
  }
}

/**
 * Renders the app at `url`. A request with an unknown token gets 401; otherwise `respond` answers first,
 * then the built-in answers (Me, Versions, Programs, RegionPath, RegionChildren).
 */
export function renderApp(url = '/', respond: AppResponder = () => undefined): RenderResult & { requests: AppRequest[] } {
  window.history.replaceState(null, '', url);
  const requests: AppRequest[] = [];
  const fetchImpl = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof init?.body !== 'string') throw new Error('expected a JSON POST body');
    const authorization = new Headers(init.headers).get('authorization');
    const token = authorization?.replace(/^Bearer /, '') ?? null;
    const request: AppRequest = { ...(JSON.parse(init.body) as GraphQLRequest), token };
    requests.push(request);
    const role = roleOfToken(token);
    if (token !== null && role === null) return unauthorized();
    const answer = (await respond(request, role)) ?? builtIn(request, role);
    return answer instanceof Response ? answer : jsonResponse({ data: answer });
  });
  const result = render(<App clientOptions={{ url: 'http://atlas.test/graphql', fetch: fetchImpl }} />);
  return Object.assign(result, { requests });
}
