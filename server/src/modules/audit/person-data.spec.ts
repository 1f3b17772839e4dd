import { beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from '../../graphql/graphql-js.js';
import { buildAtlasSchema } from '../../graphql/schema.js';
import { auditEntries } from './audit.plugin.js';
import { selectsPersonData } from './person-data.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAtlasSchema();
});

const operationOf = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { document, operation };
};
const personData = (query: string) => {
  const { document, operation } = operationOf(query);
  return selectsPersonData(schema, document, operation);
};

describe('selectsPersonData', () => {
  it('finds person-level data at the root, nested under aggregates, and behind fragments', () => {
    expect(personData('{ families { totalCount edges { node { id } } } }')).toBe(true);
    expect(personData('{ family(id: 1) { id } }')).toBe(true);
    expect(personData('{ reallocationPlan(regencyCode: "32.01", programCode: PKH) { fill { units { familyId } } } }')).toBe(true);
    expect(personData('query { reallocationPlan(regencyCode: "32.01", programCode: PKH) { ...P } } fragment P on ReallocationPlan { removal { ...R } } fragment R on ReallocationRemoval { units { desil } }')).toBe(true);
    expect(personData('{ proposals { edges { node { ... on Proposal { family { id } } } } } }')).toBe(true);
  });

  it('leaves aggregates, the counts of a plan and proposals without their family alone', () => {
    expect(personData('{ reallocationPlan(regencyCode: "32.01", programCode: PKH) { gap fill { counts { units } poolSizes { units } } } }')).toBe(false);
    expect(personData('{ targetingErrors(programCode: PKH) { summary { units } } decileDistribution { totalFamilies } }')).toBe(false);
    expect(personData('{ proposals { totalCount edges { node { id village { name } } } } }')).toBe(false);
    expect(personData('{ families { totalCount pageInfo { hasNextPage } } }')).toBe(false);
  });
});

describe('auditEntries', () => {
  const entries = (query: string, data: Record<string, unknown> | null, errors: object[] = [], variables?: Record<string, unknown>) => {
    const { document, operation } = operationOf(query);
    return auditEntries(schema, document, operation, variables, data, errors as never);
  };

  it('counts the person rows returned (a family with its members is one row) and clear identifiers', () => {
    const query = 'query($r: ID) { a: families(filter: { regionCode: $r }, first: 2) { edges { node { id members { nik } } } } versions { id } }';
    const data = { a: { edges: [{ node: { id: 1, members: [{ nik: null }, { nik: null }] } }, { node: { id: 3, members: [] } }] }, versions: [] };
    expect(entries(query, data, [], { r: '32.01' })).toEqual([
      { kind: 'PERSON_READ', field: 'families', arguments: { filter: { regionCode: '32.01' }, first: 2 }, rowCount: 2, clear: false },
    ]);
    const clear = entries('{ family(id: 1) { kk members { name } } }', { family: { kk: '3201011203150007', members: [{ name: 'x' }] } });
    expect(clear).toEqual([{ kind: 'PERSON_READ', field: 'family', arguments: { id: 1 }, rowCount: 1, clear: true }]);
  });

  it('merges repeated selections instead of counting a row twice', () => {
    const query = '{ families { edges { node { id } } ...F } } fragment F on FamilyConnection { edges { node { kkMasked } } }';
    const data = { families: { edges: [{ node: { id: 1, kkMasked: 'x' } }] } };
    expect(entries(query, data)[0]).toMatchObject({ rowCount: 1 });
  });

  it('records a refusal as DENIED only, a mutation that ran (even failing) as MUTATION, and a nested refusal beside the read', () => {
    const forbidden = { message: 'no', path: ['families'], extensions: { code: 'FORBIDDEN', reason: 'MISSING_RIGHT' } };
    expect(entries('{ families { edges { node { id } } } }', null, [forbidden])).toEqual([{ kind: 'DENIED', field: 'families', arguments: { first: 50 }, rowCount: 0 }]);
    const conflict = { message: 'dup', path: ['verifyProposal'], extensions: { code: 'CONFLICT' } };
    expect(entries('mutation { verifyProposal(id: 4) { id } }', null, [conflict])).toEqual([{ kind: 'MUTATION', field: 'verifyProposal', arguments: { id: 4 }, rowCount: 0 }]);
    const refusedMutation = { message: 'no', path: ['verifyProposal'], extensions: { code: 'FORBIDDEN' } };
    expect(entries('mutation { verifyProposal(id: 4) { id } }', null, [refusedMutation]).map((e) => e.kind)).toEqual(['DENIED']);
    const nested = { message: 'no', path: ['proposals', 'edges', 0, 'node', 'family'], extensions: { code: 'FORBIDDEN' } };
    const proposals = { proposals: { edges: [{ node: { id: 1, family: null } }, { node: { id: 2, family: { id: 2 } } }] } };
    expect(entries('{ proposals { edges { node { id family { id } } } } }', proposals, [nested]).map((e) => [e.kind, e.rowCount])).toEqual([
      ['DENIED', 0],
      ['PERSON_READ', 1],
    ]);
  });

  it('records nothing for reads without person data, or fields skipped by a directive', () => {
    expect(entries('{ versions { id } proposals { totalCount } }', { versions: [], proposals: { totalCount: 0 } })).toEqual([]);
    expect(entries('{ family(id: 1) @skip(if: true) { id } health { status } }', { health: { status: 'ok' } })).toEqual([]);
  });
});
