/**
 * Regional quota status: each kabupaten/kota's share of the national quota (BPS poor count share, largest
 * remainder, see quota.ts) and whether its current recipients are over or under it. Follows the PBI-JKN quota rule
 * of June 2025 (DOMAIN.md, "Regional quota"): the national quota does not change, its distribution does; a region
 * whose recipients exceed its quota is over, below it is under.
 */
import { allocateQuota, type QuotaInput, type QuotaShare } from './quota.js';

export type QuotaStatusCode = 'UNDER' | 'OVER' | 'MATCH';

export interface QuotaStatus {
  status: QuotaStatusCode;
  /** quota - recipients: free places when positive (UNDER), excess recipients when negative (OVER). */
  gap: number;
}

export function quotaStatus(quota: number, recipients: number): QuotaStatus {
  assertCount('quota', quota);
  assertCount('recipients', recipients);
  const gap = quota - recipients;
  return { status: gap > 0 ? 'UNDER' : gap < 0 ? 'OVER' : 'MATCH', gap };
}

/** Each region's quota: round(poor(region) / poor(national) x national quota), summing exactly to the national quota. */
export function regionalQuotas(poverty: readonly QuotaInput[], nationalQuota: number): QuotaShare[] {
  return allocateQuota(poverty, nationalQuota);
}

export interface RegionQuotaStatus extends QuotaShare, QuotaStatus {
  recipients: number;
}

export interface QuotaBalance {
  regions: RegionQuotaStatus[];
  /** Recipients above quota in OVER regions (places to free). */
  excess: number;
  /** Free places in UNDER regions (places to fill). */
  shortfall: number;
}

/**
 * Quota status of every region from the poverty table and the current recipients per region (regions missing from
 * `recipients` have none). Since the regional quotas sum to the national quota,
 * shortfall - excess = national quota - recipients in the listed regions.
 */
export function quotaBalance(
  poverty: readonly QuotaInput[],
  nationalQuota: number,
  recipients: ReadonlyMap<string, number>,
): QuotaBalance {
  const regions = regionalQuotas(poverty, nationalQuota).map((share) => {
    const r = recipients.get(share.regionCode) ?? 0;
    return { ...share, recipients: r, ...quotaStatus(share.quota, r) };
  });
  return {
    regions,
    excess: regions.reduce((s, r) => s + Math.max(0, -r.gap), 0),
    shortfall: regions.reduce((s, r) => s + Math.max(0, r.gap), 0),
  };
}

function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}
