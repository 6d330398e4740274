/** What a message is when it carries no question: a greeting, or thanks and goodbyes. */
export type SmallTalk = 'greeting' | 'thanks';

const greetingWords = new Set([
  'hi',
  'hello',
  'hey',
  'hallo',
  'moin',
  'servus',
  'howdy',
  'morning',
  'afternoon',
  'evening',
]);
const thanksWords = new Set(['thanks', 'thank', 'thx', 'cheers', 'bye', 'goodbye', 'ciao', 'danke', 'appreciated']);
const fillerWords = new Set([
  'there',
  'good',
  'you',
  'so',
  'much',
  'very',
  'many',
  'a',
  'lot',
  'ok',
  'okay',
  'great',
  'perfect',
  'awesome',
  'that',
  'thats',
  'this',
  'helps',
  'helped',
  'helpful',
  'was',
  'is',
  'have',
  'nice',
  'day',
  'all',
  'team',
  'again',
  'for',
  'the',
  'help',
  'your',
  'oh',
  'cool',
  'super',
  'wonderful',
  'brilliant',
  'and',
  'everyone',
  'folks',
]);

/**
 * Recognises a message that is only a greeting ("Hi there!") or only thanks ("Thanks, that helps!").
 * A greeting followed by a question ("Hi, where is my order?") is not small talk.
 */
export function detectSmallTalk(text: string): SmallTalk | undefined {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0 || words.length > 12) return undefined;
  let greeting = false;
  let thanks = false;
  for (const word of words) {
    if (greetingWords.has(word)) greeting = true;
    else if (thanksWords.has(word)) thanks = true;
    else if (!fillerWords.has(word)) return undefined;
  }
  if (thanks) return 'thanks';
  return greeting ? 'greeting' : undefined;
}
