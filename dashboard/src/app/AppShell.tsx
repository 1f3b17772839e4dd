// The frame around every view: title, view tabs, language switch, the signed-in user with "Keluar", the
// shared pickers with the region breadcrumb, and the current view, loaded on demand (each view is its own
// chunk). The tabs offer the views the user's role includes; a view the role does not include, or a region
// outside a regional user's own, shows a notice instead of the view (the server refuses them anyway).
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useMessages } from '../shared/i18n';
import { sharedMessages } from '../shared/messages';
import { LoadingPanel } from '../shared/components/LoadState';
import { allowedViews, canUseView, viewerRegionInScope } from './auth/access';
import { OutOfScope, ViewNotForRole } from './auth/AccessPanels';
import { useViewer } from './auth/session';
import { UserMenu } from './auth/UserMenu';
import { readHomeRegion, writeHomeRegion } from './home-region';
import { LanguageSwitch } from './LanguageSwitch';
import { hrefFor, navigate, onLinkClick, useAppState } from './navigation';
import { ProgramPicker, RegionPicker, VersionPicker } from './Pickers';
import { NATION_CODE, type ViewId } from './url-state';
import { VIEW_CONFIG } from './views';

function lazyView(load: () => Promise<ComponentType>) {
  return lazy(async () => ({ default: await load() }));
}

const VIEWS: Readonly<Record<ViewId, ComponentType>> = {
  overview: lazyView(async () => (await import('../features/overview/OverviewPage')).OverviewPage),
  desil: lazyView(async () => (await import('../features/desil/components/DesilPage')).DesilPage),
  targeting: lazyView(async () => (await import('../features/targeting/TargetingPage')).TargetingPage),
  quota: lazyView(async () => (await import('../features/quota/QuotaPage')).QuotaPage),
  trends: lazyView(async () => (await import('../features/trends/TrendsPage')).TrendsPage),
  proposals: lazyView(async () => (await import('../features/proposals/ProposalsPage')).ProposalsPage),
};

/** Opening Atlas without a link (bare `/`) lands on the saved home region, once per page load. */
function useHomeRegionLanding() {
  useEffect(() => {
    const home = readHomeRegion();
    if (home && window.location.pathname === '/' && window.location.search === '') navigate({ regionCode: home }, { replace: true });
  }, []);
}

export function AppShell() {
  const t = useMessages(sharedMessages);
  const state = useAppState();
  const viewer = useViewer();
  const View = VIEWS[state.view];
  const tabs = allowedViews(viewer);
  const home: ViewId = tabs[0] ?? 'overview';
  useHomeRegionLanding();

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = `${VIEW_CONFIG[state.view].label(t)} · DTSEN Atlas`;
  }, [state.lang, state.view, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="app-header__brand" href={hrefFor({ view: home })} onClick={onLinkClick({ view: home })}>
            <h1 className="app-header__title">DTSEN Atlas</h1>
          </a>
          <p className="app-header__subtitle">{t.appSubtitle}</p>
          <LanguageSwitch />
          <UserMenu />
        </div>
        <nav className="tabs" aria-label={t.navLabel}>
          <ul className="tabs__list">
            {tabs.map((view) => (
              <li key={view}>
                <a
                  className="tabs__tab"
                  href={hrefFor({ view })}
                  onClick={onLinkClick({ view })}
                  aria-current={view === state.view ? 'page' : undefined}
                >
                  {VIEW_CONFIG[view].label(t)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <div className="toolbar" role="group" aria-label={t.region}>
        <div className="toolbar__inner">
          <RegionPicker />
          <div className="toolbar__pickers">
            <HomeRegionButton />
            {VIEW_CONFIG[state.view].usesProgram && <ProgramPicker />}
            <VersionPicker />
          </div>
        </div>
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        {viewer && !canUseView(viewer, state.view) ? (
          <ViewNotForRole view={state.view} viewer={viewer} />
        ) : !viewerRegionInScope(viewer, state.regionCode) ? (
          <OutOfScope scope={viewer?.regionCode ?? null} />
        ) : (
          <Suspense fallback={<LoadingPanel label={t.loading} />}>
            <View />
          </Suspense>
        )}
      </main>
      <footer className="app-footer">
        <p>{t.footer}</p>
      </footer>
    </div>
  );
}

function HomeRegionButton() {
  const t = useMessages(sharedMessages);
  const { regionCode } = useAppState();
  const [home, setHome] = useState(readHomeRegion);
  if (regionCode === NATION_CODE) return null;
  const isHome = home === regionCode;
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-pressed={isHome}
      title={t.homeRegionHint}
      onClick={() => {
        const next = isHome ? null : regionCode;
        writeHomeRegion(next);
        setHome(next);
      }}
    >
      {isHome ? `★ ${t.homeRegionSet}` : `☆ ${t.homeRegion}`}
    </button>
  );
}
