/**
 * Writes validated records into the open draft: per kind, prepared statements that look the record's key up (one
 * indexed point lookup: KK or NIK hash, program membership, poverty key), the pure decision of
 * domain/import-rules.ts, and the insert or update it calls for. Runs inside the import's single transaction.
 */
import type { SqliteDatabase } from '../../db/sqlite.js';
import { enrollmentActive, stateInForce } from '../../db/temporal-sql.js';
import { type IdentifierKeys, identifierHash, sealIdentifier } from '../../domain/identifiers.js';
import { maskIdentifier } from '../../domain/masking.js';
import {
  type EnrollmentRecord, type FamilyRecord, type FamilyStateRecord, type ImportKind, type ImportRecords, type Outcome, type PersonRecord,
  type PovertyRecord, type RejectReason, type StoredEnrollment, type StoredFamily, type StoredFamilyState, type StoredPerson,
  decideEnrollment, decideFamily, decidePerson, decidePoverty,
} from '../../domain/import-rules.js';

/** What applying one record did. */
export type ApplyResult = { outcome: Outcome } | { outcome: 'rejected'; reasons: RejectReason[] };

type Cell = string | number | null;

/** Rows per multi-row INSERT (one statement call binds this many rows, as the generator's sink does). */
const BATCH_ROWS = 64;

/**
 * Inserts of one table buffered into multi-row INSERT statements. Rows inserted this way are only visible to later
 * statements after {@link flush}; the appliers insert rows no later record of the same kind looks up (keys are unique
 * within a file) and flush when the kind is done. Each flush of a batch flushes the parent table's first.
 */
class BatchInsert {
  private readonly single: { run: (...values: Cell[]) => unknown };
  private readonly batch: { run: (...values: Cell[]) => unknown };
  private readonly buffer: Cell[] = [];

  /** @param parent rows this table's rows refer to (foreign key): flushed before each batch of this one */
  constructor(
    db: SqliteDatabase,
    table: string,
    private readonly columns: readonly string[],
    private readonly parent?: BatchInsert,
  ) {
    const statement = (rows: number) =>
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`);
    this.single = statement(1);
    this.batch = statement(BATCH_ROWS);
  }

  add(row: readonly Cell[]): void {
    for (const cell of row) this.buffer.push(cell);
    if (this.buffer.length === this.columns.length * BATCH_ROWS) {
      this.parent?.flush();
      this.batch.run(...this.buffer);
      this.buffer.length = 0;
    }
  }

  flush(): void {
    this.parent?.flush();
    for (let i = 0; i < this.buffer.length; i += this.columns.length) this.single.run(...this.buffer.slice(i, i + this.columns.length));
    this.buffer.length = 0;
  }
}

/** The stored form of a NIK or KK whose keyed hash is already known (hashed once, for the lookup). */
function storedIdentifier(keys: IdentifierKeys, value: string, hash: string): [string, string, string] {
  return [hash, maskIdentifier(value), sealIdentifier(keys, value)];
}

export interface ApplyContext {
  db: SqliteDatabase;
  keys: IdentifierKeys;
  draftId: number;
  draftYear: number;
}

/** Applies records of one kind; `finish` writes what is still buffered (call it before the next kind). */
export interface Applier<K extends ImportKind> {
  apply(record: ImportRecords[K]): ApplyResult;
  finish(): void;
}

/** Builds the applier of a kind (its statements prepared once). */
export function applierFor<K extends ImportKind>(kind: K, ctx: ApplyContext): Applier<K> {
  const builders: { [P in ImportKind]: (ctx: ApplyContext) => Applier<P> } = {
    families: familyApplier,
    individuals: personApplier,
    enrollments: enrollmentApplier,
    poverty: povertyApplier,
  };
  return builders[kind](ctx) as Applier<K>;
}

const STATE_COLUMN_LIST = [
  'village_code', 'regency_code', 'member_count', 'income_monthly', 'wall_type', 'floor_type', 'roof_type', 'floor_area_m2',
  'electricity_va', 'water_source', 'sanitation', 'cooking_fuel', 'house_ownership', 'land_m2', 'motorcycles', 'cars', 'gold_grams',
  'savings_rp', 'loans_rp', 'pmt_score', 'national_rank', 'desil', 'ground_check_status',
];
const STATE_COLUMNS = STATE_COLUMN_LIST.join(', ');

function stateValues(s: FamilyStateRecord): Array<string | number> {
  return [
    s.villageCode, s.regencyCode, s.memberCount, s.incomeMonthly, s.wallType, s.floorType, s.roofType, s.floorAreaM2, s.electricityVa,
    s.waterSource, s.sanitation, s.cookingFuel, s.houseOwnership, s.landM2, s.motorcycles, s.cars, s.goldGrams, s.savingsRp, s.loansRp,
    s.pmtScore, s.nationalRank, s.desil, s.groundCheckStatus,
  ];
}

function familyApplier({ db, keys, draftId }: ApplyContext): Applier<'families'> {
  const find = db.prepare('SELECT id, village_code AS villageCode, source, first_version_id AS firstVersionId FROM family WHERE kk_hash = ?');
  const stateAt = db.prepare(
    `SELECT id, valid_from_version_id AS validFromVersionId, village_code AS villageCode, member_count AS memberCount,
            income_monthly AS incomeMonthly, wall_type AS wallType, floor_type AS floorType, roof_type AS roofType,
            floor_area_m2 AS floorAreaM2, electricity_va AS electricityVa, water_source AS waterSource, sanitation,
            cooking_fuel AS cookingFuel, house_ownership AS houseOwnership, land_m2 AS landM2, motorcycles, cars,
            gold_grams AS goldGrams, savings_rp AS savingsRp, loans_rp AS loansRp, ground_check_status AS groundCheckStatus, desil
       FROM family_state s WHERE s.family_id = @f AND ${stateInForce('s')} ORDER BY s.valid_from_version_id DESC LIMIT 1`,
  );
  // New families get their ids here (after the table's AUTOINCREMENT sequence), so their states can be batched too.
  let nextId =
    ((db.prepare("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'family'), 0), COALESCE((SELECT MAX(id) FROM family), 0))").pluck().get() as number) ?? 0) + 1;
  const families = new BatchInsert(db, 'family', ['id', 'kk_hash', 'kk_masked', 'kk_sealed', 'village_code', 'regency_code', 'source', 'first_version_id']);
  const states = new BatchInsert(db, 'family_state', ['family_id', 'valid_from_version_id', ...STATE_COLUMN_LIST], families);
  const updateFamily = db.prepare('UPDATE family SET village_code = ?, regency_code = ?, source = ? WHERE id = ?');
  const rewriteState = db.prepare(`UPDATE family_state SET (${STATE_COLUMNS}) = (${STATE_COLUMN_LIST.map(() => '?').join(', ')}) WHERE id = ?`);
  const closeState = db.prepare('UPDATE family_state SET valid_to_version_id = ? WHERE id = ?');
  const deleteState = db.prepare('DELETE FROM family_state WHERE id = ?');

  const apply = (record: FamilyRecord): ApplyResult => {
    const hash = identifierHash(keys, record.kk);
    const row = find.get(hash) as Omit<StoredFamily, 'state'> | undefined;
    const existing: StoredFamily | null = row ? { ...row, state: (stateAt.get({ f: row.id, v: draftId }) as StoredFamilyState | undefined) ?? null } : null;
    const decision = decideFamily(existing, record, { draftId });
    switch (decision.outcome) {
      case 'rejected':
      case 'unchanged':
        return decision;
      case 'inserted': {
        const id = nextId++;
        families.add([id, ...storedIdentifier(keys, record.kk, hash), record.villageCode, record.regencyCode, record.source, draftId]);
        if (record.state) states.add([id, draftId, ...stateValues(record.state)]);
        return decision;
      }
      case 'updated': {
        const family = existing!;
        if (decision.familyRow) updateFamily.run(record.villageCode, record.regencyCode, record.source, family.id);
        const current = family.state;
        switch (decision.state) {
          case 'open':
            states.add([family.id, draftId, ...stateValues(record.state!)]);
            break;
          case 'replace':
            closeState.run(draftId, current!.id);
            states.add([family.id, draftId, ...stateValues(record.state!)]);
            break;
          case 'rewrite':
            rewriteState.run(...stateValues(record.state!), current!.id);
            break;
          case 'close':
            closeState.run(draftId, current!.id);
            break;
          case 'drop':
            deleteState.run(current!.id);
            break;
          case 'none':
            break;
        }
        return { outcome: 'updated' };
      }
    }
  };
  return {
    apply,
    finish: () => states.flush(),
  };
}

interface PersonRow extends Omit<StoredPerson, 'disability' | 'chronicIllness' | 'deceased' | 'birthDate'> {
  birthDate: string | number;
  disability: number;
  chronicIllness: number;
  deceased: number;
}

/** Birth dates as the generator writes them (ISO text); anything else Prisma may have written is normalised. */
function isoTimestamp(value: string | number): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/u.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** KK → family id within one import (families inserted earlier in the same transaction are found too). */
function familyLookup({ db, keys }: ApplyContext): (kk: string) => number | null {
  const find = db.prepare('SELECT id FROM family WHERE kk_hash = ?').pluck();
  const cache = new Map<string, number | null>();
  return (kk) => {
    let id = cache.get(kk);
    if (id === undefined) {
      id = (find.get(identifierHash(keys, kk)) as number | undefined) ?? null;
      if (cache.size > 200_000) cache.clear();
      cache.set(kk, id);
    }
    return id;
  };
}

function personApplier(ctx: ApplyContext): Applier<'individuals'> {
  const { db, keys, draftId } = ctx;
  const familyId = familyLookup(ctx);
  const find = db.prepare(
    `SELECT id, family_id AS familyId, name, relationship, sex, birth_date AS birthDate, education, work_status AS workStatus,
            work_sector AS workSector, disability, chronic_illness AS chronicIllness, deceased, from_version_id AS fromVersionId,
            to_version_id AS toVersionId
       FROM individual WHERE nik_hash = ?`,
  );
  const insert = new BatchInsert(db, 'individual', [
    'nik_hash', 'nik_masked', 'nik_sealed', 'family_id', 'name', 'relationship', 'sex', 'birth_date', 'education', 'work_status',
    'work_sector', 'disability', 'chronic_illness', 'deceased', 'from_version_id',
  ]);
  const update = db.prepare(
    `UPDATE individual SET family_id = ?, name = ?, relationship = ?, sex = ?, birth_date = ?, education = ?, work_status = ?,
            work_sector = ?, disability = ?, chronic_illness = ?, deceased = ?, to_version_id = ? WHERE id = ?`,
  );
  const death = db.prepare('UPDATE individual SET deceased = ?, to_version_id = ? WHERE id = ?');

  const apply = (record: PersonRecord): ApplyResult => {
    const family = familyId(record.kk);
    if (family === null) {
      return { outcome: 'rejected', reasons: [{ column: 'kk', code: 'UNKNOWN_FAMILY', message: 'no family with this KK in the registry or earlier in this import' }] };
    }
    const hash = identifierHash(keys, record.nik);
    const row = find.get(hash) as PersonRow | undefined;
    const stored: StoredPerson | null = row
      ? {
          ...row, birthDate: isoTimestamp(row.birthDate), disability: row.disability === 1, chronicIllness: row.chronicIllness === 1,
          deceased: row.deceased === 1,
        }
      : null;
    const decision = decidePerson(stored, record, family, { draftId });
    const flag = (b: boolean) => (b ? 1 : 0);
    switch (decision.outcome) {
      case 'rejected':
      case 'unchanged':
        return decision;
      case 'inserted':
        insert.add([
          ...storedIdentifier(keys, record.nik, hash), family, record.name, record.relationship, record.sex, record.birthDate, record.education,
          record.workStatus, record.workSector, flag(record.disability), flag(record.chronicIllness), 0, draftId,
        ]);
        return decision;
      case 'updated':
        if (decision.fields === 'death') death.run(flag(decision.toVersionId !== null), decision.toVersionId, stored!.id);
        else {
          update.run(
            family, record.name, record.relationship, record.sex, record.birthDate, record.education, record.workStatus, record.workSector,
            flag(record.disability), flag(record.chronicIllness), flag(record.deceased), decision.toVersionId, stored!.id,
          );
        }
        return { outcome: 'updated' };
    }
  };
  return { apply, finish: () => insert.flush() };
}

function enrollmentApplier(ctx: ApplyContext): Applier<'enrollments'> {
  const { db, keys, draftId, draftYear } = ctx;
  const familyId = familyLookup(ctx);
  const findPerson = db.prepare('SELECT id, family_id AS familyId FROM individual WHERE nik_hash = ?');
  const columns = 'id, regency_code AS regencyCode, start_version_id AS startVersionId, member_since_year AS memberSinceYear';
  const activeOfFamily = db.prepare(
    `SELECT ${columns} FROM enrollment e
      WHERE e.family_id = @f AND e.program_code = @p AND e.individual_id IS NULL AND ${enrollmentActive('e')}
      ORDER BY e.start_version_id DESC LIMIT 1`,
  );
  const activeOfPerson = db.prepare(
    `SELECT ${columns} FROM enrollment e WHERE e.individual_id = @i AND e.program_code = @p AND ${enrollmentActive('e')}
      ORDER BY e.start_version_id DESC LIMIT 1`,
  );
  const everOfFamily = db.prepare('SELECT 1 FROM enrollment WHERE family_id = ? AND program_code = ? AND individual_id IS NULL LIMIT 1').pluck();
  const everOfPerson = db.prepare('SELECT 1 FROM enrollment WHERE individual_id = ? AND program_code = ? LIMIT 1').pluck();
  const insert = db.prepare(
    `INSERT INTO enrollment (program_code, family_id, individual_id, regency_code, start_version_id, end_version_id, start_reason,
                             end_reason, member_since_year)
     VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?)`,
  );
  const end = db.prepare('UPDATE enrollment SET end_version_id = ?, end_reason = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM enrollment WHERE id = ?');
  const rewrite = db.prepare('UPDATE enrollment SET regency_code = ?, start_reason = ?, member_since_year = ? WHERE id = ?');

  const apply = (record: EnrollmentRecord): ApplyResult => {
    let family: number;
    let person: number | null = null;
    if (record.unit === 'FAMILY') {
      const id = familyId(record.kk!);
      if (id === null) {
        return { outcome: 'rejected', reasons: [{ column: 'kk', code: 'UNKNOWN_FAMILY', message: 'no family with this KK in the registry or earlier in this import' }] };
      }
      family = id;
    } else {
      const row = findPerson.get(identifierHash(keys, record.nik!)) as { id: number; familyId: number } | undefined;
      if (!row) {
        return {
          outcome: 'rejected',
          reasons: [{ column: 'nik', code: 'UNKNOWN_INDIVIDUAL', message: 'no person with this NIK in the registry or earlier in this import' }],
        };
      }
      family = row.familyId;
      person = row.id;
    }
    const active = (
      person === null ? activeOfFamily.get({ f: family, p: record.programCode, v: draftId }) : activeOfPerson.get({ i: person, p: record.programCode, v: draftId })
    ) as StoredEnrollment | undefined;
    const ever = active !== undefined || (person === null ? everOfFamily.get(family, record.programCode) : everOfPerson.get(person, record.programCode)) !== undefined;
    const decision = decideEnrollment(active ?? null, ever, record, { draftId, draftYear });
    switch (decision.outcome) {
      case 'rejected':
      case 'unchanged':
        return decision;
      case 'inserted':
        insert.run(record.programCode, family, person, record.regencyCode, draftId, record.startReason, decision.memberSinceYear);
        return { outcome: 'inserted' };
      case 'updated':
        switch (decision.action) {
          case 'end':
            end.run(draftId, record.endReason, active!.id);
            break;
          case 'delete':
            remove.run(active!.id);
            break;
          case 'rewrite':
            rewrite.run(record.regencyCode, record.startReason, decision.memberSinceYear, active!.id);
            break;
          case 'move':
            end.run(draftId, 'MOVED', active!.id);
            insert.run(record.programCode, family, person, record.regencyCode, draftId, record.startReason, decision.memberSinceYear);
            break;
        }
        return { outcome: 'updated' };
    }
  };
  return { apply, finish: () => undefined };
}

function povertyApplier({ db }: ApplyContext): Applier<'poverty'> {
  const find = db.prepare(
    'SELECT regency_code AS regencyCode, period, poor_thousands AS poorThousands, p0, poverty_line AS povertyLine, p1, p2 FROM poverty WHERE regency_code = ? AND period = ?',
  );
  const insert = db.prepare('INSERT INTO poverty (regency_code, period, poor_thousands, p0, poverty_line, p1, p2) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE poverty SET poor_thousands = ?, p0 = ?, poverty_line = ?, p1 = ?, p2 = ? WHERE regency_code = ? AND period = ?');
  const apply = (record: PovertyRecord): ApplyResult => {
    const current = (find.get(record.regencyCode, record.period) as PovertyRecord | undefined) ?? null;
    const decision = decidePoverty(current, record);
    if (decision.outcome === 'inserted') {
      insert.run(record.regencyCode, record.period, record.poorThousands, record.p0, record.povertyLine, record.p1, record.p2);
    } else if (decision.outcome === 'updated') {
      update.run(record.poorThousands, record.p0, record.povertyLine, record.p1, record.p2, record.regencyCode, record.period);
    }
    return decision;
  };
  return { apply, finish: () => undefined };
}
