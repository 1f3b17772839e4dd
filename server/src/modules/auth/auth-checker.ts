import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { hasRight, regionInScope, RIGHTS, type Principal, type Right } from '../../domain/access.js';
import type { AtlasContext } from '../../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/errors.js';

/** Arguments that name a region; for a regional user the given ones must lie inside their scope (none = the nation). */
const REGION_ARGUMENTS = ['regionCode', 'regencyCode', 'provinceCode'] as const;

/** Rights whose data is regional, so that a regional user's region arguments are checked. */
const REGIONAL_RIGHTS: ReadonlySet<Right> = new Set(['AGGREGATES', 'SCENARIOS', 'PERSON_ROWS', 'PROPOSALS_READ', 'PROPOSALS_WRITE']);

function isRight(value: string): value is Right {
  return (RIGHTS as readonly string[]).includes(value);
}

/**
 * The region arguments a field was called with (`regionCode`, `regencyCode`, `provinceCode`, `filter.regionCode`),
 * the given ones only; none given means the nation (`['ID']`). A field's region arguments are filters that all apply
 * (`quotaStatus(provinceCode, regencyCode)` lists the kabupaten/kota in both), so the answer lies inside each given
 * region: see {@link checkAccess}.
 */
export function regionArguments(fieldArgs: Readonly<Record<string, unknown>>, fieldArgNames: readonly string[]): string[] {
  const codes: string[] = [];
  const given = (value: unknown) => {
    if (typeof value === 'string' && value !== '') codes.push(value);
  };
  for (const name of REGION_ARGUMENTS) {
    if (fieldArgNames.includes(name)) given(fieldArgs[name]);
  }
  if (fieldArgNames.includes('filter')) {
    const filter = fieldArgs['filter'] as { regionCode?: unknown } | null | undefined;
    given(filter?.regionCode);
  }
  const takesRegion = REGION_ARGUMENTS.some((name) => fieldArgNames.includes(name)) || fieldArgNames.includes('filter');
  return codes.length === 0 && takesRegion ? ['ID'] : codes;
}

/**
 * Applies the access policy to a field marked `@Authorized('RIGHT', ...)`: the caller must be signed in, hold every
 * listed right, and for regional rights call it only with regions inside their scope. Throws typed errors
 * (UNAUTHENTICATED, FORBIDDEN with `reason` MISSING_RIGHT / OUT_OF_SCOPE) rather than returning false.
 */
export function checkAccess(principal: Principal | null, rights: readonly string[], regions: readonly string[]): true {
  if (principal === null) throw new UnauthenticatedError();
  for (const right of rights) {
    if (!isRight(right)) throw new Error(`@Authorized names an unknown right "${right}"`);
    if (!hasRight(principal, right)) {
      throw new ForbiddenError(`Your role (${principal.role}) does not include ${right}`, { reason: 'MISSING_RIGHT', right });
    }
  }
  // The region filters of a field all apply, so one inside the scope keeps the whole answer inside it.
  if (rights.some((right) => REGIONAL_RIGHTS.has(right as Right)) && regions.length > 0 && !regions.some((code) => regionInScope(principal.regionCode, code))) {
    throw outOfScope(principal, regions.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  return true;
}

/** FORBIDDEN OUT_OF_SCOPE: `regionCode` (a region argument, or the region of an entity asked for) is outside the user's. */
export function outOfScope(principal: Principal, regionCode: string): ForbiddenError {
  return new ForbiddenError(`Region ${regionCode} is outside your region ${principal.regionCode ?? ''}`, {
    reason: 'OUT_OF_SCOPE',
    regionCode,
    scope: principal.regionCode,
  });
}

/**
 * For entities asked for by id (a family, a proposal): FORBIDDEN OUT_OF_SCOPE unless `regionCode` (where the entity
 * is) lies inside the principal's region. National users (no region) see everything; without a principal the field's
 * `@Authorized` has already refused.
 */
export function assertRegionInScope(principal: Principal | null, regionCode: string): void {
  if (principal !== null && !regionInScope(principal.regionCode, regionCode)) throw outOfScope(principal, regionCode);
}

export class AtlasAuthChecker implements AuthCheckerInterface<AtlasContext> {
  check({ context, args, info }: ResolverData<AtlasContext>, rights: string[]): boolean {
    const definition = info.parentType.getFields()[info.fieldName];
    const argNames = definition?.args.map((arg) => arg.name) ?? [];
    return checkAccess(context.principal, rights, regionArguments(args, argNames));
  }
}
