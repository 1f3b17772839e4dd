import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';

interface VersionData {
  id: number;
  label: string;
  status: 'DRAFT' | 'PUBLISHED';
  publishedAt: string | null;
}

describe('versions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists every version ordered by id, with ISO publication dates', async () => {
    const { body } = await api.query<{ versions: VersionData[] }>('{ versions { id label status publishedAt } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.versions).toEqual([
      { id: 1, label: '2025-Q2', status: 'PUBLISHED', publishedAt: '2025-05-15T00:00:00.000Z' },
      { id: 2, label: '2025-Q3', status: 'PUBLISHED', publishedAt: '2025-08-15T00:00:00.000Z' },
      { id: 3, label: '2025-Q4', status: 'DRAFT', publishedAt: null },
    ]);
  });

  it('latestVersion is the latest PUBLISHED version, not the latest draft', async () => {
    const { body } = await api.query<{ latestVersion: VersionData | null }>('{ latestVersion { id label status } }');
    expect(body.data?.latestVersion).toEqual({ id: 2, label: '2025-Q3', status: 'PUBLISHED' });
  });

  it('latestVersion is null when nothing is published', async () => {
    // A published version cannot go back to draft (database triggers), so this runs on a database of drafts.
    const drafts = await startTestApi({ publish: false });
    try {
      const { body } = await drafts.query<{ latestVersion: VersionData | null }>('{ latestVersion { id } }');
      expect(body.errors).toBeUndefined();
      expect(body.data?.latestVersion).toBeNull();
    } finally {
      await drafts.close();
    }
  });
});
