import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { hasRight, regionInScope, RIGHTS, type Principal, type Right } from '../../domain/access.js';
import type { AtlasContext } from '../../graphql/context.js';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/errors.js';

/** Arguments that name a region; for a regional user each must be inside their scope (absent = the nation). */
const REGION_ARGUMENTS = ['regionCode', 'regencyCode', 'provinceCode'] as const;

/** Rights whose data is regional, so that a regional user's region arguments are checked. */
const REGIONAL_RIGHTS: ReadonlySet<Right> = new Set(['AGGREGATES', 'SCENARIOS', 'PERSON_ROWS', 'PROPOSALS_READ', 'PROPOSALS_WRITE']);

function isRight(value: string): value is Right {
  return (RIGHTS as readonly string[]).includes(value);
}

/** The region arguments a field was called with, `filter.regionCode` included; absent ones count as the nation. */
export function regionArguments(fieldArgs: Readonly<Record<string, unknown>>, fieldArgNames: readonly string[]): string[] {
  const codes: string[] = [];
  for (const name of REGION_ARGUMENTS) {
    if (!fieldArgNames.includes(name)) continue;
    const value = fieldArgs[name];
    codes.push(typeof value === 'string' && value !== '' ? value : 'ID');
  }
  if (fieldArgNames.includes('filter')) {
    const filter = fieldArgs['filter'] as { regionCode?: unknown } | null | undefined;
    codes.push(typeof filter?.regionCode === 'string' && filter.regionCode !== '' ? filter.regionCode : 'ID');
  }
  return codes;
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
  if (rights.some((right) => REGIONAL_RIGHTS.has(right as Right))) {
    for (const code of regions) {
      if (!regionInScope(principal.regionCode, code)) {
        throw new ForbiddenError(`Region ${code} is outside your region ${principal.regionCode ?? ''}`, {
          reason: 'OUT_OF_SCOPE',
          regionCode: code,
          scope: principal.regionCode,
        });
      }
    }
  }
  return true;
}

export class AtlasAuthChecker implements AuthCheckerInterface<AtlasContext> {
  check({ context, args, info }: ResolverData<AtlasContext>, rights: string[]): boolean {
    const definition = info.parentType.getFields()[info.fieldName];
    const argNames = definition?.args.map((arg) => arg.name) ?? [];
    return checkAccess(context.principal, rights, regionArguments(args, argNames));
  }
}
