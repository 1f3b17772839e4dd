import { useQuery } from 'urql';
import { NATION_CODE } from '../app/url-state';
import { RegionPathDocument } from '../generated/graphql';
import { useMessages } from './i18n';
import { sharedMessages } from './messages';

/** The region's name for titles (the shell's breadcrumb asks the same query, so it is cached); null while unknown. */
export function useRegionName(regionCode: string): string | null {
  const t = useMessages(sharedMessages);
  const [path] = useQuery({ query: RegionPathDocument, variables: { code: regionCode }, pause: regionCode === NATION_CODE });
  if (regionCode === NATION_CODE) return t.nation;
  return path.data?.region?.name ?? null;
}
