/**
 * The audit log's single entry point for requests (issue "Personal data": who read which person-level data, when, with
 * which filters and how many rows, and every mutation). An Apollo plugin: after execution, before the answer is sent,
 * it derives the events of a signed-in user's request from the operation and its result, and appends them in one
 * statement. Resolvers do nothing for it.
 *
 * Per root field of an executed operation:
 * - DENIED when a FORBIDDEN or UNAUTHENTICATED error lies under it (the field itself or a nested person-level field);
 * - MUTATION for a mutation field that ran (whatever its outcome, CONFLICT included); one refused at the root is only
 *   DENIED, it did not run;
 * - PERSON_READ when its selection reaches person-level data (`person-data.ts`): `rowCount` the person rows returned,
 *   `clear` whether identifiers went out in clear. A read wholly refused (no row) is only DENIED.
 * Arguments are the field's, coerced, filters included. When the log cannot be written the answer is replaced by an
 * internal error: person data never leaves unlogged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { AtlasContext } from '../../graphql/context.js';
import type { ErrorLogger } from '../../graphql/format-error.js';
import { INTERNAL_ERROR_MESSAGE } from '../../graphql/format-error.js';
import {
  getArgumentValues,
  getVariableValues,
  Kind,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from '../../graphql/graphql-js.js';
import { AuditLogBusyError, type AuditEntry } from '../auth/audit.service.js';
import { collectFields, countPersonData, fragmentsOf, reachesPersonRows, rootTypeOf } from './person-data.js';

const REFUSAL_CODES: ReadonlySet<unknown> = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/** The audit events of one executed operation (exported for tests). */
export function auditEntries(
  schema: GraphQLSchema,
  document: Parameters<typeof fragmentsOf>[0],
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  data: Record<string, unknown> | null | undefined,
  errors: readonly GraphQLFormattedError[],
): AuditEntry[] {
  const root = rootTypeOf(schema, operation);
  if (!root) return [];
  const fragments = fragmentsOf(document);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  const variableValues = coerced.coerced ?? {};
  const entries: AuditEntry[] = [];
  for (const [key, field] of collectFields(schema, root, [operation.selectionSet], fragments)) {
    const definition = root.getFields()[field.name];
    const node = field.nodes[0];
    if (!definition || !node) continue;
    const fieldErrors = errors.filter((error) => error.path?.[0] === key);
    const refusals = fieldErrors.filter((error) => REFUSAL_CODES.has(error.extensions?.['code']));
    const value = data?.[key];
    if (value === undefined && fieldErrors.length === 0) continue; // skipped (@skip/@include), or never reached
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, node, variableValues);
    } catch {
      args = {};
    }
    const refusedAtRoot = refusals.some((error) => error.path?.length === 1);
    if (refusals.length > 0) entries.push({ kind: 'DENIED', field: field.name, arguments: args, rowCount: 0 });
    if (operation.operation === 'mutation' && !refusedAtRoot) entries.push({ kind: 'MUTATION', field: field.name, arguments: args, rowCount: 0 });
    const selection = { kind: Kind.SELECTION_SET, selections: field.nodes } as const;
    if (!refusedAtRoot && reachesPersonRows(schema, root, selection, fragments)) {
      const { rows, clear } = countPersonData(schema, root, field, fragments, value);
      if (rows > 0 || refusals.length === 0) entries.push({ kind: 'PERSON_READ', field: field.name, arguments: args, rowCount: rows, clear });
    }
  }
  return entries;
}

export function auditPlugin(logger: ErrorLogger): ApolloServerPlugin<AtlasContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, schema, document, operation, request, response }) {
          const { principal } = contextValue;
          if (!principal || !document || !operation || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!('data' in result)) return; // not executed (validation, query limits)
          const entries = auditEntries(schema, document, operation, request.variables, result.data, result.errors ?? []);
          try {
            await contextValue.services.audit.recordMany(principal, contextValue.operationName ?? request.operationName ?? null, entries);
          } catch (error) {
            if (error instanceof AuditLogBusyError) {
              // SQLite, while another writer (a publication, an import) holds the database longer than the audit
              // write may wait: not a fault, the client may retry.
              response.http.status = 503;
              response.body = {
                kind: 'single',
                singleResult: {
                  errors: [{
                    message: 'The audit log is locked by another writer (a publication or an import); the answer was withheld. Retry shortly.',
                    extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'AUDIT_LOG_BUSY' },
                  }],
                },
              };
              return;
            }
            logger.error('The audit log could not be written; the answer was withheld', error);
            response.http.status = 500;
            response.body = { kind: 'single', singleResult: { errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
          }
        },
      });
    },
  };
}
