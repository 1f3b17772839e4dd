/**
 * SQL predicates of the temporal convention (prisma/schema.prisma): a row with a from-version a and an exclusive
 * to-version b (NULL = still open) holds for the versions a <= v < b. `version` is a parameter (`@v`) or a column.
 */
const holds = (from: string, to: string) => (alias: string, version = '@v') =>
  `${alias}.${from} <= ${version} AND (${alias}.${to} IS NULL OR ${alias}.${to} > ${version})`;

/** A family state (`family_state`) in force. */
export const stateInForce = holds('valid_from_version_id', 'valid_to_version_id');
/** A person on the family card (`individual`). */
export const memberAt = holds('from_version_id', 'to_version_id');
/** An enrollment (`enrollment`) active. */
export const enrollmentActive = holds('start_version_id', 'end_version_id');
/** An exclusion flag (`exclusion_flag`) in force. */
export const flagInForce = holds('observed_version_id', 'cleared_version_id');
