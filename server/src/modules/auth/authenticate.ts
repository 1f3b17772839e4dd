import type { Request, RequestHandler } from 'express';
import type { Principal } from '../../domain/access.js';
import type { AuthService } from './auth.service.js';
import { bearerToken, isWellFormedToken } from './tokens.js';

/** The principal `authenticate` found for a request (null: no token). */
export function principalOf(req: Request): Principal | null {
  return (req as Request & { principal?: Principal | null }).principal ?? null;
}

/**
 * Reads `Authorization: Bearer <token>`. No header: the request goes on unauthenticated (only `health` answers). A
 * malformed, unknown, revoked or expired token, or a disabled user: 401 with a GraphQL-shaped UNAUTHENTICATED error,
 * so a client with a stale token learns it at once rather than field by field.
 */
export function authenticate(auth: AuthService): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    if (token === undefined) {
      next();
      return;
    }
    const refuse = () => {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({ errors: [{ message: 'The API token is not valid (unknown, revoked or expired, or its user is disabled)', extensions: { code: 'UNAUTHENTICATED' } }] });
    };
    if (token === null || !isWellFormedToken(token)) {
      refuse();
      return;
    }
    auth.principalForToken(token).then(
      (principal) => {
        if (!principal) {
          refuse();
          return;
        }
        (req as Request & { principal?: Principal | null }).principal = principal;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The response cache's scope: answers differ by role and region, never by user within them. */
export function accessScope(req: Request): string {
  const principal = principalOf(req);
  return principal ? `${principal.role}:${principal.regionCode ?? 'ID'}` : 'anonymous';
}
