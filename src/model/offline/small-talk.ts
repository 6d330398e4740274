import { words as splitWords } from '../../text/words.js';

/** What a message is when it carries no question: a greeting, thanks and goodbyes, or praise. */
export type SmallTalk = 'greeting' | 'thanks' | 'praise';

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

const gratitudeWords = new Set(['thanks', 'thank', 'thx', 'cheers', 'appreciated', 'danke']);

/** A closing remark with no thanks word: "Great, that's all I needed." */
const closingPattern = /\b(?:thats all|thats it|all i needed|all i wanted to know|just letting you know)\b/;

/** Words that turn thanks into sarcasm or a complaint ("You've ruined my trip, thanks so much."). */
const complaintWords = new Set([
  'ruined',
  'ruin',
  'useless',
  'worst',
  'terrible',
  'awful',
  'ridiculous',
  'unacceptable',
  'joke',
  'pathetic',
  'disappointed',
  'angry',
  'not',
  'never',
  'still',
  'again',
]);

/** Praise for the shop or a product: "I love my new boots", "the jacket is amazing". */
const praisePattern =
  /\b(?:(?:i|we) (?:really |absolutely |just |totally )?(?:love|loved|adore|enjoy|enjoyed) (?:my|our|the|your|it|them|this|these|that)|(?:is|are|was|were|looks?|fits?|works?) (?:so |really |just |absolutely )?(?:great|amazing|awesome|fantastic|excellent|brilliant|wonderful|comfortable|perfect)|(?:great|amazing|awesome|excellent|brilliant|wonderful) (?:service|shop|store|product|quality|team))\b/;

/** Words that turn praise into a problem report ("I loved my boots until the sole came off"). */
const problemWords = new Set([
  ...complaintWords,
  'but',
  'until',
  'however',
  'though',
  'except',
  'broke',
  'broken',
  'late',
  'wrong',
  'missing',
  'damaged',
  'refund',
  'return',
  'cancel',
  'no',
  'dont',
  'didnt',
  'doesnt',
  'isnt',
  'wasnt',
  'cant',
  'wont',
]);

/**
 * Recognises a message that is only a greeting ("Hi there!") or only thanks ("Thanks, that helps!"), a
 * short closing statement that thanks or signs off without asking anything ("Okay, I'll pick it up in store
 * then. Thanks!"), or short praise without a question ("I love my new boots by the way"). A greeting
 * followed by a question ("Hi, where is my order?") is not small talk, nor is thanks or praise beside a
 * complaint.
 */
export function detectSmallTalk(text: string): SmallTalk | undefined {
  const normalized = text.toLowerCase().replace(/['’]/g, '');
  const words = splitWords(normalized);
  if (words.length === 0) return undefined;
  if (words.length <= 12) {
    let greeting = false;
    let thanks = false;
    let other = false;
    for (const word of words) {
      if (greetingWords.has(word)) greeting = true;
      else if (thanksWords.has(word)) thanks = true;
      else if (!fillerWords.has(word)) other = true;
    }
    if (!other && thanks) return 'thanks';
    if (!other && greeting) return 'greeting';
  }
  if (
    words.length <= 14 &&
    !text.includes('?') &&
    praisePattern.test(words.join(' ')) &&
    !words.some((word) => problemWords.has(word))
  ) {
    return 'praise';
  }
  // Only plain thanks: "goodbye" inside a longer message can be a farewell of a very different kind.
  const closing = words.some((word) => gratitudeWords.has(word)) || closingPattern.test(words.join(' '));
  if (closing && words.length <= 16 && !text.includes('?') && !words.some((word) => complaintWords.has(word))) {
    return 'thanks';
  }
  return undefined;
}
