// Where the dashboard keeps the API token: localStorage when the user asked to be remembered on this device,
// else sessionStorage (forgotten when the tab closes). Only one of the two holds it at a time.
const KEY = 'dtsen-atlas:token';

export interface StoredToken {
  token: string;
  /** Kept in localStorage ("Ingat di perangkat ini"). */
  remembered: boolean;
}

function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage disabled: the token lasts for this page only
  }
}

export function readStoredToken(): StoredToken | null {
  const session = storage('session')?.getItem(KEY);
  if (session) return { token: session, remembered: false };
  const local = storage('local')?.getItem(KEY);
  return local ? { token: local, remembered: true } : null;
}

export function storeToken(token: string, remember: boolean): void {
  clearStoredToken();
  try {
    storage(remember ? 'local' : 'session')?.setItem(KEY, token);
  } catch {
    // quota or privacy mode: signed in for this page only
  }
}

export function clearStoredToken(): void {
  for (const kind of ['local', 'session'] as const) {
    try {
      storage(kind)?.removeItem(KEY);
    } catch {
      // nothing to clear
    }
  }
}

/** Whether a `storage` event (another tab) removed the remembered token. */
export function isTokenRemoval(event: StorageEvent): boolean {
  return event.key === KEY && event.newValue === null;
}

/** `dtsen_` and 43 base64url characters (as `pnpm dtsen user` issues them). */
const TOKEN_PATTERN = /^dtsen_[A-Za-z0-9_-]{43}$/;

/** A pasted token, cleaned: surrounding space and a leading `Bearer ` removed. */
export function cleanToken(input: string): string {
  return input.trim().replace(/^Bearer\s+/i, '').trim();
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
