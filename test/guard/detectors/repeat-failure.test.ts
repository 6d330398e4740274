import { describe, expect, it } from 'vitest';
import { detectRepeatFailure } from '../../../src/guard/detectors/repeat-failure.js';
import type { Transcript } from '../../../src/guard/types.js';

/** A question, an answer beside it, then `text`. */
function afterAnswer(text: string): Transcript {
  return [
    { role: 'user', content: 'can I take the car abroad' },
    { role: 'assistant', content: 'The deposit is 1500.' },
    { role: 'user', content: text },
  ];
}

describe('detectRepeatFailure', () => {
  it('fires when the user asks the same thing again after an answer', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'How do I reset my online banking password?' },
      { role: 'assistant', content: 'You can find our branches on the map.' },
      { role: 'user', content: 'I asked how to reset the password for online banking' },
    ];
    const [signal] = detectRepeatFailure(transcript, { phase: 'input' });
    expect(signal?.reason).toBe('repeat_failure');
    expect(signal?.evidence.map((item) => item.turn)).toEqual([2, 0]);
  });

  it('does not fire on a different follow-up question', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'How do I reset my online banking password?' },
      { role: 'assistant', content: 'Use the "forgot password" link.' },
      { role: 'user', content: 'and where can I see my card limit?' },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' })).toEqual([]);
  });

  it('takes two questions about one topic that each bring words of their own for two questions', () => {
    for (const [first, later] of [
      ['How do I order a replacement debit card?', 'How long does a replacement debit card take to arrive?'],
      ['what fees do you charge for international transfers', 'are there fees on international card payments'],
    ] as const) {
      const transcript: Transcript = [
        { role: 'user', content: first },
        { role: 'assistant', content: 'You can do that in the app.' },
        { role: 'user', content: later },
      ];
      expect(detectRepeatFailure(transcript, { phase: 'input' }), later).toEqual([]);
    }
  });

  it('takes a shorter question inside the one before for the question asked again, unless another came between', () => {
    const first = { role: 'user' as const, content: 'How do I order a replacement debit card for my joint account?' };
    const answer = { role: 'assistant' as const, content: 'You can do that in the app.' };
    const again = { role: 'user' as const, content: 'order a replacement card?' };
    const [signal] = detectRepeatFailure([first, answer, again], { phase: 'input' });
    expect(signal?.evidence.map((item) => item.turn)).toEqual([2, 0]);
    // Back to the topic after another question: the same words would be needed.
    const between = [
      { role: 'user' as const, content: 'What is the daily ATM withdrawal limit?' },
      { role: 'assistant' as const, content: 'It is 500 a day.' },
    ];
    expect(detectRepeatFailure([first, answer, ...between, again], { phase: 'input' })).toEqual([]);
  });

  it('still fires on the same question in other words asked again after another question', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'How do I order a replacement debit card?' },
      { role: 'assistant', content: 'You can do that in the app under Cards.' },
      { role: 'user', content: 'What is the daily ATM withdrawal limit?' },
      { role: 'assistant', content: 'It is 500 a day.' },
      { role: 'user', content: 'how can i order a replacement for my debit card' },
    ];
    const [signal] = detectRepeatFailure(transcript, { phase: 'input' });
    expect(signal?.evidence.map((item) => item.turn)).toEqual([4, 0]);
  });

  it.each([
    "that doesn't help",
    "you're not understanding me",
    'I already told you that',
    'this is not what I asked',
    'eso no me ayuda',
    'isso não ajuda',
    'ça ne m’aide pas',
    'das hilft mir nicht',
  ])('fires when the user says the answer did not help: %j', (text) => {
    const transcript: Transcript = [
      { role: 'user', content: 'where is my parcel' },
      { role: 'assistant', content: 'Parcels arrive in 3 days.' },
      { role: 'user', content: text },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' }).length).toBeGreaterThan(0);
  });

  it.each([
    'Es la tercera vez que te pregunto lo mismo y me respondes otra cosa.',
    'Trzeci raz to samo o kaucji.',
    "C'est la troisième fois que je pose la question.",
    'È la terza volta che te lo chiedo.',
    'Das ist jetzt schon das dritte Mal, dass ich frage.',
    'Voor de derde keer: mag ik naar Duitsland rijden?',
  ])('fires when the user counts their own asking in another language: %j', (text) => {
    const transcript = afterAnswer(text);
    expect(detectRepeatFailure(transcript, { phase: 'input' }).length).toBeGreaterThan(0);
  });

  it.each([
    'Ik heb het al twee keer gevraagd.',
    'Te lo he dicho tres veces.',
    'Já perguntei duas vezes.',
    "Je l'ai déjà demandé trois fois.",
    'Ich habe schon dreimal gefragt.',
    "Te l'ho chiesto tre volte.",
    'Pytałem już trzy razy.',
    'Üç kez sordum.',
  ])('fires when the user counts their asking in times in another language: %j', (text) => {
    const transcript = afterAnswer(text);
    expect(detectRepeatFailure(transcript, { phase: 'input' }).length).toBeGreaterThan(0);
  });

  it.each([
    'ik wil drie keer per week geleverd krijgen',
    'tres veces al día',
    'deux fois par mois',
    'zweimal im Monat',
    'due volte al giorno',
  ])('takes a number of times that counts no asking for no failure: %j', (text) => {
    const transcript = afterAnswer(text);
    expect(detectRepeatFailure(transcript, { phase: 'input' })).toEqual([]);
  });

  it('takes a question whether a fact still holds for no failure', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'I booked the room for Friday' },
      { role: 'assistant', content: 'Your room is confirmed for Friday, check-in from 3 pm.' },
      { role: 'user', content: 'thanks. parking still the same entrance?' },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' })).toEqual([]);
  });

  it.each([
    'e o limite de dia continua igual?',
    'and is the price still the same?',
    'ok. ¿el horario sigue igual?',
    'und die Adresse bleibt gleich?',
  ])('takes %j, a question whether something stays as it is, for no failure', (text) => {
    const transcript: Transcript = [
      { role: 'user', content: 'how do I raise my limit?' },
      { role: 'assistant', content: 'Go to Settings, then Limits, and choose a new amount.' },
      { role: 'user', content: text },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' })).toEqual([]);
  });

  it.each([
    'continua igual',
    'it is still the same',
    'still the same??',
    'I did that. Still the same?!',
    'sigue igual, no funciona',
  ])('reads %j after an answer as the advice failing', (text) => {
    const transcript: Transcript = [
      { role: 'user', content: 'my router keeps dropping' },
      { role: 'assistant', content: 'Please restart it and wait two minutes.' },
      { role: 'user', content: text },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' }).length).toBeGreaterThan(0);
  });

  it('fires when the bot fell back twice, not once', () => {
    const once: Transcript = [
      { role: 'user', content: 'what are your opening hours' },
      { role: 'assistant', content: "Sorry, I don't know.", fallback: true },
      { role: 'user', content: 'do you deliver to Canada' },
    ];
    expect(detectRepeatFailure(once, { phase: 'input' })).toEqual([]);
    const twice: Transcript = [
      ...once,
      { role: 'assistant', content: "I'm not sure about that, I can't find it in my knowledge." },
    ];
    const [signal] = detectRepeatFailure(twice, { phase: 'output' });
    expect(signal?.detail).toMatch(/fell back 2 times/);
    expect(signal?.evidence.map((item) => item.turn)).toEqual([1, 3]);
  });
  it.each([
    [
      'how about premium economy instead?',
      'Premium economy is $389, or 12,500 miles with no co-pay.',
      'use miles for premium economy',
    ],
    [
      'what rooms do you have for friday?',
      'A queen room at $149 or a king suite at $229, both with breakfast.',
      'the king suite for friday please',
    ],
    [
      'can I get the blue jacket in medium?',
      'Medium is sold out in blue; navy and olive are in stock.',
      'then the navy jacket in medium',
    ],
  ])('does not count taking up what the bot offered as a repeat: %j', (first, offer, choice) => {
    const transcript: Transcript = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hello! How can I help?' },
      { role: 'user', content: first },
      { role: 'assistant', content: offer },
      { role: 'user', content: choice },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' })).toEqual([]);
  });

  it('still counts the same question asked again after an answer that did not answer it', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'where is my refund for order 5521?' },
      { role: 'assistant', content: 'Refunds are issued to the original payment method.' },
      { role: 'user', content: 'ok but where is my refund for order 5521?' },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' })[0]?.detail).toMatch(/repeated the question/);
  });
});
