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
});
