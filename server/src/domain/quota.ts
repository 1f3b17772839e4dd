/**
 * Regional quota: quota(region) = poor(region) / poor(national) x national quota, rounded by largest remainder
 * so that the regional quotas add up exactly to the national quota (DOMAIN.md, "Regional quota").
 */
export interface QuotaInput {
  regionCode: string;
  poor: number;
}

export interface QuotaShare {
  regionCode: string;
  /** Exact (unrounded) share of the national quota. */
  exact: number;
  /** Whole-unit quota; sums exactly to the national quota. */
  quota: number;
}

export function allocateQuota(poverty: readonly QuotaInput[], nationalQuota: number): QuotaShare[] {
  if (!Number.isInteger(nationalQuota) || nationalQuota < 0) throw new Error('national quota must be a non-negative integer');
  const totalPoor = poverty.reduce((s, p) => {
    if (!(p.poor >= 0) || !Number.isFinite(p.poor)) throw new Error(`poor count of ${p.regionCode} must be >= 0`);
    return s + p.poor;
  }, 0);
  if (poverty.length === 0) return [];
  if (totalPoor === 0) throw new Error('national poor count is zero');
  const shares = poverty.map((p) => {
    const exact = (p.poor / totalPoor) * nationalQuota;
    return { regionCode: p.regionCode, exact, quota: Math.floor(exact) };
  });
  let left = nationalQuota - shares.reduce((s, x) => s + x.quota, 0);
  // Largest remainder first; ties by region code so the result does not depend on input order.
  const order = shares
    .map((s, i) => ({ i, rem: s.exact - s.quota, code: s.regionCode }))
    .sort((x, y) => y.rem - x.rem || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i]!.quota++;
  return shares;
}
