// The foundation queries over real HTTP against the real server on a generated national dataset
// (test/support/global-setup.ts), on SQLite and on its PostgreSQL copy: health, versions, the region tree, desil
// distributions read from rollups and checked against a direct count on the base tables, and a family with its
// members (identifiers masked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHeaders } from '../support/auth';
import { engines, graphqlUrl, openTestDb, type TestDb } from '../support/engines';
import { openSealed } from '../support/identifiers';
import { EXCLUSION_CRITERIA } from '../../server/src/domain/exclusion-criteria.js';

describe.each(engines())('foundation API on the generated dataset ($name)', (engine) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb(engine);
  });
  afterAll(() => db.close());

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; errors?: Array<{ message: string; extensions: { code: string } }> }> {
    const res = await fetch(graphqlUrl(engine), { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ query, variables }) });
    expect(res.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    return (await res.json()) as never;
  }

  it('answers health and lists the five published quarterly versions', async () => {
    const { data } = await gql<{ health: { status: string; database: string }; versions: Array<{ id: number; label: string; status: string }>; latestVersion: { id: number } }>(
      '{ health { status database } versions { id label status } latestVersion { id } }',
    );
    expect(data.health).toEqual({ status: 'ok', database: engine.name });
    expect(data.versions.map((v) => v.label)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(data.versions.every((v) => v.status === 'PUBLISHED')).toBe(true);
    expect(data.latestVersion.id).toBe(5);
  });

  it('walks the real region tree: 38 provinces, their kabupaten/kota, and parents back to the nation', async () => {
    const { data } = await gql<{ region: { children: Array<{ code: string; childCount: number }> } }>('{ region(code: "ID") { children { code childCount } } }');
    expect(data.region.children).toHaveLength(38);
    expect(data.region.children.reduce((s, c) => s + c.childCount, 0)).toBe(514);
    const bogor = await gql<{ region: { name: string; level: string; parent: { code: string; parent: { code: string } }; childCount: number } }>(
      '{ region(code: "32.01") { name level childCount parent { code parent { code } } } }',
    );
    expect(bogor.data.region).toMatchObject({ name: 'Kabupaten Bogor', level: 'REGENCY', parent: { code: '32', parent: { code: 'ID' } } });
    expect(bogor.data.region.childCount).toBeGreaterThan(30);
  });

  it('returns each region\'s desil distribution equal to a direct count on the temporal family states', async () => {
    for (const [regionCode, versionId] of [['ID', 5], ['32', 1], ['32.01', 3]] as const) {
      const { data } = await gql<{ decileDistribution: { totalFamilies: number; buckets: Array<{ desil: number; families: number; individuals: number; individualShare: number }> } }>(
        'query($r: ID!, $v: Int) { decileDistribution(regionCode: $r, versionId: $v) { totalFamilies buckets { desil families individuals individualShare } } }',
        { r: regionCode, v: versionId },
      );
      const direct = await db.all<{ desil: number; families: number; individuals: number }>(
        `SELECT s.desil, COUNT(*) AS families, SUM(s.member_count) AS individuals FROM family_state s JOIN region v ON v.code = s.village_code
         WHERE s.valid_from_version_id <= @v AND (s.valid_to_version_id IS NULL OR s.valid_to_version_id > @v)
           AND (@r = 'ID' OR v.province_code = @r OR v.regency_code = @r)
         GROUP BY s.desil ORDER BY s.desil`,
        { v: versionId, r: regionCode },
      );
      const byDesil = new Map(direct.map((r) => [r.desil, r]));
      expect(data.decileDistribution.buckets).toHaveLength(10);
      for (const b of data.decileDistribution.buckets) {
        expect(b.families, `${regionCode} v${versionId} desil ${b.desil}`).toBe(byDesil.get(b.desil)?.families ?? 0);
        expect(b.individuals).toBe(byDesil.get(b.desil)?.individuals ?? 0);
      }
      if (regionCode === 'ID') for (const b of data.decileDistribution.buckets) expect(Math.abs(b.individualShare - 0.1)).toBeLessThan(0.005);
    }
  });

  it('shows a family with its members and never sends a clear NIK, KK or name', async () => {
    const row = (await db.get<{ id: number; kk: string }>("SELECT f.id, f.kk_sealed AS kk FROM family f WHERE f.source <> 'NON_DTSEN' ORDER BY f.id LIMIT 1 OFFSET 1234"))!;
    const family = { ...row, kk: openSealed(row.kk) };
    const members = (await db.all<{ nik: string; name: string }>('SELECT nik_sealed AS nik, name FROM individual WHERE family_id = ? ORDER BY id', [family.id]))
      .map((m) => ({ ...m, nik: openSealed(m.nik) }));
    const res = await fetch(graphqlUrl(engine), {
      method: 'POST',
      headers: jsonHeaders('NATIONAL_ANALYST'),
      body: JSON.stringify({ query: 'query($id: Int!) { family(id: $id) { id kkMasked state { desil } members { nikMasked nameMasked relationship } } }', variables: { id: family.id } }),
    });
    const text = await res.text();
    for (const m of members) {
      expect(text).not.toContain(m.nik);
      expect(text).not.toContain(m.name);
    }
    expect(text).not.toContain(family.kk);
    const body = JSON.parse(text) as { data: { family: { kkMasked: string; state: { desil: number }; members: Array<{ nikMasked: string }> } } };
    expect(body.data.family.kkMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(body.data.family.state.desil).toBeGreaterThanOrEqual(1);
    expect(body.data.family.members.length).toBeGreaterThan(0);
    expect(body.data.family.members[0]!.nikMasked).toBe(`${members[0]!.nik.slice(0, 4)}********${members[0]!.nik.slice(12)}`);
  });

  it('answers unknown regions with a typed NOT_FOUND error', async () => {
    const { errors } = await gql('{ decileDistribution(regionCode: "99.99") { totalFamilies } }');
    expect(errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('lists the exclusion criteria of the decree, in its order, as the policy data defines them', async () => {
    const { data } = await gql<{ exclusionCriteria: Array<{ code: string; nameId: string; nameEn: string; excludesFamily: boolean; detectedBy: string }> }>(
      '{ exclusionCriteria { code nameId nameEn excludesFamily detectedBy } }',
    );
    expect(data.exclusionCriteria).toEqual(
      EXCLUSION_CRITERIA.map(({ code, nameId, nameEn, excludesFamily, detectedBy }) => ({ code, nameId, nameEn, excludesFamily, detectedBy })),
    );
    expect(data.exclusionCriteria.length).toBeGreaterThanOrEqual(17);
  });
});
