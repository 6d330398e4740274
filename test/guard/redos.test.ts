import { beforeAll, describe, expect, it } from 'vitest';
import { createGuard, type Transcript } from '../../src/guard/index.js';
import { adversarial, maxChars, repeat } from './adversarial-texts.js';

/**
 * The whole guard on adversarial texts: each check stays fast, whatever the text. Guards against
 * regular expressions that backtrack exponentially or polynomially ("bye bye bye ... card",
 * "agent!!!!...x"). One measurement per call: a slow pattern is slow every time, while the bound
 * leaves room for a loaded machine.
 */
const boundMs = 50;

const guard = createGuard({
  scope: {
    utterances: [
      'What are your opening hours?',
      'How do I reset my password?',
      'Where is my order?',
      'Can I change my delivery address?',
      'How much does shipping cost?',
    ],
  },
});

/** The transcripts a text is judged in: as the user's message, as an earlier turn, as the bot's answer. */
function transcripts(text: string): [Transcript, 'input' | 'output'][] {
  return [
    [[{ role: 'user', content: text }], 'input'],
    [
      [
        { role: 'user', content: text },
        { role: 'assistant', content: 'Could you tell me more?' },
        { role: 'user', content: text },
      ],
      'input',
    ],
    [
      [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: text, confidence: 0.9 },
      ],
      'output',
    ],
  ];
}

describe('guard on adversarial texts', () => {
  beforeAll(() => {
    // V8 compiles a pattern to machine code the first time it runs on a long text: do that first.
    const long = repeat('where is my order? I want to talk to a human, thanks. ');
    for (const text of ['hello', 'I want to talk to a human', 'where is my order?', long, long.toUpperCase()]) {
      for (const [transcript, phase] of transcripts(text)) guard.check(transcript, phase);
    }
  });

  it('has a bounded number of texts, none longer than a message can be', () => {
    const texts = Object.values(adversarial);
    expect(texts.length).toBeGreaterThan(150);
    expect(texts.length).toBeLessThan(400);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(maxChars + 40);
  });

  for (const [name, text] of Object.entries(adversarial)) {
    it(`${name}: under ${boundMs} ms per check`, () => {
      for (const [index, [transcript, phase]] of transcripts(text).entries()) {
        // The fastest of three tries, each with its own raw text (trailing spaces, normalized
        // away), so a loaded machine does not fail a fast check and no cache hides a slow one.
        let fastest = Infinity;
        for (let attempt = 0; attempt < 3 && fastest >= boundMs; attempt++) {
          const variant = transcript.map((turn) => ({ ...turn, content: turn.content + ' '.repeat(attempt) }));
          const start = performance.now();
          guard.check(variant, phase);
          fastest = Math.min(fastest, performance.now() - start);
        }
        expect(fastest, `${phase} transcript #${index}`).toBeLessThan(boundMs);
      }
    });
  }
});
