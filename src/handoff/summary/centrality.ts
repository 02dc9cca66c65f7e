// TextRank centrality over sentence similarity, with edges only between sentences at most
// `window` positions apart, so that the graph work grows linearly with the dialog.

/** A sentence as a sorted array of distinct token ids. */
export type TokenSet = readonly number[];

/** The number of ids two sorted sets share. */
export function overlap(a: TokenSet, b: TokenSet): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Cosine similarity of two sets seen as binary vectors, in [0, 1]. */
export function cosine(a: TokenSet, b: TokenSet): number {
  if (a.length === 0 || b.length === 0) return 0;
  return overlap(a, b) / Math.sqrt(a.length * b.length);
}

const DAMPING = 0.85;
const ITERATIONS = 20;

/**
 * PageRank scores over the windowed similarity graph, scaled so the most central sentence
 * scores 1 (all zeros when no two sentences share a word).
 */
export function textRank(sets: readonly TokenSet[], window: number): Float64Array {
  const n = sets.length;
  const capacity = n * Math.max(0, window);
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  const weight = new Float64Array(capacity);
  const strength = new Float64Array(n);
  // stamp[id] === i + 1 marks the ids of sentence i, so that each pair costs one pass over the
  // neighbour's ids instead of a merge.
  let maxId = -1;
  let tokens = 0;
  for (const set of sets) {
    tokens += set.length;
    for (const id of set) if (id > maxId) maxId = id;
  }
  // A lexicon shared across builds (a handoff cache) numbers every word it has ever seen, so a
  // dialog's ids can be few and far apart: then they are numbered afresh for this dialog rather
  // than marked in a table as long as the whole vocabulary. Only membership is marked, so the
  // graph is the same either way.
  const sparse = maxId >= 4 * tokens + 1024;
  const local = sparse ? renumbered(sets) : sets;
  const stamp = new Int32Array(sparse ? tokens : maxId + 1);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const a = local[i] as TokenSet;
    if (a.length === 0) continue;
    for (const id of a) stamp[id] = i + 1;
    const normA = Math.sqrt(a.length);
    for (let j = i + 1; j < n && j - i <= window; j++) {
      const b = local[j] as TokenSet;
      let shared = 0;
      for (const id of b) if (stamp[id] === i + 1) shared++;
      if (shared === 0) continue;
      const w = shared / (normA * Math.sqrt(b.length));
      from[edges] = i;
      to[edges] = j;
      weight[edges] = w;
      edges++;
      strength[i] = (strength[i] as number) + w;
      strength[j] = (strength[j] as number) + w;
    }
  }
  const rank = new Float64Array(n);
  if (edges === 0) return rank;
  rank.fill(1);
  const next = new Float64Array(n);
  // Each edge's share of its endpoints' rank, computed once.
  const forward = new Float64Array(edges);
  const backward = new Float64Array(edges);
  for (let e = 0; e < edges; e++) {
    const w = weight[e] as number;
    forward[e] = (DAMPING * w) / (strength[from[e] as number] as number);
    backward[e] = (DAMPING * w) / (strength[to[e] as number] as number);
  }
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    next.fill(1 - DAMPING);
    for (let e = 0; e < edges; e++) {
      const i = from[e] as number;
      const j = to[e] as number;
      next[j] = (next[j] as number) + (forward[e] as number) * (rank[i] as number);
      next[i] = (next[i] as number) + (backward[e] as number) * (rank[j] as number);
    }
    rank.set(next);
  }
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, rank[i] as number);
  for (let i = 0; i < n; i++) rank[i] = (rank[i] as number) / max;
  return rank;
}

/** The sets with their ids replaced by 0, 1, 2, … in order of first appearance (no longer sorted). */
function renumbered(sets: readonly TokenSet[]): readonly (readonly number[])[] {
  const ids = new Map<number, number>();
  return sets.map((set) =>
    set.map((id) => {
      let k = ids.get(id);
      if (k === undefined) {
        k = ids.size;
        ids.set(id, k);
      }
      return k;
    }),
  );
}
