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
    await this.prisma.auditEvent.create({
      data: {
        userId: principal?.userId ?? null,
        kind: entry.kind,
        field: entry.field,
        operation,
        arguments: JSON.stringify(entry.arguments ?? {}),
        rowCount: entry.rowCount,
        clear: entry.clear ?? false,
      },
    });
  }
}
