// The dashboard's side of the access policy (server/src/domain/access.ts is the source; the server enforces
// it on every field). Here it only decides what to offer: which views a role's rights open, whether a
// region is inside a regional user's scope, and what an access error from the API means.
import type { CombinedError } from 'urql';
import type { AccessRight, MeQuery } from '../../generated/graphql';
import { NATION_CODE, parseLocation, VIEW_IDS, type StateChange, type ViewId } from '../url-state';

export type Viewer = NonNullable<MeQuery['me']>;

/** The right each view needs: every view shows counts except the proposals, which are their own right. */
export const VIEW_RIGHTS: Readonly<Record<ViewId, AccessRight>> = {
  overview: 'AGGREGATES',
  desil: 'AGGREGATES',
  targeting: 'AGGREGATES',
  quota: 'AGGREGATES',
  trends: 'AGGREGATES',
  proposals: 'PROPOSALS_READ',
};

export function hasRight(viewer: Viewer | null, right: AccessRight): boolean {
  // No viewer: a component rendered outside the sign-in gate (component tests); the server still decides.
  return viewer === null || viewer.rights.includes(right);
}

export function canUseView(viewer: Viewer | null, view: ViewId): boolean {
  return hasRight(viewer, VIEW_RIGHTS[view]);
}

/** The views a viewer can use, in tab order. */
export function allowedViews(viewer: Viewer | null): ViewId[] {
  return VIEW_IDS.filter((view) => canUseView(viewer, view));
}

/** Roles limited to one province or kabupaten/kota. */
export function isRegional(viewer: Viewer | null): viewer is Viewer & { regionCode: string } {
  return viewer !== null && viewer.regionCode !== null;
}

/**
 * Whether `regionCode` is inside a scope (null = the nation): the scope region itself or below it; the
 * nation is inside no regional scope. Same rule as the server's `regionInScope`.
 */
export function regionInScope(scope: string | null, regionCode: string): boolean {
  if (scope === null) return true;
  if (regionCode === NATION_CODE) return false;
  return regionCode === scope || regionCode.startsWith(`${scope}.`);
}

export function viewerRegionInScope(viewer: Viewer | null, regionCode: string): boolean {
  return viewer === null || regionInScope(viewer.regionCode, regionCode);
}

/** What an API error says about access; null for any other error. */
export type AccessProblem =
  | { kind: 'unauthenticated' }
  | { kind: 'missing-right'; right: string | null }
  | { kind: 'out-of-scope'; regionCode: string | null; scope: string | null };

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function accessProblem(error: CombinedError | Error | null | undefined): AccessProblem | null {
  if (!error) return null;
  const combined = error as Partial<CombinedError>;
  if (combined.response && (combined.response as Response).status === 401) return { kind: 'unauthenticated' };
  for (const graphQLError of combined.graphQLErrors ?? []) {
    const extensions = graphQLError.extensions as Record<string, unknown> | undefined;
    const code = extensions?.['code'];
    if (code === 'UNAUTHENTICATED') return { kind: 'unauthenticated' };
    if (code === 'FORBIDDEN') {
      if (extensions?.['reason'] === 'OUT_OF_SCOPE') {
        return { kind: 'out-of-scope', regionCode: text(extensions['regionCode']), scope: text(extensions['scope']) };
      }
      return { kind: 'missing-right', right: text(extensions?.['right']) };
    }
  }
  return null;
}

/**
 * Where a viewer lands after signing in, from where the URL points: a regional user whose link names no
 * region opens their own; a role that cannot use the overview (the landing page) opens its first view.
 * Null when the URL is fine as it is.
 */
export function landingChange(viewer: Viewer, pathname: string, search: string): StateChange | null {
  const state = parseLocation(pathname, search);
  const change: StateChange = {};
  if (isRegional(viewer) && !new URLSearchParams(search).has('wilayah')) change.regionCode = viewer.regionCode;
  const first = allowedViews(viewer)[0];
  if (state.view === 'overview' && !canUseView(viewer, 'overview') && first) change.view = first;
  return Object.keys(change).length > 0 ? change : null;
}
