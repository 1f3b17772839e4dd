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

/** SQLite: the longest an audit write waits for another writer, below the request time limit (30 s by default). */
export const AUDIT_LOCK_WAIT_MS = 20_000;

/** The audit log stayed locked by another writer for longer than the audit write may wait: nothing was answered. */
export class AuditLogBusyError extends Error {
  override readonly name = 'AuditLogBusyError';
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
    /** SQLite: how long a write may wait for another writer (a publication, an import) to commit. */
    private readonly lockWaitMs = AUDIT_LOCK_WAIT_MS,
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
      const db = this.sqlite;
      // The text Prisma writes for a DateTime on SQLite (ISO 8601 with +00:00), so that every row compares alike.
      const atText = at.toISOString().replace(/Z$/, '+00:00');
      const insert = prepared(db, INSERT_SQLITE);
      const write = db.transaction(() => {
        for (const entry of entries) {
          insert.run(atText, principal?.userId ?? null, entry.kind, entry.field, operation, JSON.stringify(entry.arguments ?? {}), entry.rowCount, entry.clear ? 1 : 0);
        }
      });
      await writeWhenUnlocked(db, write, this.lockWaitMs);
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

/**
 * Runs a write transaction on SQLite once no other connection holds the write lock. The connection's busy timeout
 * would wait inside SQLite, holding the event loop (every request of the server) for up to 5 s and then failing;
 * here each attempt fails at once while another writer (a publication holds the lock for its whole transaction)
 * is at work, and the next is scheduled on a timer (5 ms, doubling to 200 ms), until `waitMs` have passed.
 */
async function writeWhenUnlocked(db: SqliteDatabase, write: () => void, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      write();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
      if (Date.now() >= deadline) {
        throw new AuditLogBusyError(`the audit log stayed locked by another writer for ${waitMs} ms`, { cause: error });
      }
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
