/**
 * Strings, each with a value, indexed by their first characters, so that the strings standing at a
 * position of a text are found without trying every one there: a pass over a text costs its length
 * times the few strings that share a start. The lexicon matcher finds unspaced phrases with it, the
 * stakes anchor its unspaced runs.
 */
export class StartIndex<T> {
  private readonly byKey = new Map<string, { text: string; value: T }[]>();

  /** `keyLength`: how many first characters a string is indexed by (a shorter string by all of its own). */
  constructor(
    entries: Iterable<readonly [text: string, value: T]>,
    private readonly keyLength = 2,
  ) {
    for (const [text, value] of entries) {
      if (text.length === 0) continue;
      const key = text.slice(0, keyLength);
      const list = this.byKey.get(key);
      if (list) list.push({ text, value });
      else this.byKey.set(key, [{ text, value }]);
    }
  }

  /** Whether the index holds no string. */
  get empty(): boolean {
    return this.byKey.size === 0;
  }

  /**
   * Calls `visit` with the value of each string that stands in `text` at `start`, shorter keys first,
   * then in the order the strings were given.
   */
  forEachAt(text: string, start: number, visit: (value: T, text: string) => void): void {
    for (let length = 1; length <= this.keyLength && start + length <= text.length; length++) {
      for (const entry of this.byKey.get(text.slice(start, start + length)) ?? []) {
        if (text.startsWith(entry.text, start)) visit(entry.value, entry.text);
      }
    }
  }
}
