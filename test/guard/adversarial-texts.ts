import fc from 'fast-check';

/** The longest message the HTTP layer accepts (`maxMessageChars`). */
export const maxChars = 8000;

/** `unit` repeated to about `length` characters, then `tail`. */
export const repeat = (unit: string, tail = '', length = maxChars) =>
  unit.repeat(Math.max(1, Math.floor((length - tail.length) / unit.length))) + tail;

const smalltalk = ['hi', 'hii', 'hello', 'hey', 'thanks', 'thank you', 'thank u', 'ok', 'okay', 'k', 'kk', 'no'];
const smalltalkMore = ['bye', 'bye bye', 'see you', "that's all", 'no thanks', 'no thank you', 'hola', 'gracias'];
const smalltalkWords = [...smalltalk, ...smalltalkMore, 'obrigado', 'merci', 'danke', 'hmm', 'haha', 'please'];
const addressees = ['there', 'so much', 'a lot', 'bot', 'you', 'team', 'again', 'now'];
const people = ['agent', 'human', 'humans', 'huuuman', 'person', 'someone', 'operator', 'manager', 'live agent'];
const fillers = ['please', 'pls', 'now', 'asap', 'right now', 'a', 'the', 'just', 'i want', 'por favor', 'bitte'];
const punctuation = ['!', '?', '.', ',', ':', ' ', "'", '-', ';', ')', '(', '\t', '*', '_'];

/**
 * Words that patterns read before a run of whitespace, and the runs: raw text keeps whitespace the
 * normalized text collapses, so a pattern matched against raw text must not split such a run
 * between two of its quantifiers ("why is" + 8,000 spaces took 280 ms).
 */
const beforeSpaces = ['why is', 'is', 'agent', 'i', "don't", 'not', 'write us', 'suggest me'];
const spaces = [' ', '\t', ' \t', '\n', '\u00a0'];

/** Long near misses and runs, each about `maxChars` long. */
export const adversarial: Record<string, string> = {
  ...Object.fromEntries(
    [...smalltalkWords, ...addressees, ...people, ...fillers].flatMap((word) => [
      [`"${word} " repeated, then "card"`, repeat(`${word} `, 'card')],
      [`"${word}" repeated without spaces, then "x"`, repeat(word, 'x')],
      [`"${word}!" repeated, then "?x"`, repeat(`${word}!`, '?x')],
    ]),
  ),
  ...Object.fromEntries(
    punctuation.flatMap((mark) => [
      [`run of ${JSON.stringify(mark)}`, repeat(mark)],
      [`"agent" then a run of ${JSON.stringify(mark)}, then "x"`, `agent${repeat(mark, 'x', maxChars - 5)}`],
      [`"hi" then a run of ${JSON.stringify(mark)}, then "card"`, `hi${repeat(mark, 'card', maxChars - 2)}`],
    ]),
  ),
  ...Object.fromEntries(
    beforeSpaces.flatMap((word) =>
      spaces.map((run) => [
        `${JSON.stringify(word)} then a run of ${JSON.stringify(run)}, then "x"`,
        `${word}${repeat(run, 'x', maxChars - word.length)}`,
      ]),
    ),
  ),
  'bye bye ... card': repeat('bye bye ', 'card'),
  'agent!!!!...x': `agent${repeat('!', 'x', maxChars - 5)}`,
  'human???...x': `human${repeat('?', 'x', maxChars - 5)}`,
  'agent ! ? ! ...x': `agent${repeat(' ! ?', 'x', maxChars - 5)}`,
  '"talk to " repeated': repeat('talk to '),
  '"talk to " repeated, then "a human"': repeat('talk to ', 'a human'),
  '"i want to speak with " repeated': repeat('i want to speak with '),
  '"no no no ... bot"': repeat('no ', 'bot'),
  '"not a " repeated, then "bot"': repeat('not a ', 'bot'),
  '"i don\'t " repeated, then "need a human"': repeat("i don't ", 'need a human'),
  '"parler a " repeated': repeat('parler a ', 'x'),
  '"je veux ab-ab-ab-..."': `je veux ${repeat('ab-', 'x', maxChars - 8)}`,
  '"veux t h-u-u-u..."': `veux t h${repeat('-u', '', maxChars - 8)}`,
  '"hablar con " repeated': repeat('hablar con '),
  '"mit " repeated': repeat('mit '),
  '"charged twice " repeated': repeat('charged '),
  '"pay 0000..."': `pay ${repeat('0', ' to someone', maxChars - 4)}`,
  '"me me me ... n"': repeat('me ', 'n'),
  '"i i i ..."': repeat('i '),
  '"why is " then spaces': `why is ${repeat(' \t', 'x', maxChars - 7)}`,
  '"write us " then spaces': `write us ${repeat('\t', 'x', maxChars - 9)}`,
  '"suggest me " then spaces': `suggest me ${repeat(' ', 'x', maxChars - 11)}`,
  'single letters spaced out': repeat('a '),
  'letters hyphenated out': repeat('a-'),
  leetspeak: repeat('h4x0r '),
  'one long word': repeat('a'),
  'one long word with umlauts': repeat('aü', 'x'),
  'distinct words': Array.from({ length: 1400 }, (_, index) => `w${index.toString(36)}x`)
    .join(' ')
    .slice(0, maxChars),
  CJK: repeat('我想和人工客服通话，谢谢。'),
  'CJK without punctuation': repeat('人工'),
  emoji: repeat('🙏👍😡'),
  'emoji between letters': repeat('talk🙏to🙏someone🙏'),
  'zero-width characters': repeat('h\u200bu\u200bm\u200ba\u200bn '),
};

/** Texts glued from the patterns' own alternatives, a bounded number of them. */
const glued = fc.sample(
  fc
    .array(fc.constantFrom(...smalltalkWords, ...addressees, ...people, ...fillers, ...punctuation), {
      minLength: 1,
      maxLength: 40,
    })
    .chain((parts) => fc.constantFrom(' ', '', '!', '-').map((joint) => parts.join(joint)))
    .map((text) => repeat(text, 'x')),
  { numRuns: 60, seed: 7 },
);
glued.forEach((text, index) => {
  adversarial[`glued alternatives #${index}`] = text;
});
