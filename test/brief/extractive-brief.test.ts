import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BriefTurn,
  buildExtractiveBrief,
  countSentences,
  handoffBriefSchema,
  inferIntent,
} from '../../src/brief/index.js';
import { billingInput } from './fixtures.js';

describe('buildExtractiveBrief', () => {
  it('fills every field from the transcript and the guard signals', () => {
    const brief = buildExtractiveBrief(billingInput({ sentiment: { score: -0.6, trend: 'worsening' } }));
    expect(handoffBriefSchema.parse(brief)).toEqual(brief);
    expect(brief).toMatchObject({
      conversationId: 'conv-1',
      createdAt: '2025-03-07T23:00:00.000Z',
      urgency: 'high',
      language: 'en',
      intent: 'billing_dispute',
      customer: { email: 'ana@example.com' },
      sentiment: { score: -0.6, trend: 'worsening' },
      suggestedTeam: null,
      skills: [],
      transcriptTurns: 5,
      source: 'extractive',
    });
    expect(brief.reasons[0]?.evidence).toEqual([{ turn: 4, text: 'talk to a person' }]);
    expect(brief.entities.orderNumbers).toEqual(['12345']);
    expect(brief.entities.amounts).toEqual([{ value: 49.99, currency: 'USD', text: '$49.99' }]);
    expect(brief.entities.dates).toEqual(['yesterday']);
    expect(brief.botAttempts).toEqual([
      'I can see order 12345.',
      "I'm not sure, I don't know when the bank releases it.",
    ]);
    // The bot's only reply after the question was a fallback, so it is still open.
    expect(brief.openQuestions).toEqual(['When will the second charge be removed?']);
    expect(brief.transcript[4]).toEqual({
      role: 'user',
      author: 'user',
      content: 'This is ridiculous. I want to talk to a person.',
    });
    expect(brief.transcript[1]?.author).toBe('bot');
  });

  it('summarises the customer in at most five sentences, first three and last two', () => {
    const transcript: BriefTurn[] = [
      { role: 'user', content: 'One. Two! Three? Four' },
      { role: 'assistant', content: 'Okay.' },
      { role: 'user', content: 'Five. Six. Seven.' },
    ];
    const brief = buildExtractiveBrief(billingInput({ transcript }));
    expect(brief.summary).toBe('One. Two! Three? Six. Seven.');
    expect(countSentences(brief.summary)).toBe(5);
  });

  it('treats a question the bot answered on topic as closed', () => {
    const transcript: BriefTurn[] = [
      { role: 'user', content: 'How long does shipping to Spain take?' },
      { role: 'assistant', content: 'Shipping to Spain takes 3 to 5 working days.' },
      { role: 'user', content: 'Can I change the delivery address?' },
      { role: 'assistant', content: 'Our opening hours are 9 to 5.' },
    ];
    const brief = buildExtractiveBrief(billingInput({ transcript }));
    expect(brief.openQuestions).toEqual(['Can I change the delivery address?']);
    expect(brief.intent).toBe('delivery_issue');
  });

  it('keeps the latest 20 turns and counts them all', () => {
    const transcript: BriefTurn[] = Array.from({ length: 30 }, (_, index) => ({
      role: index % 2 === 0 ? 'user' : 'assistant',
      content: `Message ${index}.`,
    }));
    const brief = buildExtractiveBrief(billingInput({ transcript }));
    expect(brief.transcript).toHaveLength(20);
    expect(brief.transcript[0]?.content).toBe('Message 10.');
    expect(brief.transcriptTurns).toBe(30);
  });

  it('uses the given identity and fills a missing name from the transcript', () => {
    const transcript: BriefTurn[] = [{ role: 'user', content: 'My name is Ana Silva and I need help' }];
    const brief = buildExtractiveBrief(billingInput({ transcript, identity: { id: 'u-9' } }));
    expect(brief.customer).toEqual({ id: 'u-9', name: 'Ana Silva' });
    expect(buildExtractiveBrief(billingInput({ transcript: [{ role: 'user', content: 'help' }] })).customer).toBeNull();
  });

  it('guesses the language when none is given and keeps the one given', () => {
    const transcript: BriefTurn[] = [{ role: 'user', content: 'Quiero cancelar mi suscripción, por favor' }];
    expect(buildExtractiveBrief(billingInput({ transcript })).language).toBe('es');
    expect(buildExtractiveBrief(billingInput({ transcript, language: 'es-MX' })).language).toBe('es-MX');
  });

  it('clamps an out-of-range sentiment score and survives an invalid date', () => {
    const brief = buildExtractiveBrief(
      billingInput({ createdAt: new Date('nope'), sentiment: { score: -3, trend: 'worsening' } }),
    );
    expect(brief.sentiment.score).toBe(-1);
    expect(brief.createdAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('is deterministic', () => {
    expect(buildExtractiveBrief(billingInput())).toEqual(buildExtractiveBrief(billingInput()));
  });

  it('always produces a brief the schema accepts', () => {
    const turn = fc.record({
      role: fc.constantFrom<'user' | 'assistant'>('user', 'assistant'),
      content: fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('Where is #123?', 'Refund $5.00 now!!! ...', '¿Dónde está mi pedido?', '…', '. . .', ''),
      ),
      author: fc.constantFrom<'bot' | 'agent' | 'system' | undefined>('bot', 'agent', 'system', undefined),
    });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 40 }), (transcript) => {
        const brief = buildExtractiveBrief(billingInput({ transcript }));
        const parsed = handoffBriefSchema.safeParse(brief);
        if (!parsed.success) throw new Error(parsed.error.message);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inferIntent', () => {
  it('prefers the topic, then keywords of the first request, then the reasons', () => {
    expect(inferIntent({ topic: 'self_harm', reasons: [], transcript: [] })).toBe('self_harm');
    expect(inferIntent({ reasons: [], transcript: [{ role: 'user', content: 'I want a refund for my order' }] })).toBe(
      'refund',
    );
    expect(
      inferIntent({
        reasons: [{ reason: 'out_of_scope', source: 'guard', detail: 'weather' }],
        transcript: [{ role: 'user', content: 'Will it rain in Lisbon' }],
      }),
    ).toBe('out_of_scope_request');
    expect(inferIntent({ reasons: [], transcript: [{ role: 'user', content: 'Let me speak to a human' }] })).toBe(
      'speak_to_human',
    );
    expect(inferIntent({ reasons: [], transcript: [{ role: 'user', content: 'Printer jams constantly' }] })).toBe(
      'printer_jams_constantly',
    );
    expect(inferIntent({ reasons: [], transcript: [] })).toBe('general_inquiry');
  });
});
