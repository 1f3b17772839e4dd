// Property-based fuzzing of every query's arguments over real HTTP: for each root query field, fast-check draws
// argument values from the field's own types (valid and invalid enum names, huge and negative numbers, hostile
// strings, malformed region codes, nested inputs) and sends them as variables. Whatever comes in, the server
// answers 200 or 400 with typed errors: never a 500, never INTERNAL_SERVER_ERROR, nothing logged as unexpected,
// and it keeps answering afterwards. Signed in as ADMIN, so that every resolver can run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../modules/__tests__/api-harness.js';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from './graphql-js.js';
import { buildAtlasSchema } from './schema.js';

let api: TestApi;
let schema: GraphQLSchema;

beforeAll(async () => {
  [api, schema] = await Promise.all([startTestApi(), buildAtlasSchema()]);
});
afterAll(async () => {
  await api.close();
});

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', "'; DROP TABLE family; --", '%', '_', '\\', '\u0000', '😀', 'a'.repeat(5000), '32', '32.01', '32.01.01.2001', 'ID', '99.99', '2024-03', '1e309'),
);
const anyInt = fc.oneof(fc.integer({ min: -5, max: 1100 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31))); // GraphQL Int is 32-bit

/** An arbitrary for values of an input type, mostly well-typed, sometimes not at all. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  if (isListType(type)) return fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
  if (isEnumType(type)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: hostileString });
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, depth + 1)])), { requiredKeys: [] });
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return anyInt;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), anyInt);
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.oneof(
        { weight: 4, arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
        { weight: 1, arbitrary: hostileString },
      );
    default:
      return hostileString; // String, ID, custom scalars
  }
}

/** The scalar fields of an output type, one level of objects deep: enough to make every resolver run. */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth < 1 && isObjectType(inner)) parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
  }
  return `{ ${parts.length > 0 ? parts.join(' ') : '__typename'} }`;
}

describe('fuzzed query arguments', () => {
  it('never crash the server: 200 or 400, typed errors only, nothing unexpected logged', async () => {
    const queryType = schema.getQueryType();
    if (!queryType) throw new Error('no Query type');
    const fields = Object.values(queryType.getFields()).filter((field) => field.args.length > 0);
    expect(fields.length).toBeGreaterThan(15);
    const seenCodes = new Set<string>();
    const executed = new Map<string, number>();

    for (const field of fields) {
      const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `query Fuzz(${declarations}) { ${field.name}(${call}) ${selectionOf(field.type)} }`;
      const variables = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueOf(arg.type)])), { requiredKeys: [] });

      await fc.assert(
        fc.asyncProperty(variables, async (values) => {
          const response = await fetch(`${api.baseUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...api.authHeaders() },
            body: JSON.stringify({ query, variables: values }),
          });
          const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          if (body.data !== undefined) executed.set(field.name, (executed.get(field.name) ?? 0) + 1);
          expect([200, 400], `${field.name} ${JSON.stringify(values).slice(0, 300)}`).toContain(response.status);
          for (const error of body.errors ?? []) {
            const code = error.extensions?.code ?? '(none)';
            seenCodes.add(code);
            expect(code, `${field.name} ${JSON.stringify(values).slice(0, 300)}`).not.toBe('INTERNAL_SERVER_ERROR');
          }
        }),
        { numRuns: 40, seed: 20261122 },
      );
    }
    expect(api.loggedErrors).toEqual([]);
    // Every field's resolver really ran on some of the drawn arguments (not only rejected by variable coercion).
    expect(fields.filter((field) => (executed.get(field.name) ?? 0) === 0).map((field) => field.name)).toEqual([]);
    // The fuzz reached the typed errors, not only the happy path.
    expect([...seenCodes]).toEqual(expect.arrayContaining(['BAD_USER_INPUT', 'NOT_FOUND']));
    const health = await api.query<{ health: { status: string } }>('{ health { status } }');
    expect(health.body.data?.health.status).toBe('ok');
  });
});
