import { useQuery } from 'urql';
import { useAppState } from '../app/navigation';
import { VersionsDocument, type VersionFieldsFragment } from '../generated/graphql';
import { resolveVersions, type ResolvedVersions } from './versions';

export type VersionContext =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'empty' }
  | ReadyVersionContext;

/** The resolved versions: the one shown, its predecessor and the published list. */
export type ReadyVersionContext = { status: 'ready'; current: VersionFieldsFragment } & ResolvedVersions<VersionFieldsFragment>;

/** The version the URL asks for (or the latest published) and its predecessor; shared by every view. */
export function useVersionContext(): VersionContext {
  const { versionId } = useAppState();
  const [result, reexecute] = useQuery({ query: VersionsDocument });
  if (result.error && !result.data)
    return { status: 'error', message: result.error.message, retry: () => reexecute({ requestPolicy: 'network-only' }) };
  if (!result.data) return { status: 'loading' };
  const resolved = resolveVersions(result.data.versions, versionId);
  if (!resolved.current) return { status: 'empty' };
  return { status: 'ready', ...resolved, current: resolved.current };
}
