/**
 * Positions of key ids in a short list (an article's keys, a centroid being summed), in a small open-addressing
 * table. It stays in the processor's nearest cache, where an array indexed by key id (hundreds of thousands of
 * them) would miss it on nearly every access.
 */
export class KeyPositions {
  private ids = new Int32Array(256);
  private positions = new Int32Array(256);
  /** slots in use: a power of two up to the arrays' length */
  private mask = 255;
  private shift = 24;

  /** Empty the table, sized for up to `count` ids. */
  reset(count: number): void {
    let size = 256;
    while (size < count * 2) size *= 2;
    // the arrays only grow: a join and a new story alternate between two sizes, and each new pair cost an allocation
    if (this.ids.length < size) {
      this.ids = new Int32Array(size);
      this.positions = new Int32Array(size);
    }
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.ids.fill(-1, 0, size);
  }

  /** The position of `id`, or -1. */
  get(id: number): number {
    const { ids, mask } = this;
    for (let slot = Math.imul(id, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const found = ids[slot]!;
      if (found === id) return this.positions[slot]!;
      if (found === -1) return -1;
    }
  }

  /** Record `id` at `position` unless it is there already; its position (the first one given). */
  add(id: number, position: number): number {
    const { ids, mask } = this;
    for (let slot = Math.imul(id, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const found = ids[slot]!;
      if (found === id) return this.positions[slot]!;
      if (found === -1) {
        ids[slot] = id;
        this.positions[slot] = position;
        return position;
      }
    }
  }
}
