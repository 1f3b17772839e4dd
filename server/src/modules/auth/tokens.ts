import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens look like `dtsen_` + 43 base64url characters (256 random bits). */
const TOKEN_PATTERN = /^dtsen_[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return `dtsen_${randomBytes(32).toString('base64url')}`;
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** What is stored: SHA-256, hex. Tokens carry 256 random bits, so a fast hash is enough (no password stretching). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The first characters, shown in lists to recognise a token. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 10);
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** `Authorization: Bearer <token>` → the token; undefined when the header is absent, null when it is malformed. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}
