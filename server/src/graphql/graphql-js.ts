/**
 * The one entry to graphql-js for our own code.
 *
 * graphql 16 ships a CommonJS build (`index.js`) and an ESM build (`index.mjs`) without an `exports` map. Node,
 * and therefore type-graphql and Apollo, load `index.js`; Vite (vitest) would resolve a bare `graphql` import in
 * our sources to `index.mjs`, giving two graphql-js instances whose `instanceof` checks disagree. Naming the file
 * keeps a single instance in every runtime.
 */
export {
  defaultFieldResolver,
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  valueFromAST,
} from 'graphql/index.js';
export type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLFormattedError,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql/index.js';
