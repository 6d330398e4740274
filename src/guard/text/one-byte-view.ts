/** What stands for every character above U+00FF: a C1 control, which no word, space or digit class holds. */
const placeholder = '\x9f';
const aboveLatin1 = /[^\x00-\xff]/;
const aboveLatin1Everywhere = /[^\x00-\xff]/g;

/**
 * The text with every UTF-16 unit above U+00FF replaced by U+009F: the same length and the same
 * offsets, held one byte per character. V8 compiles a regular expression once per string
 * representation, so a pattern only ever given one-byte text has one compiled form, made when the
 * guard is created (see `warmPatterns`), instead of a second compiled the first time an emoji or a
 * CJK character arrives. Meant for the patterns {@link matchesOneByteView} accepts, on which it
 * finds the same matches at the same offsets.
 */
export function oneByteView(text: string): string {
  return aboveLatin1.test(text) ? text.replace(aboveLatin1Everywhere, placeholder) : text;
}

/**
 * True when `pattern` finds in {@link oneByteView} of a text the matches it finds in the text, for
 * every text without white space above U+00FF (normalized text has none: it collapses white space
 * to one space). The pattern is not in Unicode mode (so it reads UTF-16 units, and case folding
 * never maps a character above U+00FF to one below), and its source is ASCII without a `\u` escape
 * or an `\x80`-`\xff` escape, so none of its literals or classes names U+009F or a character above
 * U+00FF. Both then match only through what is true of every such unit alike: `.`, `\S`, `\W`,
 * `\D`, negated classes, `\b`.
 */
export function matchesOneByteView(pattern: RegExp): boolean {
  const { source, flags } = pattern;
  return (
    !flags.includes('u') && !flags.includes('v') && /^[\x00-\x7f]*$/.test(source) && !/\\(?:u|x[89a-fA-F])/.test(source)
  );
}
