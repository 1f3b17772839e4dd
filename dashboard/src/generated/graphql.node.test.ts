// @vitest-environment node
// Generated code is committed and must match its sources: fails when someone changed the schema or a
// document without running `pnpm codegen` (the same check as `pnpm codegen:check`, inside the test run).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/codegen.mjs', import.meta.url));

describe('generated typed documents', () => {
  it('are up to date with schema/schema.graphql and src/**/*.graphql', () => {
    const result = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
