/**
 * National welfare ranking: PMT score -> national rank -> desil 1-10 such that each desil holds (as nearly as
 * whole families allow) 10 % of individuals. Pure: plain arrays in, plain arrays out.
 *
 * Ties are broken stably by input position, so the same scores always give the same ranks.
 */
export interface RankingResult {
  /** 1-based national rank per input position (1 = lowest score = poorest); 0 where `members` is 0 (absent). */
  rank: Uint32Array;
  /** Desil 1-10 per input position; 0 where absent. */
  desil: Uint8Array;
}

/** Largest index count the packed sort key supports (2^26 families per ranking). */
const INDEX_BITS = 26;

/**
 * @param scores PMT score per family (any finite number; higher = better off)
 * @param members number of individuals per family in this version (0 = not ranked in this version)
 */
export function rankDesil(scores: ArrayLike<number>, members: ArrayLike<number>): RankingResult {
  const n = scores.length;
  if (members.length !== n) throw new Error('scores and members must have the same length');
  if (n >= 2 ** INDEX_BITS) throw new Error(`ranking supports at most ${2 ** INDEX_BITS - 1} families`);
  let min = Infinity;
  let max = -Infinity;
  let present = 0;
  let totalMembers = 0;
  for (let i = 0; i < n; i++) {
    if (members[i]! <= 0) continue;
    const s = scores[i]!;
    if (!Number.isFinite(s)) throw new Error(`score at ${i} is not finite`);
    if (s < min) min = s;
    if (s > max) max = s;
    present++;
    totalMembers += members[i]!;
  }
  const rank = new Uint32Array(n);
  const desil = new Uint8Array(n);
  if (present === 0) return { rank, desil };
  // Pack (quantised score, index) into one float64 so the native numeric sort orders by score, then index.
  const levels = 2 ** (52 - INDEX_BITS);
  const span = max - min || 1;
  const keys = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (members[i]! <= 0) continue;
    const q = Math.min(levels - 1, Math.floor(((scores[i]! - min) / span) * (levels - 1)));
    keys[k++] = q * 2 ** INDEX_BITS + i;
  }
  keys.sort();
  // Scores closer than one quantisation step share a key prefix: order those runs exactly (they are rare).
  const order = new Uint32Array(present);
  for (let r = 0; r < present; r++) order[r] = keys[r]! % 2 ** INDEX_BITS;
  for (let start = 0; start < present; ) {
    const q = Math.floor(keys[start]! / 2 ** INDEX_BITS);
    let end = start + 1;
    while (end < present && Math.floor(keys[end]! / 2 ** INDEX_BITS) === q) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => scores[a]! - scores[b]! || a - b);
      order.set(run, start);
    }
    start = end;
  }
  let cumulative = 0;
  for (let r = 0; r < present; r++) {
    const i = order[r]!;
    const m = members[i]!;
    rank[i] = r + 1;
    // A family belongs to the desil that holds the midpoint of its members in the cumulative distribution.
    const mid = cumulative + m / 2;
    desil[i] = Math.min(10, Math.floor((mid / totalMembers) * 10) + 1);
    cumulative += m;
  }
  return { rank, desil };
}
