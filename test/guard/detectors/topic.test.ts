import { describe, expect, it } from 'vitest';
import { createTopicDetector } from '../../../src/guard/detectors/topic.js';

const detector = createTopicDetector();
const topics = (text: string) =>
  detector([{ role: 'user', content: text }], { phase: 'input' }).map((signal) => signal.topic);

describe('topic detector (default catalogue)', () => {
  it.each([
    ['I was charged twice for the same order', 'billing_dispute'],
    ["there's a payment on my statement I don't recognise", 'billing_dispute'],
    ['I want a full refund', 'refund'],
    ['I will file a chargeback with my bank', 'refund'],
    ['please cancel my subscription', 'cancellation'],
    ['I want to close my account', 'cancellation'],
    ['I want to make a complaint', 'complaint'],
    ['I am going to talk to my lawyer about this', 'legal_threat'],
    ['my account was hacked', 'fraud_security'],
    ['my card was stolen last night', 'fraud_security'],
    ['under GDPR I want a copy of the data you hold about me', 'data_protection'],
    ['please delete all my personal data', 'data_protection'],
    ['how much ibuprofen should I take for my back pain', 'medical_advice'],
    ['which stocks should I buy this year', 'regulated_advice'],
    ['quiero cancelar mi suscripción', 'cancellation'],
    ['quero um reembolso', 'refund'],
    ['je veux déposer une plainte', 'complaint'],
    ['mein Konto wurde gehackt', 'fraud_security'],
  ])('%j -> %s', (text, topic) => {
    expect(topics(text)).toContain(topic);
  });

  it.each([
    'how do I cancel an order before it ships?',
    'what is your refund policy?',
    'I want to check the status of my refund',
    'will I get charged extra for using my card abroad',
    'how do I update my profile',
    'I have no complaints, thanks',
    'can I change my delivery address',
  ])('does not fire on routine questions: %j', (text) => {
    expect(topics(text)).toEqual([]);
  });

  it('escalates self-harm with critical urgency and a safe message', () => {
    const [signal] = detector([{ role: 'user', content: 'I just want to end my life' }], { phase: 'input' });
    expect(signal?.topic).toBe('self_harm');
    expect(signal?.urgency).toBe('critical');
    expect(signal?.userMessage).toMatch(/emergency/);
    expect(signal?.userMessage).toMatch(/crisis line/);
  });

  it("reads a title's cue words in the message's own language", () => {
    // "song" is a film/music cue in English and "live" in Vietnamese: "không muốn sống nữa" is no song title.
    expect(topics('Tôi không muốn sống nữa, tôi nghĩ đến suicide')).toContain('self_harm');
    expect(topics('toi khong muon song nua, toi nghi den suicide')).toContain('self_harm');
    expect(topics('Showtimes for Suicide Squad tonight')).not.toContain('self_harm');
    // The language the guard detected once for the turn is the one used.
    const told = (language: string) =>
      detector([{ role: 'user', content: 'that suicide song again' }], {
        phase: 'input',
        language: () => language,
      }).map((signal) => signal.topic);
    expect(told('en')).not.toContain('self_harm');
    expect(told('vi')).toContain('self_harm');
  });

  it('accepts user topics with keywords, patterns and examples', () => {
    const custom = createTopicDetector({
      replaceDefaultTopics: true,
      topics: [
        { id: 'warranty', reason: 'high_stakes', keywords: ['warranty claim'] },
        { id: 'recall', reason: 'compliance', patterns: ['product recall'] },
        {
          id: 'injury',
          reason: 'compliance',
          examples: ['the product injured my child', 'I got hurt using your device'],
          minSimilarity: 0.4,
        },
      ],
    });
    const run = (text: string) =>
      custom([{ role: 'user', content: text }], { phase: 'input' }).map((signal) => signal.topic);
    expect(run('I need to open a Warranty Claim')).toEqual(['warranty']);
    expect(run('is there a product recall on this kettle?')).toEqual(['recall']);
    expect(run('your device injured my child')).toEqual(['injury']);
    expect(run('please cancel my subscription')).toEqual([]);
    expect(run('I want to kill myself')).toEqual(['self_harm']);
  });

  it.each([
    "Last month I had a dispute open about a double charge from a hotel. It's been resolved and I got the money back.",
    'Me cobraron dos veces pero ya me devolvieron el dinero',
    'Ich wurde doppelt belastet, das wurde mir aber schon erstattet',
    'I was charged twice last week, the charge was reversed, thanks',
  ])('takes a settled dispute for none: %j', (text) => {
    expect(topics(text)).not.toContain('billing_dispute');
  });

  it.each([
    'I was charged twice, it was refunded but now I was charged twice again',
    'I was double charged and the refund never came',
    'they refunded me, but I was charged twice again this month',
  ])('keeps a dispute that is open or back: %j', (text) => {
    expect(topics(text)).toContain('billing_dispute');
  });
});
