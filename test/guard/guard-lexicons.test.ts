import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/index.js';
import { testLexicon } from './lexicon/test-lexicon.js';

const esperanto = testLexicon(
  'eo',
  'spaced',
  { person: ['homo', 'homon', 'agento'], contactVerbs: ['paroli kun'], crisis: ['mi volas morti'] },
  'Vi ne estas sola. Mi konektas vin kun homo.',
);

describe('createGuard({ lexicons })', () => {
  it('reads a language of your own beside the built-in ones', () => {
    const guard = createGuard({ lexicons: [esperanto] });
    const request = guard.check([{ role: 'user', content: 'Mi volas paroli kun homo, mi petas' }], 'input');
    expect(request.escalate).toBe(true);
    expect(request.reasons[0]?.reason).toBe('explicit_request');
    const crisis = guard.check([{ role: 'user', content: 'mi volas morti' }], 'input');
    expect(crisis.reasons[0]?.reason).toBe('crisis');
    expect(
      createGuard().check([{ role: 'user', content: 'Mi volas paroli kun homo, mi petas' }], 'input').escalate,
    ).toBe(false);
  });

  it('rejects a lexicon without its language, script or safe message, saying what it needs', () => {
    expect(() => createGuard({ lexicons: [{ language: 'eo' } as never] })).toThrow(
      /each lexicon needs a language, a script \(spaced or unspaced\) and a crisisMessage/,
    );
  });
});
