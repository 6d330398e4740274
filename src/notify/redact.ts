/**
 * PII masking for notifications and traces: emails, IBANs, payment card numbers and phone
 * numbers are replaced by `[email]`, `[iban]`, `[card]` and `[phone]`.
 *
 * Cards must pass the Luhn check and IBANs the mod-97 check, so order numbers and other
 * long codes stay readable. Phone numbers are matched by shape: an international `+`
 * number of 8 to 15 digits, or a national one of 9 to 15 digits (shorter runs are left,
 * so dates, times, amounts and short codes are not masked; so is a run after `#`, an order
 * number). Seven-digit local numbers (`555-1234`) are not caught.
 */

/**
 * Every pattern starts only where a run of its characters starts (a lookbehind) and has
 * bounded repeats, so the time stays linear in the text's length even for hostile input.
 */
const emailPattern =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g;
/** Country code, check digits, then 11 to 30 letters or digits, optionally in groups of four. */
const ibanPattern = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])/g;
/** 13 to 19 digits, contiguous or in the usual groups (4-4-4-x, Amex 4-6-5, Diners 4-6-4). */
const cardPattern =
  /(?<![\d-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\d])(?!-\d)/g;
/** A run of digits with an optional `+`, parentheses and space, dot or dash separators; checked by {@link looksLikePhone}. */
const phonePattern = /(?<![\w+.#-])\+?\(?\d[\d ().-]{5,30}\d(?![\w:])/g;
/** Dates that a phone match must not start with (`2024-05-01`, `01.05.2024`). */
const datePattern = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?!\d)/;

/** Masks emails, IBANs, card numbers (Luhn) and phone numbers in `text`. */
export function redactPii(text: string): string {
  return text
    .replace(emailPattern, '[email]')
    .replace(ibanPattern, maskIban)
    .replace(cardPattern, (match) => (passesLuhn(match.replace(/\D/g, '')) ? '[card]' : match))
    .replace(phonePattern, (match) => (looksLikePhone(match) ? '[phone]' : match));
}

/**
 * Masks PII in every string of a value, deep through arrays and plain objects. Keys,
 * numbers and other values are kept; the input is not changed.
 */
export function redactValue<T>(value: T): T {
  return redactDeep(value, new WeakMap()) as T;
}

function redactDeep(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactPii(value);
  if (value === null || typeof value !== 'object') return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redactDeep(item, seen));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, seen);
  return copy;
}

/**
 * The pattern may run on into the next words (`DE89 3704 ... 00 please`), so the longest
 * valid IBAN that ends at a word break is masked and the rest kept.
 */
function maskIban(match: string): string {
  for (let end = match.length; end >= 15; end--) {
    if (end < match.length && match[end] !== ' ') continue;
    if (isValidIban(match.slice(0, end))) return `[iban]${match.slice(end)}`;
  }
  return match;
}

function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (digits > 15 || digits < (match.startsWith('+') ? 8 : 9)) return false;
  // One separator between digit groups (a space may sit next to a parenthesis).
  if (/[ .-]{2,}|[.-][ ()]|[ ()][.-]|\(\s*\)/.test(match)) return false;
  return !datePattern.test(match);
}

/** The Luhn checksum over a string of digits. */
function passesLuhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ISO 13616: move the first four characters to the end, letters to numbers, mod 97 is 1. */
function isValidIban(match: string): boolean {
  const iban = match.replace(/ /g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = character >= 'A' ? character.charCodeAt(0) - 55 : Number(character);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}
