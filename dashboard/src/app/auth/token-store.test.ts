import { afterEach, describe, expect, it } from 'vitest';
import { cleanToken, clearStoredToken, isWellFormedToken, readStoredToken, storeToken } from './token-store';

const TOKEN = `dtsen_${'A'.repeat(43)}`;

describe('token store', () => {
  afterEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
  });

  it('keeps the token for the tab unless asked to remember it on this device', () => {
    storeToken(TOKEN, false);
    expect(readStoredToken()).toEqual({ token: TOKEN, remembered: false });
    expect(window.localStorage.length).toBe(0);
    storeToken(TOKEN, true);
    expect(readStoredToken()).toEqual({ token: TOKEN, remembered: true });
    expect(window.sessionStorage.length).toBe(0);
  });

  it('forgets the token in both places', () => {
    storeToken(TOKEN, true);
    clearStoredToken();
    expect(readStoredToken()).toBeNull();
  });

  it('cleans a pasted token and recognises the dtsen_ format', () => {
    expect(cleanToken(`  Bearer ${TOKEN}\n`)).toBe(TOKEN);
    expect(isWellFormedToken(TOKEN)).toBe(true);
    expect(isWellFormedToken(TOKEN.slice(0, -1))).toBe(false);
    expect(isWellFormedToken(`x${TOKEN.slice(1)}`)).toBe(false);
  });
});
