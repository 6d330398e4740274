/**
 * Writes sorted, distinct a-z words front-coded, as the model file keeps its protected words: each
 * word is the number of leading letters it shares with the word before (0 to 9) and the rest of its
 * letters ("aap aard aart" is "0aap2rd3t"). Sorted word lists shrink to less than half, and to about
 * half gzipped.
 */
export function frontCode(words: readonly string[]): string {
  let coded = '';
  let previous = '';
  for (const word of words) {
    if (!/^[a-z]+$/.test(word) || word <= previous) throw new Error(`not a sorted, distinct a-z word: "${word}"`);
    let shared = 0;
    while (shared < 9 && shared < previous.length && previous[shared] === word[shared]) shared++;
    coded += `${shared}${word.slice(shared)}`;
    previous = word;
  }
  return coded;
}

/** The words of a {@link frontCode} string, in order. */
export function frontDecode(coded: string): string[] {
  const words: string[] = [];
  let previous = '';
  for (const [, shared, rest] of coded.matchAll(/([0-9])([a-z]+)/g)) {
    previous = previous.slice(0, Number(shared)) + rest;
    words.push(previous);
  }
  return words;
}
