// What the shell shows instead of a view the role cannot use, or a region outside a regional user's scope.
import { useQuery } from 'urql';
import { RegionPathDocument } from '../../generated/graphql';
import { useMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { hrefFor, onLinkClick } from '../navigation';
import type { ViewId } from '../url-state';
import { VIEW_CONFIG } from '../views';
import { allowedViews, type Viewer } from './access';
import { authMessages, roleName } from './messages';
import './auth.css';

/** A view opened by URL that the viewer's role does not include, with links to the views it does. */
export function ViewNotForRole({ view, viewer }: { view: ViewId; viewer: Viewer }) {
  const t = useMessages(authMessages);
  const shared = useMessages(sharedMessages);
  const views = allowedViews(viewer);
  return (
    <section className="panel panel--state access-notice" aria-labelledby="view-not-for-role-title" data-testid="view-not-for-role">
      <h2 id="view-not-for-role-title">{t.viewNotForRoleTitle}</h2>
      <p>{t.viewNotForRole(VIEW_CONFIG[view].label(shared), roleName(t, viewer.role))}</p>
      {views.length === 0 ? (
        <p>{t.noViews}</p>
      ) : (
        <>
          <p>{t.availableViews}</p>
          <ul className="access-notice__links">
            {views.map((other) => (
              <li key={other}>
                <a href={hrefFor({ view: other })} onClick={onLinkClick({ view: other })}>
                  {VIEW_CONFIG[other].label(shared)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A region outside the user's province or kabupaten/kota, with a link back to it. */
export function OutOfScope({ scope }: { scope: string | null }) {
  const t = useMessages(authMessages);
  const [region] = useQuery({ query: RegionPathDocument, variables: { code: scope ?? 'ID' }, pause: scope === null });
  const name = scope === null ? t.yourRegion : (region.data?.region?.name ?? scope);
  return (
    <div className="panel panel--state access-notice" role="status" data-testid="out-of-scope">
      <strong>{t.outOfScopeTitle}</strong>
      <p>{t.outOfScope(name)}</p>
      {scope !== null && (
        <a className="button" href={hrefFor({ regionCode: scope })} onClick={onLinkClick({ regionCode: scope })}>
          {t.backToRegion(name)}
        </a>
      )}
    </div>
  );
}

/** Data the role does not include (an API FORBIDDEN / MISSING_RIGHT where a view asked for it anyway). */
export function NotForRole({ detail }: { detail?: string }) {
  const t = useMessages(authMessages);
  return (
    <div className="panel panel--state access-notice" role="status" data-testid="not-for-role">
      <strong>{t.notForRoleTitle}</strong>
      <p>{detail ?? t.notForRole}</p>
    </div>
  );
}
