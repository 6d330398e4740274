import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../src/guard/guard.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { isWorkTitle } from '../../../src/guard/text/work-title.js';

const at = (text: string, words: string) => {
  const normalized = normalizeText(text);
  const start = normalized.indexOf(words);
  return isWorkTitle(normalized, start, start + words.length);
};
const guard = createGuard();
const escalates = (text: string) => guard.check([{ role: 'user', content: text }], 'input').escalate;

describe('isWorkTitle', () => {
  it('reads crisis words beside a film, show, song or ticket cue as a title', () => {
    expect(at('What are the showtimes for Suicide Squad tonight?', 'suicide')).toBe(true);
    expect(at('is the virgin suicides on netflix', 'suicides')).toBe(true);
    expect(at('two tickets for suicide squad please', 'suicide')).toBe(true);
  });

  it('never excuses words about the writer, words far from a cue, or another language', () => {
    expect(at('after that movie i want to kill myself', 'kill myself')).toBe(false);
    expect(at('I have been thinking about suicide a lot lately, all week long', 'suicide')).toBe(false);
    // "song" is Vietnamese for "to live".
    expect(isWorkTitle('toi khong muon song nua, tu tu', 17, 22, 'vi')).toBe(false);
  });
});

describe('the guard with titles', () => {
  it('keeps a question about a film and still hears a crisis said beside one', () => {
    expect(escalates('what times is suicide squad on at the cineworld tonight')).toBe(false);
    expect(escalates('tickets for suicide squad, and honestly i want to kill myself')).toBe(true);
    expect(escalates('watched the virgin suicides, now im suicidal')).toBe(true);
    expect(escalates("I'm suicidal")).toBe(true);
  });
});
