/**
 * Query limits: what one GraphQL operation may ask for before anything runs. Checked once the operation is
 * resolved (variables known), by an Apollo plugin, so a hostile or careless query gets a clear
 * `QUERY_TOO_COMPLEX` (HTTP 400) instead of tying up the server:
 * - **depth**: nesting of selection sets, through fragments (a cycle counts as too deep);
 * - **aliases**: fields requested under an alias, over the whole operation (the "alias bomb");
 * - **cost**: an estimate of the objects the answer can hold. Each field costs 1; the selection below a field
 *   with a page argument (`first`, `last`, `limit`) counts that many times, and that size is used up by the
 *   first list below it (a connection's `edges`, a result's `rows`); any other list counts
 *   {@link ASSUMED_LIST_SIZE} times.
 * Introspection fields (`__schema`, `__type`, `__typename`) are free. The parser's token limit (Apollo
 * `parseOptions.maxTokens`) bounds the work done before these checks.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from './graphql-js.js';
import { QueryTooComplexError } from './errors.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Tokens the parser reads before giving up (graphql-js `maxTokens`). */
  maxTokens: number;
}

/**
 * Defaults: the dashboard's largest operation (a reallocation plan of 1,000 families, or 500 families with members
 * and history) costs ~110,000 and nests 7 deep; these leave room for analysts' own queries.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 40, maxCost: 250_000, maxTokens: 10_000 };

/** How many items a list without a page argument is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

export interface QueryMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

/** Depth, alias count and cost of one operation (variables applied to page arguments). */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> = {},
  maxDepth = Number.POSITIVE_INFINITY,
): QueryMeasure {
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  let aliases = 0;
  let deepest = 0;

  /** Fields of a selection set on `type`, fragments spread in, with their parent type; `visiting` stops cycles. */
  function* fieldsOf(selectionSet: SelectionSetNode, type: GraphQLNamedType | null | undefined, visiting: Set<string>): Generator<[FieldNode, GraphQLNamedType | null | undefined]> {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) yield [selection, type];
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        yield* fieldsOf(selection.selectionSet, condition, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        if (visiting.has(name)) {
          deepest = Number.POSITIVE_INFINITY; // a fragment cycle: unbounded
          continue;
        }
        visiting.add(name);
        yield* fieldsOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), visiting);
        visiting.delete(name);
      }
    }
  }

  function pageSize(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined): number | null {
    if (!field) return null;
    for (const name of PAGE_ARGUMENTS) {
      const definition = field.args.find((arg) => arg.name === name);
      if (!definition) continue;
      const argument = node.arguments?.find((arg) => arg.name.value === name);
      const value = argument ? valueFromAST(argument.value, definition.type, variables as Record<string, unknown>) : definition.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.trunc(value));
    }
    return null;
  }

  /** Cost of a selection set; `pending` is a page size a wrapper (connection, result) hands to its first list. */
  function cost(selectionSet: SelectionSetNode, type: GraphQLNamedType | null | undefined, depth: number, pending: number | null, visiting: Set<string>): number {
    if (depth > deepest) deepest = depth;
    if (depth > maxDepth) return 0; // already too deep: stop walking
    let total = 0;
    for (const [node, parentType] of fieldsOf(selectionSet, type, visiting)) {
      if (node.alias) aliases += 1;
      if (node.name.value.startsWith('__')) continue;
      const field = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[node.name.value] : undefined;
      const size = pageSize(node, field);
      const list = field ? isListType(getNullableType(field.type)) : false;
      const times = list ? (size ?? pending ?? ASSUMED_LIST_SIZE) : 1;
      const handed = list ? null : size;
      const below = node.selectionSet ? cost(node.selectionSet, field ? getNamedType(field.type) : null, depth + 1, handed, visiting) : 0;
      total += times * (1 + below);
    }
    return total;
  }

  const total = cost(operation.selectionSet, root, 1, null, new Set());
  return { depth: deepest, aliases, cost: total };
}

/** Throws {@link QueryTooComplexError} for the first limit an operation goes over. */
export function enforceQueryLimits(
  limits: QueryLimits,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> = {},
): QueryMeasure {
  const measure = measureOperation(schema, operation, fragments, variables, limits.maxDepth);
  if (measure.depth > limits.maxDepth) throw new QueryTooComplexError('depth', limits.maxDepth, Number.isFinite(measure.depth) ? measure.depth : limits.maxDepth + 1);
  if (measure.aliases > limits.maxAliases) throw new QueryTooComplexError('aliases', limits.maxAliases, measure.aliases);
  if (measure.cost > limits.maxCost) throw new QueryTooComplexError('cost', limits.maxCost, measure.cost);
  return measure;
}

/** The Apollo plugin that applies the limits to every operation once it is resolved. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return Promise.resolve();
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          enforceQueryLimits(limits, schema, operation, fragments, request.variables ?? {});
          return Promise.resolve();
        },
      });
    },
  };
}
