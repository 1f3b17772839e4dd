import type { AtlasPrisma } from '../../db/prisma.js';
import { ROLES, scopeProblem, type Principal, type RoleName } from '../../domain/access.js';
import { hashToken, newToken, tokenPrefix } from './tokens.js';

export interface NewUser {
  username: string;
  displayName: string;
  role: RoleName;
  regionCode: string | null;
}

export interface IssuedToken {
  token: string;
  prefix: string;
  userId: number;
}

/** How long a token → principal lookup is remembered; revoking or disabling takes effect within this time. */
export const PRINCIPAL_CACHE_MS = 10_000;

/** Users, tokens and who a token belongs to. Tokens are stored hashed; a token is shown only when issued. */
export class AuthService {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(private readonly prisma: AtlasPrisma) {}

  /** The active user a token belongs to, or null (unknown, revoked, expired or disabled). */
  async principalForToken(token: string, now = Date.now()): Promise<Principal | null> {
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.principal;
    const row = await this.prisma.apiToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
    const valid =
      row !== null &&
      row.revokedAt === null &&
      (row.expiresAt === null || row.expiresAt.getTime() > now) &&
      row.user.disabledAt === null;
    const principal: Principal | null = valid
      ? {
          userId: row.user.id,
          username: row.user.username,
          displayName: row.user.displayName,
          role: row.user.role as RoleName,
          regionCode: row.user.regionCode,
        }
      : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { principal, until: now + PRINCIPAL_CACHE_MS });
    return principal;
  }

  async createUser(user: NewUser): Promise<number> {
    if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(user.username)) {
      throw new Error(`username must be 2-40 lower-case letters, digits, dots, dashes or underscores, got "${user.username}"`);
    }
    if (!ROLES.includes(user.role)) throw new Error(`role must be one of ${ROLES.join(', ')}, got "${user.role}"`);
    const problem = scopeProblem(user.role, user.regionCode);
    if (problem) throw new Error(problem);
    if (user.regionCode !== null) {
      const region = await this.prisma.region.findUnique({ where: { code: user.regionCode } });
      if (!region) throw new Error(`region ${user.regionCode} does not exist`);
    }
    const created = await this.prisma.appUser.create({ data: user });
    return created.id;
  }

  async issueToken(username: string, label: string, expiresAt: Date | null = null): Promise<IssuedToken> {
    const user = await this.prisma.appUser.findUnique({ where: { username } });
    if (!user) throw new Error(`no user ${username}`);
    if (user.disabledAt) throw new Error(`user ${username} is disabled`);
    const token = newToken();
    await this.prisma.apiToken.create({ data: { userId: user.id, tokenHash: hashToken(token), prefix: tokenPrefix(token), label, expiresAt } });
    return { token, prefix: tokenPrefix(token), userId: user.id };
  }

  async revokeToken(prefix: string): Promise<number> {
    const { count } = await this.prisma.apiToken.updateMany({ where: { prefix, revokedAt: null }, data: { revokedAt: new Date() } });
    this.cache.clear();
    return count;
  }

  async disableUser(username: string): Promise<void> {
    await this.prisma.appUser.update({ where: { username }, data: { disabledAt: new Date() } });
    this.cache.clear();
  }

  listUsers() {
    return this.prisma.appUser.findMany({
      orderBy: { username: 'asc' },
      include: { tokens: { select: { prefix: true, label: true, createdAt: true, expiresAt: true, revokedAt: true } } },
    });
  }
}
