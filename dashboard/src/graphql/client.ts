import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';

export interface ClientOptions {
  /** GraphQL endpoint; same origin as the dashboard by default (proxied by `vite` in dev). */
  url?: string;
  /** For tests: a fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** The API token, sent as `Authorization: Bearer <token>` on every request. */
  token?: string | null;
  /**
   * Called when the API says the token is no longer good (HTTP 401, or an UNAUTHENTICATED error): revoked,
   * expired or its user disabled while the dashboard was open.
   */
  onUnauthenticated?: () => void;
}

/**
 * One client per signed-in token: signing out drops the client and its cache with it, so nothing one user
 * loaded is shown to the next.
 */
export function createClient({ url = '/graphql', fetch: fetchImpl, token = null, onUnauthenticated }: ClientOptions = {}): Client {
  return new Client({
    url,
    exchanges: [
      ...(onUnauthenticated
        ? [
            mapExchange({
              onResult(result) {
                const error = result.error;
                if (!error) return;
                const status = (error.response as Response | undefined)?.status;
                if (status === 401 || error.graphQLErrors.some((e) => e.extensions['code'] === 'UNAUTHENTICATED')) onUnauthenticated();
              },
            }),
          ]
        : []),
      cacheExchange,
      fetchExchange,
    ],
    // urql 5 sends queries as GET by default; Apollo Server's CSRF prevention rejects such
    // requests without a preflight header, so every operation is POSTed as JSON.
    preferGetMethod: false,
    ...(token ? { fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }) } : {}),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
