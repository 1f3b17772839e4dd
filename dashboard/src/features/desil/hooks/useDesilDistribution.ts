import { useCallback } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { DesilDistributionDocument, type DesilDistributionQuery } from '../../../generated/graphql';

export type DesilDistribution = DesilDistributionQuery['decileDistribution'];

/** One distribution query: its data (kept while refetching), whether it is fetching, its error, a retry. */
export interface DistributionResult {
  data: DesilDistribution | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

/**
 * The desil distribution (with every sub-region) of a region at a version; paused while `versionId` is
 * null (no version resolved yet, or no comparison asked for).
 */
export function useDesilDistribution(regionCode: string, versionId: number | null): DistributionResult {
  const [result, reexecute] = useQuery({
    query: DesilDistributionDocument,
    variables: { regionCode, versionId: versionId ?? 0 },
    pause: versionId === null,
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { data: result.data?.decileDistribution, fetching: result.fetching, error: result.error, retry };
}
