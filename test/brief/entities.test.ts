import { describe, expect, it } from 'vitest';
import { extractEntities, mergeEntities, parseAmountNumber } from '../../src/brief/index.js';

describe('extractEntities', () => {
  it('finds order numbers written in several ways', () => {
    expect(extractEntities('Where is order #12345?').orderNumbers).toEqual(['12345']);
    expect(extractEntities('my order 98765 never came').orderNumbers).toEqual(['98765']);
    expect(extractEntities('Order number: A-20931 and ORD-2024-991').orderNumbers).toEqual(['A-20931', 'ORD-2024-991']);
    expect(extractEntities('my order number is 55512').orderNumbers).toEqual(['55512']);
    expect(extractEntities('mi pedido 998877 no llegó').orderNumbers).toEqual(['998877']);
    expect(extractEntities('Bestellnummer 44411 fehlt').orderNumbers).toEqual(['44411']);
  });

  it('does not take ordinary words after "order" for an order number', () => {
    expect(extractEntities('I want to order status updates').orderNumbers).toEqual([]);
    expect(extractEntities('the order arrived broken').orderNumbers).toEqual([]);
  });

  it('finds account numbers and IBANs', () => {
    expect(extractEntities('account number: 88812345').accountNumbers).toEqual(['88812345']);
    expect(extractEntities('customer id C-77821').accountNumbers).toEqual(['C-77821']);
    expect(extractEntities('IBAN DE89 3704 0044 0532 0130 00 please').accountNumbers).toEqual([
      'DE89 3704 0044 0532 0130 00',
    ]);
  });

  it('finds emails', () => {
    expect(extractEntities('write to ana.silva+shop@example.co.uk or José@correo.es.').emails).toEqual([
      'ana.silva+shop@example.co.uk',
      'José@correo.es',
    ]);
  });

  it('finds international and local phone numbers but not other numbers', () => {
    const text = 'call me at +44 20 7946 0958, (555) 123-4567 or 0049 30 1234567';
    expect(extractEntities(text).phoneNumbers).toEqual(['+44 20 7946 0958', '(555) 123-4567', '0049 30 1234567']);
    expect(extractEntities('call me on 0612345678').phoneNumbers).toEqual(['0612345678']);
    expect(extractEntities('I bought 3 items for 120 and waited 2024 days').phoneNumbers).toEqual([]);
    expect(extractEntities('order 123456789 on 2025-03-12').phoneNumbers).toEqual([]);
  });

  it('finds amounts with their currency in several notations', () => {
    const amounts = extractEntities(
      'charged $49.99 and 49,99 € and EUR 20 and 1.234,56 EUR, R$ 150,00, 15 dollars',
    ).amounts;
    expect(amounts).toEqual([
      { value: 49.99, currency: 'USD', text: '$49.99' },
      { value: 49.99, currency: 'EUR', text: '49,99 €' },
      { value: 20, currency: 'EUR', text: 'EUR 20' },
      { value: 1234.56, currency: 'EUR', text: '1.234,56 EUR' },
      { value: 150, currency: 'BRL', text: 'R$ 150,00' },
      { value: 15, currency: 'USD', text: '15 dollars' },
    ]);
  });

  it('finds ISO, numeric, named and relative dates', () => {
    expect(extractEntities('on 2025-03-12 and 12/03/2025').dates).toEqual(['2025-03-12', '12/03/2025']);
    expect(extractEntities('It shipped March 3rd, 2025 and arrived 5 April').dates).toEqual([
      'March 3rd, 2025',
      '5 April',
    ]);
    expect(extractEntities('I paid yesterday, not last week').dates).toEqual(['yesterday', 'last week']);
    expect(extractEntities('lo pedí el 3 de marzo, ayer llegó').dates).toEqual(['3 de marzo', 'ayer']);
    expect(extractEntities('bestellt am 3. März').dates).toEqual(['3. März']);
  });

  it('does not read "may" or "Guten Morgen" as dates', () => {
    expect(extractEntities('You may help me, Guten Morgen').dates).toEqual([]);
  });

  it('finds capitalised product names after "my" or "the" and listed products', () => {
    const entities = extractEntities('my iPhone 15 Pro and the Galaxy S24 stopped; the premium plan too', {
      products: ['Premium Plan'],
    });
    expect(entities.products).toEqual(['Premium Plan', 'iPhone 15 Pro', 'Galaxy S24']);
    expect(extractEntities('the printer is broken on Monday').products).toEqual([]);
  });

  it('keeps each entity once', () => {
    expect(extractEntities('order #12345, again order 12345').orderNumbers).toEqual(['12345']);
  });
});

describe('parseAmountNumber', () => {
  it('reads English and continental separators', () => {
    expect(parseAmountNumber('1,234.56')).toBe(1234.56);
    expect(parseAmountNumber('1.234,56')).toBe(1234.56);
    expect(parseAmountNumber('49,99')).toBe(49.99);
    expect(parseAmountNumber('1,000')).toBe(1000);
    expect(parseAmountNumber('1 000')).toBe(1000);
  });
});

describe('mergeEntities', () => {
  it('merges sets without duplicates, case-insensitively', () => {
    const merged = mergeEntities({ emails: ['A@x.io'], products: ['Kindle'] }, { emails: ['a@x.io', 'b@x.io'] });
    expect(merged.emails).toEqual(['A@x.io', 'b@x.io']);
    expect(merged.products).toEqual(['Kindle']);
  });
});

describe('extractEntities compiles no regular expression per call', () => {
  // V8 compiles regular expressions without optimizations once a process has generated about 1 MB
  // of regexp code: a compile per brief would slowly make every later compile slow.
  it('reuses its patterns, configured product names included', () => {
    const options = { products: ['Acme Router X2', 'Premium Plan'] };
    const text = 'I paid 40 EUR for the Acme Router X2 on March 3 and it broke; I have Premium Plan.';
    const first = extractEntities(text, options);
    const original = globalThis.RegExp;
    let constructed = 0;
    globalThis.RegExp = new Proxy(original, {
      construct(target, args) {
        constructed++;
        return Reflect.construct(target, args);
      },
    });
    try {
      expect(extractEntities(text, options)).toEqual(first);
    } finally {
      globalThis.RegExp = original;
    }
    expect(first.products).toEqual(['Acme Router X2', 'Premium Plan']);
    expect(constructed).toBe(0);
  });
});
