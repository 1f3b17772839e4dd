import { describe, expect, it } from 'vitest';
import type { AtlasPrisma } from '../../db/prisma.js';
import { NotSupportedError } from '../../graphql/errors.js';
import type { RegionService } from '../region/region.service.js';
import type { VersionService } from '../version/version.service.js';
import { TrendsService } from './trends.service.js';

// Without a SQLite handle (PostgreSQL), the analyses computed by the SQLite-only targeting services are NOT_SUPPORTED,
// after the arguments were validated.
describe('TrendsService without SQLite', () => {
  const version = (id: number) => ({ id, label: `2025-Q${id + 1}`, status: 'PUBLISHED' as const, publishedAt: null });
  const regions = { requireRegion: async (code: string) => ({ code, name: code, level: 'NATION' as const, parentCode: null }) } as unknown as RegionService;
  const versions = {
    listVersions: async () => [version(1), version(2)],
    resolveVersion: async () => version(2),
  } as unknown as VersionService;
  const service = new TrendsService({} as AtlasPrisma, regions, versions, null);

  it('refuses desilTransitions and pbiReactivation with NotSupportedError', async () => {
    await expect(service.desilTransitions({ fromVersionId: 1, toVersionId: 2 })).rejects.toBeInstanceOf(NotSupportedError);
    await expect(service.pbiReactivation({})).rejects.toBeInstanceOf(NotSupportedError);
  });

  it('still validates the version order first', async () => {
    await expect(service.desilTransitions({ fromVersionId: 2, toVersionId: 1 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
