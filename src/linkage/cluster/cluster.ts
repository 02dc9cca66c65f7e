import type { Predictions, Threshold } from '../predict/predict.js';
import { thresholdWeight } from '../predict/predict.js';

/**
 * Options for {@link clusterPredictions}.
 *
 * @example
 * ```ts
 * import type { ClusterOptions } from 'threadline';
 *
 * const careful: ClusterOptions = { threshold: { probability: 0.9 }, bridges: 'refuse' };
 * console.log(careful.bridges);
 * ```
 */
export interface ClusterOptions {
  /** Links at or above this join clusters (default: probability 0.5). */
  readonly threshold?: Threshold;
  /**
   * `allow` (default): connected components, so a chain of links joins everything on it.
   * `refuse`: one weak link cannot join two groups of two or more records; it takes a link at
   * or above `strongThreshold`, or `minBridgeLinks` separate links between the groups.
   */
  readonly bridges?: 'allow' | 'refuse';
  /** With `refuse`: a link this strong joins groups on its own (default: probability 0.99). */
  readonly strongThreshold?: Threshold;
  /** With `refuse`: how many links must join two groups when none is strong (default 2). */
  readonly minBridgeLinks?: number;
}

/**
 * Clusters of records: the cluster of each record (by the index of its first record, so ids
 * are stable for the same input), and what clustering refused.
 *
 * @example
 * ```ts
 * import type { Clusters } from 'threadline';
 *
 * const sizes = (c: Clusters) => c.members.map((m) => m.length);
 * console.log(typeof sizes);
 * ```
 */
export interface Clusters {
  /** For each record, the index of its cluster's representative (its lowest record index). */
  readonly clusterOf: Uint32Array;
  /** The records of each cluster, by cluster, lowest index first. */
  readonly members: readonly (readonly number[])[];
  /** Links above the threshold that were not allowed to join two groups. */
  readonly refusedBridges: number;
}

class DisjointSets {
  readonly parent: Uint32Array;
  readonly size: Uint32Array;
  constructor(n: number) {
    this.parent = new Uint32Array(n);
    this.size = new Uint32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = x;
    while (this.parent[node] !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    // The lower index stays the root, so representatives do not depend on link order.
    if (rb < ra) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] ?? 0) + (this.size[rb] ?? 0);
    return ra;
  }
}

/**
 * Groups records into clusters from scored pairs. Deterministic: links are taken strongest
 * first, ties by record index.
 *
 * @example
 * ```ts
 * import { clusterPredictions, compileModel, predict, prepareRecords } from 'threadline';
 *
 * const model = compileModel({ prior: 0.1, comparisons: [{ name: 'x', field: 'x', levels: [{ kind: 'exact', m: 0.9, u: 0.01 }, { kind: 'else', m: 0.1, u: 0.99 }] }], blocking: [{ keys: [{ field: 'x' }] }] });
 * const data = prepareRecords(model, [{ x: '1' }, { x: '1' }, { x: '2' }]);
 * console.log(clusterPredictions(predict(data)).members); // [ [ 0, 1 ], [ 2 ] ]
 * ```
 */
export function clusterPredictions(
  predictions: Predictions,
  options: ClusterOptions = {},
): Clusters {
  const n = predictions.data.size;
  const cut = thresholdWeight(options.threshold ?? { probability: 0.5 });
  const strong = thresholdWeight(options.strongThreshold ?? { probability: 0.99 });
  const refuse = options.bridges === 'refuse';
  const minLinks = Math.max(1, options.minBridgeLinks ?? 2);
  const order: number[] = [];
  for (let k = 0; k < predictions.weights.length; k++)
    if ((predictions.weights[k] as number) >= cut) order.push(k);
  order.sort(
    (x, y) =>
      (predictions.weights[y] as number) - (predictions.weights[x] as number) ||
      (predictions.left[x] as number) - (predictions.left[y] as number) ||
      (predictions.right[x] as number) - (predictions.right[y] as number),
  );
  const sets = new DisjointSets(n);
  const pending = new Map<string, number>();
  let refused = 0;
  for (const k of order) {
    const a = predictions.left[k] as number;
    const b = predictions.right[k] as number;
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) continue;
    const groups = (sets.size[ra] ?? 1) >= 2 && (sets.size[rb] ?? 1) >= 2;
    if (refuse && groups && (predictions.weights[k] as number) < strong) {
      const key = ra < rb ? `${ra}:${rb}` : `${rb}:${ra}`;
      const links = (pending.get(key) ?? 0) + 1;
      if (links < minLinks) {
        pending.set(key, links);
        refused++;
        continue;
      }
      pending.delete(key);
      refused -= links - 1;
    }
    sets.union(ra, rb);
  }
  const clusterOf = new Uint32Array(n);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    clusterOf[i] = root;
    const list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, [i]);
    else list.push(i);
  }
  const members = [...byRoot.values()].sort((x, y) => (x[0] as number) - (y[0] as number));
  return { clusterOf, members, refusedBridges: refused };
}
