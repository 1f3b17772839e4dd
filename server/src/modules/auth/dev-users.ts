import { chmodSync, writeFileSync } from 'node:fs';
import type { AtlasPrisma } from '../../db/prisma.js';
import type { RoleName } from '../../domain/access.js';
import { AuthService } from './auth.service.js';

/** One user per role for the default (synthetic) dataset: the regional ones in Kabupaten Bogor. */
export const DEV_USERS: readonly { username: string; displayName: string; role: RoleName; regionCode: string | null }[] = [
  { username: 'admin', displayName: 'Administrator', role: 'ADMIN', regionCode: null },
  { username: 'analis.nasional', displayName: 'Analis Nasional (Bappenas)', role: 'NATIONAL_ANALYST', regionCode: null },
  { username: 'analis.kebijakan', displayName: 'Analis Kebijakan', role: 'POLICY_ANALYST', regionCode: null },
  { username: 'bupati.bogor', displayName: 'Bupati Bogor', role: 'REGIONAL_HEAD', regionCode: '32.01' },
  { username: 'operator.bogor', displayName: 'Operator Desa, Kab. Bogor', role: 'OPERATOR', regionCode: '32.01' },
];

/**
 * Creates the development users when the database has no user yet, issues each a dashboard token, and writes them to
 * `file` (readable by its owner only). Returns the tokens by username; an empty map when users already existed.
 */
export async function ensureDevUsers(prisma: AtlasPrisma, file: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  if ((await prisma.appUser.count()) > 0) return tokens;
  const auth = new AuthService(prisma);
  for (const user of DEV_USERS) {
    await auth.createUser(user);
    tokens.set(user.username, (await auth.issueToken(user.username, 'dashboard (development)')).token);
  }
  const lines = [
    '# DTSEN Atlas development users: sign in to the dashboard with one of these tokens (or send it as',
    '# `Authorization: Bearer <token>`). Manage users with `pnpm dtsen user ...`. Keep this file private.',
    ...DEV_USERS.map((user) => `${user.username.padEnd(18)} ${user.role.padEnd(17)} ${(user.regionCode ?? 'nasional').padEnd(9)} ${tokens.get(user.username) ?? ''}`),
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return tokens;
}
