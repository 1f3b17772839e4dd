// A published DTSEN version is immutable, enforced by the database itself (migration 0002) on both engines:
// its version row, the family states it reads and its rollups cannot change; an open state may only be closed
// at a later draft version (that is how a new quarter records what changed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from './postgres-admin.js';
import { openSqlite, type SqliteDatabase } from './sqlite.js';

interface Engine {
  exec(sql: string): Promise<void>;
  count(sql: string): Promise<number>;
}

const seed = [
  `INSERT INTO region (code, name, level) VALUES ('ID', 'Indonesia', 'NATION')`,
  `INSERT INTO dtsen_version (id, label, status) VALUES (1, '2025-Q2', 'DRAFT'), (2, '2025-Q3', 'DRAFT')`,
  `INSERT INTO family (id, kk_hash, kk_masked, kk_sealed, village_code, regency_code, source, first_version_id)
     VALUES (1, 'hash-1', '3201********0001', 'v1.sealed', '32.01.01.2001', '32.01', 'REGSOSEK', 1)`,
  `INSERT INTO family_state (id, family_id, valid_from_version_id, village_code, regency_code, member_count, income_monthly, wall_type,
     floor_type, roof_type, floor_area_m2, electricity_va, water_source, sanitation, cooking_fuel, house_ownership, land_m2, motorcycles,
     cars, gold_grams, savings_rp, loans_rp, pmt_score, national_rank, desil, ground_check_status)
   VALUES (1, 1, 1, '32.01.01.2001', '32.01', 3, 2000000, 'WOOD', 'CEMENT', 'ZINC', 36, 900, 'PIPED', 'SHARED', 'LPG_3KG', 'OWNED',
     0, 1, 0, 0, 0, 0, 12.5, 10, 3, 'NOT_CHECKED')`,
  `INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals) VALUES (1, 'ID', 3, 1, 3)`,
  `INSERT INTO quota_recipient_rollup (version_id, program_code, regency_code, units) VALUES (1, 'SEMBAKO', '32.01', 1)`,
  `UPDATE dtsen_version SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP WHERE id = 1`,
];

function behaves(name: string, engine: () => Engine): void {
  describe(`published versions are immutable (${name})`, () => {
    it('rejects changes to a published version, its states and its rollups', async () => {
      const e = engine();
      for (const sql of [
        `UPDATE dtsen_version SET label = 'X' WHERE id = 1`,
        `DELETE FROM dtsen_version WHERE id = 1`,
        `UPDATE family_state SET desil = 4 WHERE id = 1`,
        `UPDATE family_state SET wall_type = 'MASONRY' WHERE id = 1`,
        `DELETE FROM family_state WHERE id = 1`,
        `UPDATE family_state SET valid_to_version_id = 1 WHERE id = 1`,
        `INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals) VALUES (1, 'ID', 4, 1, 1)`,
        `UPDATE desil_rollup SET families = 2 WHERE version_id = 1`,
        `DELETE FROM desil_rollup WHERE version_id = 1`,
        `INSERT INTO targeting_rollup (version_id, region_code, program_code, desil, recipient, criterion_code, ground_checked, in_target_group, units)
         VALUES (1, 'ID', 'PKH', 1, true, '', false, true, 1)`,
        `INSERT INTO targeting_class_rollup (version_id, region_code, program_code, class, cause, units) VALUES (1, 'ID', 'PKH', 'CORRECT_RECIPIENT', '', 1)`,
        `INSERT INTO churn_rollup (version_id, region_code, program_code, direction, reason, units) VALUES (1, 'ID', 'PKH', 'ENTRY', 'INITIAL', 1)`,
        `INSERT INTO overlap_rollup (version_id, region_code, desil, program_mask, families) VALUES (1, 'ID', 1, 1, 1)`,
        `INSERT INTO proposal_rollup (version_id, region_code, kind, path, status, proposals, median_days_to_decision)
         VALUES (1, 'ID', 'NEW', 'FORMAL', 'APPROVED', 1, NULL)`,
        `INSERT INTO membership_rollup (version_id, region_code, program_code, member_since_year, units) VALUES (1, 'ID', 'PKH', 2021, 1)`,
        `INSERT INTO quota_recipient_rollup (version_id, program_code, regency_code, units) VALUES (1, 'PKH', '32.01', 1)`,
        `UPDATE quota_recipient_rollup SET units = units + 1 WHERE version_id = 1`,
        `DELETE FROM quota_recipient_rollup WHERE version_id = 1`,
        `INSERT INTO transition_rollup (version_id, region_code, from_desil, to_desil, families) VALUES (1, 'ID', 1, 2, 1)`,
        // One published row among draft rows refuses the whole statement (PostgreSQL checks once per statement).
        `INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals) VALUES (2, 'ID', 1, 1, 1), (2, 'ID', 2, 1, 1), (1, 'ID', 5, 1, 1)`,
        // Moving rows into a published version, or out of one.
        `INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals) VALUES (2, 'ID', 9, 1, 1); UPDATE desil_rollup SET version_id = 1 WHERE version_id = 2 AND desil = 9`,
        `UPDATE desil_rollup SET version_id = 2 WHERE version_id = 1`,
      ]) {
        await expect(e.exec(sql), sql).rejects.toThrow(/immutable/);
      }
      // Nothing of the refused statements stayed behind.
      expect(await e.count('SELECT COUNT(*) AS n FROM desil_rollup WHERE version_id = 2 AND desil IN (1, 2)')).toBe(0);
      expect(await e.count('SELECT COUNT(*) AS n FROM desil_rollup WHERE version_id = 1')).toBe(1);
      await expect(
        e.exec(`INSERT INTO family_state (id, family_id, valid_from_version_id, village_code, regency_code, member_count, income_monthly,
          wall_type, floor_type, roof_type, floor_area_m2, electricity_va, water_source, sanitation, cooking_fuel, house_ownership, land_m2,
          motorcycles, cars, gold_grams, savings_rp, loans_rp, pmt_score, national_rank, desil, ground_check_status)
          SELECT 2, family_id, 1, village_code, regency_code, member_count, income_monthly, wall_type, floor_type, roof_type, floor_area_m2,
          electricity_va, water_source, sanitation, cooking_fuel, house_ownership, land_m2, motorcycles, cars, gold_grams, savings_rp,
          loans_rp, pmt_score, national_rank, desil, ground_check_status FROM family_state WHERE id = 1`),
      ).rejects.toThrow(/immutable/);
    });

    it('lets a draft version close an open state and add the new one', async () => {
      const e = engine();
      await e.exec(`UPDATE family_state SET valid_to_version_id = 2 WHERE id = 1`);
      await e.exec(`INSERT INTO family_state (id, family_id, valid_from_version_id, village_code, regency_code, member_count, income_monthly,
          wall_type, floor_type, roof_type, floor_area_m2, electricity_va, water_source, sanitation, cooking_fuel, house_ownership, land_m2,
          motorcycles, cars, gold_grams, savings_rp, loans_rp, pmt_score, national_rank, desil, ground_check_status)
          SELECT 3, family_id, 2, village_code, regency_code, member_count, income_monthly, wall_type, floor_type, roof_type, floor_area_m2,
          electricity_va, water_source, sanitation, cooking_fuel, house_ownership, land_m2, motorcycles, cars, gold_grams, savings_rp,
          loans_rp, pmt_score, national_rank, 4, ground_check_status FROM family_state WHERE id = 1`);
      await e.exec(`UPDATE family_state SET desil = 5 WHERE id = 3`);
      await e.exec(`INSERT INTO desil_rollup (version_id, region_code, desil, families, individuals) VALUES (2, 'ID', 4, 1, 3)`);
      await e.exec(`UPDATE dtsen_version SET status = 'PUBLISHED' WHERE id = 2`);
      await expect(e.exec(`UPDATE family_state SET desil = 6 WHERE id = 3`)).rejects.toThrow(/immutable/);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dtsen-immut-'));
let sqlite: SqliteDatabase;
const pgName = uniqueDatabaseName('immut');
let pgClient: pg.Client;

beforeAll(async () => {
  const file = join(dir, 'i.db');
  await applyMigrations({ provider: 'sqlite', file });
  sqlite = openSqlite(file);
  for (const sql of seed) sqlite.exec(sql);
  const url = await createPostgresDatabase(pgName);
  await applyMigrations({ provider: 'postgresql', url });
  pgClient = new pg.Client({ connectionString: url });
  await pgClient.connect();
  for (const sql of seed) await pgClient.query(sql);
});

afterAll(async () => {
  sqlite?.close();
  await pgClient?.end();
  await dropPostgresDatabase(pgName);
  rmSync(dir, { recursive: true, force: true });
});

describe('published versions are immutable (PostgreSQL: TRUNCATE)', () => {
  it('refuses to truncate the versions, the family states or a rollup while a version is published, cascading or not', async () => {
    for (const sql of ['TRUNCATE desil_rollup', 'TRUNCATE quota_recipient_rollup', 'TRUNCATE family_state', 'TRUNCATE dtsen_version CASCADE']) {
      await expect(pgClient.query(sql), sql).rejects.toThrow(/immutable: \w+ cannot be truncated/);
    }
    expect(Number((await pgClient.query<{ n: string }>('SELECT COUNT(*) AS n FROM desil_rollup WHERE version_id = 1')).rows[0]!.n)).toBe(1);
    expect(Number((await pgClient.query<{ n: string }>('SELECT COUNT(*) AS n FROM family_state')).rows[0]!.n)).toBeGreaterThan(0);
  });
});

behaves('SQLite', () => ({
  exec: async (sql) => void sqlite.exec(sql),
  count: async (sql) => Number((sqlite.prepare(sql).get() as { n: number }).n),
}));
behaves('PostgreSQL', () => ({
  exec: async (sql) => void (await pgClient.query(sql)),
  count: async (sql) => Number((await pgClient.query<{ n: string }>(sql)).rows[0]!.n),
}));
