// The signed-in user in the header: display name, role (and region for regional roles), and "Keluar".
import { useQuery } from 'urql';
import { RegionPathDocument } from '../../generated/graphql';
import { useMessages } from '../../shared/i18n';
import { isRegional } from './access';
import { authMessages, roleName } from './messages';
import './auth.css';
import { useSession } from './session';

export function UserMenu() {
  const t = useMessages(authMessages);
  const session = useSession();
  const viewer = session?.viewer ?? null;
  const scope = isRegional(viewer) ? viewer.regionCode : null;
  const [region] = useQuery({ query: RegionPathDocument, variables: { code: scope ?? 'ID' }, pause: scope === null });
  if (!session || !viewer) return null;
  const regionName = scope === null ? null : (region.data?.region?.name ?? scope);
  return (
    <div className="user-menu" role="group" aria-label={t.userMenu} data-testid="user-menu">
      <span className="user-menu__who">
        <span className="visually-hidden">{t.signedInAs} </span>
        <strong className="user-menu__name">{viewer.displayName}</strong>
        <span className="user-menu__role" data-role={viewer.role}>
          {roleName(t, viewer.role)}
          {regionName !== null && ` · ${regionName}`}
        </span>
      </span>
      <button type="button" className="button user-menu__sign-out" onClick={session.signOut}>
        {t.signOut}
      </button>
    </div>
  );
}
