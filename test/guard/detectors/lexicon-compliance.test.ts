import { describe, expect, it } from 'vitest';
import { createLexiconDetector } from '../../../src/guard/detectors/lexicon-detector.js';
import { createGuard } from '../../../src/guard/guard.js';
import { builtInLexicons } from '../../../src/guard/lexicon/languages.js';
import type { Lexicon } from '../../../src/guard/lexicon/lexicon.js';

const user = (content: string) => [{ role: 'user' as const, content }];

describe('the compliance list of a lexicon', () => {
  it('reports a question for a licensed professional as compliance', () => {
    const swedish = builtInLexicons.find((lexicon) => lexicon.language === 'sv')!;
    const phrase = swedish.compliance?.[0];
    expect(phrase, 'the Swedish lexicon has compliance phrases').toBeTruthy();
    const custom: Lexicon = { ...swedish, compliance: ['sömntabletter … antidepressiva'] };
    const detect = createLexiconDetector({ lexicons: [custom] });
    const signals = detect(user('Kan jag ta sömntabletter med mitt antidepressiva?'), { phase: 'input' });
    expect(signals.map((signal) => [signal.reason, signal.detail])).toContainEqual([
      'compliance',
      'asks for regulated advice',
    ]);
    expect(detect(user('Har ni sömnmasker i lager?'), { phase: 'input' })).toEqual([]);
  });

  it('escalates medical and legal questions in other languages, not product questions', () => {
    const guard = createGuard();
    const reasonsOf = (text: string) => guard.check(user(text), 'input').reasons.map((signal) => signal.reason);
    expect(reasonsOf("Posso prendere l'ibuprofene in gravidanza?")).toContain('compliance');
    expect(reasonsOf('Hamileyken parol alabilir miyim?')).toContain('compliance');
    expect(reasonsOf('Is het legaal om mijn huurder eruit te zetten?')).toContain('compliance');
    expect(guard.check(user('Is deze crème geschikt voor een gevoelige huid?'), 'input').escalate).toBe(false);
  });
});
