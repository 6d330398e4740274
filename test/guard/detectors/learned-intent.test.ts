import { describe, expect, it } from 'vitest';
import { createLearnedIntentDetector, shippedIntentModel } from '../../../src/guard/detectors/learned-intent.js';
import { createGuard } from '../../../src/guard/guard.js';
import type { IntentModel } from '../../../src/guard/model/intent-model.js';

const user = (content: string) => [{ role: 'user' as const, content }];

describe('createLearnedIntentDetector', () => {
  const detect = createLearnedIntentDetector();

  it('catches high-stakes matters worded in ways the patterns do not cover', () => {
    // None of these match a rule: without the model the guard lets them through.
    const rulesOnly = createGuard({ learnedIntent: false });
    const guard = createGuard();
    for (const text of [
      'my account shows a payment to a gym i have never joined',
      'this transaction is not something i did',
      'there is a charge from netflix but i cancelled ages ago',
    ]) {
      expect(rulesOnly.check(user(text), 'input').escalate, text).toBe(false);
      const decision = guard.check(user(text), 'input');
      expect(decision.escalate, text).toBe(true);
      expect(decision.reasons.map((reason) => reason.reason)).toContain('high_stakes');
      const [signal] = detect(user(text), { phase: 'input' });
      expect(signal).toMatchObject({ reason: 'high_stakes', detector: 'learned-intent' });
      expect(signal!.score).toBeGreaterThanOrEqual(shippedIntentModel().threshold);
    }
  });

  it('lets ordinary questions through', () => {
    for (const text of [
      'what is the exchange rate for euros',
      'how do i order a new card',
      'where is the nearest atm',
      'how long does shipping take',
      'what is the balance on my checking account',
      'when is my credit card payment due',
      'how long does it take to get a replacement card',
      'hi there',
    ]) {
      expect(detect(user(text), { phase: 'input' }), text).toEqual([]);
    }
  });

  it('judges only the last user message, on the input phase', () => {
    const text = 'this transaction is not something i did';
    expect(detect(user(text), { phase: 'output' })).toEqual([]);
    expect(detect([...user(text), { role: 'assistant', content: 'Let me look.' }], { phase: 'input' })).toEqual([]);
  });

  it('leaves requests for a person to the explicit-request detector, and honours the threshold', () => {
    const model = (escalate: number, explicit: number): IntentModel => ({
      threshold: 0.8,
      score: () => ({ escalate, explicit }),
    });
    const text = 'x y payment';
    expect(createLearnedIntentDetector({ model: model(0.99, 0.9) })(user(text), { phase: 'input' })).toEqual([]);
    expect(createLearnedIntentDetector({ model: model(0.79, 0) })(user(text), { phase: 'input' })).toEqual([]);
    expect(createLearnedIntentDetector({ model: model(0.81, 0) })(user(text), { phase: 'input' })).toHaveLength(1);
    expect(
      createLearnedIntentDetector({ model: model(0.81, 0), threshold: 0.9 })(user(text), { phase: 'input' }),
    ).toEqual([]);
  });

  it('acts only where a matter of money, an account, a contract or a complaint is named', () => {
    const sure: IntentModel = { threshold: 0.8, score: () => ({ escalate: 0.99, explicit: 0 }) };
    const detect = createLearnedIntentDetector({ model: sure });
    expect(detect(user('find me a place to eat that is not very costly'), { phase: 'input' })).toEqual([]);
    expect(detect(user('yes, please go ahead and book a table'), { phase: 'input' })).toEqual([]);
    expect(detect(user('this transaction is not something i did'), { phase: 'input' })).toHaveLength(1);
    expect(detect(user('мне списали деньги дважды'), { phase: 'input' })).toHaveLength(1);
  });

  it('needs two matter words in another language, and no other language’s words in English', () => {
    const sure: IntentModel = { threshold: 0.8, score: () => ({ escalate: 0.99, explicit: 0 }) };
    const detect = createLearnedIntentDetector({ model: sure });
    const fires = (text: string) => detect(user(text), { phase: 'input' }).length > 0;
    // One word of the matter in Italian, German, Spanish: a question about it, not the matter.
    expect(fires('ciao, quanti schermi posso usare insieme con il mio abbonamento?')).toBe(false);
    expect(fires('Wie lange dauert die Lieferung der Ersatzteile?')).toBe(false);
    expect(fires('¿Puedo usar la tarjeta en la tienda?')).toBe(false);
    // Paying and a card are two money words of the Spanish lexicon: the anchor lets the model judge,
    // and the guard as a whole keeps the question.
    expect(createGuard().check(user('¿Puedo pagar con tarjeta en la tienda?'), 'input').escalate).toBe(false);
    // Two of them: the matter itself.
    expect(fires('voglio disdire il mio abbonamento e avere un rimborso')).toBe(true);
    expect(fires('me cobraron dos veces en la tarjeta')).toBe(true);
    // English words spelt like another language's ("delete" like "deletar") name no matter.
    expect(fires('I shall write that down: one to replay, three to delete, nine to save')).toBe(false);
    expect(fires('can I get it back if I delete the wrong project')).toBe(false);
    expect(fires('please delete my account and refund the payment')).toBe(true);
  });

  it('is on by default and can be turned off or given a threshold through the guard options', () => {
    const text = 'this transaction is not something i did';
    expect(createGuard().check(user(text), 'input').escalate).toBe(true);
    expect(createGuard({ learnedIntent: false }).check(user(text), 'input').escalate).toBe(false);
    expect(createGuard({ learnedIntent: { threshold: 1 } }).check(user(text), 'input').escalate).toBe(false);
    expect(() => createGuard({ learnedIntent: { threshold: 2 } })).toThrow(/learnedIntent/);
  });
});
