import { expect, it } from 'vitest';
import { createGuard } from '../../../../src/guard/index.js';
import { builtInLexicons } from '../../../../src/guard/lexicon/languages.js';

/** What one built-in language must get right, message by message, through the whole guard. */
export interface LanguageCases {
  language: string;
  /** Asking for a person, directly, by a contact channel, in one word, indirectly. */
  requests: readonly string[];
  /** Crisis wording: direct, indirect, a plan or means, self-harm, abuse. */
  crises: readonly string[];
  /** Money taken, closing an account or contract, legal threats. */
  stakes: readonly string[];
  /** Ordinary messages with a trigger word in them (a person added to an account, "dying of curiosity"). */
  ordinary: readonly string[];
  /** Requests turned around by a negation. */
  negated: readonly string[];
}

/** Declares the tests of {@link LanguageCases} against the default guard. */
export function describeLanguageCases(cases: LanguageCases): void {
  const guard = createGuard();
  const check = (text: string) => guard.check([{ role: 'user', content: text }], 'input');
  const lexicon = builtInLexicons.find((candidate) => candidate.language === cases.language);

  it('is a built-in lexicon', () => {
    expect(lexicon?.language).toBe(cases.language);
  });

  it.each(cases.requests)('hears a request for a person in %j', (text) => {
    expect(check(text).reasons.map((reason) => reason.reason)).toContain('explicit_request');
  });

  it.each(cases.crises)('escalates %j as a crisis, answering in the language', (text) => {
    const decision = check(text);
    expect(decision.reasons[0]?.reason).toBe('crisis');
    expect(decision.urgency).toBe('critical');
    expect(decision.userMessage).toBe(lexicon?.crisisMessage);
  });

  it.each(cases.stakes)('escalates %j as high stakes', (text) => {
    expect(check(text).reasons.map((reason) => reason.reason)).toContain('high_stakes');
  });

  it.each(cases.ordinary)('handles the ordinary %j', (text) => {
    expect(check(text).escalate).toBe(false);
  });

  it.each(cases.negated)('takes no request from the negated %j', (text) => {
    expect(check(text).reasons.map((reason) => reason.reason)).not.toContain('explicit_request');
  });
}
