// The pickers every view shares: DTSEN version, program, and the region (breadcrumb + children + search).
// They only write the URL; views read it. A regional user is offered the regions of their scope only: the
// breadcrumb's regions above it are not links, the children and the search list only regions inside it.
import { useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { ProgramsDocument, RegionChildrenDocument, RegionPathDocument, RegionSearchDocument, type RegionRefFragment } from '../generated/graphql';
import { useMessages } from '../shared/i18n';
import { levelName, sharedMessages } from '../shared/messages';
import { useVersionContext } from '../shared/useVersionContext';
import { viewerRegionInScope } from './auth/access';
import { useViewer } from './auth/session';
import { hrefFor, navigate, onLinkClick, useAppState } from './navigation';
import { NATION_CODE, PROGRAM_CODES, type ProgramCodeValue } from './url-state';
import { canDrillBelow, VIEW_CONFIG } from './views';

export function VersionPicker() {
  const t = useMessages(sharedMessages);
  const { versionId } = useAppState();
  const versions = useVersionContext();
  const id = useId();
  if (versions.status !== 'ready') return null;
  return (
    <div className="picker">
      <label htmlFor={id}>{t.version}</label>
      <select
        id={id}
        value={versionId === null ? '' : String(versions.current.id)}
        onChange={(event) => navigate({ versionId: event.target.value === '' ? null : Number(event.target.value) })}
      >
        <option value="">{t.latestVersion(versions.latest?.label ?? '')}</option>
        {[...versions.published].reverse().map((version) => (
          <option key={version.id} value={version.id}>
            {version.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProgramPicker() {
  const t = useMessages(sharedMessages);
  const { programCode } = useAppState();
  const [programs] = useQuery({ query: ProgramsDocument });
  const id = useId();
  const list = programs.data?.programs ?? PROGRAM_CODES.map((code) => ({ code, name: code }));
  return (
    <div className="picker">
      <label htmlFor={id}>{t.program}</label>
      <select id={id} value={programCode} onChange={(event) => navigate({ programCode: event.target.value as ProgramCodeValue })}>
        {list.map((program) => (
          <option key={program.code} value={program.code}>
            {program.name}
          </option>
        ))}
      </select>
    </div>
  );
}

type RegionWithParents = RegionRefFragment & { parent?: (RegionRefFragment & { parent?: unknown }) | null };

/** The chain nation → … → region from the nested `parent` fields. */
export function regionChain(region: RegionWithParents | null | undefined): RegionRefFragment[] {
  const chain: RegionRefFragment[] = [];
  let node: RegionWithParents | null | undefined = region;
  while (node) {
    chain.unshift({ code: node.code, name: node.name, level: node.level });
    node = node.parent as RegionWithParents | null | undefined;
  }
  return chain;
}

export function RegionPicker() {
  const t = useMessages(sharedMessages);
  const { regionCode, view } = useAppState();
  const { maxLevel } = VIEW_CONFIG[view];
  const viewer = useViewer();
  const [path] = useQuery({ query: RegionPathDocument, variables: { code: regionCode } });
  const region = path.data?.region;
  const chain = region ? regionChain(region) : [{ code: NATION_CODE, name: t.nation, level: 'NATION' as const }];
  const current = chain.at(-1);
  const drillable = current !== undefined && canDrillBelow(current.level, maxLevel) && (region?.childCount ?? 1) > 0;
  const [children] = useQuery({ query: RegionChildrenDocument, variables: { code: regionCode }, pause: !drillable });
  const selectId = useId();
  const childOptions = (children.data?.region?.children ?? []).filter((child) => viewerRegionInScope(viewer, child.code));

  // A region deeper than the view allows (e.g. a kecamatan on the quota view) is shown at the view's
  // deepest level, so the URL keeps the user's place for the other views.
  return (
    <div className="region-picker">
      <nav aria-label={t.breadcrumb} className="breadcrumb">
        <ol>
          {chain.map((node, index) => (
            <li key={node.code}>
              {index === chain.length - 1 ? (
                <span aria-current="location">{node.code === NATION_CODE ? t.nation : node.name}</span>
              ) : !viewerRegionInScope(viewer, node.code) ? (
                <span className="breadcrumb__outside">{node.code === NATION_CODE ? t.nation : node.name}</span>
              ) : (
                <a href={hrefFor({ regionCode: node.code })} onClick={onLinkClick({ regionCode: node.code })}>
                  {node.code === NATION_CODE ? t.nation : node.name}
                </a>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {drillable && childOptions.length > 0 && (
        <div className="picker">
          <label htmlFor={selectId} className="visually-hidden">
            {t.regionChild(levelName(t, childOptions[0]?.level ?? 'PROVINCE'))}
          </label>
          <select id={selectId} value="" onChange={(event) => navigate({ regionCode: event.target.value })}>
            <option value="">{t.regionChild(levelName(t, childOptions[0]?.level ?? 'PROVINCE'))}</option>
            {childOptions.map((child) => (
              <option key={child.code} value={child.code}>
                {child.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <RegionSearch />
    </div>
  );
}

function RegionSearch() {
  const t = useMessages(sharedMessages);
  const viewer = useViewer();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const inputId = useId();
  const listId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const [results] = useQuery({ query: RegionSearchDocument, variables: { search: debounced }, pause: debounced.length < 3 });
  const found = (results.data?.regions ?? []).filter((region) => viewerRegionInScope(viewer, region.code));
  const open = debounced.length >= 3 && results.data !== undefined && text.trim() === debounced;
  const choose = (code: string) => {
    setText('');
    setDebounced('');
    navigate({ regionCode: code });
  };
  return (
    <div className="region-search">
      <label htmlFor={inputId} className="visually-hidden">
        {t.regionSearch}
      </label>
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder={t.regionSearch}
        title={t.regionSearchPlaceholder}
        autoComplete="off"
        aria-controls={open ? listId : undefined}
        aria-expanded={open}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setText('');
          if (event.key === 'Enter' && found[0]) choose(found[0].code);
        }}
      />
      {open && (
        <ul id={listId} className="region-search__results" aria-label={t.regionSearch}>
          {found.length === 0 && <li className="region-search__empty">{t.noRegionFound}</li>}
          {found.map((region) => (
            <li key={region.code}>
              <a href={hrefFor({ regionCode: region.code })} onClick={(event) => { event.preventDefault(); choose(region.code); }}>
                <strong>{region.name}</strong>
                <small>
                  {levelName(t, region.level)}
                  {region.parent && region.parent.code !== NATION_CODE ? ` · ${region.parent.name}` : ''}
                </small>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
