import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactPii, redactValue } from '../../src/notify/redact.js';

/** Appends the Luhn check digit to `body`. */
function withLuhnDigit(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    let digit = Number(body[body.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe('redactPii', () => {
  it.each([
    ['Write to jane.doe+tag@mail.example.co.uk today', 'Write to [email] today'],
    ['Call +1 415 555 0123.', 'Call [phone].'],
    ['Call (415) 555-0123 or 415.555.0123', 'Call [phone] or [phone]'],
    ['UK: +44 20 7946 0958, national 020 7946 0958', 'UK: [phone], national [phone]'],
    ['Berlin +49 30 1234567', 'Berlin [phone]'],
    ['my number is 4155550123', 'my number is [phone]'],
    ['Visa 4111 1111 1111 1111 exp 12/25', 'Visa [card] exp 12/25'],
    ['card 4111-1111-1111-1111', 'card [card]'],
    ['Mastercard 5555555555554444.', 'Mastercard [card].'],
    ['Amex 3782 822463 10005 and 378282246310005', 'Amex [card] and [card]'],
    ['IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [iban] please'],
    ['GB82WEST12345698765432 / gb82 west 1234 5698 7654 32', '[iban] / [iban]'],
    ['FR1420041010050500013M02606.', '[iban].'],
  ])('masks %j', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    'Charged on 2024-05-01 14:32 and again on 01.05.2024',
    'Order 10442, order #123456789, total $1,234.56',
    'Version 1.2.3 at 12:30, zip 94107',
    // Fails the Luhn check: not a card.
    'Reference 4111 1111 1111 1112',
    // Fails the IBAN check digits.
    'DE00 3704 0044 0532 0130 00',
    'ref AB12CDEF34567890XY',
    'No PII here at all.',
  ])('leaves %j alone', (input) => {
    expect(redactPii(input)).toBe(input);
  });

  it('masks every Luhn-valid card number of 13 to 19 digits, however surrounded', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{11,17}$/),
        fc.constantFrom('', 'Card: ', 'pay with '),
        fc.constantFrom('', '.', ' thanks'),
        (body, before, after) => {
          const card = withLuhnDigit(body);
          expect(redactPii(`${before}${card}${after}`)).toBe(`${before}[card]${after}`);
        },
      ),
    );
  });

  it('does not change text without digits or @', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z ,.!?'()-]*$/), (text) => {
        expect(redactPii(text)).toBe(text);
      }),
    );
  });
});

describe('redactValue', () => {
  it('masks strings deep in objects and arrays and keeps everything else', () => {
    const createdAt = new Date('2026-03-01T00:00:00Z');
    const input = {
      summary: 'Mail jane@example.com',
      count: 4155550123,
      nested: { list: ['ok', 'call +1 415 555 0123', null, true] },
      createdAt,
    };
    const output = redactValue(input);
    expect(output).toEqual({
      summary: 'Mail [email]',
      count: 4155550123,
      nested: { list: ['ok', 'call [phone]', null, true] },
      createdAt,
    });
    expect(output.createdAt).toBe(createdAt);
    // The input is not changed.
    expect(input.summary).toBe('Mail jane@example.com');
    expect(redactValue('a@b.co')).toBe('[email]');
    expect(redactValue(undefined)).toBeUndefined();
  });

  it('handles cycles', () => {
    const input: { text: string; self?: unknown } = { text: 'jane@example.com' };
    input.self = input;
    const output = redactValue(input) as { text: string; self: unknown };
    expect(output.text).toBe('[email]');
    expect(output.self).toBe(output);
  });
});
