import { GraphQLError } from './graphql-js.js';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, NotFoundError } from './errors.js';
import { createFormatError, INTERNAL_ERROR_MESSAGE } from './format-error.js';

function collectingLogger(): { logged: unknown[]; error(message: string, error: unknown): void } {
  const logged: unknown[] = [];
  return { logged, error: (_message, error) => logged.push(error) };
}

/** What graphql-js does to an error thrown by a resolver. */
function thrownInResolver(error: Error): GraphQLError {
  return new GraphQLError(error.message, { path: ['family'], originalError: error });
}

describe('formatError', () => {
  it('passes typed API errors through with their code', () => {
    const logger = collectingLogger();
    const format = createFormatError(logger);
    const error = thrownInResolver(new NotFoundError('Region', '99'));
    const formatted = format({ message: error.message, path: ['family'], extensions: { code: 'NOT_FOUND' } }, error);
    expect(formatted.extensions?.['code']).toBe('NOT_FOUND');
    expect(formatted.message).toBe('Region "99" not found');
    expect(logger.logged).toEqual([]);
  });

  it('passes request errors (validation, parse) through', () => {
    const format = createFormatError(collectingLogger());
    const formatted = format(
      { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('Cannot query field "nope" on type "Query".'),
    );
    expect(formatted.message).toMatch(/nope/);
  });

  it('logs and masks anything unexpected, even when it claims a known code', () => {
    const logger = collectingLogger();
    const format = createFormatError(logger);
    const leak = new Error('SQLITE_ERROR near "3201011508800003": syntax error');
    const formatted = format(
      { message: leak.message, path: ['family'], extensions: { code: 'BAD_USER_INPUT' } },
      thrownInResolver(leak),
    );
    expect(formatted).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: ['family'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logger.logged).toEqual([leak]);
  });

  it('gives each typed error a literal code', () => {
    expect(new NotFoundError('DtsenVersion', 4).extensions['code']).toBe('NOT_FOUND');
    expect(new BadUserInputError('limit', 'too big').extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'limit' });
  });
});
