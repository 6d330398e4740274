import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../src/guard/guard.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { isOwnRole } from '../../../src/guard/text/own-role.js';

const roleAt = (text: string, word: string) => {
  const normalized = normalizeText(text);
  return isOwnRole(normalized, normalized.indexOf(word));
};
const guard = createGuard();
const escalates = (text: string) => guard.check([{ role: 'user', content: text }], 'input').escalate;

describe('isOwnRole', () => {
  it('reads a profession the writer names as their own', () => {
    expect(roleAt("I'm a lawyer and need to update my address", 'lawyer')).toBe(true);
    expect(roleAt('I am a retired attorney', 'attorney')).toBe(true);
    expect(roleAt('soy abogada y necesito una factura', 'abogada')).toBe(true);
    expect(roleAt('ich bin Anwalt', 'anwalt')).toBe(true);
  });

  it('does not read a verb or an "as a" comparison as a role', () => {
    expect(roleAt("I'm calling my bank to reverse the charge", 'calling')).toBe(false);
    expect(roleAt('report this purchase as a business expense', 'business')).toBe(false);
    expect(roleAt('my lawyer will be in touch', 'lawyer')).toBe(false);
  });
});

describe('the guard with roles', () => {
  it('keeps a professional asking an ordinary question, and hears the threat', () => {
    expect(escalates("I'm a lawyer and need to update the billing address to my new office")).toBe(false);
    expect(escalates("I'm a lawyer and I will sue you")).toBe(true);
    expect(escalates('my lawyer will be in touch')).toBe(true);
  });
});
