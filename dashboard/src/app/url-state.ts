// The whole view state lives in the URL, so a link reproduces the view: the path names the view
// (`/kuota`), the query holds the pickers (`versi`, `program`, `wilayah`), the language (`lang=en`) and the
// view's own settings (anything else, e.g. `urut=gap`). Pure functions: parse and serialize, nothing else.

export const VIEW_IDS = ['overview', 'desil', 'targeting', 'quota', 'trends', 'proposals'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Path segment of each view (Indonesian, as users share them). The overview is the root. */
export const VIEW_PATHS: Readonly<Record<ViewId, string>> = {
  overview: '/',
  desil: '/desil',
  targeting: '/sasaran',
  quota: '/kuota',
  trends: '/tren',
  proposals: '/usulan',
};

export const PROGRAM_CODES = ['PKH', 'SEMBAKO', 'PBI_JKN', 'PIP', 'ATENSI'] as const;
export type ProgramCodeValue = (typeof PROGRAM_CODES)[number];

export type Lang = 'id' | 'en';

export const NATION_CODE = 'ID';
export const DEFAULT_PROGRAM: ProgramCodeValue = 'PKH';

/** Query keys shared by every view; every other key belongs to the current view. */
const COMMON_KEYS = { versionId: 'versi', programCode: 'program', regionCode: 'wilayah', lang: 'lang' } as const;
const COMMON_KEY_SET = new Set<string>(Object.values(COMMON_KEYS));

export interface AppState {
  view: ViewId;
  /** A published version's id; null means "the latest published version". */
  versionId: number | null;
  programCode: ProgramCodeValue;
  /** Region code at any level: `ID`, a province (`32`), kabupaten (`3201`), kecamatan or desa. */
  regionCode: string;
  lang: Lang;
  /** The view's own settings, as strings; key order is kept sorted when serialized. */
  params: Readonly<Record<string, string>>;
}

export const DEFAULT_STATE: AppState = {
  view: 'overview',
  versionId: null,
  programCode: DEFAULT_PROGRAM,
  regionCode: NATION_CODE,
  lang: 'id',
  params: {},
};

/** `ID`, `32`, `32.01`, `32.01.01`, `32.01.01.2001` (kode wilayah Kemendagri as idn-area-data writes it). */
const REGION_CODE = /^(ID|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/;

function viewOfPath(pathname: string): ViewId {
  const path = pathname.replace(/\/+$/, '') || '/';
  for (const view of VIEW_IDS) if (VIEW_PATHS[view] === path) return view;
  return 'overview';
}

function isProgramCode(value: string): value is ProgramCodeValue {
  return (PROGRAM_CODES as readonly string[]).includes(value);
}

/** Reads a location; anything malformed falls back to its default rather than failing. */
export function parseLocation(pathname: string, search: string): AppState {
  const query = new URLSearchParams(search);
  const version = Number(query.get(COMMON_KEYS.versionId));
  const program = query.get(COMMON_KEYS.programCode)?.toUpperCase() ?? '';
  const region = query.get(COMMON_KEYS.regionCode)?.trim() ?? '';
  const params: Record<string, string> = {};
  for (const [key, value] of query) if (!COMMON_KEY_SET.has(key) && value !== '') params[key] = value;
  return {
    view: viewOfPath(pathname),
    versionId: Number.isSafeInteger(version) && version > 0 ? version : null,
    programCode: isProgramCode(program) ? program : DEFAULT_PROGRAM,
    regionCode: REGION_CODE.test(region) ? region : NATION_CODE,
    lang: query.get(COMMON_KEYS.lang) === 'en' ? 'en' : 'id',
    params,
  };
}

/** The canonical link of a state: defaults are left out, so equal states give equal links. */
export function toHref(state: AppState): string {
  const query = new URLSearchParams();
  if (state.versionId !== null) query.set(COMMON_KEYS.versionId, String(state.versionId));
  if (state.programCode !== DEFAULT_PROGRAM) query.set(COMMON_KEYS.programCode, state.programCode);
  if (state.regionCode !== NATION_CODE) query.set(COMMON_KEYS.regionCode, state.regionCode);
  if (state.lang !== 'id') query.set(COMMON_KEYS.lang, state.lang);
  for (const key of Object.keys(state.params).sort()) {
    const value = state.params[key];
    if (value !== undefined && value !== '' && !COMMON_KEY_SET.has(key)) query.set(key, value);
  }
  const search = query.toString();
  return search === '' ? VIEW_PATHS[state.view] : `${VIEW_PATHS[state.view]}?${search}`;
}

/** A change to the state: common fields replace, `params` entries merge (null or '' removes one). */
export interface StateChange {
  view?: ViewId;
  versionId?: number | null;
  programCode?: ProgramCodeValue;
  regionCode?: string;
  lang?: Lang;
  params?: Readonly<Record<string, string | number | null | undefined>>;
}

/**
 * Applies a change. Moving to another view drops the old view's settings (they mean nothing there) unless
 * the change sets new ones; the pickers and the language always carry over.
 */
export function applyChange(state: AppState, change: StateChange): AppState {
  const view = change.view ?? state.view;
  const merged = new Map(view === state.view ? Object.entries(state.params) : []);
  for (const [key, value] of Object.entries(change.params ?? {})) {
    if (value === null || value === undefined || value === '') merged.delete(key);
    else merged.set(key, String(value));
  }
  const params = Object.fromEntries(merged);
  return {
    view,
    versionId: change.versionId === undefined ? state.versionId : change.versionId,
    programCode: change.programCode ?? state.programCode,
    regionCode: change.regionCode ?? state.regionCode,
    lang: change.lang ?? state.lang,
    params,
  };
}

export type RegionLevelValue = 'NATION' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';
const LEVELS_BY_DEPTH: readonly RegionLevelValue[] = ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'];

/** The region level implied by a code (one dotted segment per level below the nation). */
export function levelOfCode(code: string): RegionLevelValue {
  if (code === NATION_CODE) return 'NATION';
  return LEVELS_BY_DEPTH[code.split('.').length - 1] ?? 'VILLAGE';
}

/** The kabupaten/kota containing a region code at regency level or below, else null. */
export function regencyOfCode(code: string): string | null {
  const parts = code.split('.');
  return code !== NATION_CODE && parts.length >= 2 ? parts.slice(0, 2).join('.') : null;
}
