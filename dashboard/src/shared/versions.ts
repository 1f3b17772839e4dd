// The version a view shows and the one before it, resolved from the `versions` list: the URL's version
// when it names a published one, else the latest published. Pure, so the rule is tested, not scattered.

export interface VersionLike {
  id: number;
  label: string;
  status: string;
  publishedAt?: string | null;
}

export interface ResolvedVersions<V extends VersionLike> {
  /** Published versions, oldest first. */
  published: V[];
  current: V | null;
  /** The published version before `current`, for "change since the previous version". */
  previous: V | null;
  latest: V | null;
}

export function resolveVersions<V extends VersionLike>(versions: readonly V[], selectedId: number | null): ResolvedVersions<V> {
  const published = versions.filter((version) => version.status === 'PUBLISHED').sort((a, b) => a.id - b.id);
  const latest = published.at(-1) ?? null;
  const index = selectedId === null ? published.length - 1 : published.findIndex((version) => version.id === selectedId);
  const currentIndex = index >= 0 ? index : published.length - 1;
  return {
    published,
    current: published[currentIndex] ?? null,
    previous: currentIndex > 0 ? (published[currentIndex - 1] ?? null) : null,
    latest,
  };
}
