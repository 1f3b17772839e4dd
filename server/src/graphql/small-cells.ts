/**
 * Small-cell suppression in the schema, declared once per field and applied in one place.
 *
 * A type's counts are declared with {@link SmallCellField} (nullable; the rule, which counts the figure depends on, goes
 * into the field's GraphQL extensions) and the type gets one {@link SuppressedFields} field, `suppressed: [String!]!`.
 * {@link applySmallCellSuppression} then wraps the resolvers of those fields in the built schema: a withheld figure
 * resolves to null and `suppressed` lists the names withheld in that object. The threshold is the request's
 * (`AtlasContext.smallCellThreshold`, from `domain/suppression.ts`: 0 for roles with UNSUPPRESSED_COUNTS). The
 * services and their views are untouched: they hand over the counts, the schema decides what leaves.
 */
import { Extensions, Field } from 'type-graphql';
import { DIFFERENCE_OF, isWithheld, withheldFields, type SmallCellRule } from '../domain/suppression.js';
import type { AtlasContext } from './context.js';
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from './graphql-js.js';

type ReturnTypeFunc = NonNullable<Parameters<typeof Field>[0]>;

/** Extension key of a field's {@link SmallCellRule}. */
export const SMALL_CELL_EXTENSION = 'smallCell';
/** Extension key marking a type's `suppressed` field. */
export const SUPPRESSED_LIST_EXTENSION = 'smallCellList';

/** What every withheld field's description ends with. */
export const WITHHELD_NOTE = 'Null when withheld as a small cell (named in `suppressed`).';

export interface SmallCellFieldOptions {
  description: string;
  /**
   * The counts the figure is computed from, as paths in the object the service hands over (its own fields, or
   * properties the schema does not show, such as `familyCount`); default: the field itself, a count. A signed
   * difference may also carry its operands under `differenceOf` (see `domain/suppression.ts`).
   */
  of?: readonly string[];
}

/**
 * A nullable field whose value is a count of units in a cell, or a figure derived from such counts: withheld (null,
 * listed in `suppressed`) when any of them is a small cell for the caller.
 */
export function SmallCellField(returnType: ReturnTypeFunc, options: SmallCellFieldOptions): PropertyDecorator {
  return (prototype, propertyKey) => {
    if (typeof propertyKey !== 'string') throw new TypeError('SmallCellField needs a named property');
    const rule: SmallCellRule = { of: options.of ?? [propertyKey] };
    Field(returnType, { nullable: true, description: `${options.description} ${WITHHELD_NOTE}` })(prototype, propertyKey);
    Extensions({ [SMALL_CELL_EXTENSION]: rule })(prototype, propertyKey);
  };
}

/** The `suppressed` field of a type with {@link SmallCellField}s: the names of the figures withheld in this object. */
export function SuppressedFields(): PropertyDecorator {
  return (prototype, propertyKey) => {
    Field(() => [String], {
      description:
        'Names of the fields of this object withheld as small cells in this answer (counts from 1 to the small-cell ' +
        'threshold minus 1, and figures computed from them); empty when none is. See `me.smallCellThreshold`.',
    })(prototype, propertyKey);
    Extensions({ [SUPPRESSED_LIST_EXTENSION]: true })(prototype, propertyKey);
  };
}

function ruleOf(extensions: Readonly<Record<string, unknown>> | null | undefined): SmallCellRule | undefined {
  return extensions?.[SMALL_CELL_EXTENSION] as SmallCellRule | undefined;
}

/** The small-cell rules of each object type of a schema, by type name and field name (types without any left out). */
export function smallCellRules(schema: GraphQLSchema): Map<string, Map<string, SmallCellRule>> {
  const byType = new Map<string, Map<string, SmallCellRule>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rules = new Map<string, SmallCellRule>();
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(field.extensions);
      if (rule) rules.set(field.name, rule);
    }
    if (rules.size > 0) byType.set(type.name, rules);
  }
  return byType;
}

/**
 * Wraps the resolvers of every small-cell field and `suppressed` field of the schema (in place). Throws when a type has
 * small-cell fields but no `suppressed` field or the reverse, or when a field named `differenceOf` would be shadowed.
 */
export function applySmallCellSuppression(schema: GraphQLSchema): GraphQLSchema {
  const rulesByType = smallCellRules(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = Object.values(type.getFields());
    const rules = rulesByType.get(type.name);
    const lists = fields.filter((field) => field.extensions[SUPPRESSED_LIST_EXTENSION] === true);
    if (rules && lists.length !== 1) throw new Error(`${type.name} has small-cell fields but no \`suppressed\` field`);
    if (!rules && lists.length > 0) throw new Error(`${type.name} has a \`suppressed\` field but no small-cell field`);
    if (!rules) continue;
    if (fields.some((field) => field.name === DIFFERENCE_OF)) throw new Error(`${type.name}.${DIFFERENCE_OF} is reserved for differences`);
    for (const field of fields) {
      const rule = ruleOf(field.extensions);
      if (rule) {
        const resolve: GraphQLFieldResolver<unknown, AtlasContext> = field.resolve ?? defaultFieldResolver;
        field.resolve = (root, args, context, info) =>
          isWithheld(rule, root, context.smallCellThreshold) ? null : resolve(root, args, context, info);
      } else if (field.extensions[SUPPRESSED_LIST_EXTENSION] === true) {
        field.resolve = (root: unknown, _args: unknown, context: AtlasContext) => withheldFields(rules, root, context.smallCellThreshold);
      }
    }
  }
  return schema;
}
