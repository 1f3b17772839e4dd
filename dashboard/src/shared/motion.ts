/**
 * Whether animations may play: only when the user has not asked for reduced motion, and only where
 * the environment can tell (jsdom has no working matchMedia, so tests get static charts).
 */
export function prefersMotion(): boolean {
  // The DOM typings declare matchMedia as always present; jsdom does not implement it.
  if (typeof (window as Partial<Pick<Window, 'matchMedia'>>).matchMedia !== 'function') return false;
  return window.matchMedia('(prefers-reduced-motion: no-preference)').matches;
}
