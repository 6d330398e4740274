import { describe, expect, it } from 'vitest';
import { actionDone, actionFailed, asksForDetails, botHasActed } from '../../../src/guard/text/bot-turns.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import type { Transcript } from '../../../src/guard/types.js';

const done = (text: string) => actionDone.test(normalizeText(text));
const failed = (text: string) => actionFailed.test(normalizeText(text));

describe('asksForDetails', () => {
  it.each([
    'What date would you like to travel?',
    'Could you confirm your booking reference?',
    'Please provide your order number.',
    'I can book a table for 4 at 7pm. Shall I go ahead?',
    'Would you like me to cancel it?',
    'Is that correct?',
    'Let me check whether it is available.',
    'Thanks! Is there anything else? What time works for you?',
    '¿Para qué fecha quiere la reserva?',
    'ご予約の日付はいつですか？',
    'Which size do you need？',
  ])('is true for a request for details or a confirmation: %j', (text) => {
    expect(asksForDetails(text)).toBe(true);
  });

  it.each([
    'Is there anything else I can help you with?',
    'Anything else today?',
    'How else can I help?',
    'Do you have any other questions?',
    'Can I help with anything else?',
    "Sorry, I didn't catch that. Could you rephrase?",
    'What do you mean?',
    'Your order has shipped.',
    'We will let you know.',
    '',
  ])('is false for a closing offer, a clarification or a statement: %j', (text) => {
    expect(asksForDetails(text)).toBe(false);
  });
});

describe('actionDone', () => {
  it.each([
    "I've cancelled your subscription.",
    'Your refund has been issued.',
    'I have booked a table for two.',
    'We have sent you an email with the details.',
    'Your booking number is ABC123.',
    "You're all set!",
    'The payment was successful.',
    'The transfer has been completed.',
    'Your booking is confirmed.',
  ])('is true for an action carried out: %j', (text) => {
    expect(done(text)).toBe(true);
  });

  it.each([
    'Your order is on its way.',
    'Let me check that for you.',
    'I can book that for you.',
    'I could not find your order.',
    'The booking has not been confirmed.',
  ])('is false when nothing was done: %j', (text) => {
    expect(done(text)).toBe(false);
  });

  // "(?:was|have|...) (?:\w+ )?(?:book\w*|process\w*|placed|...)" lets any one word stand between
  // the auxiliary and the verb, "not" included, so a report that nothing was done reads as done.
  // botHasActed then says the bot is carrying out the task (topic detector) after such a turn.
  it.each(['I have not booked anything yet.', 'Your payment was not processed.', 'Your order was not placed.'])(
    'BUG: is false for a negated report: %j',
    (text) => {
      expect(done(text)).toBe(false);
    },
  );
});

describe('actionFailed', () => {
  it.each([
    'I was unable to book the flight.',
    "Sorry, I couldn't complete the payment.",
    'The reservation could not be made.',
    'Your card was declined.',
    'The payment failed.',
    "I'm not able to change that.",
    'The transfer did not go through.',
    'The booking was not successful.',
    'I could not find your order.',
  ])('is true for a failed action: %j', (text) => {
    expect(failed(text)).toBe(true);
  });

  it.each([
    'I can book that for you.',
    'Your booking is confirmed.',
    "I've cancelled your subscription.",
    'What date would you like?',
  ])('is false otherwise: %j', (text) => {
    expect(failed(text)).toBe(false);
  });
});

describe('botHasActed', () => {
  const conversation: Transcript = [
    { role: 'user', content: 'I want to cancel my plan' },
    { role: 'assistant', content: 'Sure.' },
    { role: 'user', content: 'the basic one' },
    { role: 'assistant', content: "I've cancelled your basic plan." },
    { role: 'user', content: 'and I want a refund' },
  ];

  it('is true when a bot turn before `before` reported an action', () => {
    expect(botHasActed(conversation, 4)).toBe(true);
  });

  it('looks only at the turns before `before`', () => {
    expect(botHasActed(conversation, 3)).toBe(false);
    expect(botHasActed(conversation, 0)).toBe(false);
  });

  it('is true when the bot asked for details', () => {
    const asked: Transcript = [
      { role: 'user', content: 'book a table' },
      { role: 'assistant', content: 'For how many people?' },
      { role: 'user', content: 'four' },
    ];
    expect(botHasActed(asked, 2)).toBe(true);
  });

  it('ignores user turns and turns written by a human agent', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'Could you confirm my order? My booking number is 42.' },
      { role: 'assistant', author: 'agent', content: "What date would you like? I've cancelled the old booking." },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'ok' },
    ];
    expect(botHasActed(transcript, 4)).toBe(false);
    const byBot: Transcript = [{ ...transcript[1]!, author: 'bot' }];
    expect(botHasActed(byBot, 1)).toBe(true);
  });
});
