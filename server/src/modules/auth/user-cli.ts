import { parseArgs } from 'node:util';
import type { AtlasPrisma } from '../../db/prisma.js';
import { ROLES, type RoleName } from '../../domain/access.js';
import { AuthService } from './auth.service.js';

export const USER_USAGE = `usage:
  dtsen user add --username NAME --name "Display Name" --role ROLE [--region 32.01] [--label dashboard] [--expires-days N]
  dtsen user token --username NAME [--label L] [--expires-days N]     issue another token (printed once)
  dtsen user list                                                    users, roles, regions and their tokens (prefixes)
  dtsen user disable --username NAME                                 the user's tokens stop working
  dtsen user revoke --prefix dtsen_XXXX                              one token stops working
roles: ${ROLES.join(', ')}`;

/** `dtsen user ...`: users and API tokens (tokens are stored hashed and shown once, when issued). */
export async function runUserCommand(args: string[], prisma: AtlasPrisma, print: (line: string) => void = console.log): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      label: { type: 'string' },
      'expires-days': { type: 'string' },
      prefix: { type: 'string' },
    },
    allowPositionals: false,
  });
  const auth = new AuthService(prisma);
  const required = (name: 'username' | 'name' | 'role' | 'prefix'): string => {
    const value = values[name];
    if (!value) throw new Error(`--${name} is required\n${USER_USAGE}`);
    return value;
  };
  const expiresAt = () => {
    const days = values['expires-days'];
    if (days === undefined) return null;
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--expires-days must be a positive integer, got ${days}`);
    return new Date(Date.now() + n * 86_400_000);
  };
  switch (action) {
    case 'add': {
      const role = required('role').toUpperCase();
      if (!ROLES.includes(role as RoleName)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const username = required('username');
      await auth.createUser({ username, displayName: required('name'), role: role as RoleName, regionCode: values.region ?? null });
      const issued = await auth.issueToken(username, values.label ?? 'dashboard', expiresAt());
      print(`created ${username} (${role}${values.region ? `, ${values.region}` : ''})`);
      print(`token (shown once, store it safely): ${issued.token}`);
      return;
    }
    case 'token': {
      const issued = await auth.issueToken(required('username'), values.label ?? 'api', expiresAt());
      print(`token (shown once, store it safely): ${issued.token}`);
      return;
    }
    case 'list': {
      for (const user of await auth.listUsers()) {
        const tokens = user.tokens.map((t) => `${t.prefix}…${t.revokedAt ? ' (revoked)' : t.expiresAt && t.expiresAt < new Date() ? ' (expired)' : ''} ${t.label}`);
        print(`${user.username.padEnd(20)} ${user.role.padEnd(17)} ${(user.regionCode ?? 'nasional').padEnd(9)} ${user.disabledAt ? 'DISABLED ' : ''}${tokens.join('; ')}`);
      }
      return;
    }
    case 'disable':
      await auth.disableUser(required('username'));
      print(`disabled ${values.username ?? ''}`);
      return;
    case 'revoke': {
      const count = await auth.revokeToken(required('prefix'));
      print(count === 0 ? 'no active token has that prefix' : `revoked ${count} token(s)`);
      return;
    }
    default:
      throw new Error(USER_USAGE);
  }
}
