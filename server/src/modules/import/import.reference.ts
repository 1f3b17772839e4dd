/**
 * What an import checks rows against and writes into, read once from the database: region codes, programs, the
 * PMT cut points of the latest published version, the data key's fit with the stored identifiers, and the draft
 * version the rows go into.
 */
import type { SqliteDatabase } from '../../db/sqlite.js';
import { stateInForce } from '../../db/temporal-sql.js';
import { type IdentifierKeys, identifierHash, openIdentifier } from '../../domain/identifiers.js';
import { type DesilCut, type ImportReference, desilPlacer, nextVersionLabel } from '../../domain/import-rules.js';
import { versionYear } from '../../domain/versions.js';
import { ImportError } from './import.errors.js';

/** The version an import writes into, and whether the import creates it. */
export interface DraftPlan {
  id: number;
  label: string;
  /** The version does not exist yet: the import's transaction creates it (only when it writes rows). */
  create: boolean;
  /** The latest published version (its cut points place families without a desil); null when none is. */
  latestPublishedId: number | null;
}

/**
 * The open draft: the last version when it is a DRAFT and every earlier one is published; when the last version is
 * published (or there is none), the next one, created by the import. `requested` (`--version`) must name that
 * version: a published one is VERSION_PUBLISHED, another draft VERSION_NOT_OPEN, an unknown one VERSION_NOT_FOUND.
 */
export function planDraft(db: SqliteDatabase, requested: number | undefined, now: Date): DraftPlan {
  const versions = db.prepare('SELECT id, label, status FROM dtsen_version ORDER BY id').all() as Array<{ id: number; label: string; status: string }>;
  const published = versions.filter((v) => v.status === 'PUBLISHED');
  const latestPublishedId = published.at(-1)?.id ?? null;
  const last = versions.at(-1);
  let plan: DraftPlan;
  if (last && last.status === 'DRAFT') {
    const earlierDraft = versions.find((v) => v.status === 'DRAFT' && v.id !== last.id);
    if (earlierDraft) {
      throw new ImportError(
        'VERSION_NOT_OPEN',
        `version ${earlierDraft.id} (${earlierDraft.label}) is a draft before the last version ${last.id}: publish it first; an import writes only into the last version, a draft after published ones`,
        { versionId: earlierDraft.id },
      );
    }
    plan = { id: last.id, label: last.label, create: false, latestPublishedId };
  } else {
    const label = last ? nextVersionLabel(last.label) : `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    plan = { id: (last?.id ?? 0) + 1, label, create: true, latestPublishedId };
  }
  if (requested !== undefined && requested !== plan.id) {
    const named = versions.find((v) => v.id === requested);
    if (!named) {
      throw new ImportError('VERSION_NOT_FOUND', `version ${requested} does not exist; the open draft is version ${plan.id} (${plan.label})`, { versionId: requested });
    }
    if (named.status === 'PUBLISHED') {
      throw new ImportError('VERSION_PUBLISHED', `version ${requested} (${named.label}) is published and immutable; the open draft is version ${plan.id} (${plan.label})`, { versionId: requested });
    }
    throw new ImportError('VERSION_NOT_OPEN', `version ${requested} is not the open draft (version ${plan.id}, ${plan.label})`, { versionId: requested });
  }
  return plan;
}

/** Region codes, programs and cut points; NO_REFERENCE_DATA when the database has no regions or programs. */
export function loadReference(db: SqliteDatabase, plan: DraftPlan, now: Date): ImportReference {
  const districts = new Set<string>();
  const villages = new Set<string>();
  const regencies = new Set<string>();
  const rows = db.prepare("SELECT code, level FROM region WHERE level IN ('REGENCY', 'DISTRICT', 'VILLAGE')").raw().iterate() as IterableIterator<[string, string]>;
  for (const [code, level] of rows) {
    if (level === 'VILLAGE') villages.add(code);
    else if (level === 'DISTRICT') districts.add(code.replaceAll('.', ''));
    else regencies.add(code);
  }
  const programs = new Map(
    (db.prepare('SELECT code, unit FROM program').all() as Array<{ code: string; unit: 'FAMILY' | 'INDIVIDUAL' }>).map((p) => [p.code, p.unit]),
  );
  if (villages.size === 0 || programs.size === 0) {
    throw new ImportError('NO_REFERENCE_DATA', 'the database has no regions or programs: generate a dataset (dtsen generate) or load the reference data first');
  }
  const cuts = plan.latestPublishedId === null ? [] : desilCuts(db, plan.latestPublishedId);
  return {
    districts, villages, regencies, programs, cuts, place: desilPlacer(cuts),
    today: now.toISOString().slice(0, 10),
    draftYear: versionYear(plan.label),
  };
}

/** Score and rank range of every desil among the family states in force at a version (one grouped statement). */
export function desilCuts(db: SqliteDatabase, versionId: number): DesilCut[] {
  return db
    .prepare(
      `SELECT s.desil AS desil, MIN(s.pmt_score) AS minScore, MAX(s.pmt_score) AS maxScore,
              MIN(s.national_rank) AS minRank, MAX(s.national_rank) AS maxRank
         FROM family_state s WHERE ${stateInForce('s')} AND s.desil BETWEEN 1 AND 10
        GROUP BY s.desil ORDER BY s.desil`,
    )
    .all({ v: versionId }) as DesilCut[];
}

/**
 * DATA_KEY_MISMATCH unless the key opens a stored KK and hashes it to its stored hash: with another key every family
 * and person of the file would look new and be inserted a second time.
 */
export function checkDataKey(db: SqliteDatabase, keys: IdentifierKeys): void {
  const row = db.prepare('SELECT kk_hash AS hash, kk_sealed AS sealed FROM family ORDER BY id LIMIT 1').get() as { hash: string; sealed: string } | undefined;
  if (!row) return;
  let clear: string | null = null;
  try {
    clear = openIdentifier(keys, row.sealed);
  } catch {
    clear = null;
  }
  if (clear === null || identifierHash(keys, clear) !== row.hash) {
    throw new ImportError(
      'DATA_KEY_MISMATCH',
      'the data key does not open the identifiers stored in this database (ATLAS_DATA_KEY, or the key file next to it): nothing was imported',
    );
  }
}
