import { guardPattern } from './guard-pattern.js';

/**
 * A feeling said as mild just before it (normalized text): "a bit annoying", "kinda frustrating",
 * "slightly irritating", "un poco molesto", "ein bisschen nervig", "un peu agaçant", "um pouco
 * chato", "een beetje vervelend", "un po' fastidioso", "trochę irytujące", "lite irriterande",
 * "biraz sinir bozucu", "agak kesal". Anchored at the end of the text before the feeling word.
 */
const hedgeBefore = guardPattern(
  /(?:^|\s)(?:a (?:bit|little|tad)|bit|little|abit|kinda|kind of|sort of|sorta|slightly|somewhat|mildly|a touch|un poco|un pelin|um pouco|meio|un peu|ein (?:bisschen|wenig)|etwas|leicht|un po'?|un pochino|een (?:beetje|tikkeltje)|beetje|troche|nieco|lite|en smule|lidt|litt|vahan|hieman|biraz|biraz da|agak|sedikit)\s+(?:\S+\s+)?$/,
);

/** True when the words starting at `start` of the normalized text are softened by a hedge just before them. */
export function isHedged(text: string, start: number): boolean {
  return hedgeBefore.test(text.slice(Math.max(0, start - 24), start));
}
