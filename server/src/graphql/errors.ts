import { GraphQLError } from './graphql-js.js';

/**
 * Error codes the API returns to clients, as a closed union. Anything not listed here is an unexpected error:
 * it is logged on the server and reaches clients only as `INTERNAL_SERVER_ERROR` (see `format-error.ts`).
 */
export type AtlasErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'NOT_SUPPORTED'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  | 'UNAUTHENTICATED';

/** Extensions carried by every typed API error. */
export interface AtlasErrorExtensions {
  readonly code: AtlasErrorCode;
  readonly [key: string]: unknown;
}

/** Base of the typed API errors: a `GraphQLError` whose `extensions.code` is one of {@link AtlasErrorCode}. */
export abstract class AtlasError extends GraphQLError {
  abstract readonly code: AtlasErrorCode;
}

/** A region, version or other resource named by the client does not exist. */
export class NotFoundError extends AtlasError {
  readonly code = 'NOT_FOUND' as const;

  /**
   * @param resource the kind of thing looked up, e.g. `"Region"` or `"DtsenVersion"`
   * @param key the identifier the client passed
   */
  constructor(resource: string, key: string | number, message?: string) {
    super(message ?? `${resource} "${key}" not found`, {
      extensions: { code: 'NOT_FOUND', resource, key: String(key) },
    });
    this.name = 'NotFoundError';
  }
}

/** An argument is out of range or malformed (limit outside 1..500, region code not in Kemendagri format ...). */
export class BadUserInputError extends AtlasError {
  readonly code = 'BAD_USER_INPUT' as const;

  /**
   * @param argument name of the offending argument, e.g. `"limit"`
   * @param message human-readable explanation
   */
  constructor(argument: string, message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
    this.name = 'BadUserInputError';
  }
}

/**
 * The request is valid but contradicts the current state: publishing a version that is already published or out of
 * order, moving a proposal to a status its current status cannot reach, a duplicate submission.
 */
export class ConflictError extends AtlasError {
  readonly code = 'CONFLICT' as const;

  /**
   * @param reason machine-readable reason, e.g. `"VERSION_ALREADY_PUBLISHED"` or `"INVALID_TRANSITION"`
   * @param message human-readable explanation
   */
  constructor(reason: string, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'CONFLICT', reason, ...extra } });
    this.name = 'ConflictError';
  }
}

/**
 * The caller may not do or see this: `reason` is `MISSING_RIGHT` (the role lacks `right`) or `OUT_OF_SCOPE` (a region
 * outside the user's province or kabupaten/kota).
 */
export class ForbiddenError extends AtlasError {
  readonly code = 'FORBIDDEN' as const;

  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...extra } });
    this.name = 'ForbiddenError';
  }
}

/** No valid API token came with the request (only `health` is public). */
export class UnauthenticatedError extends AtlasError {
  readonly code = 'UNAUTHENTICATED' as const;

  constructor(message = 'Sign in: send an API token as `Authorization: Bearer <token>`') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
    this.name = 'UnauthenticatedError';
  }
}

/** The operation exists but the configured database engine cannot run it yet (e.g. a SQLite-only computation). */
export class NotSupportedError extends AtlasError {
  readonly code = 'NOT_SUPPORTED' as const;

  constructor(feature: string, message: string) {
    super(message, { extensions: { code: 'NOT_SUPPORTED', feature } });
    this.name = 'NotSupportedError';
  }
}

/**
 * A database the request needs cannot be reached: `reason` `READ_REPLICA_UNREACHABLE` when a query was routed to a read
 * replica that is down (`db/read-routing.ts`; mutations, on the primary, are not affected). Retry later.
 */
export class ServiceUnavailableError extends AtlasError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;

  constructor(reason: string, message: string) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE', reason } });
    this.name = 'ServiceUnavailableError';
  }
}

/** Which of the query limits (`graphql/query-limits.ts`) a request went over. */
export type QueryLimitKind = 'depth' | 'aliases' | 'cost';

/**
 * The operation is deeper, has more aliases or would cost more than the server allows: rejected before it runs,
 * with HTTP 400 and the limit, its maximum and the operation's figure in the extensions.
 */
export class QueryTooComplexError extends AtlasError {
  readonly code = 'QUERY_TOO_COMPLEX' as const;

  constructor(limit: QueryLimitKind, max: number, actual: number) {
    const what = { depth: 'nesting depth', aliases: 'aliases', cost: 'estimated cost' }[limit];
    super(`The operation's ${what} is ${actual}, over the limit of ${max}`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, actual, http: { status: 400 } },
    });
    this.name = 'QueryTooComplexError';
  }
}

/** Narrows an unknown value to one of the typed API errors. */
export function isAtlasError(error: unknown): error is AtlasError {
  return error instanceof AtlasError;
}

/** Exhaustiveness helper for switches over unions such as {@link AtlasErrorCode}. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable value: ${String(value)}`);
}
