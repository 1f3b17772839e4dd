import type { AtlasPrisma } from '../../db/prisma.js';
import { prepared } from '../../db/sql-runner.js';
import type { SqliteDatabase } from '../../db/sqlite.js';
import type { Principal } from '../../domain/access.js';

export type AuditKindName = 'PERSON_READ' | 'MUTATION' | 'DENIED';

export interface AuditEntry {
  kind: AuditKindName;
  /** Root field (`families`, `submitProposal`, ...). */
  field: string;
  /** The field's arguments: filters, ids. */
  arguments: unknown;
  /** Person-level rows returned. */
  rowCount: number;
  /** Whether identifiers went out in clear. */
  clear?: boolean;
}

const INSERT_SQLITE = `INSERT INTO audit_event (at, user_id, kind, field, operation, arguments, row_count, clear)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The append-only audit log (`audit_event`; triggers refuse updates and deletes).
 *
 * On SQLite the events go through the server's direct connection, not Prisma's: the response cache and the memo of
 * versions and regions follow `PRAGMA data_version` of that connection, which moves with every commit of another
 * connection but never with its own. Through Prisma, each person-level read would have emptied both.
 */
export class AuditService {
  constructor(
    private readonly prisma: AtlasPrisma,
    private readonly sqlite: SqliteDatabase | null = null,
  ) {}

  async record(principal: Principal | null, operation: string | null, entry: AuditEntry): Promise<void> {
    await this.recordMany(principal, operation, [entry]);
  }

  /**
   * Appends the events of one request in one statement. The time is set here, not by the column default, so that every
   * row carries the same ISO-8601 form on SQLite (the usage report buckets and compares it as text).
   */
  async recordMany(principal: Principal | null, operation: string | null, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    if (this.sqlite) {
      // The text Prisma writes for a DateTime on SQLite (ISO 8601 with +00:00), so that every row compares alike.
      const atText = at.toISOString().replace(/Z$/, '+00:00');
      const insert = prepared(this.sqlite, INSERT_SQLITE);
      this.sqlite.transaction(() => {
        for (const entry of entries) {
          insert.run(atText, principal?.userId ?? null, entry.kind, entry.field, operation, JSON.stringify(entry.arguments ?? {}), entry.rowCount, entry.clear ? 1 : 0);
        }
      })();
      return;
    }
    await this.prisma.auditEvent.createMany({
      data: entries.map((entry) => ({
        at,
        userId: principal?.userId ?? null,
        kind: entry.kind,
        field: entry.field,
        operation,
        arguments: JSON.stringify(entry.arguments ?? {}),
        rowCount: entry.rowCount,
        clear: entry.clear ?? false,
      })),
    });
  }
}
