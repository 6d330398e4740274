import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standalonePattern } from '../../src/guard/detectors/explicit-request.js';
import { negatedAfter } from '../../src/guard/text/negation.js';
import { normalizeText } from '../../src/guard/text/normalize-text.js';
import { isSmalltalk } from '../../src/guard/text/smalltalk.js';

/**
 * The guard patterns that backtracked exponentially (and, at the end, the one that was quadratic on
 * runs of whitespace), as they were, to show that their replacements accept and reject exactly the
 * same texts. Only ever run on short texts here: on
 * "bye bye bye ... card" or "agent!!!!...x" they take seconds.
 */
const oldSmalltalkPattern = new RegExp(
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
const oldIsSmalltalk = (text: string) => text.length === 0 || oldSmalltalkPattern.test(text);

/** The old standalone pattern: the new one with the trailing `!+` and `\?+` alternatives put back. */
const standaloneTrail = '|immediately|again))*[\\s,.!?:]*$';
const oldStandalonePattern = new RegExp(
  standalonePattern.source.replace(standaloneTrail, '|immediately|again|!+|\\?+))*[\\s,.!?:]*$'),
);

/** Short messages as users write them: smalltalk, bare requests for a person, and near misses. */
const corpus = [
  'hi',
  'hello',
  'hey there',
  'hi there bot',
  'hiii',
  'hiiii there!',
  'heya friend',
  'yo',
  'good morning',
  'good morning team!',
  'good evening :)',
  'greetings',
  'howdy',
  'thanks',
  'thank you',
  'thank you so much!!',
  'thanks a lot',
  'thanks a lot mate',
  'thanks again team',
  'thank u',
  'thx',
  'ty',
  'ty!',
  'cheers',
  'many thanks',
  'much appreciated',
  'appreciate it',
  'great, thanks',
  'perfect thank you',
  'ok',
  'okay',
  'ok thanks bye',
  'ok, got it',
  'k',
  'kk',
  'kkk',
  'sure',
  'yes please',
  'yeah',
  'yep',
  'yup',
  'no',
  'nope',
  'nah',
  'no thanks',
  'no thank you',
  'no no no',
  'no no no bot',
  'alright',
  'all right then',
  'fine',
  'cool cool',
  'nice',
  'understood',
  'i see',
  'bye',
  'bye bye',
  'bye bye bye',
  'bye bye card',
  'goodbye',
  'see you',
  'see ya later',
  "that's all",
  'thats all thanks',
  'that is all',
  'nothing else',
  'hola',
  'hola, buenos dias',
  'buenas tardes',
  'buenas noches',
  'gracias',
  'muchas gracias!',
  'adios',
  'si',
  'vale',
  'ola',
  'oi',
  'bom dia',
  'boa tarde',
  'boa noite',
  'obrigado',
  'obrigada!',
  'muito obrigado',
  'tchau',
  'sim',
  'bonjour',
  'bonsoir',
  'salut',
  'merci',
  'merci beaucoup :)',
  'au revoir',
  'oui',
  "d'accord",
  'hallo',
  'guten morgen',
  'guten tag',
  'guten abend',
  'servus',
  'moin',
  'danke',
  'danke schon',
  'vielen dank!',
  'tschuss',
  'ja',
  'nein',
  'how are you',
  'how are you doing?',
  "how's it going",
  'hows it going',
  "what's up",
  'whats up',
  'sup',
  'you there?',
  'are you there??',
  'anyone there?',
  'good',
  'awesome!',
  'excellent',
  'wonderful',
  'amazing',
  'lol',
  'haha',
  'hmm',
  'hmmmm...',
  'please',
  'pls',
  'hi, my card was stolen',
  'thanks but i still need help',
  'ok so how do i reset my pin',
  'hello, i want to close my account',
  'yes i want a refund',
  'hi i need a human',
  'agent',
  'agent please',
  'agent please!!',
  'agent!!!',
  'agent?',
  'human',
  'human???',
  'humans!',
  'huuuman',
  'a human please',
  'real person now',
  'representative',
  'REPRESENTATIVE!!!',
  'live agent asap',
  'customer service please',
  'someone please',
  'i want a human',
  'i need an agent',
  'give me an operator',
  'connect me to a person',
  'just a human',
  'operator!!!',
  'manager, now!',
  'supervisor please.',
  'una persona por favor',
  'un agente por favor',
  'quiero un humano',
  'humano por favor',
  'atendente agora',
  'um atendente por favor',
  'une personne svp',
  "quelqu'un s'il vous plait",
  'je veux un conseiller',
  'ein mensch bitte',
  'mitarbeiter bitte',
  'ich will einen menschen',
  'jemand jetzt',
  'human resources',
  'human-like',
  'human error',
  'agent fees',
  'agent!!!!x',
  'agent ! ? ! please',
  'person to person',
  'talk to a human',
  'hi there, agent please',
  '你好',
  '谢谢',
  '人工客服',
  'こんにちは',
  '👍',
  'thanks 👍',
  '🙏🙏🙏',
  '',
  ' ',
  '!!!',
  '???',
  '...',
];

/** Word fragments of the old smalltalk pattern, to glue into texts it may or may not accept. */
const smalltalkFragments = [...new Set(oldSmalltalkPattern.source.match(/[a-z']+/g) ?? [])];
const glue = ['', ' ', '  ', '\t', '\n', '\u00a0', '!', '!!', '?', '.', ',', ':', ')', '(', ';', '-', ' :)', "'", 'x'];
const gluedSmalltalk = fc
  .array(fc.tuple(fc.constantFrom(...smalltalkFragments), fc.constantFrom(...glue)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([fragment, joint]) => fragment + joint).join(''));

/** A text with one character inserted, deleted or replaced. */
const mutated = (texts: fc.Arbitrary<string>) =>
  fc
    .tuple(
      texts,
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom(...glue, 'a', 'i', 'm', 's'),
    )
    .map(([text, at, how, character]) => {
      const index = text.length === 0 ? 0 : at % text.length;
      if (how === 'insert') return text.slice(0, index) + character + text.slice(index);
      return text.slice(0, index) + (how === 'replace' ? character : '') + text.slice(index + 1);
    });

const smalltalkTexts = fc.oneof(
  fc.stringMatching(oldSmalltalkPattern, { maxLength: 32 }),
  mutated(fc.stringMatching(oldSmalltalkPattern, { maxLength: 32 })),
  gluedSmalltalk,
  mutated(gluedSmalltalk),
);

/** The fillers and trailing words of the standalone pattern, as its source lists them. */
const fillers = standalonePattern.source.match(/^\^\(\?:\(\?:([^)]*)\)\\b/)?.[1]?.split('|') ?? [];
const trailing = standalonePattern.source.match(/\(\?:\[\\s,\.!\?:\]\+\(\?:([^)]*)\)\)\*/)?.[1]?.split('|') ?? [];
const people = [
  ...['human', 'humans', 'huuuman', 'hhuman', 'humann', 'humna', 'hooman', 'person', 'persons', 'agent', 'agents'],
  ...['live agent', 'real agent', 'customer service', 'customer care', 'support team', 'help desk', 'helpdesk'],
  ...['representative', 'rep', 'csr', 'operator', 'manager', 'supervisor', 'someone', 'some one', 'anybody'],
  ...['staff', 'staff member', 'member of staff', 'member of your team', 'front desk', 'concierge', 'teller'],
  ...['humano', 'persona', 'agente', 'alguien', 'pessoa', 'atendente', 'alguem', 'personne', "quelqu'un"],
  ...['quelqu un', 'conseiller', 'mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'jemand', 'kundendienst'],
  ...['human resources', 'human being', 'human-', 'humanity', 'agentx', 'bot', 'robot', 'card'],
];
const joints = ['', ' ', ', ', ',', '.', ':', '!', '!!', '?', '??', '!?', ' ! ', '...', ' ? ', '-', "'", ' x'];
const piece = (words: string[]) => fc.tuple(fc.constantFrom(...joints), fc.constantFrom(...words));
const bareRequests = fc
  .tuple(
    fc.array(piece(fillers), { maxLength: 3 }),
    piece(people),
    fc.array(piece(trailing), { maxLength: 3 }),
    fc.constantFrom(...joints),
  )
  .map(([before, [, person], after, end]) =>
    [...before.map(([joint, word]) => word + joint), person, ...after.map(([joint, word]) => joint + word), end].join(
      '',
    ),
  );
const punctuationRuns = fc
  .tuple(fc.constantFrom(...people), fc.array(fc.constantFrom('!', '?', ' ', ',', '.', ':'), { maxLength: 12 }))
  .chain(([person, run]) =>
    fc.constantFrom('', 'x', 'please', ' please', '-', '!').map((end) => person + run.join('') + end),
  );
const standaloneTexts = fc.oneof(bareRequests, mutated(bareRequests), punctuationRuns, mutated(punctuationRuns));

describe('smalltalk check', () => {
  it('accepts and rejects the corpus exactly as the old pattern did', () => {
    for (const text of corpus) {
      for (const form of [text, text.toLowerCase(), normalizeText(text)]) {
        expect(isSmalltalk(form), JSON.stringify(form)).toBe(oldIsSmalltalk(form));
      }
    }
    expect(corpus.filter((text) => isSmalltalk(normalizeText(text))).length).toBeGreaterThan(100);
  });

  it('agrees with the old pattern on texts built from its alternatives', () => {
    fc.assert(
      fc.property(smalltalkTexts, (text) => isSmalltalk(text) === oldIsSmalltalk(text)),
      { numRuns: 3000 },
    );
  });
});

describe('standalone (bare request) pattern', () => {
  it('is the old pattern without the trailing run alternatives', () => {
    expect(standalonePattern.source.split(standaloneTrail)).toHaveLength(2);
    expect(oldStandalonePattern.source).not.toBe(standalonePattern.source);
    expect(fillers.length).toBeGreaterThan(30);
    expect(trailing).toContain('please');
  });

  it('accepts and rejects the corpus exactly as the old pattern did', () => {
    for (const text of corpus) {
      for (const form of [text, text.toLowerCase(), normalizeText(text)]) {
        expect(standalonePattern.test(form), JSON.stringify(form)).toBe(oldStandalonePattern.test(form));
      }
    }
    expect(corpus.filter((text) => standalonePattern.test(normalizeText(text))).length).toBeGreaterThan(30);
  });

  it('agrees with the old pattern on texts built from its alternatives', () => {
    fc.assert(
      fc.property(standaloneTexts, (text) => standalonePattern.test(text) === oldStandalonePattern.test(text)),
      { numRuns: 3000 },
    );
  });
});

/**
 * The "... is not needed" pattern as it was: quadratic on a run of whitespace in raw text (the
 * `\s*` after the optional verb split the run with the word's `\s+` or the leading `\W*`).
 */
const oldNegatedAfter = /^\W*(?:\w+\s+){0,3}?(?:is|are|'s)?\s*(?:not|n't)\s+(?:needed|necessary|required)\b/;
const negatedAfterCorpus = [
  ' is not needed',
  ', is not needed',
  ' are not necessary',
  "'s not required",
  " isn't needed",
  ' is really not needed',
  ' for me is not needed anymore',
  ' which honestly is not needed',
  ' a b c d is not needed',
  ' not needed',
  'not needed',
  "n't needed",
  ' is not neededx',
  ' is not need',
  ' is  \t not \n needed',
  '   ',
  ' is ',
  '',
];
const negatedAfterFragments = ['is', 'are', "'s", 'not', "n't", 'needed', 'necessary', 'required', 'x', 'we', 'a'];
/** The old pattern without its final `\b`, which fast-check cannot generate from; a glue character may follow. */
const negatedAfterMatches = fc
  .tuple(
    fc.stringMatching(new RegExp(oldNegatedAfter.source.replace(/\\b$/, '')), { maxLength: 40 }),
    fc.constantFrom(...glue),
  )
  .map(([text, end]) => text + end);
const negatedAfterTexts = fc.oneof(
  negatedAfterMatches,
  mutated(negatedAfterMatches),
  fc
    .array(fc.tuple(fc.constantFrom(...glue, '\t '), fc.constantFrom(...negatedAfterFragments)), { maxLength: 8 })
    .map((parts) => parts.map(([joint, word]) => joint + word).join('')),
);

describe('"... is not needed" pattern', () => {
  it('accepts and rejects the corpus exactly as the old pattern did', () => {
    for (const text of negatedAfterCorpus)
      expect(negatedAfter.test(text), JSON.stringify(text)).toBe(oldNegatedAfter.test(text));
    expect(negatedAfterCorpus.filter((text) => negatedAfter.test(text)).length).toBeGreaterThan(8);
  });

  it('agrees with the old pattern on texts built from its alternatives', () => {
    fc.assert(
      fc.property(negatedAfterTexts, (text) => negatedAfter.test(text) === oldNegatedAfter.test(text)),
      { numRuns: 5000 },
    );
  });
});
