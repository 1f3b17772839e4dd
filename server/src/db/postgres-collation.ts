/**
 * The collation a PostgreSQL database must have. Region filters compare codes as ranges: the villages of kabupaten
 * 32.01 are `'32.01.' <= village_code < '32.01/'` (README "PostgreSQL"), one index range scan instead of a LIKE or a
 * join per level. That is right only where `.` sorts before `/`, `/` before the digits, and none of them is ignored:
 * byte order (`C`, `C.UTF-8`, PostgreSQL's default on this machine) or ICU's default rules. A glibc `en_US.UTF-8`
 * database, a common default elsewhere, ignores punctuation on its first level, so `'32.01.9' < '32.01/'` is false
 * there and every region filter would silently miss most of its villages: wrong numbers, no error.
 *
 * So the database is asked the comparisons the filters rely on, not its collation's name (a name says little: an ICU
 * locale's rules depend on its options). Migrations refuse such a database before writing anything
 * (`db/migrate.ts`), and so does the server at startup (`app.ts`), for a database migrated before this check.
 */

/** The comparisons region ranges rely on; every one must be true (each column a case that fails somewhere). */
export const REGION_ORDER_CHECKS: Readonly<Record<string, string>> = {
  // A village is below its kabupaten's upper bound (fails where punctuation is ignored: "32019" > "3201").
  villageBelowUpper: `'32.01.01.2001' < '32.01/'`,
  // ... and not below its lower bound.
  villageAboveLower: `'32.01.' <= '32.01.01.2001'`,
  // Another kabupaten's code sorts after the upper bound (fails where '/' sorts after the digits).
  nextRegencyAboveUpper: `'32.010' > '32.01/'`,
  // A code sorts before its own children (the prefix first).
  prefixFirst: `'32.01' < '32.01.'`,
};

/** The database's collation does not order region codes as the region filters need. */
export class CollationError extends Error {
  override readonly name = 'CollationError';
  readonly code = 'DATABASE_COLLATION';

  constructor(
    readonly collation: string,
    readonly failed: readonly string[],
  ) {
    super(
      `the PostgreSQL database's collation (${collation}) does not order region codes byte-wise (${failed.join(', ')} false), so ` +
        "region filters ('32.01.' <= code < '32.01/') would miss rows. Create the database with a byte-order collation, e.g. " +
        "CREATE DATABASE <name> TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' (or 'C'), and load it again",
    );
  }
}

/** The statement that asks every check and names the collation (one row). */
export const COLLATION_CHECK_SQL = `SELECT ${Object.entries(REGION_ORDER_CHECKS)
  .map(([name, expression]) => `(${expression}) AS "${name}"`)
  .join(', ')}, (SELECT to_jsonb(d) FROM pg_database d WHERE datname = current_database()) AS "database"`;

/**
 * The database's collation as its settings name it: the ICU locale when ICU provides it (`daticulocale` up to
 * PostgreSQL 16, `datlocale` from 17), else `datcollate`.
 */
export function collationName(database: unknown): string {
  const d = (typeof database === 'string' ? JSON.parse(database) : database ?? {}) as Record<string, unknown>;
  const icu = d.datlocprovider === 'i' ? (d.daticulocale ?? d.datlocale) : null;
  return typeof icu === 'string' ? `ICU ${icu}` : String(d.datcollate ?? 'unknown');
}

/** Which checks a row of {@link COLLATION_CHECK_SQL} failed (none: the collation will do). */
export function failedOrderChecks(row: Record<string, unknown>): string[] {
  return Object.keys(REGION_ORDER_CHECKS).filter((name) => row[name] !== true);
}

/**
 * Throws {@link CollationError} unless the database orders region codes as the filters need. `query` runs one
 * statement on the database and returns its rows (a `pg` client, Prisma's `$queryRawUnsafe`).
 */
export async function assertRegionCodeOrder(query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<void> {
  const [row] = await query(COLLATION_CHECK_SQL);
  if (!row) throw new Error('the collation check returned no row');
  const failed = failedOrderChecks(row);
  if (failed.length > 0) throw new CollationError(collationName(row.database), failed);
}
