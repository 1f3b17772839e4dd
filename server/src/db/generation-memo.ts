/**
 * Reference data remembered per database generation: the DTSEN versions and the region tree are read by nearly
 * every request (which version is the latest, the region asked for, its children), change only when a version is
 * published or reference data is loaded, and are tiny next to the rollups. Keeping them in memory takes two of the
 * three statements of a rollup read off every request.
 *
 * The generation is the response cache's (`app.ts`: SQLite's `PRAGMA data_version` of the server's direct
 * connection, which moves whenever another connection or process commits; PostgreSQL's `atlas_generation`
 * notifications, which triggers on `region` and `dtsen_version` send on every commit, `db/pg-generation.ts`; with
 * read replicas, the generation the replicas have replayed). A new generation forgets everything. While the
 * generation is unknown (no listening connection on PostgreSQL) nothing is remembered and every read goes to the
 * database, as before.
 *
 * A value read while the generation moved is not kept: {@link GenerationMemo.remember} compares the generation seen
 * before the read with the one after it, so a read that overlapped a publication can never outlive it.
 */

/** The current database generation, or null when it is unknown. */
export type GenerationSource = () => string | null;

export class GenerationMemo<K, V> {
  private entries = new Map<K, V>();
  private seen: string | null = null;

  constructor(
    private readonly generation: GenerationSource,
    /** Most entries kept; past it the memo starts again empty (the region tree has ~91,700 regions). */
    private readonly maxEntries = 250_000,
  ) {}

  /** The generation now, forgetting everything when it moved; null when unknown. */
  private sync(): string | null {
    const now = this.generation();
    if (now !== this.seen) {
      this.entries.clear();
      this.seen = now;
    }
    return now;
  }

  /** The remembered value of `key`, or undefined (never remembered in this generation, or generation unknown). */
  get(key: K): V | undefined {
    return this.sync() === null ? undefined : this.entries.get(key);
  }

  /**
   * The values of `keys`, those not remembered read with one call of `load` (given the missing keys, in order,
   * without repeats; it returns their values in the same order) and remembered if the generation held still.
   */
  async getMany(keys: readonly K[], load: (missing: K[]) => Promise<V[]>): Promise<V[]> {
    const before = this.sync();
    if (before === null) return load([...keys]);
    const found = new Map<K, V>();
    for (const key of keys) if (this.entries.has(key)) found.set(key, this.entries.get(key)!);
    const missing = [...new Set(keys.filter((key) => !found.has(key)))];
    if (missing.length > 0) {
      const values = await load(missing);
      missing.forEach((key, i) => found.set(key, values[i]!));
      // Kept only if the generation held still during the read; otherwise answered from what was read.
      if (this.sync() === before) {
        if (this.entries.size + missing.length > this.maxEntries) this.entries.clear();
        missing.forEach((key, i) => this.entries.set(key, values[i]!));
      }
    }
    return keys.map((key) => found.get(key)!);
  }

  /** Forgets everything now (as a new generation would). */
  clear(): void {
    this.entries.clear();
  }

  /** The value of one key, read with `load` unless remembered. */
  async getOne(key: K, load: () => Promise<V>): Promise<V> {
    const [value] = await this.getMany([key], async () => [await load()]);
    return value!;
  }
}
