// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): what the `/graphql` endpoint answers for
// each kind of request, checked on the real app over real HTTP. Where the platform is stricter than the
// specification (CSRF prevention on GET), the test says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../modules/__tests__/api-harness.js';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
/** A header that makes a browser send a CORS preflight, which Apollo's CSRF prevention requires for GET. */
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

let api: TestApi;
const endpoint = () => `${api.baseUrl}/graphql`;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

/** POSTs signed in as the fixture's ADMIN (only `health` and `me` answer without a token). */
function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(endpoint(), { method: 'POST', headers: { 'content-type': 'application/json', ...api.authHeaders(), ...headers }, body });
}

function getUrl(params: Record<string, string>): string {
  return `${endpoint()}?${new URLSearchParams(params).toString()}`;
}

describe('POST', () => {
  it('answers application/graphql-response+json when the client accepts it', async () => {
    const response = await post(JSON.stringify({ query: '{ health { status } }' }), { accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json; ?charset=utf-8$/);
    expect(await response.json()).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('answers application/json to a client that accepts only that, or sends no Accept header (legacy clients)', async () => {
    for (const headers of [{ accept: 'application/json' }, {}] as Record<string, string>[]) {
      const response = await post(JSON.stringify({ query: '{ health { status } }' }), headers);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json; ?charset=utf-8$/);
    }
  });

  it('runs the named operation of a document with variables', async () => {
    const response = await post(
      JSON.stringify({
        query: 'query A { health { status } } query B($code: ID!) { region(code: $code) { name } }',
        operationName: 'B',
        variables: { code: '32.01' },
      }),
      { accept: GRAPHQL_RESPONSE },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { region: { name: 'Kabupaten Bogor' } } });
  });

  it('rejects a document that does not parse with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const response = await post(JSON.stringify({ query: '{ health { ' }), { accept: GRAPHQL_RESPONSE });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects a document that does not validate with 400 and no data', async () => {
    const response = await post(JSON.stringify({ query: '{ health { nope } }' }), { accept: GRAPHQL_RESPONSE });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects variables that do not coerce with 400 and BAD_USER_INPUT', async () => {
    const response = await post(
      JSON.stringify({ query: 'query($v: Int) { decileDistribution(versionId: $v) { totalFamilies } }', variables: { v: 'two' } }),
      { accept: GRAPHQL_RESPONSE },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers 200 with data and errors when execution fails in a field (a well-formed request)', async () => {
    // decileDistribution is non-null, so its error nulls the whole data: still a GraphQL response, still 200.
    const response = await post(JSON.stringify({ query: '{ health { status } decileDistribution(regionCode: "99") { totalFamilies } }' }), {
      accept: GRAPHQL_RESPONSE,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: { path: string[]; extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors).toMatchObject([{ path: ['decileDistribution'], extensions: { code: 'NOT_FOUND' } }]);
  });

  it('rejects a body without a query with 400', async () => {
    const response = await post(JSON.stringify({ variables: {} }), { accept: GRAPHQL_RESPONSE });
    expect(response.status).toBe(400);
  });

  it('rejects a media type other than application/json with 415 Unsupported Media Type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await fetch(endpoint(), { method: 'POST', headers: { 'content-type': contentType }, body: 'query={health{status}}' });
      expect(response.status, contentType).toBe(415);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(body.errors[0]?.message).toContain('application/json');
    }
  });

  it('answers 406 Not Acceptable when the client accepts no JSON media type', async () => {
    const response = await post(JSON.stringify({ query: '{ health { status } }' }), { accept: 'application/xml' });
    expect(response.status).toBe(406);
  });

  it('refuses batched requests (an array body) with 400', async () => {
    const response = await post(JSON.stringify([{ query: '{ health { status } }' }, { query: '{ versions { id } }' }]));
    expect(response.status).toBe(400);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const query = `{ health { status } }${' '.repeat(1_100_000)}`;
    const response = await post(JSON.stringify({ query }));
    expect(response.status).toBe(413);
  });
});

describe('GET', () => {
  it('runs a query from the URL, with JSON-encoded variables and an operation name', async () => {
    const response = await fetch(
      getUrl({ query: 'query R($code: ID!) { region(code: $code) { name } }', variables: JSON.stringify({ code: '32' }), operationName: 'R' }),
      { headers: { ...PREFLIGHT, ...api.authHeaders(), accept: GRAPHQL_RESPONSE } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await response.json()).toEqual({ data: { region: { name: 'Jawa Barat' } } });
  });

  it('is stricter than the specification: a GET without a preflight-forcing header is refused (CSRF prevention)', async () => {
    const response = await fetch(getUrl({ query: '{ health { status } }' }), { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('refuses a mutation over GET with 405 and Allow: POST', async () => {
    const response = await fetch(getUrl({ query: 'mutation { publishVersion(versionId: 3) { id } }' }), {
      headers: { ...PREFLIGHT, ...api.authHeaders(), accept: GRAPHQL_RESPONSE },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toMatch(/POST/);
  });
});

describe('authentication', () => {
  const anonymous = (query: string) =>
    fetch(endpoint(), { method: 'POST', headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE }, body: JSON.stringify({ query }) });

  it('answers health and me without a token, and nothing else', async () => {
    expect(await (await anonymous('{ health { status } me { username } }')).json()).toEqual({ data: { health: { status: 'ok' }, me: null } });
    const response = await anonymous('{ versions { id } }');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: { path: string[]; extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors).toMatchObject([{ path: ['versions'], extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('refuses a malformed, unknown or non-Bearer token with 401 and WWW-Authenticate: Bearer, before running anything', async () => {
    for (const authorization of ['Bearer nope', `Bearer dtsen_${'A'.repeat(43)}`, 'Basic YWRtaW46YWRtaW4=']) {
      const response = await post(JSON.stringify({ query: '{ health { status } }' }), { authorization });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('names the signed-in user and their rights in me', async () => {
    const response = await post(JSON.stringify({ query: '{ me { username role regionCode rights } }' }));
    expect(await response.json()).toMatchObject({ data: { me: { username: 'admin', role: 'ADMIN', regionCode: null } } });
  });
});

describe('other methods', () => {
  it('answers 405 with Allow: GET, POST to PUT and DELETE', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(endpoint(), { method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toMatch(/GET.*POST|POST.*GET/);
    }
  });
});
