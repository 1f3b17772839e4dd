import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../generated/graphql';
import { VIEWERS } from './__fixtures__/viewers';
import { accessProblem, allowedViews, canUseView, landingChange, regionInScope, type Viewer } from './access';

const viewerOf = (role: Role, regionCode: string | null = null): Viewer => ({ ...VIEWERS[role], regionCode });

describe('views by role', () => {
  it('offers every view to national roles with aggregates, and the proposals only where the role reads them', () => {
    expect(allowedViews(viewerOf('ADMIN'))).toEqual(['overview', 'desil', 'targeting', 'quota', 'trends', 'proposals']);
    expect(allowedViews(viewerOf('NATIONAL_ANALYST'))).toEqual(['overview', 'desil', 'targeting', 'quota', 'trends', 'proposals']);
    expect(allowedViews(viewerOf('POLICY_ANALYST'))).toEqual(['overview', 'desil', 'targeting', 'quota', 'trends']);
    expect(allowedViews(viewerOf('REGIONAL_HEAD', '32.01'))).toEqual(['overview', 'desil', 'targeting', 'quota', 'trends', 'proposals']);
    expect(allowedViews(viewerOf('OPERATOR', '32.01'))).toEqual(['proposals']);
    expect(canUseView(viewerOf('OPERATOR', '32.01'), 'quota')).toBe(false);
  });

  it('offers everything outside the sign-in gate (no viewer): the server decides', () => {
    expect(allowedViews(null)).toHaveLength(6);
  });
});

describe('regionInScope', () => {
  it('puts every region inside the nation, and a region inside a scope when it is the scope or below it', () => {
    expect(regionInScope(null, 'ID')).toBe(true);
    expect(regionInScope(null, '32.02')).toBe(true);
    expect(regionInScope('32.01', '32.01')).toBe(true);
    expect(regionInScope('32.01', '32.01.05.2001')).toBe(true);
    expect(regionInScope('32.01', '32.010')).toBe(false);
    expect(regionInScope('32.01', '32.02')).toBe(false);
    expect(regionInScope('32.01', '32')).toBe(false);
    expect(regionInScope('32.01', 'ID')).toBe(false);
    expect(regionInScope('32', '32.73')).toBe(true);
  });
});

describe('landingChange', () => {
  it('opens a regional user’s own region when the link names none, and keeps a link that names one', () => {
    const head = viewerOf('REGIONAL_HEAD', '32.01');
    expect(landingChange(head, '/', '')).toEqual({ regionCode: '32.01' });
    expect(landingChange(head, '/kuota', '?program=PBI_JKN')).toEqual({ regionCode: '32.01' });
    expect(landingChange(head, '/desil', '?wilayah=32.01.05')).toBeNull();
    expect(landingChange(viewerOf('ADMIN'), '/', '')).toBeNull();
  });

  it('sends a role without the overview to its first view', () => {
    expect(landingChange(viewerOf('OPERATOR', '32.01'), '/', '')).toEqual({ regionCode: '32.01', view: 'proposals' });
    // An explicit link to another view stays, to say it is not available there.
    expect(landingChange(viewerOf('OPERATOR', '32.01'), '/kuota', '?wilayah=32.01')).toBeNull();
  });
});

describe('accessProblem', () => {
  const graphQLError = (extensions: Record<string, unknown>) =>
    new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions })] });

  it('reads UNAUTHENTICATED, FORBIDDEN OUT_OF_SCOPE and MISSING_RIGHT from the error extensions', () => {
    expect(accessProblem(graphQLError({ code: 'UNAUTHENTICATED' }))).toEqual({ kind: 'unauthenticated' });
    expect(accessProblem(graphQLError({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE', regionCode: '32.02', scope: '32.01' }))).toEqual({
      kind: 'out-of-scope',
      regionCode: '32.02',
      scope: '32.01',
    });
    expect(accessProblem(graphQLError({ code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: 'PERSON_ROWS' }))).toEqual({
      kind: 'missing-right',
      right: 'PERSON_ROWS',
    });
  });

  it('reads a 401 response as unauthenticated, and leaves other errors alone', () => {
    const response = new Response('{}', { status: 401 });
    expect(accessProblem(new CombinedError({ networkError: new Error('Unauthorized'), response }))).toEqual({ kind: 'unauthenticated' });
    expect(accessProblem(graphQLError({ code: 'NOT_FOUND' }))).toBeNull();
    expect(accessProblem(new Error('offline'))).toBeNull();
    expect(accessProblem(null)).toBeNull();
  });
});
