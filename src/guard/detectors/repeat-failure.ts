import type { Detector } from '../detector.js';
import { featuresAt, type GuardState, recentStart, stateFor } from '../state/guard-state.js';
import { type TurnFeatures, turnSimilarity } from '../state/turn-features.js';
import { isAcknowledgement } from '../text/acknowledgement.js';
import { guardPattern } from '../text/guard-pattern.js';
import { normalizeText } from '../text/normalize-text.js';
import { featureContainment, featureSimilarity } from '../text/text-similarity.js';
import { sameValues } from '../text/turn-cues.js';
import type { Evidence, Signal, Transcript } from '../types.js';

/** The user telling the bot that its answer did not help, in five languages. */
const notHelpedPattern = guardPattern(
  /\b(?:(?:that|this|it|which|your answer|the answer)(?:'s| is| was| does|'s)? ?(?:not|n't|doesn'?t|didn'?t|does not|did not|wasn'?t|isn'?t) (?:help\w*|answer\w*|work\w*|useful|what i (?:asked|wanted|meant|need\w*)|make sense|solve \w+|right|correct|it)|not what i (?:asked|wanted|meant|need\w*)|(?:you(?:'re| are)?|u r|u) (?:not|n't) (?:understand\w*|listen\w*|help\w*|getting it|reading)|you (?:don'?t|do not|didn'?t|did not|never) (?:understand|get it|listen|read|answer\w*|help)|(?:i|we) (?:don'?t|do not|can'?t|cannot) understand (?:you|your (?:answer|reply|response))|(?:i|i've|i have) (?:already|just) (?:told|said|asked|explained|answered|tried|done) (?:you|that|this|it)?|(?:as|like) i (?:said|told you|mentioned)|i (?:said|told you) (?:already|before)|how many times (?:do|must|should|have|did) (?:i|we) (?:have to |need to )?(?:tell|say|ask|explain|repeat|type|write)|(?:read|answer) my (?:question|message)|(?:same|useless|wrong|irrelevant|generic) (?:answer|reply|response)|(?:answer|reply|response) (?:is|was) (?:useless|wrong|irrelevant)|(?:this|the) (?:conversation|chat) (?:is|isn'?t|is not) (?:not )?(?:working|going anywhere|leading anywhere|helping)|(?:going|running) (?:around )?in circles|still (?:not|doesn'?t|don'?t|can'?t) (?:work\w*|help\w*|understand)|still (?:have|having) the same (?:problem|issue)|that'?s wrong|you(?:'re| are) wrong|eso no (?:me )?ayuda|no me (?:entiendes|ayuda)|no entiendes|ya te (?:lo )?dije|isso nao (?:me )?ajuda|voce nao (?:me )?entende|ja (?:te )?disse|ca ne m'aide pas|vous ne comprenez pas|tu ne comprends pas|je (?:vous |t')?(?:l')?ai deja dit|das hilft (?:mir )?nicht|sie verstehen (?:mich )?nicht|du verstehst (?:mich )?nicht|hab(?:e)? ich (?:doch )?schon gesagt)\b/,
);

/**
 * The user reporting, after an answer, that the advice failed or that the bot repeats itself:
 * "I tried that", "still not working", "you said that already", "for the third time", in five
 * languages. Only read when the bot has answered before (a first message saying "it doesn't
 * work" is a problem report, not a failed answer).
 */
const adviceFailedPattern = guardPattern(
  [
    // tried / did / followed it already
    "\\b(?:i'?ve|i have|i|we'?ve|we have|we|already) (?:already |just |literally |also )?(?:tried|done|did|followed|checked|tested|used|entered|typed|reset|restarted|cleared) (?:that|this|it|those|these|them|all (?:of )?(?:that|those|these|this|the steps)|everything|exactly (?:that|this|what you (?:said|suggested|told me))|what you (?:said|suggested|told me)|the (?:steps|link|instructions|code|same thing)|your (?:steps|instructions|advice|suggestions?|link))\\b(?!\\s*(?:,\\s*)?(?:and|it|which)? ?(?:it )?(?:worked|works|fixed|solved|helped))",
    '\\b(?:tried|done|did) (?:that|this|it|all that|everything) (?:already|before|twice|three times|\\d+ times|several times|many times)\\b',
    // still failing
    "\\bstill (?:fails|failing|failed|broken|stuck|nothing|no (?:luck|change|answer|refund|reply|parcel|package|order)|the same(?! \\w+\\?)|not (?:working|fixed|resolved|solved|sorted|arrived|here|there|showing|received)|(?:does|do|did|is|has|have|was|can|will)\\s*(?:n'?t|not) (?:work|help|arrive|load|show|go through|change|come|apply|accept)|can'?t|won'?t|doesn'?t|isn'?t|hasn'?t|haven'?t|didn'?t|get(?:ting)? (?:the )?(?:same|an? error|nothing))\\b",
    '\\b(?:nothing|no(?:thing)?) (?:has )?(?:happened|happens|changed|changes|works|worked|helped)\\b',
    // what the bot advised did not work: said of it, or on its own ("didn't help"); "my card won't work" is a new problem
    "(?:^|[.,!;:]\\s*|\\b(?:it|that|this|which|still|but it|and it|nope|no)\\s+)(?:didn'?t|doesn'?t|did not|does not|won'?t|will not|never) (?:work|help|load|open|change anything|fix (?:it|anything)|solve (?:it|anything)|do anything)\\b",
    '\\bsame (?:thing|error|problem|issue|message|result|answer|reply|response|link|page|screen)s? (?:again|as before|every time|over and over|each time|all over again)\\b',
    // the bot repeats itself
    "\\b(?:you(?:'ve| have)? )?(?:already )?(?:said|told me|sent me|gave me|showed me) (?:that|this|the same(?: thing| answer| link)?)(?: \\w+)? (?:already|before|last time|earlier|twice|two times|three times|\\d+ times|a minute ago)\\b",
    "\\b(?:that'?s|this is|that is) (?:exactly )?what you (?:said|told me|wrote|sent)(?: (?:before|already|last time|earlier))?\\b",
    "\\byou (?:keep|kept|are just|'re just|just keep) (?:saying|telling|giving|repeating|sending|asking|copying|pasting|linking|pointing|answering|ignoring|changing the subject|dodging|avoiding)\\b",
    "\\byou(?:'re| are)? (?:just )?(?:answer(?:ing|ed)?|replying to|responding to) (?:something else|a different question|the wrong question|another question|a question i didn'?t ask)\\b",
    '\\byou (?:just |simply )?(?:copy[- ]?past\\w*|copied|pasted|repeated)\\b',
    '\\b(?:just |please |can you |could you )?(?:answer|read) (?:the|my) (?:\\w+ )?question\\b',
    "\\bthat'?s (?:exactly )?why i'?m (?:asking|contacting|writing|messaging|here|chatting)\\b",
    '\\b(?:i|we) (?:literally |already |just )+(?:told|said|explained|mentioned|wrote|answered|tried)\\b',
    "\\byou(?:'re| are) repeating (?:yourself|the same)\\b",
    "\\byou(?:'re| are) (?:just |only )?(?:repeating|copying|reading|quoting|pasting|reciting)\\b",
    "\\byou(?:'ve| have)? (?:already|just) (?:said|told me|sent me|sent|gave me|showed me|linked|suggested|recommended|pointed me to)\\b",
    '\\b(?:the|that|this|your) (?:link|page|code|button|steps?|instructions|solution|fix|suggestion|tracking number|form|website|site)\\b(?: \\w+){0,3} (?:is|are|was|were) (?:also |still |just )?(?:broken|dead|wrong|invalid|expired|not working|useless|down)\\b',
    '\\b(?:for|this is) the (?:second|third|fourth|fifth|tenth|2nd|3rd|4th|5th|\\d+th|umpteenth|hundredth|last|millionth) time\\b|^(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th|last) time\\b',
    '\\b(?:again|once again|one more time)[,:!]? (?:where|what|when|why|how|can|will|is|do)\\b',
    "\\b(?:i(?:'ve| have)? )?(?:keep|kept) (?:asking|telling you|getting the same|getting the same answer|trying)\\b",
    '\\b(?:getting|going) nowhere\\b|\\bnot (?:getting|making) any(?:where| progress)\\b|\\bno progress\\b',
    // counting the attempts: "three times now", "that's 4 times today", "I've asked twice already"
    "\\b(?:two|three|four|five|six|seven|eight|nine|ten|2|3|4|5|6|7|8|9|10|several|many|multiple) times (?:now|today|already|in a row|so far|this (?:week|month|morning))\\b|\\b(?:that'?s|this is|it'?s been) (?:the )?(?:two|three|four|five|six|2|3|4|5|6|\\d+)(?:th|rd|nd)? (?:times|attempts|tries)\\b|\\b(?:asked|told you|said|written|wrote|called|tried|explained|typed|sent|given you)(?: (?:you|it|this|that|them))? (?:twice|(?:two|three|four|five|six|2|3|4|5|6|several|many|multiple) times)(?: (?:now|already|today))?\\b",
    // Counting one's own questions, and an answer to another question, in other languages: "es la tercera
    // vez que te pregunto", "me respondes otra cosa", "trzeci raz to samo", "c'est la troisième fois".
    "\\b(?:es|ya es|van) (?:la )?(?:segunda|tercera|cuarta|quinta) (?:vez|veces)\\b|\\bme (?:respondes|contestas|dices) (?:otra cosa|algo distinto)\\b|\\b(?:e|ja e) a (?:segunda|terceira|quarta) vez\\b|\\b(?:voce )?(?:me )?responde outra coisa\\b|\\bc'est la (?:deuxieme|troisieme|quatrieme) fois\\b|\\b(?:vous repondez|tu reponds) (?:a cote|autre chose)\\b|\\b(?:das ist|ist) (?:jetzt )?(?:schon )?das (?:zweite|dritte|vierte) mal\\b|\\b(?:sie antworten|du antwortest) (?:auf )?(?:etwas|was) anderes\\b|\\b(?:e|gia e) la (?:seconda|terza|quarta) volta\\b|\\bmi rispondi (?:altro|un'altra cosa|qualcos'altro)\\b|\\bvoor de (?:tweede|derde|vierde) keer\\b|\\b(?:trzeci|drugi|czwarty|kolejny) raz\\b|\\bpo raz (?:drugi|trzeci|czwarty|kolejny)\\b|\\bznowu to samo\\b|\\b(?:ucuncu|ikinci|dorduncu) kez\\b",
    // Counting one's own asking with a number of times, in the other languages the ordinal line
    // reads: "drie keer gevraagd", "te lo he dicho tres veces", "ja perguntei duas vezes", "je l'ai
    // demandé trois fois", "schon dreimal gefragt", "te l'ho chiesto tre volte", "pytałem trzy razy",
    // "üç kez sordum"; and "already N times" ("al drie keer", "ya van tres veces", "ça fait trois fois").
    '\\b(?:al |nu al |wel )?(?:twee|drie|vier|vijf|tien) keer (?:\\w+ ){0,2}(?:gevraagd|gezegd|gevraag|gemaild|gebeld|uitgelegd)\\b|\\b(?:gevraagd|gezegd|uitgelegd) (?:\\w+ ){0,2}(?:twee|drie|vier|vijf|tien) keer\\b|\\bal (?:twee|drie|vier|vijf|tien) keer\\b' +
      '|\\b(?:(?:te |se )?(?:lo |la )?(?:he|hemos|habia) (?:preguntado|dicho|explicado|escrito|llamado)|(?:pregunte|dije|explique|escribi|llame)) (?:\\w+ ){0,2}(?:dos|tres|cuatro|cinco|diez|varias|muchas) veces\\b|\\b(?:ya )?(?:van|son) (?:dos|tres|cuatro|cinco|diez|varias) veces\\b' +
      '|\\b(?:perguntei|falei|disse|expliquei|escrevi|liguei|(?:ja )?(?:te |lhe )?(?:perguntei|disse)) (?:\\w+ ){0,2}(?:duas|tres|quatro|cinco|dez|varias|muitas) vezes\\b|\\bja (?:sao|foram) (?:duas|tres|quatro|cinco|varias) vezes\\b' +
      "|\\b(?:(?:je )?(?:l'|vous l'|te l')?ai (?:deja )?(?:demande|dit|explique|ecrit|appele)) (?:\\w+ ){0,2}(?:deux|trois|quatre|cinq|dix|plusieurs) fois\\b|\\b(?:ca|cela) fait (?:deux|trois|quatre|cinq|dix|plusieurs) fois\\b" +
      '|\\b(?:schon |bereits |jetzt )?(?:zweimal|dreimal|viermal|fuenfmal|zehnmal|mehrmals|(?:zwei|drei|vier|fuenf|zehn) mal) (?:\\w+ ){0,2}(?:gefragt|gesagt|erklaert|geschrieben|angerufen)\\b' +
      "|\\b(?:(?:te |ve )?(?:l'|lo )?ho (?:gia )?(?:chiesto|detto|spiegato|scritto|chiamato)) (?:\\w+ ){0,2}(?:due|tre|quattro|cinque|dieci|piu) volte\\b|\\bsono (?:gia )?(?:due|tre|quattro|cinque|dieci) volte\\b" +
      '|\\b(?:pyta[lł]em|pyta[lł]am|pisa[lł]em|pisa[lł]am|mowi[lł]em|mowi[lł]am|dzwoni[lł]em|dzwoni[lł]am) (?:\\w+ ){0,2}(?:dwa|trzy|cztery|piec|kilka|wiele) razy\\b|\\b(?:juz )?(?:dwa|trzy|cztery|piec|kilka) razy (?:\\w+ ){0,2}(?:pyta[lł]em|pyta[lł]am|pisa[lł]em|pisa[lł]am|mowi[lł]em|mowi[lł]am)\\b' +
      '|\\b(?:iki|uc|dort|bes|on|birkac) (?:kez|defa|kere) (?:\\w+ ){0,2}(?:sordum|soyledim|yazdim|aradim|anlattim)\\b',
    // Spanish
    '\\bya (?:lo |eso )?(?:intente|hice|probe|revise|segui)\\b|\\bsigue (?:sin funcionar|igual|fallando|sin llegar|sin aparecer)\\b|\\bno (?:funciona|funciono|sirve|sirvio|ha funcionado)\\b|\\bme (?:dijiste|has dicho|repites|estas repitiendo) (?:lo mismo|eso)\\b|\\b(?:otra vez|de nuevo) (?:lo mismo|la misma)\\b|\\bpor (?:segunda|tercera|cuarta|enesima|ultima) vez\\b|\\btodavia no (?:funciona|llega|aparece)\\b',
    // Portuguese
    '\\bja (?:tentei|fiz|testei|verifiquei|segui)\\b|\\bcontinua (?:sem funcionar|igual|dando erro|sem chegar)\\b|\\bnao (?:funciona|funcionou|adiantou|resolveu)\\b|\\b(?:voce )?(?:ja )?(?:me )?disse (?:isso|a mesma coisa)(?: antes)?\\b|\\b(?:de novo|outra vez) a mesma\\b|\\bpela (?:segunda|terceira|quarta|ultima) vez\\b|\\bainda nao (?:funciona|chegou|resolveu)\\b',
    // French
    "\\b(?:j'ai )?deja (?:essaye|fait|teste|verifie|suivi)\\b|\\b(?:ca|cela) ne (?:marche|fonctionne) (?:toujours )?pas\\b|\\btoujours pas\\b|\\b(?:vous|tu) (?:m'avez|m'as|me l'avez|me l'as|l'avez|l'as) deja dit\\b|\\b(?:m'avez|m'as) deja dit\\b|\\bpour la (?:deuxieme|troisieme|quatrieme|derniere|enieme) fois\\b|\\bvous (?:repetez|vous repetez)\\b|\\bla meme (?:reponse|chose)\\b",
    // German
    '\\b(?:hab(?:e)? ich|ich habe) (?:das |es )?(?:schon|bereits) (?:versucht|gemacht|probiert|getan)\\b|\\b(?:funktioniert|geht|klappt) (?:immer noch|noch immer|trotzdem|weiterhin) nicht\\b|\\b(?:das )?haben sie (?:mir )?(?:schon|bereits) gesagt\\b|\\bhast du (?:mir )?(?:schon|bereits) gesagt\\b|\\bzum (?:zweiten|dritten|vierten|letzten) mal\\b|\\bdie gleiche antwort\\b|\\bimmer (?:noch|wieder) (?:das gleiche|dasselbe|nicht)\\b',
  ].join('|'),
);

/** Similarity (0..1) above which two bot answers count as the same answer given again. */
const sameAnswerSimilarity = 0.75;
/**
 * A bot that asks for details or a confirmation again, after the user changed them, asks a new
 * question ("Please confirm: a table for 2 at 7 pm?" then "... at 8 pm?"); only the same request
 * word for word is a loop.
 */
const sameRequestSimilarity = 0.95;

/** Features of turn `index`, which the state keeps (a recent turn or the one before them). */
function at(state: GuardState, index: number): TurnFeatures {
  const features = featuresAt(state, index);
  if (!features) throw new RangeError(`turn ${index} is not among the recent turns`);
  return features;
}

/** True when a bot turn between `from` and `to` reports an action carried out. */
function doneSince(state: GuardState, from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) {
    const turn = at(state, index);
    if (turn.bot && turn.actionDone) return true;
  }
  return false;
}

/**
 * Two bot answers among the recent turns that are (nearly) the same, with a user turn between
 * them. On the output phase the latest answer is compared with the earlier ones; on the input
 * phase the last two answers.
 */
function findRepeatedAnswer(
  transcript: Transcript,
  state: GuardState,
  phase: 'input' | 'output',
): Evidence[] | undefined {
  const answers: number[] = [];
  for (let index = recentStart(state); index < state.length; index++) if (at(state, index).answer) answers.push(index);
  const latest = answers.at(-1);
  if (latest === undefined || answers.length < 2) return undefined;
  if (phase === 'output' && latest !== transcript.length - 1) return undefined;
  const candidates = phase === 'output' ? answers.slice(0, -1) : answers.slice(-2, -1);
  const answer = at(state, latest);
  if (answer.tokens.length < 3) return undefined;
  // The user corrected a detail ("No, play it on the bedroom speaker instead"): the bot's next
  // answer says it back with the change, a new answer however alike.
  const asked = latest > 0 ? at(state, latest - 1) : undefined;
  if (asked?.role === 'user' && (asked.correction || asked.followUp)) return undefined;
  const required = answer.asksForDetails ? sameRequestSimilarity : sameAnswerSimilarity;
  for (const index of candidates) {
    const earlier = at(state, index);
    // The same template with other figures ("86 degrees" after "80 degrees") is another answer.
    if (!sameValues(answer.figures, earlier.figures) || answer.followUp) continue;
    // Other names in the same template ("a Kia Forte" after "a Chevrolet Bolt") are another result.
    if (!sameValues(answer.names, earlier.names)) continue;
    if (featureSimilarity(turnSimilarity(answer), turnSimilarity(earlier)) >= required) {
      return [
        { turn: latest, text: transcript[latest]!.content.slice(0, 120) },
        { turn: index, text: transcript[index]!.content.slice(0, 120) },
      ];
    }
  }
  return undefined;
}

/**
 * True when the latest message adds words that the bot's answers since the earlier message
 * brought in (`offered`): "how about premium economy?", then "... 12,500 miles with no co-pay",
 * then "use miles for premium economy" takes up what the bot offered. A question asked again adds
 * nothing from the answer it did not get.
 */
function takesUpAnswer(latest: TurnFeatures, earlier: TurnFeatures, offered: ReadonlySet<string>): boolean {
  const before = new Set(earlier.tokens);
  const added = latest.tokens.filter((token) => !before.has(token));
  return added.some((token) => offered.has(token));
}

/**
 * Similarity two user messages need to count as one question asked again when the user asked
 * something else between them: coming back to a topic after another question ("how do I order a
 * virtual card", "is there a top-up limit", "do disposable cards have limits") is a new question
 * about it, sharing its topic words; only the same question in nearly the same words is a repeat.
 */
const returnedSimilarity = 0.75;

/**
 * Below {@link returnedSimilarity}, a question asked again says no more than the other, or the
 * other no more than it: the shorter one's words are (nearly all) in the longer one ("warranty
 * for the trailblazer stove??" after "what's the warranty on the trailblazer stove?"). Two that
 * each bring words of their own ask two things about one topic ("how can i request my credit
 * score", "how do i stop my credit score from dropping").
 */
const rephrasedContainment = 0.8;

/** True when `latest` asks what `earlier` asked, in the similarity `required` at least. */
function asksAgain(latest: TurnFeatures, earlier: TurnFeatures, required: number): boolean {
  const [left, right] = [turnSimilarity(latest), turnSimilarity(earlier)];
  const similarity = featureSimilarity(left, right);
  if (similarity < required) return false;
  return similarity >= returnedSimilarity || featureContainment(left, right) >= rephrasedContainment;
}

/**
 * Earlier user turns among the recent ones that ask what the latest one asks, after the bot
 * answered them: walking back from the latest turn, with the words of the bot turns passed on the
 * way. Up to the first user turn that asks something else, `minimumSimilarity` makes a repeat;
 * past it, {@link returnedSimilarity} (at least).
 */
function findRepeatedQuestions(
  transcript: Transcript,
  state: GuardState,
  last: number,
  minimumSimilarity: number,
): Evidence[] {
  const latest = at(state, last);
  let answered = false;
  let required = minimumSimilarity;
  const offered = new Set<string>();
  const repeats: Evidence[] = [];
  for (let index = last - 1; index >= recentStart(state); index--) {
    const turn = at(state, index);
    if (turn.role === 'assistant') {
      answered = true;
      if (turn.bot) for (const token of turn.tokens) offered.add(token);
      continue;
    }
    if (!answered || turn.smalltalk) continue;
    const repeated =
      sameValues(latest.figures, turn.figures) &&
      !takesUpAnswer(latest, turn, offered) &&
      asksAgain(latest, turn, required);
    if (repeated) repeats.push({ turn: index, text: transcript[index]!.content.slice(0, 120) });
    else if (turn.tokens.length >= 2) required = Math.max(minimumSimilarity, returnedSimilarity);
  }
  return repeats;
}

/** Options of {@link createRepeatFailureDetector}. */
export interface RepeatFailureOptions {
  /** Similarity (0..1) above which two user messages count as the same question. @default 0.5 */
  similarity?: number;
  /** Bot fallbacks (turn.fallback or hedged answers) before the detector fires. @default 2 */
  fallbacks?: number;
}

/** "Still the same", "sigue igual", "continua igual", "bleibt gleich", "toujours pareil", "resta uguale". */
const samenessCue = guardPattern(
  /\b(?:still the same|the same as before|(?:sigue|continua|segue|fica|queda) igual|sigue siendo (?:el|la|lo) mismo|continua (?:o|a) mesm[oa]|(?:bleibt|ist) (?:\w+ )?(?:immer noch |noch )?gleich|toujours (?:pareil|le meme|la meme)|reste (?:le meme|la meme|pareil)|(?:resta|rimane) (?:uguale|lo stesso|la stessa))\b/,
);

/**
 * The text without its questions about whether something stays as it is ("e o limite de dia continua
 * igual?", "and is the price still the same?", "¿el horario sigue igual?"): a sentence ending in one
 * question mark that holds a sameness cue asks, it does not report that the advice failed
 * ("it's still the same", "still the same??" do).
 */
function withoutSamenessQuestions(normalized: string): string {
  if (!normalized.includes('?')) return normalized;
  // Each match is one sentence and its closing marks: linear, it never fails half-way.
  return normalized.replace(/[^.!?]+[.!?]*/g, (sentence) =>
    /[^?!]\?$/.test(sentence) && samenessCue.test(sentence) ? ' ' : sentence,
  );
}

/** The bot fell back `fallbackLimit` times or more: judged on output when the latest answer is one, on input otherwise. */
function fallbackSignal(state: GuardState, phase: 'input' | 'output', fallbackLimit: number): Signal | undefined {
  if (state.fallbacks < fallbackLimit) return undefined;
  const includesLatest = state.lastFallbacks.at(-1)!.turn === state.length - 1;
  if (phase !== 'input' && !includesLatest) return undefined;
  return {
    reason: 'repeat_failure',
    score: Math.min(1, 0.6 + 0.15 * state.fallbacks),
    detector: 'repeat-failure',
    evidence: [...state.lastFallbacks],
    detail: `bot fell back ${state.fallbacks} times`,
  };
}

/** What the latest user message says: the answer did not help, or the advice failed. */
function saidSignals(state: GuardState, last: number, normalized: string): Signal[] {
  const previous = last > 0 ? at(state, last - 1) : undefined;
  const answersRequest = previous?.role === 'assistant' && previous.asksForDetails;
  // "That's not right, I want two tickets" to "Please confirm: three tickets?" corrects a detail.
  const said = answersRequest && at(state, last).correction ? null : notHelpedPattern.exec(normalized);
  if (said) {
    return [
      {
        reason: 'repeat_failure',
        score: 0.8,
        detector: 'repeat-failure',
        evidence: [{ turn: last, text: said[0] }],
        detail: 'user says the answer did not help',
      },
    ];
  }
  const answeredBefore = state.firstBotTurn >= 0 && state.firstBotTurn < last;
  const failed = answeredBefore ? adviceFailedPattern.exec(withoutSamenessQuestions(normalized)) : null;
  if (!failed) return [];
  return [
    {
      reason: 'repeat_failure',
      score: 0.75,
      detector: 'repeat-failure',
      evidence: [{ turn: last, text: failed[0] }],
      detail: 'user says the advice failed or the bot repeats itself',
    },
  ];
}

/** The latest user message asks again what an earlier one asked after an answer. */
function repeatedQuestionSignal(
  transcript: Transcript,
  state: GuardState,
  normalized: string,
  minimumSimilarity: number,
): Signal | undefined {
  const last = transcript.length - 1;
  const latest = at(state, last);
  if (latest.smalltalk || latest.tokens.length < 2) return undefined;
  const previous = last > 0 ? at(state, last - 1) : undefined;
  // Details given again because the bot asked for them are an answer, not a repeated question;
  // "what about my savings account too?" after an answer is the next question, not the same one.
  if (previous?.role === 'assistant' && previous.asksForDetails) return undefined;
  if (latest.followUp || isAcknowledgement(normalized)) return undefined;
  // A retry after the bot reported a failed action is counted by the fallbacks, not as a repeat.
  if (previous?.role === 'assistant' && previous.actionFailed) return undefined;
  const repeats = findRepeatedQuestions(transcript, state, last, minimumSimilarity);
  // Asked once before and done since ("Your transfer has been made"): a new request of the same kind.
  if (repeats.length === 1 && doneSince(state, repeats[0]!.turn, last)) return undefined;
  if (repeats.length === 0) return undefined;
  return {
    reason: 'repeat_failure',
    score: Math.min(1, 0.65 + 0.15 * repeats.length),
    detector: 'repeat-failure',
    evidence: [{ turn: last, text: transcript[last]!.content.slice(0, 120) }, ...repeats.slice(0, 3)],
    detail: `user repeated the question ${repeats.length + 1} times`,
  };
}

/**
 * Repeated failure: the user asks the same thing again after an answer (in other words), says
 * the answer did not help, or the bot has fallen back / said it does not know two or more times.
 * Earlier turns are compared among the last `recentTurns` (50); fallbacks count over the whole
 * conversation. With the guard's state (`context.state`) it reads each turn's features once.
 */
export function createRepeatFailureDetector(options: RepeatFailureOptions = {}): Detector {
  const minimumSimilarity = options.similarity ?? 0.5;
  const fallbackLimit = options.fallbacks ?? 2;
  return (transcript: Transcript, context): Signal[] => {
    if (transcript.length === 0) return [];
    const state = stateFor(transcript, context.state);
    const signals: Signal[] = [];
    const repeatedAnswer = findRepeatedAnswer(transcript, state, context.phase);
    if (repeatedAnswer) {
      signals.push({
        reason: 'repeat_failure',
        score: 0.75,
        detector: 'repeat-failure',
        evidence: repeatedAnswer,
        detail: 'the bot gave the same answer again',
      });
    }
    const fallback = fallbackSignal(state, context.phase, fallbackLimit);
    if (fallback) signals.push(fallback);
    const last = transcript.length - 1;
    if (context.phase !== 'input' || transcript[last]!.role !== 'user') return signals;
    const normalized = normalizeText(transcript[last]!.content);
    signals.push(...saidSignals(state, last, normalized));
    const repeated = repeatedQuestionSignal(transcript, state, normalized, minimumSimilarity);
    if (repeated) signals.push(repeated);
    return signals;
  };
}

/** The repeated-failure detector with default options. */
export const detectRepeatFailure: Detector = createRepeatFailureDetector();
