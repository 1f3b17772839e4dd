// Query limits: the measures on the real schema, every dashboard operation within the defaults, and the HTTP
// answers (400 QUERY_TOO_COMPLEX, parse failure past the token limit) on the real app.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { startTestApi, type TestApi } from '../modules/__tests__/api-harness.js';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from './graphql-js.js';
import { ASSUMED_LIST_SIZE, DEFAULT_QUERY_LIMITS, enforceQueryLimits, measureOperation } from './query-limits.js';
import { buildAtlasSchema } from './schema.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildAtlasSchema();
});

function split(document: DocumentNode): { operations: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> } {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return { operations, fragments };
}

function measure(source: string, variables: Record<string, unknown> = {}) {
  const { operations, fragments } = split(parse(source));
  const operation = operations[0];
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, operation, fragments, variables);
}

describe('measureOperation', () => {
  it('counts depth through fragments and inline fragments, and aliases over the whole operation', () => {
    const result = measure(`
      query { a: region(code: "32") { ...R } b: health { status } }
      fragment R on Region { code parent { ... on Region { parent { c: code } } } }`);
    expect(result.depth).toBe(4); // region → parent → parent → code
    expect(result.aliases).toBe(3);
  });

  it('multiplies the selection below a page argument, used up by the first list (literal, variable, default)', () => {
    // regions(limit: 5) is itself a list: 5 × (1 + code + name) = 15.
    expect(measure('{ regions(limit: 5) { code name } }').cost).toBe(15);
    expect(measure('query($n: Int) { regions(limit: $n) { code name } }', { n: 7 }).cost).toBe(21);
    // Default limit of regions is 50.
    expect(measure('{ regions { code } }').cost).toBe(100);
    // A list without a page argument below: children count ASSUMED_LIST_SIZE each.
    expect(measure('{ regions(limit: 2) { children { code } } }').cost).toBe(2 * (1 + ASSUMED_LIST_SIZE * 2));
    // A connection hands its page size to `edges`.
    expect(measure('{ families(first: 20) { totalCount edges { node { id } } } }').cost).toBe(1 + 1 + 20 * (1 + 1 * (1 + 1)));
  });

  it('leaves introspection free and treats a fragment cycle as unbounded depth', () => {
    expect(measure('{ __schema { types { name fields { name } } } }').cost).toBe(0);
    const cyclic = measure('{ region(code: "32") { ...A } } fragment A on Region { parent { ...A } }');
    expect(cyclic.depth).toBe(Number.POSITIVE_INFINITY);
  });
});

/** Every operation and fragment the dashboard sends, read from its documents. */
function dashboardDocument(): DocumentNode {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.graphql')) files.push(path);
    }
  };
  walk(join(repoRoot, 'dashboard', 'src'));
  return parse(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
}

describe('the dashboard within the default limits', () => {
  it('has every operation within depth, alias and cost limits, with page variables at 1,000', () => {
    const { operations, fragments } = split(dashboardDocument());
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      const variables: Record<string, unknown> = {};
      for (const definition of operation.variableDefinitions ?? []) {
        if (/^(first|last|limit)$/i.test(definition.variable.name.value)) variables[definition.variable.name.value] = 1000;
      }
      expect(() => enforceQueryLimits(DEFAULT_QUERY_LIMITS, schema, operation, fragments, variables), operation.name?.value).not.toThrow();
    }
  });
});

describe('over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  async function post(body: unknown) {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...api.authHeaders() },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  }

  it('rejects a too deep operation with 400 QUERY_TOO_COMPLEX before running it', async () => {
    const deep = `{ region(code: "32.01.01.1001") { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }`;
    api.resetStatementCount();
    const { status, body } = await post({ query: deep });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, actual: 13 });
    expect(api.statementCount()).toBe(0);
  });

  it('rejects an alias bomb and an expensive fan-out, naming the limit and the figure', async () => {
    const bomb = `{ ${Array.from({ length: 41 }, (_, i) => `a${i}: health { status }`).join(' ')} }`;
    const aliases = await post({ query: bomb });
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 40, actual: 41 });

    const fanOut = await post({ query: '{ regions(limit: 500) { children { children { children { code } } } } }' });
    expect(fanOut.status).toBe(400);
    expect(fanOut.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 250_000, actual: 1_055_500 });
    expect(fanOut.body.errors?.[0]?.message).toBe("The operation's estimated cost is 1055500, over the limit of 250000");
  });

  it('applies variables: the same document passes with a small page and fails with a large one', async () => {
    const query = 'query($n: Int) { regions(limit: $n) { children { children { children { code } } } } }';
    expect((await post({ query, variables: { n: 10 } })).status).toBe(200);
    const large = await post({ query, variables: { n: 500 } });
    expect(large.status).toBe(400);
    expect(large.body.errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
  });

  it('stops parsing past the token limit', async () => {
    const huge = `{ health { ${'status '.repeat(12_000)}} }`;
    const { status, body } = await post({ query: huge });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/more that 10000 tokens/); // graphql-js's own wording
  });

  it('still answers ordinary queries, and logs nothing unexpected', async () => {
    const { status, body } = await post({ query: '{ region(code: "32") { name children { code } } }' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(api.loggedErrors).toEqual([]);
  });
});
