// Signing in from the integration tests: the API token of a development user per role (created by
// global-setup.ts on the generated dataset), as an Authorization header.
import { inject } from 'vitest';
import type { RoleName } from '../../server/src/domain/access.js';

/** The token of the dataset's development user with this role (ADMIN by default). */
export function tokenOf(role: RoleName = 'ADMIN'): string {
  return inject('tokens')[role];
}

/** `Authorization: Bearer <token>` and the JSON content type, for a GraphQL POST as `role`. */
export function jsonHeaders(role: RoleName | null = 'ADMIN'): Record<string, string> {
  return role === null ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(role)}` };
}
