import type { DatabaseConfig } from '../../config.js';
import type { AtlasPrisma } from '../../db/prisma.js';
import { BadUserInputError } from '../../graphql/errors.js';
import type { Role } from '../auth/auth.type.js';
import type { UsageCountsView, UsagePeriod, UsageReportRowView, UsageReportView } from './usage-report.type.js';

/** Longest reported time: a little over ten years, so a report stays a report (at most ~3,700 daily periods per user). */
const MAX_SPAN_MS = 3_700 * 24 * 3_600_000;

/**
 * Start of the period of `at` as `YYYY-MM-DD`, per provider. SQLite: `at` is ISO-8601 text (`AuditService` writes it);
 * `weekday 0` moves to the coming Sunday (or stays on one), 6 days back is that week's Monday. PostgreSQL: `date_trunc`
 * (weeks start on Monday) on the UTC timestamp.
 */
const BUCKET: Record<DatabaseConfig['provider'], Record<UsagePeriod, string>> = {
  sqlite: {
    DAY: 'date(e.at)',
    WEEK: "date(e.at, 'weekday 0', '-6 days')",
    MONTH: "strftime('%Y-%m-01', e.at)",
  },
  postgresql: {
    DAY: "to_char(date_trunc('day', e.at), 'YYYY-MM-DD')",
    WEEK: "to_char(date_trunc('week', e.at), 'YYYY-MM-DD')",
    MONTH: "to_char(date_trunc('month', e.at), 'YYYY-MM-DD')",
  },
};

interface CountRow {
  userId: number | bigint | null;
  periodStart: string;
  personReads: number | bigint;
  personRowsRead: number | bigint | null;
  clearReads: number | bigint;
  mutations: number | bigint;
  denied: number | bigint;
}

/** The usage report over the audit log: counted by one GROUP BY in the database (SQLite and PostgreSQL). */
export class UsageReportService {
  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly provider: DatabaseConfig['provider'],
  ) {}

  async report(from: Date, to: Date, period: UsagePeriod): Promise<UsageReportView> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw new BadUserInputError('to', '`to` must be after `from`');
    }
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) throw new BadUserInputError('to', 'report at most ten years at a time');
    const bucket = BUCKET[this.provider][period];
    const [lower, upper, cast] =
      this.provider === 'sqlite'
        ? // The text form AuditService (Prisma's SQLite adapter) writes, so that text comparison is time order.
          [from.toISOString().replace('Z', '+00:00'), to.toISOString().replace('Z', '+00:00'), ['?', '?']]
        : [from.toISOString(), to.toISOString(), ['CAST($1 AS timestamp)', 'CAST($2 AS timestamp)']];
    const sql = `
      SELECT e.user_id AS "userId", ${bucket} AS "periodStart",
             SUM(CASE WHEN e.kind = 'PERSON_READ' THEN 1 ELSE 0 END) AS "personReads",
             SUM(CASE WHEN e.kind = 'PERSON_READ' THEN e.row_count ELSE 0 END) AS "personRowsRead",
             SUM(CASE WHEN e.kind = 'PERSON_READ' AND e.clear THEN 1 ELSE 0 END) AS "clearReads",
             SUM(CASE WHEN e.kind = 'MUTATION' THEN 1 ELSE 0 END) AS "mutations",
             SUM(CASE WHEN e.kind = 'DENIED' THEN 1 ELSE 0 END) AS "denied"
      FROM audit_event e
      WHERE e.at >= ${cast[0]} AND e.at < ${cast[1]}
      GROUP BY e.user_id, ${bucket}`;
    const counts = await this.prisma.$queryRawUnsafe<CountRow[]>(sql, lower, upper);
    const userIds = [...new Set(counts.flatMap((row) => (row.userId === null ? [] : [Number(row.userId)])))];
    const users = await this.prisma.appUser.findMany({
      select: { id: true, username: true, displayName: true, role: true, regionCode: true },
      where: { id: { in: userIds } },
    });
    const byId = new Map(users.map((user) => [user.id, { ...user, role: user.role as Role }]));
    const rows: UsageReportRowView[] = counts.map((row) => {
      const user = row.userId === null ? undefined : byId.get(Number(row.userId));
      return {
        periodStart: new Date(`${row.periodStart}T00:00:00.000Z`),
        user: user ? { username: user.username, displayName: user.displayName, role: user.role, regionCode: user.regionCode } : null,
        personReads: Number(row.personReads),
        personRowsRead: Number(row.personRowsRead ?? 0),
        clearReads: Number(row.clearReads),
        mutations: Number(row.mutations),
        denied: Number(row.denied),
      };
    });
    rows.sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime() || (a.user?.username ?? '').localeCompare(b.user?.username ?? ''));
    const totals: UsageCountsView = { personReads: 0, personRowsRead: 0, clearReads: 0, mutations: 0, denied: 0 };
    for (const row of rows) {
      for (const key of Object.keys(totals) as (keyof UsageCountsView)[]) totals[key] += row[key];
    }
    return { from, to, period, rows, totals };
  }
}
