/**
 * Bulk row sink for SQLite: one prepared INSERT per table, executed inside explicit transactions that the
 * generator commits every few thousand families (the fast path: ~10^6 rows/s, versus ~2x10^4 with Prisma).
 */
import type { SqliteDatabase } from '../db/sqlite.js';

export type Cell = string | number | null;

export const TABLES = {
  region: ['code', 'name', 'level', 'parent_code', 'province_code', 'regency_code'],
  dtsen_version: ['id', 'label', 'published_at', 'status', 'created_at'],
  program: ['code', 'name', 'unit', 'desil_min', 'desil_max', 'national_quota', 'max_years', 'admits_outside_dtsen', 'legal_basis', 'sort_order'],
  exclusion_criterion: ['code', 'name_id', 'name_en', 'excludes_family', 'detected_by', 'sort_order'],
  poverty: ['regency_code', 'period', 'poor_thousands', 'p0', 'poverty_line', 'p1', 'p2'],
  population: ['regency_code', 'year', 'population'],
  minimum_wage: ['province_code', 'year', 'amount'],
  family: ['id', 'kk', 'village_code', 'regency_code', 'source', 'first_version_id'],
  family_state: [
    'id', 'family_id', 'valid_from_version_id', 'valid_to_version_id', 'village_code', 'regency_code', 'member_count',
    'income_monthly', 'wall_type', 'floor_type', 'roof_type', 'floor_area_m2', 'electricity_va', 'water_source',
    'sanitation', 'cooking_fuel', 'house_ownership', 'land_m2', 'motorcycles', 'cars', 'gold_grams', 'savings_rp',
    'loans_rp', 'pmt_score', 'national_rank', 'desil', 'ground_check_status',
  ],
  individual: [
    'id', 'nik', 'family_id', 'name', 'relationship', 'sex', 'birth_date', 'education', 'work_status', 'work_sector',
    'disability', 'chronic_illness', 'deceased', 'from_version_id', 'to_version_id',
  ],
  exclusion_flag: ['id', 'individual_id', 'criterion_code', 'observed_version_id', 'cleared_version_id'],
  enrollment: [
    'id', 'program_code', 'family_id', 'individual_id', 'regency_code', 'start_version_id', 'end_version_id',
    'start_reason', 'end_reason', 'member_since_year',
  ],
  proposal: [
    'id', 'kind', 'path', 'status', 'family_id', 'program_code', 'village_code', 'regency_code', 'submitted_version_id',
    'submitted_at', 'decided_at',
  ],
  proposal_status_change: ['id', 'proposal_id', 'status', 'at', 'note'],
  dataset_info: ['key', 'value'],
} as const;

export type TableName = keyof typeof TABLES;

export interface RowSink {
  insert(table: TableName, row: Cell[]): void;
  /** Commits the rows written so far and opens a new transaction. */
  checkpoint(): void;
  /** Rows written per table so far. */
  readonly counts: Record<TableName, number>;
  close(): void;
}

export class SqliteSink implements RowSink {
  private readonly statements: Record<TableName, { run: (...values: Cell[]) => unknown }>;
  readonly counts = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<TableName, number>;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = Object.fromEntries(
      Object.entries(TABLES).map(([table, cols]) => [
        table,
        db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
      ]),
    ) as unknown as Record<TableName, { run: (...values: Cell[]) => unknown }>;
    this.db.exec('BEGIN');
  }

  insert(table: TableName, row: Cell[]): void {
    this.statements[table].run(...row);
    this.counts[table]++;
  }

  checkpoint(): void {
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
  }

  close(): void {
    this.db.exec('COMMIT');
  }
}
