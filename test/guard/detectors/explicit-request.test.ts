import { describe, expect, it } from 'vitest';
import { detectExplicitRequest } from '../../../src/guard/detectors/explicit-request.js';
import type { Transcript } from '../../../src/guard/types.js';

const fires = (text: string) => detectExplicitRequest([{ role: 'user', content: text }], { phase: 'input' }).length > 0;

describe('detectExplicitRequest', () => {
  it.each([
    'I want to talk to a human',
    'can I speak with someone please?',
    'get me a real person',
    'put me through to billing',
    'transfer me to reception',
    'I need a representative',
    'let me talk to your manager',
    'call me back please',
    'not a bot, a person',
    'human',
    'AGENT!!!',
    'operator',
    'representative please',
    'i wanna tlak to a humna agnet',
    'how can I contact costumer service',
    'is there someone available?',
  ])('fires on %j', (text) => {
    expect(fires(text)).toBe(true);
  });

  it.each([
    'quiero hablar con una persona',
    'pásame con un agente, por favor',
    'quero falar com um atendente humano',
    'je veux parler à un conseiller',
    'Passez-moi quelqu’un, s’il vous plaît',
    'Ich möchte mit einem Mitarbeiter sprechen',
    'Verbinden Sie mich bitte mit einem Menschen',
  ])('fires in other languages: %j', (text) => {
    expect(fires(text)).toBe(true);
  });

  it('is negation-aware', () => {
    expect(fires("I don't need a human, just tell me the hours")).toBe(false);
    expect(fires('I do not want to talk to an agent')).toBe(false);
    expect(fires('no necesito hablar con un humano')).toBe(false);
    expect(fires('ich brauche keinen Menschen')).toBe(false);
    expect(fires('no bot, a human please')).toBe(true);
    expect(fires("I don't want a bot, I want a human")).toBe(true);
  });

  it.each([
    'how do I become a travel agent',
    'what does the agent fee cover',
    'can I pay in person at the branch?',
    'how do I send money to another person',
    'someone used my card yesterday',
    'I need someone to sign for the package',
    'what are your opening hours',
  ])('does not fire on a harmless mention: %j', (text) => {
    expect(fires(text)).toBe(false);
  });

  it('reads the last user turn and reports its index as evidence', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hello! How can I help?' },
      { role: 'user', content: 'connect me with an agent' },
    ];
    const [signal] = detectExplicitRequest(transcript, { phase: 'input' });
    expect(signal?.reason).toBe('explicit_request');
    expect(signal?.evidence[0]?.turn).toBe(2);
    expect(detectExplicitRequest(transcript, { phase: 'output' })).toEqual([]);
  });

  it('leaves a way to reach people asked for later, and asks for it now', () => {
    expect(
      fires("what's the phone number for reception and when is it staffed? in case I need to call next week"),
    ).toBe(false);
    expect(fires('what is the email of the front desk, for future reference')).toBe(false);
    expect(fires("what's the phone number for reception?")).toBe(true);
    // When the line is open is a question for later too.
    expect(fires('What hours can I call?')).toBe(false);
    expect(fires('is the phone line staffed on sundays?')).toBe(false);
    expect(fires('¿a qué hora puedo llamar?')).toBe(false);
    // Talking to a person is a request whenever it is wanted.
    expect(fires('not now, but next week I want to talk to a manager')).toBe(true);
  });

  it('reads a message that is only a quotation as words for someone else', () => {
    expect(fires('"please call Ana at reception on arrival"')).toBe(false);
    expect(fires('“Ring the bell and ask for Tom at the desk”')).toBe(false);
    expect(fires('I typed "speak to a human" and nothing happened')).toBe(true);
  });

  it('reads "the agent" as the trade agent the user named before', () => {
    const said = (...users: string[]): Transcript =>
      users.flatMap((content, index) => [
        ...(index > 0 ? [{ role: 'assistant' as const, content: 'Noted.' }] : []),
        { role: 'user' as const, content },
      ]);
    const detect = (transcript: Transcript) => detectExplicitRequest(transcript, { phase: 'input' }).length > 0;
    expect(
      detect(said('can I change my flight? my travel agent booked it', "I'll email the agent with that info")),
    ).toBe(false);
    expect(detect(said('our estate agent has the keys', 'can I call the agent about the viewing'))).toBe(false);
    // Without such an agent, or asking for one of ours, it is a request.
    expect(detect(said('can I change my flight?', 'I want to call the agent'))).toBe(true);
    expect(detect(said('my travel agent booked it', 'no, I want a real agent from your company'))).toBe(true);
  });
});
