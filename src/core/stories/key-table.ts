/**
 * Feature keys as small integers. Story clustering looks every key of every article up several times (its document
 * frequency, each candidate story's weight for it, the story it joins); an id turns each of those into an array
 * index instead of a string hash, and centroids into two flat arrays. A key is a term ("flood"), a name word with
 * its prefix ("n:kessler") or a quote fingerprint ("q:" and the hash in base 36); names and quotes are looked up
 * by the word and the number themselves, without building the prefixed string each time.
 */
export class KeyTable {
  private readonly terms = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly quotes = new Map<number, number>();
  /** each id's key, as written (prefixed) */
  private readonly keys: string[] = [];

  /** The id of a key as written ("flood", "n:kessler", "q:1x9"), given one if it has none. */
  id(key: string): number {
    if (key.startsWith('n:')) return this.nameId(key.slice(2));
    if (key.startsWith('q:')) return this.quoteId(Number.parseInt(key.slice(2), 36));
    return this.termId(key);
  }

  termId(term: string): number {
    return this.terms.get(term) ?? this.add(this.terms, term, term);
  }

  nameId(name: string): number {
    return this.names.get(name) ?? this.add(this.names, name, `n:${name}`);
  }

  quoteId(hash: number): number {
    return this.quotes.get(hash) ?? this.add(this.quotes, hash, `q:${hash.toString(36)}`);
  }

  /** The key's id if it has one. */
  find(key: string): number | undefined {
    if (key.startsWith('n:')) return this.names.get(key.slice(2));
    if (key.startsWith('q:')) return this.quotes.get(Number.parseInt(key.slice(2), 36));
    return this.terms.get(key);
  }

  /** The key of an id, as written. */
  name(id: number): string {
    const key = this.keys[id];
    if (key === undefined) throw new Error(`no feature key has id ${id}`);
    return key;
  }

  /** Ids given so far: every id is below this. */
  get size(): number {
    return this.keys.length;
  }

  private add<K>(map: Map<K, number>, lookup: K, key: string): number {
    const id = this.keys.length;
    this.keys.push(key);
    map.set(lookup, id);
    return id;
  }
}

/** `array`, or a copy at least `length` long (the new tail filled with `fill`) when it is shorter. */
export function grownInt32(array: Int32Array<ArrayBuffer>, length: number, fill = 0): Int32Array<ArrayBuffer> {
  if (array.length >= length) return array;
  const grown = new Int32Array(Math.max(length, array.length * 2, 1024));
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}

/** As {@link grownInt32}, for weights. */
export function grownFloat64(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (array.length >= length) return array;
  const grown = new Float64Array(Math.max(length, array.length * 2, 1024));
  grown.set(array);
  return grown;
}
