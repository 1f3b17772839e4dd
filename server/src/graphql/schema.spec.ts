import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAtlasSchema, printAtlasSchema, schemaFilePath } from './schema.js';

describe('schema/schema.graphql', () => {
  it('is what the resolvers emit (run `pnpm codegen` after changing the API)', async () => {
    const emitted = printAtlasSchema(await buildAtlasSchema());
    let committed: string;
    try {
      committed = readFileSync(schemaFilePath, 'utf8');
    } catch {
      throw new Error(`${schemaFilePath} is missing: run \`pnpm codegen\` and commit it`);
    }
    if (committed !== emitted) {
      // Hint first: the diff below is long, and the fix is always the same.
      console.error(`${schemaFilePath} is out of date: run \`pnpm codegen\` and commit the result.`);
    }
    expect(committed, 'schema/schema.graphql is out of date: run `pnpm codegen` and commit it').toBe(emitted);
  });

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([buildAtlasSchema(), buildAtlasSchema()]);
    expect(printAtlasSchema(a)).toBe(printAtlasSchema(b));
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildAtlasSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if ('getValues' in type) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
