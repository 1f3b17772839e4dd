// The SQL classification used by the class rollup is generated from the program rules; it must agree with the
// pure classifier (domain/classification.ts) on every combination of facts, for every program.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { classify } from '../../domain/classification.js';
import { EXCLUSION_CRITERIA } from '../../domain/exclusion-criteria.js';
import { PROGRAMS } from '../../domain/programs.js';
import { classificationSql } from './publish.sql.js';

describe('classificationSql', () => {
  it('agrees with classify() on all 11 x 2 x 18 x 2 x 2 fact combinations of every program', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE x (code TEXT, sort_order INT)');
    const insertCriterion = db.prepare('INSERT INTO x VALUES (?, ?)');
    for (const c of EXCLUSION_CRITERIA) insertCriterion.run(c.code, c.sortOrder);
    db.exec('CREATE TABLE c (desil INT, recipient INT, crit INT, gc INT, tg INT)');
    const insert = db.prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?)');
    const crits = [99, ...EXCLUSION_CRITERIA.map((c) => c.sortOrder)];
    for (let desil = 0; desil <= 10; desil++)
      for (const recipient of [0, 1]) for (const crit of crits) for (const gc of [0, 1]) for (const tg of [0, 1]) insert.run(desil, recipient, crit, gc, tg);
    let checked = 0;
    for (const rule of PROGRAMS) {
      const { klass, cause } = classificationSql(rule);
      const rows = db
        .prepare(`SELECT c.*, ${klass} AS klass, ${cause} AS cause FROM c LEFT JOIN x ON x.sort_order = c.crit`)
        .all() as Array<{ desil: number; recipient: number; crit: number; gc: number; tg: number; klass: string; cause: string }>;
      for (const r of rows) {
        const expected = classify(rule, {
          desil: r.desil,
          recipient: r.recipient === 1,
          criterion: r.crit === 99 ? null : EXCLUSION_CRITERIA.find((c) => c.sortOrder === r.crit)!.code,
          groundChecked: r.gc === 1,
          inTargetGroup: r.tg === 1,
        });
        expect({ klass: r.klass, cause: r.cause }, `${rule.code} ${JSON.stringify(r)}`).toEqual({ klass: expected.class, cause: expected.cause ?? '' });
        checked++;
      }
    }
    expect(checked).toBe(PROGRAMS.length * 11 * 2 * 18 * 2 * 2);
    db.close();
  });
});
