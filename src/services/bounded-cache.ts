/**
 * A map that keeps its most recently used entries within a total weight (a count, characters,
 * revisions...), dropping the least recently used first. The entry just set is always kept.
 * Values must not change weight while stored.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  #weight = 0;

  constructor(private readonly maxWeight: number, private readonly weigh: (key: K, value: V) => number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Most recently used last: a Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.#entries.set(key, value);
    this.#weight += this.weigh(key, value);
    for (const [oldKey, oldValue] of this.#entries) {
      if (this.#weight <= this.maxWeight || oldKey === key) break;
      this.#entries.delete(oldKey);
      this.#weight -= this.weigh(oldKey, oldValue);
    }
  }

  delete(key: K): void {
    const value = this.#entries.get(key);
    if (value === undefined) return;
    this.#entries.delete(key);
    this.#weight -= this.weigh(key, value);
  }
}
