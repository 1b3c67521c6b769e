import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * Reads every stored vector out of an hnswlib index file (`hnswlib.index`, as HierarchicalNSW::saveIndex writes it),
 * in label order. hnswlib-node's `getPoint` builds a JS array one element at a time through N-API (about 0.4 ms per
 * 1,536-dimension vector), so copying 3,000 vectors out that way takes over a second; reading the file takes a few
 * milliseconds. The values are the index's own float32 numbers (normalised by hnswlib for the cosine space).
 *
 * Layout (hnswlib 0.8, little-endian): a 96-byte header — offsetLevel0, max_elements, cur_element_count,
 * size_data_per_element, label_offset, offsetData (size_t each), maxlevel, enterpoint_node (int32 each), maxM, maxM0,
 * M (size_t), mult (double), ef_construction (size_t) — then cur_element_count records of size_data_per_element
 * bytes: the level-0 links, the vector at offsetData (dims × float32), the label at label_offset (size_t).
 *
 * Returns undefined when the file does not look like that (another hnswlib version): the caller then falls back to
 * `getPoint`. `visit` is called once per element with its label and a view of its coordinates, valid only during
 * the call (records are read in blocks to bound memory on large indexes).
 */
export function readHnswPoints(
  file: string,
  dims: number,
  count: number,
  visit: (label: number, coordinates: Float32Array) => void,
): boolean {
  const HEADER = 96;
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(HEADER);
    if (readSync(fd, header, 0, HEADER, 0) !== HEADER) return false;
    const elements = Number(header.readBigUInt64LE(16));
    const perElement = Number(header.readBigUInt64LE(24));
    const labelOffset = Number(header.readBigUInt64LE(32));
    const dataOffset = Number(header.readBigUInt64LE(40));
    if (elements !== count || labelOffset - dataOffset !== dims * 4 || labelOffset + 8 > perElement) return false;
    if (HEADER + elements * perElement > size) return false;
    const perBlock = Math.max(1, Math.floor((4 << 20) / perElement));
    // Buffer.alloc never hands out a slice of the shared pool, so byteOffset is 0 and the float32 views are aligned
    // (records and offsets are multiples of 4 bytes). Little-endian hosts only, like the file itself.
    const block = Buffer.alloc(perBlock * perElement);
    if (block.byteOffset % 4 !== 0 || (dataOffset % 4) + (perElement % 4) !== 0 || new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return false;
    for (let first = 0; first < elements; first += perBlock) {
      const n = Math.min(perBlock, elements - first);
      const bytes = n * perElement;
      if (readSync(fd, block, 0, bytes, HEADER + first * perElement) !== bytes) return false;
      for (let e = 0; e < n; e++) {
        const base = e * perElement;
        const label = Number(block.readBigUInt64LE(base + labelOffset));
        if (label >= count) return false;
        visit(label, new Float32Array(block.buffer, block.byteOffset + base + dataOffset, dims));
      }
    }
    return true;
  } finally {
    closeSync(fd);
  }
}
