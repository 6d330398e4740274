/**
 * Greetings, thanks, farewells and one-word acknowledgements in the supported languages. Such
 * messages are never out of scope and never a repeated question.
 */
const smalltalkPattern = new RegExp(
  '^(?:(?:hi|hii+|hello|hey|heya|hiya|yo|good (?:morning|afternoon|evening|day)|greetings|howdy|' +
    'thanks?|thank you|thank u|thx|ty|cheers|many thanks|thanks a lot|much appreciated|appreciate it|great|perfect|' +
    'ok|okay|k|kk|sure|yes|yeah|yep|yup|no|nope|nah|alright|all right|fine|cool|nice|got it|understood|i see|' +
    "bye|goodbye|bye bye|see you|see ya|later|that'?s all|that is all|nothing else|no thanks|no thank you|" +
    'hola|buenos dias|buenas tardes|buenas noches|gracias|muchas gracias|adios|si|vale|' +
    'ola|oi|bom dia|boa tarde|boa noite|obrigad[oa]|muito obrigad[oa]|tchau|sim|' +
    "bonjour|bonsoir|salut|merci|merci beaucoup|au revoir|oui|d'accord|" +
    'hallo|guten (?:morgen|tag|abend)|servus|moin|danke|danke schon|vielen dank|tschuss|ja|nein|' +
    "how are you|how are you doing|how'?s it going|what'?s up|sup|you there|are you there|anyone there|" +
    'good|awesome|excellent|wonderful|amazing|lol|haha|hmm+|please|pls)' +
    '(?:\\s+(?:there|so much|very much|again|a lot|bot|friend|mate|guys|team|you|then|now)){0,3}[\\s!.?,:)(;-]*)+$',
);

/** True when the normalized text is only smalltalk (greeting, thanks, yes/no, goodbye). */
export function isSmalltalk(normalized: string): boolean {
  return normalized.length === 0 || smalltalkPattern.test(normalized);
}
