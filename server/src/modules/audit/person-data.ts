/**
 * What in a GraphQL operation is person-level data, found from the schema: which root fields read it (for the audit
 * log and the response cache, which must never serve it) and, in a result, how many person rows went out and whether
 * identifiers went out in clear.
 */
import {
  getNamedType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from '../../graphql/graphql-js.js';

/**
 * Object types of which each object is one person-level row: a family (with its members, state, history ...
 * beneath it) and a unit of a reallocation plan (a family or person named by id, desil and rank).
 */
export const PERSON_ROW_TYPES: ReadonlySet<string> = new Set(['Family', 'ReallocationFillUnit', 'ReallocationRemovalUnit']);

/** Fields (`Type.field`) that return identifiers in clear (CLEAR_IDENTIFIERS); a non-null value is a clear read. */
export const CLEAR_IDENTIFIER_FIELDS: ReadonlySet<string> = new Set(['Family.kk', 'Individual.nik', 'Individual.name']);

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The object type a fragment applies to (no interfaces or unions in this schema: else the enclosing type). */
function conditionType(schema: GraphQLSchema, name: string | undefined, enclosing: GraphQLObjectType): GraphQLObjectType {
  const type = name === undefined ? undefined : schema.getType(name);
  return type && isObjectType(type) ? type : enclosing;
}

/** Whether a selection on `type` reaches a person-row type at any depth (fragments followed, each once). */
export function reachesPersonRows(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  seen: Set<string> = new Set(),
): boolean {
  return selectionSet.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD: {
        const field = type.getFields()[selection.name.value];
        if (!field || !selection.selectionSet) return false;
        const named = getNamedType(field.type);
        if (PERSON_ROW_TYPES.has(named.name)) return true;
        return isObjectType(named) && reachesPersonRows(schema, named, selection.selectionSet, fragments, seen);
      }
      case Kind.INLINE_FRAGMENT:
        return reachesPersonRows(schema, conditionType(schema, selection.typeCondition?.name.value, type), selection.selectionSet, fragments, seen);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) return false;
        seen.add(fragment.name.value);
        return reachesPersonRows(schema, conditionType(schema, fragment.typeCondition.name.value, type), fragment.selectionSet, fragments, seen);
      }
      default:
        return false;
    }
  });
}

/** The root type of an operation. */
export function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType | null {
  switch (operation.operation) {
    case 'query':
      return schema.getQueryType() ?? null;
    case 'mutation':
      return schema.getMutationType() ?? null;
    default:
      return schema.getSubscriptionType() ?? null;
  }
}

/** Whether an operation selects person-level data anywhere (the response cache stays out of such operations). */
export function selectsPersonData(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const root = rootTypeOf(schema, operation);
  return root !== null && reachesPersonRows(schema, root, operation.selectionSet, fragmentsOf(document));
}

/** A field of a selection, by response key, with the selection sets of all its occurrences (merged as in execution). */
export interface CollectedField {
  name: string;
  nodes: FieldNode[];
}

/**
 * The fields a selection set on `type` asks for, by response key, following fragments (each once) as graphql-js's
 * `collectFields` does (directives are left to the data: a skipped field has no key in the result).
 */
export function collectFields(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  fragments: Fragments,
): Map<string, CollectedField> {
  const fields = new Map<string, CollectedField>();
  const seen = new Set<string>();
  const visit = (objectType: GraphQLObjectType, selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const entry = fields.get(key);
        if (entry) entry.nodes.push(selection);
        else fields.set(key, { name: selection.name.value, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(conditionType(schema, selection.typeCondition?.name.value, objectType), selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        visit(conditionType(schema, fragment.typeCondition.name.value, objectType), fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(type, selectionSet);
  return fields;
}

/** What a result carried of person-level data. */
export interface PersonDataCount {
  /** Person rows (outermost person-row objects: a family's members are part of its row). */
  rows: number;
  /** Whether a clear identifier field had a value. */
  clear: boolean;
}

/**
 * Counts the person rows and clear identifiers in the value that the field occurrences `nodes` (one root field) produced
 * on an object of `parentType`. Walks the data along the selection, so only what was returned counts.
 */
export function countPersonData(
  schema: GraphQLSchema,
  parentType: GraphQLObjectType,
  field: CollectedField,
  fragments: Fragments,
  value: unknown,
): PersonDataCount {
  const count: PersonDataCount = { rows: 0, clear: false };
  const walkField = (objectType: GraphQLObjectType, collected: CollectedField, data: unknown, insideRow: boolean): void => {
    const definition = objectType.getFields()[collected.name];
    if (!definition || data === undefined) return;
    if (data !== null && CLEAR_IDENTIFIER_FIELDS.has(`${objectType.name}.${definition.name}`)) count.clear = true;
    const named = getNamedType(definition.type);
    if (!isObjectType(named)) return;
    const selectionSets = collected.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    walkValue(named, selectionSets, data, insideRow);
  };
  const walkValue = (objectType: GraphQLObjectType, selectionSets: SelectionSetNode[], data: unknown, insideRow: boolean): void => {
    if (Array.isArray(data)) {
      for (const item of data) walkValue(objectType, selectionSets, item, insideRow);
      return;
    }
    if (data === null || typeof data !== 'object') return;
    const isRow = PERSON_ROW_TYPES.has(objectType.name);
    if (isRow && !insideRow) count.rows += 1;
    const record = data as Record<string, unknown>;
    for (const [key, collected] of collectFields(schema, objectType, selectionSets, fragments)) {
      walkField(objectType, collected, record[key], insideRow || isRow);
    }
  };
  walkField(parentType, field, value, false);
  return count;
}
