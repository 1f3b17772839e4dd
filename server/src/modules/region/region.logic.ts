/** Code of the nation, the root of the region tree. */
export const NATION_CODE = 'ID';

/** Kemendagri codes: province "32", regency "32.01", district "32.01.01", village "32.01.01.2001". */
const REGION_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/u;

/** True when `code` is "ID" or a well-formed dotted Kemendagri code. */
export function isRegionCode(code: string): boolean {
  return code === NATION_CODE || REGION_CODE_PATTERN.test(code);
}

/** Default and bounds of `regions(limit)`. */
export const REGIONS_DEFAULT_LIMIT = 50;
export const REGIONS_MAX_LIMIT = 500;

/** True when `limit` is an integer in 1..{@link REGIONS_MAX_LIMIT}. */
export function isValidRegionsLimit(limit: number): boolean {
  return Number.isInteger(limit) && limit >= 1 && limit <= REGIONS_MAX_LIMIT;
}
