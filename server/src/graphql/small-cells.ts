/**
 * Small-cell suppression in the schema, declared once per field and applied in one place.
 *
 * A type's counts are declared with {@link SmallCellField} (nullable; the rule, which counts the figure depends on, goes
 * into the field's GraphQL extensions) and the type gets one {@link SuppressedFields} field, `suppressed: [String!]!`.
 * {@link applySmallCellSuppression} then wraps the resolvers of those fields in the built schema: a withheld figure
 * resolves to null and `suppressed` lists the names withheld in that object. The threshold is the request's
 * (`AtlasContext.smallCellThreshold`, from `domain/suppression.ts`: 0 for roles with UNSUPPRESSED_COUNTS). The
 * services and their views are untouched: they hand over the counts, the schema decides what leaves.
 *
 * Complementary suppression: a list field whose items add up to a figure of the object carrying it declares it with
 * {@link ComplementaryGroup}. Whenever a field returns an object that holds such lists (at any depth), the additive
 * relations found in it are settled at once, before any of its fields resolve, with
 * `domain/suppression.ts#complementarySuppression`; the counts it adds are remembered per request by object identity
 * (the views are not copied or changed) and withheld like small cells, with every figure computed from them.
 */
import { Extensions, Field } from 'type-graphql';
import {
  complementarySuppression, DIFFERENCE_OF, isWithheld, valueAt, withheldFields, type AdditiveRelation, type AlsoWithheld, type SmallCellRule,
} from '../domain/suppression.js';
import type { AtlasContext } from './context.js';
import {
  defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema,
} from './graphql-js.js';

type ReturnTypeFunc = NonNullable<Parameters<typeof Field>[0]>;

/** Extension key of a field's {@link SmallCellRule}. */
export const SMALL_CELL_EXTENSION = 'smallCell';
/** Extension key marking a type's `suppressed` field. */
export const SUPPRESSED_LIST_EXTENSION = 'smallCellList';
/** Extension key of a list field's {@link ComplementaryGroupOptions}. */
export const COMPLEMENTARY_EXTENSION = 'complementaryGroups';

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

/**
 * Items of a list field that add up to a figure of the object carrying the list: `sum(item.cells) = total`. Paths are
 * dotted (`summary.recipients`) and may name counts the schema does not show (a share's `familyCount`).
 */
export interface ComplementaryGroupOptions {
  /** Path, in each item, of the count the items add up. */
  cells: string;
  /** Path, in the object carrying the list, of the figure they add up to. */
  total: string;
  /**
   * Path, in each item, of a key breaking ties between equally small cells (a region code), so that the same cell is
   * chosen whatever the order of the list; default: the position (for lists in a fixed order).
   */
  key?: string;
  /**
   * Path, in the object carrying the list, of the number of items of the whole group: when the list holds fewer (a
   * page), the items on it do not add up to the total and the group is not settled.
   */
  count?: string;
}

/**
 * Declares the additive groups a list field's items form with figures of the object carrying it (one option object
 * per group): when exactly one figure of a group is withheld, a second one is too (`complementaryCells`), so that no
 * withheld count can be recovered as the total minus the visible cells.
 */
export function ComplementaryGroup(...groups: ComplementaryGroupOptions[]): PropertyDecorator {
  return Extensions({ [COMPLEMENTARY_EXTENSION]: groups });
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

/** A group of a type, with the types holding its cells and its total, resolved once from the schema. */
interface ResolvedGroup extends ComplementaryGroupOptions {
  field: string;
  itemType: GraphQLObjectType;
  cellRule: SmallCellRule;
  totalRule: SmallCellRule;
}

/**
 * The rule of the count at `path` from `type`: the small-cell rule of the field it ends at, or, for a property the
 * schema does not show, a count ruled by itself. Throws when a step is not an object field or the field is not a count.
 */
function ruleAtPath(rules: Map<string, Map<string, SmallCellRule>>, type: GraphQLObjectType, path: string, where: string): SmallCellRule {
  const steps = path.split('.');
  let holder = type;
  for (const step of steps.slice(0, -1)) {
    const next = holder.getFields()[step] ? getNamedType(holder.getFields()[step]!.type) : undefined;
    if (!next || !isObjectType(next)) throw new Error(`${where}: ${holder.name}.${step} is not an object field`);
    holder = next;
  }
  const name = steps[steps.length - 1]!;
  if (!holder.getFields()[name]) return { of: [name] };
  const rule = rules.get(holder.name)?.get(name);
  if (!rule || rule.of.length !== 1 || rule.of[0] !== name) throw new Error(`${where}: ${holder.name}.${name} is not a small-cell count`);
  return rule;
}

/** The complementary groups of each object type, by type name. */
function complementaryGroups(schema: GraphQLSchema, rules: Map<string, Map<string, SmallCellRule>>): Map<string, ResolvedGroup[]> {
  const byType = new Map<string, ResolvedGroup[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const groups = field.extensions[COMPLEMENTARY_EXTENSION] as ComplementaryGroupOptions[] | undefined;
      if (!groups) continue;
      const where = `${type.name}.${field.name}`;
      const itemType = getNamedType(field.type);
      if (!isObjectType(itemType)) throw new Error(`${where}: a complementary group needs a list of objects`);
      for (const group of groups) {
        const resolved: ResolvedGroup = {
          ...group, field: field.name, itemType,
          cellRule: ruleAtPath(rules, itemType, group.cells, where), totalRule: ruleAtPath(rules, type, group.total, where),
        };
        byType.set(type.name, [...(byType.get(type.name) ?? []), resolved]);
      }
    }
  }
  return byType;
}

/** The object types from which a complementary group can be reached (through object fields), themselves included. */
function typesReaching(schema: GraphQLSchema, groups: Map<string, ResolvedGroup[]>): Set<string> {
  const reaching = new Set(groups.keys());
  for (let changed = true; changed;) {
    changed = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || reaching.has(type.name)) continue;
      if (Object.values(type.getFields()).some((field) => reaching.has(getNamedType(field.type).name))) {
        reaching.add(type.name);
        changed = true;
      }
    }
  }
  return reaching;
}

/** A figure in an additive relation: the object carrying it and its name there. */
interface Cell {
  holder: object;
  name: string;
  value: number;
  rule: SmallCellRule;
}

/** What one request has settled: the objects walked and the counts withheld as complements, by object. */
interface Settlement {
  walked: WeakSet<object>;
  withheld: WeakMap<object, Set<string>>;
  alsoWithheld: AlsoWithheld;
}

const settlements = new WeakMap<object, Settlement>();

function settlementOf(context: AtlasContext): Settlement {
  let settlement = settlements.get(context);
  if (!settlement) {
    const withheld = new WeakMap<object, Set<string>>();
    settlement = { walked: new WeakSet(), withheld, alsoWithheld: (holder, name) => withheld.get(holder)?.has(name) === true };
    settlements.set(context, settlement);
  }
  return settlement;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Settles the complementary suppression of the objects in `value` (an object or a list, as a field returned it) of
 * type `type`: walks them and everything under them that can hold a group, gathers every additive relation, and
 * marks what {@link complementarySuppression} adds. Objects already walked in this request are skipped.
 */
function settle(
  value: unknown, type: GraphQLObjectType, groups: Map<string, ResolvedGroup[]>, reaching: Set<string>, settlement: Settlement, threshold: number,
): void {
  const cells = new Map<object, Map<string, Cell>>();
  const cellAt = (root: unknown, path: string, rule: SmallCellRule): Cell | undefined => {
    const dot = path.lastIndexOf('.');
    const holder = dot < 0 ? root : valueAt(root, path.slice(0, dot));
    const name = path.slice(dot + 1);
    const figure = isObject(holder) ? (holder as Record<string, unknown>)[name] : undefined;
    if (!isObject(holder) || typeof figure !== 'number') return undefined;
    const byName = cells.get(holder) ?? new Map<string, Cell>();
    cells.set(holder, byName);
    const cell = byName.get(name) ?? { holder, name, value: figure, rule };
    byName.set(name, cell);
    return cell;
  };
  const relations: AdditiveRelation<Cell>[] = [];
  const keys = new Map<Cell, string>();
  const walk = (node: unknown, nodeType: GraphQLObjectType): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, nodeType);
      return;
    }
    if (!isObject(node) || settlement.walked.has(node)) return;
    settlement.walked.add(node);
    for (const group of groups.get(nodeType.name) ?? []) {
      const listed = (node as Record<string, unknown>)[group.field];
      if (!Array.isArray(listed)) continue;
      const count = group.count === undefined ? undefined : valueAt(node, group.count);
      if (typeof count === 'number' && listed.length < count) continue;
      const total = cellAt(node, group.total, group.totalRule);
      const members = listed.map((item, i) => {
        const cell = cellAt(item, group.cells, group.cellRule);
        if (cell) keys.set(cell, group.key === undefined ? String(i).padStart(10, '0') : String(valueAt(item, group.key)));
        return cell;
      });
      if (total && members.every((cell) => cell !== undefined)) relations.push({ total, cells: members as Cell[] });
    }
    for (const field of Object.values(nodeType.getFields())) {
      const fieldType = getNamedType(field.type);
      if (isObjectType(fieldType) && reaching.has(fieldType.name)) walk((node as Record<string, unknown>)[field.name], fieldType);
    }
  };
  walk(value, type);
  if (relations.length === 0) return;
  const extra = complementarySuppression(
    relations,
    (cell) => cell.value,
    (cell) => isWithheld(cell.rule, cell.holder, threshold, settlement.alsoWithheld),
    (cell) => keys.get(cell) ?? '',
  );
  for (const cell of extra) {
    const names = settlement.withheld.get(cell.holder) ?? new Set<string>();
    names.add(cell.name);
    settlement.withheld.set(cell.holder, names);
  }
}

/**
 * Wraps the resolvers of every small-cell field and `suppressed` field of the schema (in place), and of every field
 * returning objects that can hold a complementary group (to settle them first). Throws when a type has small-cell
 * fields but no `suppressed` field or the reverse, when a field named `differenceOf` would be shadowed, or when a
 * complementary group names something that is not a count.
 */
export function applySmallCellSuppression(schema: GraphQLSchema): GraphQLSchema {
  const rulesByType = smallCellRules(schema);
  const groups = complementaryGroups(schema, rulesByType);
  const reaching = typesReaching(schema, groups);
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
          isWithheld(rule, root, context.smallCellThreshold, settlementOf(context).alsoWithheld) ? null : resolve(root, args, context, info);
      } else if (field.extensions[SUPPRESSED_LIST_EXTENSION] === true) {
        field.resolve = (root: unknown, _args: unknown, context: AtlasContext) =>
          withheldFields(rules, root, context.smallCellThreshold, settlementOf(context).alsoWithheld);
      }
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!isObjectType(returned) || !reaching.has(returned.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, AtlasContext> = field.resolve ?? defaultFieldResolver;
      const settled = (value: unknown, context: AtlasContext) => {
        if (context.smallCellThreshold > 1) settle(value, returned, groups, reaching, settlementOf(context), context.smallCellThreshold);
        return value;
      };
      field.resolve = (root, args, context, info) => {
        const value: unknown = resolve(root, args, context, info);
        return value instanceof Promise ? value.then((v: unknown) => settled(v, context)) : settled(value, context);
      };
    }
  }
  return schema;
}
