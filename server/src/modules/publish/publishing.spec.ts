import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { parseDatabaseUrl } from '../../config.js';
import { generateDataset } from '../../generator/generate.js';
import { AuthService } from '../auth/auth.service.js';
import { VersionService } from '../version/version.service.js';
import { startTestApi } from '../__tests__/api-harness.js';
import { PublishingService } from './publishing.service.js';

const PUBLISH = 'mutation($v: Int!) { publishVersion(versionId: $v) { id label status publishedAt } }';

interface Published {
  publishVersion: { id: number; label: string; status: string; publishedAt: string | null } | null;
}

describe('publishVersion', () => {
  it('publishes the next draft with its rollups, then refuses to publish it again', async () => {
    const api = await startTestApi();
    try {
      const before = Date.now();
      const { body } = await api.query<Published>(PUBLISH, { v: 3 });
      expect(body.errors).toBeUndefined();
      expect(body.data?.publishVersion).toMatchObject({ id: 3, label: '2025-Q4', status: 'PUBLISHED' });
      expect(Date.parse(body.data!.publishVersion!.publishedAt!)).toBeGreaterThanOrEqual(before - 1000);
      // Rollups of version 3 were written. No family changed between versions 2 and 3, so the incremental publish
      // carries version 2's nation rollup over unchanged (the fixture's hand-written numbers).
      const rollup = async (versionId: number) =>
        (await api.prisma.desilRollup.findMany({ where: { versionId, regionCode: 'ID' }, orderBy: { desil: 'asc' } })).map((r) => [r.desil, r.families, r.individuals]);
      expect(await rollup(3)).toEqual(await rollup(2));
      expect((await rollup(3)).length).toBeGreaterThan(0);
      const { body: latest } = await api.query<{ latestVersion: { id: number } }>('{ latestVersion { id } }');
      expect(latest.data?.latestVersion.id).toBe(3);

      const again = await api.query<Published>(PUBLISH, { v: 3 });
      expect(again.body.data?.publishVersion ?? null).toBeNull();
      expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_ALREADY_PUBLISHED' });
      const old = await api.query<Published>(PUBLISH, { v: 1 });
      expect(old.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_ALREADY_PUBLISHED' });
    } finally {
      await api.close();
    }
  });

  it('counts a proposal submitted through the API in the funnel of the draft version it belongs to, once published', async () => {
    const api = await startTestApi();
    try {
      const funnel = async () =>
        (await api.query<{ proposalFunnel: { totalProposals: number } }>('{ proposalFunnel(versionId: 3, regionCode: "32.01") { totalProposals } }'))
          .body;
      const submitted = await api.query<{ submitProposal: { id: number; submittedVersionId: number } }>(
        'mutation { submitProposal(input: { kind: DESIL_UPDATE, path: PARTICIPATORY, familyId: 1 }) { id submittedVersionId } }',
      );
      expect(submitted.body.errors).toBeUndefined();
      expect(submitted.body.data?.submitProposal.submittedVersionId).toBe(3);
      expect((await api.query<Published>(PUBLISH, { v: 3 })).body.errors).toBeUndefined();
      const after = await funnel();
      expect(after.errors).toBeUndefined();
      expect(after.data?.proposalFunnel.totalProposals).toBe(
        await api.prisma.proposal.count({ where: { submittedVersionId: 3, regencyCode: '32.01' } }),
      );
      expect(after.data?.proposalFunnel.totalProposals).toBeGreaterThanOrEqual(1);
    } finally {
      await api.close();
    }
  });

  it('refuses a version whose predecessor is a draft (CONFLICT), an unknown one (NOT_FOUND) and a bad id', async () => {
    const api = await startTestApi({ publish: false });
    try {
      const rollupRows = await api.prisma.desilRollup.count({ where: { versionId: 2 } });
      const outOfOrder = await api.query<Published>(PUBLISH, { v: 2 });
      expect(outOfOrder.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_OUT_OF_ORDER' });
      const version2 = await api.prisma.dtsenVersion.findUniqueOrThrow({ where: { id: 2 } });
      expect(version2).toMatchObject({ status: 'DRAFT', publishedAt: null });
      expect(await api.prisma.desilRollup.count({ where: { versionId: 2 } })).toBe(rollupRows);
      expect((await api.query<Published>(PUBLISH, { v: 99 })).body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect((await api.query<Published>(PUBLISH, { v: 0 })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'versionId' });
      // In order, it works.
      expect((await api.query<Published>(PUBLISH, { v: 1 })).body.data?.publishVersion?.status).toBe('PUBLISHED');
      expect((await api.query<Published>(PUBLISH, { v: 2 })).body.data?.publishVersion?.status).toBe('PUBLISHED');
    } finally {
      await api.close();
    }
  });

  it('is NOT_SUPPORTED without a database to publish into', async () => {
    const service = new PublishingService(null, new VersionService({} as never));
    await expect(service.publish(3)).rejects.toMatchObject({ extensions: { code: 'NOT_SUPPORTED' } });
  });

  it('publishes in its own process: the server keeps answering while it runs, and a second publication is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dtsen-publish-worker-'));
    const file = join(dir, 'w.db');
    await generateDataset({ scale: 0.0005, versions: 2, seed: 5, file, progress: null, publish: false });
    const atlas = await createApp({ port: 0, database: parseDatabaseUrl(`file:${file}`), dashboardDist: join(dir, 'none') }, { production: true });
    const server: Server = await new Promise((resolve) => {
      const s = atlas.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const auth = new AuthService(atlas.prisma);
    await auth.createUser({ username: 'admin', displayName: 'Admin', role: 'ADMIN', regionCode: null });
    const { token } = await auth.issueToken('admin', 'test');
    // Publishing needs PUBLISH (ADMIN); health is public, so it is asked without a token.
    const gql = async (query: string, signedIn = true) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(signedIn ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        })
      ).json()) as {
        data?: Record<string, unknown> | null; errors?: { extensions: { code: string; reason?: string } }[];
      };
    try {
      let done = false;
      const publishing = gql('mutation { publishVersion(versionId: 1) { id status } }').finally(() => {
        done = true;
      });
      // While version 1 is being published, health answers promptly and a second publication is refused.
      const answeredDuring: number[] = [];
      let refused: { extensions: { code: string; reason?: string } } | undefined;
      while (!done) {
        const started = performance.now();
        const health = await gql('{ health { status } }', false);
        if (!done) answeredDuring.push(performance.now() - started);
        expect(health.data).toEqual({ health: { status: 'ok' } });
        if (!refused && !done) refused = (await gql('mutation { publishVersion(versionId: 2) { id } }')).errors?.[0];
        await new Promise((r) => setTimeout(r, 20));
      }
      const published = await publishing;
      expect(published.errors).toBeUndefined();
      expect(published.data).toEqual({ publishVersion: { id: 1, status: 'PUBLISHED' } });
      expect(answeredDuring.length, 'health requests answered while publishing').toBeGreaterThan(3);
      if (refused) expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PUBLISH_IN_PROGRESS' });
      expect(refused, 'a concurrent publication was attempted').toBeDefined();
      // Then version 2 publishes normally.
      expect((await gql('mutation { publishVersion(versionId: 2) { id status } }')).data).toEqual({ publishVersion: { id: 2, status: 'PUBLISHED' } });
    } finally {
      server.closeAllConnections();
      server.close();
      await atlas.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
