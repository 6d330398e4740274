import { describe, expect, it } from 'vitest';
import { builtInPatterns } from '../../../src/guard/built-in-patterns.js';
import { guardPatterns } from '../../../src/guard/text/guard-pattern.js';
import { warmPatterns } from '../../../src/guard/text/warm-patterns.js';

/** A RegExp that records the subjects it is run on (`test` calls `exec`). */
class RecordingRegExp extends RegExp {
  readonly subjects: string[] = [];
  constructor(
    source: string,
    flags: string,
    private readonly log: string[],
  ) {
    super(source, flags);
  }
  override exec(subject: string): RegExpExecArray | null {
    this.subjects.push(subject);
    this.log.push(this.source);
    return super.exec(subject);
  }
}

const twoByte = (text: string) => [...text].some((character) => character.codePointAt(0)! > 0xff);

describe('warmPatterns', () => {
  it('runs each pattern once on a one-byte and once on a two-byte subject, each long enough for native code', () => {
    const log: string[] = [];
    const pattern = new RecordingRegExp('\\bwarm\\b', '', log);
    warmPatterns([pattern]);
    expect(pattern.subjects).toHaveLength(2);
    expect(pattern.subjects.map(twoByte)).toEqual([false, true]);
    // V8 compiles native code at once for subjects of 1,000 characters or more.
    for (const subject of pattern.subjects) expect(subject.length).toBeGreaterThan(1000);
  });

  it('compiles only the one-byte form of a pattern given one-byte text, and the other when asked later', () => {
    const log: string[] = [];
    const pattern = new RecordingRegExp('\\bview\\b', '', log);
    warmPatterns([pattern], 'one-byte');
    expect(pattern.subjects.map(twoByte)).toEqual([false]);
    warmPatterns([pattern]);
    expect(pattern.subjects.map(twoByte)).toEqual([false, true]);
  });

  it('compiles the largest first, each pattern once, and leaves lastIndex as it was', () => {
    const log: string[] = [];
    const small = new RecordingRegExp('a', 'g', log);
    const large = new RecordingRegExp('(?:alpha|beta|gamma|delta)', 'g', log);
    small.lastIndex = 3;
    warmPatterns([small, large, small]);
    expect(log).toEqual([large.source, large.source, small.source, small.source]);
    expect(small.lastIndex).toBe(3);
    expect(large.lastIndex).toBe(0);
    warmPatterns([small, large]);
    expect(log).toHaveLength(4);
  });

  it('lists every module pattern among the built-in ones', () => {
    const patterns = new Set(builtInPatterns());
    for (const pattern of guardPatterns) expect(patterns.has(pattern)).toBe(true);
  });
});

describe('warmPatterns and a pattern that throws', () => {
  it('passes it over and warms the rest', () => {
    const log: string[] = [];
    const exploding = /(?:exploding|pattern)/g;
    exploding.exec = () => {
      throw new Error('boom');
    };
    exploding.lastIndex = 2;
    const next = new RecordingRegExp('next', '', log);
    expect(() => warmPatterns([exploding, next])).not.toThrow();
    expect(exploding.lastIndex).toBe(2);
    expect(next.subjects).toHaveLength(2);
  });
});
