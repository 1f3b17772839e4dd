import { useCallback } from 'react';
import { useQuery } from 'urql';
import {
  DesilDistributionDocument,
  LatestVersionDocument,
  type DesilDistributionQuery,
} from '../../../generated/graphql';

export type DesilDistribution = DesilDistributionQuery['decileDistribution'];

/** What the desil page can show; `empty` means no DTSEN version has been published yet. */
export type DesilDistributionState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; distribution: DesilDistribution };

/** National code of the region tree. */
export const NATION_CODE = 'ID';

/**
 * The desil distribution of the latest published version in a region (the nation by default):
 * first the latest version, then its distribution, so an empty registry is a state, not an error.
 */
export function useDesilDistribution(regionCode: string = NATION_CODE): DesilDistributionState {
  const [latest, reexecuteLatest] = useQuery({ query: LatestVersionDocument });
  const versionId = latest.data?.latestVersion?.id;
  const [distribution, reexecuteDistribution] = useQuery({
    query: DesilDistributionDocument,
    variables: { regionCode, versionId: versionId ?? 0 },
    pause: versionId === undefined,
  });

  const retry = useCallback(() => {
    const context = { requestPolicy: 'network-only' as const };
    if (versionId === undefined) reexecuteLatest(context);
    else reexecuteDistribution(context);
  }, [versionId, reexecuteLatest, reexecuteDistribution]);

  if (latest.error) return { status: 'error', message: latest.error.message, retry };
  if (!latest.data) return { status: 'loading' };
  if (!latest.data.latestVersion) return { status: 'empty' };
  if (distribution.error) return { status: 'error', message: distribution.error.message, retry };
  if (!distribution.data) return { status: 'loading' };
  return { status: 'ready', distribution: distribution.data.decileDistribution };
}
