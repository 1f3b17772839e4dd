// "My region": a regional head's kabupaten, kept in this browser. Opening Atlas without a link lands there.
const KEY = 'dtsen-atlas:home-region';

export function readHomeRegion(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: no home region
  }
}

export function writeHomeRegion(code: string | null): void {
  try {
    if (code === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, code);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}
