import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from './graphql-js.js';
import { isAtlasError } from './errors.js';

/** Where unexpected errors are reported; `console` by default. */
export interface ErrorLogger {
  error(message: string, error: unknown): void;
}

/** The message and code clients see for anything that is not a typed API error or a request error. */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** Errors Apollo raises about the request itself (before execution); their messages are safe to show. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.BAD_REQUEST,
]);

/**
 * Builds Apollo's `formatError`: typed API errors (`NotFoundError`, `BadUserInputError`) and request errors
 * (parse, validation, variable coercion) go to the client as they are; anything else is logged with its stack
 * and replaced by `Internal server error` / `INTERNAL_SERVER_ERROR`, so database messages, SQL or personal data
 * in an exception never reach a client.
 */
export function createFormatError(
  logger: ErrorLogger = console,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    if (isAtlasError(original)) return formatted;

    const code = formatted.extensions?.['code'];
    const duringExecution = formatted.path !== undefined;
    if (!duringExecution && typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;

    logger.error(`Unexpected GraphQL error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}`, original);
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
