import type { AtlasPrisma } from '../../db/prisma.js';
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

/** The append-only audit log (`audit_event`; triggers refuse updates and deletes). */
export class AuditService {
  constructor(private readonly prisma: AtlasPrisma) {}

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
