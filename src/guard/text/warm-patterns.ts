/**
 * Subjects of both string representations V8 compiles a regular expression for (one byte per
 * character, and two), each over 1,000 characters so that V8 compiles native code at once instead
 * of interpreting the first run.
 */
const oneByteSubject = 'warm up the guard '.repeat(64);
const twoByteSubject = 'warm up the guard \u{1F642} '.repeat(56);

const warmedOneByte = new WeakSet<RegExp>();
const warmedTwoByte = new WeakSet<RegExp>();

/** Which string representations a pattern will meet: both, or only one-byte text (`oneByteView`). */
export type WarmRepresentations = 'both' | 'one-byte';

/** One `test` of `text` by `pattern` from its start, whatever its flags, leaving `lastIndex` as it was. */
export function testFromStart(pattern: RegExp, text: string): boolean {
  const { lastIndex } = pattern;
  try {
    pattern.lastIndex = 0;
    return pattern.test(text);
  } finally {
    pattern.lastIndex = lastIndex;
  }
}

/**
 * Compiles `patterns` now, for both string representations (or, for patterns only ever given
 * `oneByteView` text, the one-byte one), largest first; what is already compiled is skipped. V8
 * compiles a regular expression on its first run per representation, and once a process has
 * generated about 1 MB of regexp code (and holds 16 MB of executable memory) it compiles without
 * optimizations: the guard's large alternations would then take 10 ms and more on a long message
 * instead of 0.1 ms. Compiled while the process is young, at guard creation, they keep their
 * optimized code; compiled lazily, a representation first met late (the first message with an
 * emoji, hours in) would not. `lastIndex` is left as it was; a pattern that throws is passed over.
 */
export function warmPatterns(patterns: Iterable<RegExp>, representations: WarmRepresentations = 'both'): void {
  const twoByte = representations === 'both';
  const fresh = [...new Set(patterns)].filter(
    (pattern) => !warmedOneByte.has(pattern) || (twoByte && !warmedTwoByte.has(pattern)),
  );
  fresh.sort((a, b) => b.source.length - a.source.length);
  for (const pattern of fresh) {
    try {
      if (!warmedOneByte.has(pattern)) {
        warmedOneByte.add(pattern);
        testFromStart(pattern, oneByteSubject);
      }
      if (twoByte && !warmedTwoByte.has(pattern)) {
        warmedTwoByte.add(pattern);
        testFromStart(pattern, twoByteSubject);
      }
    } catch {
      // A custom pattern that throws fails where the guard runs it, and the guard reports it there.
    }
  }
}
