// The browser side of the URL state: one store over `window.location`, updated by `navigate` (pushState or
// replaceState) and by the back/forward buttons (popstate). Components read it with `useAppState`.
import { useCallback, useSyncExternalStore } from 'react';
import { applyChange, parseLocation, toHref, type AppState, type StateChange } from './url-state';

const listeners = new Set<() => void>();
let cachedKey = '';
let cachedState: AppState | null = null;

function snapshot(): AppState {
  const key = window.location.pathname + window.location.search;
  if (cachedState === null || key !== cachedKey) {
    cachedKey = key;
    cachedState = parseLocation(window.location.pathname, window.location.search);
  }
  return cachedState;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (for typing in a search box, say). */
  replace?: boolean;
  /** Stay at the current scroll position (a setting changed further down the page: sort, compared versions). */
  keepScroll?: boolean;
}

/** Moves to the state the change describes; a change that leaves the link equal adds no history entry. */
export function navigate(change: StateChange, options: NavigateOptions = {}): void {
  const href = toHref(applyChange(snapshot(), change));
  if (href === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  if (!options.keepScroll) window.scrollTo({ top: 0 });
  notify();
}

/** The link a change would lead to, for real `<a href>`s (open in a new tab, copy link). */
export function hrefFor(change: StateChange): string {
  return toHref(applyChange(snapshot(), change));
}

/** The current view state, re-rendering on every navigation. */
export function useAppState(): AppState {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** A view setting from the URL with its default, and a setter that writes it back. */
export function useParam(name: string, fallback: string): [string, (value: string | null, options?: NavigateOptions) => void] {
  const state = useAppState();
  const value = state.params[name] ?? fallback;
  const set = useCallback(
    (next: string | null, options?: NavigateOptions) => {
      navigate({ params: { [name]: next === fallback ? null : next } }, options);
    },
    [name, fallback],
  );
  return [value, set];
}

/**
 * Click handler for in-app links: plain left clicks navigate without a page load; modified clicks
 * (new tab, new window) keep the browser's behaviour.
 */
export function onLinkClick(change: StateChange) {
  return (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(change);
  };
}
