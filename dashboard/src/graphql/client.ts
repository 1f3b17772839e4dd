import { Client, cacheExchange, fetchExchange } from 'urql';

export interface ClientOptions {
  /** GraphQL endpoint; same origin as the dashboard by default (proxied by `vite` in dev). */
  url?: string;
  /** For tests: a fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
}

export function createClient({ url = '/graphql', fetch: fetchImpl }: ClientOptions = {}): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // urql 5 sends queries as GET by default; Apollo Server's CSRF prevention rejects such
    // requests without a preflight header, so every operation is POSTed as JSON.
    preferGetMethod: false,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
