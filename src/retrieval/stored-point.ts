/** Vectors as the rankers keep them in JS for scoring: sparse when that is smaller, and their cosine. */

/**
 * A stored vector: `index` lists its non-zero coordinates in ascending order (sparse), or is absent when `values`
 * holds every coordinate (dense). The values are hnswlib's own float32 numbers, so nothing is rounded differently.
 */
export interface StoredPoint {
  index?: Uint16Array | Uint32Array;
  values: Float32Array;
  /** Σy², summed in coordinate order. */
  normSquared: number;
}

/**
 * Sparse (2-byte or 4-byte index + 4-byte value per non-zero) while that is smaller than dense (4 bytes per
 * coordinate): hashed features have about a hundred non-zeros of 1,536; a real model's vectors are dense.
 */
export function storedPoint(point: ArrayLike<number>): StoredPoint {
  const length = point.length;
  let nonZero = 0;
  let normSquared = 0;
  for (let i = 0; i < length; i++) {
    const y = point[i]!;
    if (y !== 0) nonZero++;
    normSquared += y * y;
  }
  const indexBytes = length <= 0x10000 ? 2 : 4;
  if (nonZero * (indexBytes + 4) >= length * 4) return { values: Float32Array.from(point), normSquared };
  const index = indexBytes === 2 ? new Uint16Array(nonZero) : new Uint32Array(nonZero);
  const values = new Float32Array(nonZero);
  for (let i = 0, j = 0; i < length; i++) {
    const y = point[i]!;
    if (y === 0) continue;
    index[j] = i;
    values[j++] = y;
  }
  return { index, values, normSquared };
}

export function samePoint(a: StoredPoint, b: StoredPoint): boolean {
  if (!Object.is(a.normSquared, b.normSquared) || a.values.length !== b.values.length || !a.index !== !b.index) return false;
  return a.values.every((v, i) => Object.is(v, b.values[i])) && (!a.index || a.index.every((v, i) => v === b.index?.[i]));
}

/**
 * cos(x, y) = Σxy / √(Σx² · Σy²) with Σx² given. The dot product adds the same terms in the same order as a dense
 * loop; the terms it skips are exact zeros, which leave a sum unchanged.
 */
export function cosine(vector: readonly number[], normSquared: number, point: StoredPoint): number {
  const { index, values } = point;
  let dot = 0;
  if (index) {
    for (let j = 0; j < index.length; j++) dot += (vector[index[j]!] ?? 0) * values[j]!;
  } else {
    for (let i = 0; i < values.length; i++) dot += (vector[i] ?? 0) * values[i]!;
  }
  const b = point.normSquared;
  return normSquared > 0 && b > 0 ? dot / Math.sqrt(normSquared * b) : 0;
}

/**
 * Many points in four flat arrays, for another thread: cloning thousands of small typed arrays one by one cost tens
 * of milliseconds on the main thread; four large ones are copied at memory speed. Point i's coordinates are
 * index/values[starts[i] .. starts[i+1]); a dense point has no index entries (`dense[i]` = 1).
 */
export interface PackedPoints {
  starts: Int32Array;
  index: Uint32Array;
  values: Float32Array;
  normSquared: Float64Array;
  dense: Uint8Array;
}

export function packPoints(points: readonly StoredPoint[]): PackedPoints {
  const starts = new Int32Array(points.length + 1);
  points.forEach((p, i) => (starts[i + 1] = starts[i]! + p.values.length));
  const total = starts[points.length]!;
  const index = new Uint32Array(total);
  const values = new Float32Array(total);
  const normSquared = new Float64Array(points.length);
  const dense = new Uint8Array(points.length);
  points.forEach((p, i) => {
    values.set(p.values, starts[i]);
    if (p.index) index.set(p.index, starts[i]);
    else dense[i] = 1;
    normSquared[i] = p.normSquared;
  });
  return { starts, index, values, normSquared, dense };
}

/** The points back, as views into the packed arrays (nothing copied); indexes as 2-byte numbers when they fit. */
export function unpackPoints(packed: PackedPoints): StoredPoint[] {
  const { starts, values, normSquared, dense } = packed;
  const small = packed.index.every((d) => d <= 0xffff);
  const index = small ? Uint16Array.from(packed.index) : packed.index;
  return Array.from(normSquared, (norm, i) => {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    const point: StoredPoint = { values: values.subarray(from, to), normSquared: norm };
    if (!dense[i]) point.index = index.subarray(from, to);
    return point;
  });
}
