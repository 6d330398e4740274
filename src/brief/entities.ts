import type { BriefEntities } from './handoff-brief.js';

/** Options of {@link extractEntities}. */
export interface ExtractEntitiesOptions {
  /**
   * Product names to look for (case-insensitive, whole words). A match is reported with the
   * spelling given here.
   * @default []
   */
  products?: readonly string[];
}

/** An empty set of entities. */
export function emptyEntities(): BriefEntities {
  return {
    orderNumbers: [],
    accountNumbers: [],
    emails: [],
    phoneNumbers: [],
    amounts: [],
    dates: [],
    products: [],
  };
}

// The lookbehind starts a match only where a run of address characters starts, keeping the scan linear.
const emailPattern = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// `order 12345`, `order number: A-1234`, `pedido 998877`, `commande n° 5551`, `Bestellnummer 12345`.
const orderKeywordPattern =
  /\b(?:order|pedido|encomenda|commande|bestellung|bestellnummer|auftrag)(?:\s*(?:number|num\.?|no\.?|nr\.?|n[º°o]\.?|#|id|n[úu]mero|numéro|nummer))?(?:\s+(?:is|was|es|era|é|est|ist))?\s*[:#]?\s*#?([A-Z0-9][A-Z0-9-]{2,}[A-Z0-9])\b/giu;
// `#12345`, `#A1B2C3`: a hash followed by an identifier with at least three digits.
const hashPattern = /(?<![\w&])#([A-Z0-9-]*\d[A-Z0-9-]*)\b/giu;
// `ORD-2024-991`, `PO-12345`, `SO12345`.
const orderPrefixPattern = /\b((?:ORD|ORDER|PO|SO)[-_]?\d[\dA-Z-]*\d)\b/giu;

const accountPattern =
  /\b(?:account|acct|customer|member|membership|client|cuenta|conta|compte|kundennummer|konto)(?:\s*(?:number|num\.?|no\.?|nr\.?|#|id|n[úu]mero|numéro|nummer))?(?:\s+(?:is|was|es|era|é|est|ist))?\s*[:#]?\s*#?([A-Z0-9][A-Z0-9-]{2,}[A-Z0-9])\b/giu;
const ibanPattern = /\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)\b/gu;

const monthNames = [
  // en
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  // es
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  // pt
  'janeiro',
  'fevereiro',
  'março',
  'maio',
  'junho',
  'julho',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
  // fr
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  // de
  'januar',
  'februar',
  'märz',
  'juni',
  'juli',
  'oktober',
  'dezember',
];
const month = `(?:${[...new Set(monthNames)].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const day = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º)?';
const datePatterns: RegExp[] = [
  // 2025-03-12, 2025-03-12T10:00:00Z
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/gu,
  // 12/03/2025, 3.12.2025, 12-03-25
  /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/gu,
  // March 3, March 3rd, 2025
  new RegExp(`(?<![\\p{L}])${month}\\s+${day}(?:,?\\s+\\d{4})?(?![\\p{L}\\d])`, 'giu'),
  // 3 March, 3rd of March 2025, 3 de marzo (de 2025), 3. März
  new RegExp(`(?<![\\p{L}\\d])${day}\\.?\\s+(?:of\\s+|de\\s+)?${month}(?:,?\\s+(?:de\\s+)?\\d{4})?(?![\\p{L}])`, 'giu'),
  // yesterday, last Monday, la semana pasada, ontem, hier, gestern ...
  /(?<![\p{L}])(?:today|yesterday|tomorrow|the day before yesterday|last (?:week|month|year|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this morning|hoy|ayer|anteayer|mañana|la semana pasada|el mes pasado|hoje|ontem|amanhã|anteontem|semana passada|mês passado|aujourd'hui|hier|demain|avant-hier|la semaine dernière|le mois dernier|heute|gestern|(?<!guten\s)morgen|vorgestern|letzte woche|letzten monat)(?![\p{L}])/giu,
];

const currencySymbols: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  R$: 'BRL',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};
const currencyWords: Record<string, string> = {
  euro: 'EUR',
  euros: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  dólares: 'USD',
  dolares: 'USD',
  dólar: 'USD',
  reais: 'BRL',
  pound: 'GBP',
  pounds: 'GBP',
  libras: 'GBP',
};
const currencyCodes = 'EUR|USD|GBP|BRL|CHF|MXN|CAD|AUD|JPY|INR|ARS|COP|CLP|SEK|NOK|DKK|PLN';
const number = '\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
const symbol = '(?:US\\$|R\\$|[$€£¥₹])';
const amountPatterns: RegExp[] = [
  // $49.99, € 20, R$ 150,00
  new RegExp(`${symbol}\\s?(?:${number})(?![\\d])`, 'gu'),
  // 49,99 €, 20 EUR, 15 dollars
  new RegExp(
    `(?<![\\d.,])(?:${number})\\s?(?:${symbol}|(?:${currencyCodes})\\b|(?:euros?|dollars?|d[óo]lar(?:es)?|reais|pounds?|libras)(?![\\p{L}]))`,
    'giu',
  ),
  // EUR 20, USD 1,000
  new RegExp(`\\b(?:${currencyCodes})\\s?(?:${number})(?![\\d])`, 'gu'),
];

// A run of digits with phone separators; validated by digit count afterwards.
const phoneCandidatePattern = /(?:\+|\b00)?\(?\d[\d\s().\u00a0-]{5,}\d/gu;
const phoneKeywordPattern =
  /(?:phone|tel|telephone|mobile|cell|call|whatsapp|teléfono|telefono|telefone|celular|móvil|movil|téléphone|portable|telefon|handy|nummer)(?:\s+(?:me|us|me on|me at|me al|me no|moi au|mich unter))?(?:\s+(?:on|at|is|al|no|au|unter|:))?\W*$/iu;

const productLeadPattern =
  /(?<![\p{L}])(?:[Mm]y|[Tt]he|[Mm]i|[Mm]is|[Mm]eu|[Mm]inha|[Mm]on|[Mm]a|[Mm]es)\s+((?:\p{Lu}[\p{L}\d+-]*|\p{Ll}\p{Lu}[\p{L}\d+-]*|\d+[\p{L}\d-]*)(?:\s+(?:\p{Lu}[\p{L}\d+-]*|\d+[\p{L}\d-]*))*)/gu;
const notProducts = new Set([
  'i',
  'im',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'us',
  'uk',
  'eu',
  'internet',
  'company',
  'team',
  'bank',
  'app store',
  'play store',
  'ok',
]);

interface Span {
  start: number;
  end: number;
}

/** Replaces matched spans with spaces so later extractors do not read the same characters twice. */
function mask(text: string, spans: Span[]): string {
  let masked = text;
  for (const { start, end } of spans) {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  }
  return masked;
}

function collect(text: string, pattern: RegExp, group = 0): Array<{ value: string } & Span> {
  const found: Array<{ value: string } & Span> = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[group];
    if (value === undefined) continue;
    const start = match.index ?? 0;
    found.push({ value: value.trim(), start, end: start + match[0].length });
  }
  return found;
}

/** Keeps the earliest (then longest) of overlapping matches. */
function withoutOverlaps<T extends Span>(found: T[]): T[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const item of sorted) {
    if (kept.some((other) => item.start < other.end && other.start < item.end)) continue;
    kept.push(item);
  }
  return kept;
}

function pushUnique<T>(list: T[], value: T, key: (item: T) => string = String): void {
  const id = key(value).toLowerCase();
  if (!list.some((item) => key(item).toLowerCase() === id)) list.push(value);
}

/**
 * Reads a number as written in English (`1,234.56`) or continental (`1.234,56`, `49,99`) style.
 * A single separator followed by exactly three digits is a thousands separator.
 */
export function parseAmountNumber(text: string): number {
  const digits = text.replace(/[\s\u00a0]/g, '');
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    normalized = digits.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const parts = digits.split(separator);
    const last = parts[parts.length - 1] ?? '';
    normalized = parts.length === 2 && last.length !== 3 ? parts.join('.') : parts.join('');
  } else {
    normalized = digits;
  }
  return Number(normalized);
}

const currencyCodePattern = new RegExp(`\\b(?:${currencyCodes})\\b`, 'iu');

function amountCurrency(text: string): string | undefined {
  const symbolMatch = /US\$|R\$|[$€£¥₹]/u.exec(text);
  if (symbolMatch) return currencySymbols[symbolMatch[0]];
  const codeMatch = currencyCodePattern.exec(text);
  if (codeMatch) return codeMatch[0].toUpperCase();
  const wordMatch = /[\p{L}]+$/u.exec(text.trim());
  return wordMatch ? currencyWords[wordMatch[0].toLowerCase()] : undefined;
}

const monthOnlyPattern = new RegExp(`^${month}$`, 'iu');

/**
 * The pattern of each configured product name, compiled once. V8 compiles a regular expression
 * without its optimizations once a process has generated about 1 MB of regexp code, so one
 * compiled per brief would, over a long-running process, leave every later compile slow.
 */
const productPatterns = new Map<string, RegExp>();
const productPatternLimit = 1_000;

function productPattern(product: string): RegExp {
  let pattern = productPatterns.get(product);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(product)}(?![\\p{L}\\d])`, 'iu');
    if (productPatterns.size < productPatternLimit) productPatterns.set(product, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds order and account numbers, emails, phone numbers, amounts with currency, dates and
 * product names in a customer's text. Pure and deterministic; each list keeps the order of
 * first appearance without duplicates. Order numbers are reported without `#` or the word
 * "order" (`order #12345` gives `12345`); amounts and dates as written.
 *
 * @example
 * extractEntities('I was charged $49.99 twice for order #12345 yesterday');
 * // { orderNumbers: ['12345'], amounts: [{ value: 49.99, currency: 'USD', text: '$49.99' }], dates: ['yesterday'], ... }
 */
export function extractEntities(text: string, options: ExtractEntitiesOptions = {}): BriefEntities {
  const entities = emptyEntities();
  let rest = text;

  const emails = collect(rest, emailPattern);
  for (const email of emails) pushUnique(entities.emails, email.value);
  rest = mask(rest, emails);

  const orders = withoutOverlaps(
    [
      ...collect(rest, orderPrefixPattern, 1),
      ...collect(rest, orderKeywordPattern, 1),
      ...collect(rest, hashPattern, 1),
    ].filter((order) => /\d/.test(order.value)),
  );
  for (const order of orders) pushUnique(entities.orderNumbers, order.value);
  rest = mask(rest, orders);

  const accounts = withoutOverlaps(
    [...collect(rest, accountPattern, 1), ...collect(rest, ibanPattern, 1)].filter((account) =>
      /\d/.test(account.value),
    ),
  );
  for (const account of accounts) pushUnique(entities.accountNumbers, account.value);
  rest = mask(rest, accounts);

  const dates = withoutOverlaps(datePatterns.flatMap((pattern) => collect(rest, pattern)));
  for (const date of dates) pushUnique(entities.dates, date.value);
  rest = mask(rest, dates);

  const amounts = withoutOverlaps(amountPatterns.flatMap((pattern) => collect(rest, pattern)));
  for (const amount of amounts) {
    const numberText = /\d[\d.,\s\u00a0]*\d|\d/u.exec(amount.value)?.[0] ?? '';
    const value = parseAmountNumber(numberText);
    if (!Number.isFinite(value)) continue;
    const currency = amountCurrency(amount.value);
    pushUnique(
      entities.amounts,
      currency ? { value, currency, text: amount.value } : { value, text: amount.value },
      (item) => item.text,
    );
  }
  rest = mask(rest, amounts);

  for (const phone of collect(rest, phoneCandidatePattern)) {
    const value = phone.value.replace(/[\s(.-]+$/u, '');
    const digitCount = value.replace(/\D/g, '').length;
    const international = value.startsWith('+') || value.startsWith('00');
    const separated = /[\s().-]/.test(value.replace(/^\+/, ''));
    const announced = phoneKeywordPattern.test(text.slice(Math.max(0, phone.start - 24), phone.start));
    const looksLikePhone = international
      ? digitCount >= 8 && digitCount <= 15
      : (separated && digitCount >= 9 && digitCount <= 12) || (announced && digitCount >= 7 && digitCount <= 15);
    if (looksLikePhone) pushUnique(entities.phoneNumbers, value);
  }

  for (const product of options.products ?? []) {
    if (!product.trim()) continue;
    if (productPattern(product).test(text)) pushUnique(entities.products, product);
  }
  for (const match of text.matchAll(productLeadPattern)) {
    const name = match[1]?.trim();
    if (!name || notProducts.has(name.toLowerCase())) continue;
    if (/^\d+$/.test(name)) continue;
    if (monthOnlyPattern.test(name)) continue;
    pushUnique(entities.products, name);
  }

  return entities;
}

/** Merges entity sets, keeping the first spelling of each value and the order of appearance. */
export function mergeEntities(...sets: ReadonlyArray<Partial<BriefEntities> | undefined>): BriefEntities {
  const merged = emptyEntities();
  for (const set of sets) {
    if (!set) continue;
    for (const value of set.orderNumbers ?? []) pushUnique(merged.orderNumbers, value);
    for (const value of set.accountNumbers ?? []) pushUnique(merged.accountNumbers, value);
    for (const value of set.emails ?? []) pushUnique(merged.emails, value);
    for (const value of set.phoneNumbers ?? []) pushUnique(merged.phoneNumbers, value);
    for (const value of set.amounts ?? []) pushUnique(merged.amounts, value, (item) => item.text);
    for (const value of set.dates ?? []) pushUnique(merged.dates, value);
    for (const value of set.products ?? []) pushUnique(merged.products, value);
  }
  return merged;
}
