import { type Detector, lastTurnIndex } from '../detector.js';
import { forLater } from '../text/for-later.js';
import { guardPattern } from '../text/guard-pattern.js';
import { isWishNegated } from '../text/negation.js';
import { normalizeText } from '../text/normalize-text.js';
import { createTypoCorrector } from '../text/typo-correction.js';
import type { Signal, Transcript } from '../types.js';

/** A person the user can ask for, in English (with common typos), Spanish, Portuguese, French and German. */
const person = [
  // English, incl. frequent misspellings
  'h+u+m+a+n+s?(?!-)(?! (?:resources?|error|rights?|being|nature|body|race|trafficking))|humna|huamn|hooman|humain|hunam|humam',
  'person|persn|perosn|preson|peson',
  '(?:human |live |real |customer |support |service |sales |travel )?(?:agent|agnet|agetn|agen|ajent|agant|agents)',
  'representative|representitive|represenative|reprensentative|representive|rep|reps|csr',
  'operator|operater|manager|manger|supervisor|supervisr|superviser|boss|someone|some one|somebody|anyone|anybody|somone|sombody|someon',
  'employee|staff(?: member)?|member of (?:staff|(?:your|the) (?:team|staff))|colleague|coworker|co-worker|teammate|worker|advisor|adviser|consultant|specialist|associate|teller|banker|clerk|officer|team member',
  'receptionist|reception|front desk|concierge|(?:customer|client) (?:service|care|support)|support team|help ?desk|service desk',
  // Spanish / Portuguese
  'humano|humana|persona|personas|agente|asesor|asesora|representante|operador|operadora|alguien|gerente|encargado|ejecutivo|empleado',
  'pessoa|atendente|alguem|funcionario|consultor|consultora|responsavel',
  // French
  "personne|conseiller|conseillere|operateur|operatrice|quelqu'?un|responsable|superieur|interlocuteur|employe",
  // German
  'mensch|menschen|mitarbeiter\\w*|berater\\w*|jemand\\w*|vorgesetzt\\w*|sachbearbeiter\\w*|kundendienst|kundenservice',
].join('|');

/** Nouns that are not a person and never a handoff target ("talk to you", "speak to the bot"). */
const notAPerson =
  '(?:you|u|ya|yourself|yourselves|it|this|that|me|myself|him|her|them|my (?:wife|husband|kids?|children|son|daughter|family|friends?|partner|dog|cat|mom|dad|parents)|(?:a |the |this |your |another |some )?(?:bot|bots|robot|robots|machine|machines|chatbot|ai|app|assistant|computer|system|virtual (?:assistant|agent)))\\b';

/** Departments and teams that a user can ask to be put through to. */
const department =
  '(?:the |your |a |an |someone (?:in|at|from|working (?:at|in)) (?:the |your )?)?(?:\\w+ )?(?:department|dept|team|desk|office|reception|restaurant|room service|spa|pool|front desk|concierge|housekeeping|billing|sales|accounts|accounting|support|helpdesk|help desk|customer service|customer care|management|fraud team|claims|complaints|legal)\\b';

const englishContactVerb =
  "(?:talk|talking|talked|speak|speaking|spoke|chat|chatting|contact|contacting|reach|reaching|call|phone|ring|email|e-mail|get in touch with|in touch with|get hold of|get ahold of|connect me|connect us|connected|transfer me|transfer us|transfer the (?:call|chat)|transferred|put me (?:through|on)|put through|pass me|pass this|hand me|hand this|hand (?:it|me) (?:over|off)|escalate (?:this|me|it|my \\w+)?|escalated|forward me|route me|redirect me|bring|bring me|give me|get me|get us|find me|want|wanna|need|needs|like|prefer|request|requesting|ask for|asking for|demand|require|see a|have someone|have a|is there|are there|there is|there are|there's|wait for|get|got|waiting for|looking for)";

/** Phrasings of wanting a person. Each is tried against the normalized last user message. */
const requestPatterns: { pattern: RegExp; score: number; detail: string; negatable?: false }[] = [
  {
    // "talk to someone", "speak with the reception", "who do I talk to" (object not the bot)
    pattern: guardPattern(
      `\\b(?:talk|talking|speak|speaking|spoke|chat|chatting)\\s+(?:directly |now |right now |again |immediately |instead )?(?:to|with)\\s+(?!${notAPerson})(?:(?:${person})\\b|${department}|(?:a|an|the|your|some)\\s+\\w+)`,
    ),
    score: 0.95,
    detail: 'asks to talk to a person',
  },
  {
    pattern: guardPattern(/\b(?:who|whom) (?:do|can|should|could) (?:i|we) (?:talk|speak|complain) to\b/),
    score: 0.9,
    detail: 'asks who to talk to',
  },
  {
    // "contact a human", "give me a real person", "get your manager on the line", "I need an agent"
    // (not one that owns a thing: "have a manager's special")
    pattern: guardPattern(
      `\\b${englishContactVerb}\\s+(?:\\S+\\s+){0,4}?(?:${person})\\b(?!'s? \\w|s' \\w)(?! (?:fee|fees|commission|code|program|programme|license|licence|job|jobs|position|role|portal|login|app|number|id|account|name)\\b)(?! (?:else )?to (?!(?:help|talk|speak|chat|call|contact|assist|look into|explain|fix|handle|sort|deal)\\b)\\w+)`,
    ),
    score: 0.9,
    detail: 'asks for a person',
  },
  {
    // "transfer me to billing", "put me through to reception", "connect me with sales"
    pattern: guardPattern(
      `\\b(?:transfer|connect|put|pass|patch|forward|route|redirect|send|get)\\s+(?:me|us|this|my call|the call|the chat)\\s+(?:through |over |on |back )?(?:to|with)\\s+(?!${notAPerson})(?:${department}|(?:${person})\\b)`,
    ),
    score: 0.95,
    detail: 'asks to be put through',
  },
  {
    // Putting through with nobody named: "transfer me", "put me through please", "connect me now",
    // "escalate this", "can you escalate my case": in a support chat, the next one is a person.
    pattern: guardPattern(
      /\b(?:transfer|connect|patch|pass) (?:me|us)(?: (?:through|over|on))?(?=\s*(?:$|[.!?,;]|now|please|pls|asap|already|right now|immediately))|\bput (?:me|us) (?:through|over)(?=\s*(?:$|[.!?,;]|now|please|pls|asap|already|right now|immediately))|\bescalate (?:this|it|me|my (?:case|ticket|issue|complaint|problem|request|query|claim|call|chat)|the (?:case|ticket|issue|matter|complaint))\b|^(?:(?:please|pls|can you|could you|can u|i want (?:you )?to|i need (?:you )?to|i'?d like (?:you )?to)\s+)?escalate(?: please| now| asap)*[\s.!?]*$/,
    ),
    score: 0.85,
    detail: 'asks to be put through',
  },
  {
    // "is someone available", "anyone on the line", "a person there?"
    pattern: guardPattern(
      `\\b(?:${person})\\s+(?:else\\s+)?(?:available|free|online|on duty|around|on the (?:line|phone)|i can (?:talk|speak|chat) (?:to|with))\\b`,
    ),
    score: 0.85,
    detail: 'asks whether a person is available',
  },
  {
    pattern: guardPattern(
      /\b(?:call me|call me back|give me a call|ring me|phone me|callback|call back|someone (?:to )?call)\b(?! by\b)/,
    ),
    score: 0.85,
    detail: 'asks to be called back',
  },
  {
    pattern: guardPattern(
      /\b(?:spa|billing|sales|reception|front desk|concierge|room service|housekeeping|support|fraud|claims) (?:team|department|desk|dept)?\s*(?:please|pls|now)\b/,
    ),
    score: 0.8,
    detail: 'asks for a department',
  },
  {
    // Not wanting a machine: "no bot", "not a bot", "stop talking to bots", "sharing my details with a machine"
    pattern: guardPattern(
      /(?<!\bi'?m |\bi am |\bam i |\bare you |\bu r |\byou'?re |\bur )\b(?:no|not|stop|quit|enough|hate|sick of|tired of|done with|fed up with|rather not|don'?t (?:want|like)|do not (?:want|like)|uncomfortable|comfortable)\b(?:\s+\S+){0,5}?\s+(?:a |an |the |your |this |with |to )?(?:stupid |dumb |useless |automated |virtual )?(?:bot|bots|robot|robots|machine|machines|chatbot|chat bot|ai|computer|automated (?:system|assistant|agent|message)|virtual (?:agent|agents|assistant))\b/,
    ),
    score: 0.8,
    detail: 'does not want to deal with a machine',
    negatable: false,
  },
  {
    pattern: guardPattern(
      /\b(?:real|actual|live|physical|flesh and blood) (?:person|human|people|agent|being)\b|\bhuman being\b|\b(?:vraie? (?:personne|humain)|persona real|pessoa (?:real|de verdade)|echte[nr]? (?:mensch\w*|person))\b/,
    ),
    score: 0.85,
    detail: 'asks for a real person',
  },
  {
    // "I'd rather deal with someone who works there", "I'd prefer to explain it to a human"
    pattern: guardPattern(
      `\\b(?:rather|prefer(?:ably)?|prefer to|sooner)\\s+(?:\\S+\\s+){0,3}?(?:with|to|by)\\s+(?:a |an |the |some |one of your )?(?:real |live |actual )?(?:${person})\\b`,
    ),
    score: 0.9,
    detail: 'prefers a person',
  },
  {
    // "can a person look at this with me?"
    pattern: guardPattern(
      /\b(?:can|could|may|would) (?:a |an |one of your |some )?(?:real |live |actual )?(?:person|human|agent|rep|representative|employee|staff member|member of staff|colleague|manager|specialist|team member) (?:\w+ )?(?:look|help|check|review|go over|take a look|see|handle|deal|assist|call|contact|explain)\b/,
    ),
    score: 0.9,
    detail: 'asks whether a person can help',
  },
  {
    // Spanish: "hay alguien con quien pueda hablar"
    pattern: guardPattern(
      /\b(?:hay|existe|tienen) (?:alguien|una persona|algun agente|algun humano)\b.{0,40}\b(?:hablar|atender|atienda|ayudar)|\bcon quien (?:pueda|puedo|podria) hablar\b/,
    ),
    score: 0.9,
    detail: 'pregunta por una persona',
  },
  {
    // Spanish
    pattern: guardPattern(
      /\b(?:hablar|hablo|comunicarme|comunicar|contactar|contactarme|charlar|platicar|pasame|pasarme|paseme|pasar|pasen|pase|pasenme|transferir|transfieran|transfiereme|transferirme|comuniqueme|conecteme|conectarme|conectame|quiero|necesito|deseo|prefiero|ponme|pongame|comuniquenme|atienda|atender)\b(?:\s+\S+){0,4}?\s+(?:humano|humana|persona|agente|asesor|asesora|representante|operador|operadora|alguien|gerente|encargado|supervisor|empleado|ejecutivo)\b/,
    ),
    score: 0.95,
    detail: 'pide hablar con una persona',
  },
  {
    // Portuguese
    pattern: guardPattern(
      /\b(?:falar|falo|conversar|contatar|contactar|fale|ligar|transferir|transfira|transfere|passe|passa|passar|quero|preciso|gostaria|prefiro|chamar|chame|atendimento)\b(?:\s+\S+){0,4}?\s+(?:humano|humana|pessoa|atendente|agente|representante|operador|operadora|alguem|gerente|supervisor|funcionario|consultor|consultora|responsavel)\b/,
    ),
    score: 0.95,
    detail: 'pede para falar com uma pessoa',
  },
  {
    // French. The words in between are counted without their hyphens: `\S+` next to `[\s-]+` would
    // split a hyphenated run in polynomially many ways ("veux ab-ab-ab-...").
    pattern: guardPattern(
      /\b(?:parler|discuter|contacter|joindre|passez|passer|passe|transferer|transferez|transfere|mettez|mettre|veux|voudrais|souhaite|souhaiterais|besoin|appeler|appelez|rappeler|rappelez|avoir)\b(?:[\s-]+[^\s-]+){0,4}?[\s-]+(?:humain|humaine|personne|agent|conseiller|conseillere|representant|operateur|operatrice|quelqu'?un|responsable|superieur|employe|interlocuteur)\b/,
    ),
    score: 0.95,
    detail: 'demande à parler à une personne',
  },
  {
    // German: "mit einem Menschen sprechen", "verbinden Sie mich mit einem Mitarbeiter"
    pattern: guardPattern(
      /\b(?:mit|zu)\s+(?:\S+\s+){0,2}?(?:mensch\w*|person|mitarbeiter\w*|berater\w*|agent\w*|jemand\w*|vorgesetzt\w*|sachbearbeiter\w*|kundendienst|kundenservice|manager\w*|chef)\b|\b(?:will|mochte|moechte|brauche|hatte gerne?|verlange|bitte)\s+(?:\S+\s+){0,3}?(?:menschen|mitarbeiter\w*|person|berater\w*|jemand\w*)\b|\b(?:verbinden sie mich|verbinde mich|verbindet mich|durchstellen|stellen sie mich durch|leiten sie mich weiter)\b/,
    ),
    score: 0.9,
    detail: 'möchte mit einem Menschen sprechen',
  },
];

/**
 * Person nouns alone, possibly with fillers: "agent", "human please", "REPRESENTATIVE!!!", "una persona por favor".
 * Runs of `!` and `?` are separators and nothing else: an alternative of their own would let the
 * trailing group split such a run in exponentially many ways. Exported for tests.
 */
export const standalonePattern = guardPattern(
  `^(?:(?:hi|hey|hello|ok|okay|yes|yeah|no|just|please|pls|plz|por favor|bitte|s'il vous plait|svp|a|an|the|un|una|um|uma|une|ein|einen|einem|real|live|actual|now|asap|right now|immediately|again|i want|i need|give me|get me|ahora|agora|jetzt|maintenant|quiero|quero|je veux|ich will|ich mochte|me|already|connect|transfer)\\b[\\s,.!?:]*)*(?:${person})(?:[\\s,.!?:]+(?:please|pls|plz|now|asap|right now|already|por favor|bitte|s'il vous plait|svp|agora|ahora|jetzt|maintenant|immediately|again))*[\\s,.!?:]*$`,
);

/** Harmless mentions that look like a request: becoming an agent, agent fees, "in person", money to another person. */
const harmlessPattern = guardPattern(
  /\b(?:become|becoming|be|as|travel|insurance|estate|secret|free|booking|shipping|customs|registered|licensed|double|ticket|sports|talent|literary|cleaning)\s+(?:an?\s+)?agents?\b|\b(?:in|per|each|another|other|third|\d+|one|two|three|four|five|six|seven|eight|nine|ten|only one|just one|a single|single|extra|additional) (?:person|persons|people)\b|\bcall me an? (?:cab|taxi|uber|lyft|ride|car)\b|\b(?:find|finding|search for|searching for|look for|looking for|recommend|book|hire)\s+(?:me\s+)?(?:an?\s+|the\s+|another\s+|some\s+|a good\s+|a different\s+)?(?:\w+\s+)?(?:specialist|doctor|dentist|therapist|stylist|lawyer|plumber|electrician|mechanic|someone (?:else|good|new)|somebody (?:else|good|new))\b|\bperson to person\b|\b(?:send|sent|transfer|transferring|pay|paying|give|giving|lend)\s+(?:money|cash|funds|\$?\d\S*|it)\s+to\s+(?:someone|somebody|a person|another|my)\b|\bsomeone (?:else )?(?:used|is using|made|stole|has|took|withdrew|accessed|hacked|else made)\b|\bhuman (?:resources|error|rights)\b|\b(?:outra|otra|autre|andere[nm]?) (?:pessoa|persona|personne|person)\b/,
);

/** Key words whose misspellings are corrected before matching ("agnet", "costumer", "somenoe"). */
const correctTypos = createTypoCorrector(
  [
    'human',
    'person',
    'someone',
    'somebody',
    'agent',
    'representative',
    'operator',
    'manager',
    'supervisor',
    'customer',
    'service',
    'speak',
    'contact',
    'connect',
    'transfer',
    'talk',
    'available',
    'please',
  ],
  [
    'humane',
    'humans',
    'humid',
    'persons',
    'parson',
    'persona',
    'prison',
    'agents',
    'argent',
    'agency',
    'managed',
    'manages',
    'managers',
    'customs',
    'customers',
    'services',
    'serviced',
    'speaks',
    'speck',
    'spear',
    'steak',
    'sneak',
    'contract',
    'contacts',
    'connects',
    'transfers',
    'talks',
    'tall',
    'walk',
    'talc',
    'tale',
    'stalk',
    'operators',
    'supervisors',
    'representatives',
    'somebody',
    'someone',
    'pleased',
    'pleases',
    'lease',
    'plea',
    'place',
    'agente',
    'agentes',
    'humano',
    'humana',
    'humanos',
    'personas',
    'pessoa',
    'pessoas',
    'operador',
    'operadora',
    'representante',
    'personne',
    'humain',
    'humaine',
    'operateur',
    'contacto',
    'contato',
    'contacter',
    'servicio',
    'servico',
    'talking',
    'speaking',
    'plane',
    'plate',
    'palace',
    'pause',
    'purse',
    'horse',
    'house',
    'mouse',
    'nurse',
    'verse',
    'sense',
    'transfere',
    'transfira',
    'transferi',
  ],
);

/**
 * A message that is one quotation and nothing else, of three words or more: words for someone else to read (a delivery note
 * "\"please call Ana at reception on arrival\"", a gift card's message), not the user asking the bot.
 */
const wholeQuotation = guardPattern(/^["'«„](?:[^"'«»„\s]+\s+){2,}[^"'«»„\s]+["'»"]$/);

/** A match that starts with a way of reaching people ("phone number for reception", "call the front desk"). */
const channelVerb = guardPattern(/^(?:call|phone|ring|email|e-mail|contact|reach|get in touch with|in touch with)\b/);

/** Asking what the assistant is ("are you a real person?") is a question, not a request. */
const identityQuestion = guardPattern(
  /\b(?:are|r) (?:you|u) (?:a |an )?(?:real |actual |live |human |automated )?(?:person|human|human being|bot|robot|ai|machine|computer|chatbot)\b\??/g,
);

/** Finds a request for a person in one message; returns the match or undefined. */
export function findExplicitRequest(text: string): { text: string; score: number; detail: string } | undefined {
  const normalized = correctTypos(normalizeText(text)).replace(identityQuestion, ' ').trim();
  if (normalized.length === 0 || wholeQuotation.test(normalized)) return undefined;
  if (standalonePattern.test(normalized)) return { text: normalized, score: 0.9, detail: 'asks for a person' };
  let best: { text: string; score: number; detail: string } | undefined;
  const later = forLater.test(normalized);
  for (const { pattern, score, detail, negatable } of requestPatterns) {
    const match = pattern.exec(normalized);
    if (!match) continue;
    // "What's the phone number for reception? In case I need to call next week": a way to reach people kept for later.
    if (later && channelVerb.test(match[0])) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (negatable !== false && isWishNegated(normalized, start, end)) continue;
    const window = normalized.slice(Math.max(0, start - 30), end + 20);
    if (harmlessPattern.test(window) && !/\b(?:talk|speak|chat)\b/.test(match[0])) continue;
    if (!best || score > best.score) best = { text: match[0], score, detail };
  }
  return best;
}

/** An agent of someone else's trade: "my travel agent", "our estate agent", "the insurance agent". */
const tradeAgent = guardPattern(
  /\b(?:travel|insurance|estate|letting|booking|shipping|customs|border|ticket|sports|talent|literary|rental|leasing|mortgage)\s+agents?\b/,
);
/** "the agent", "my agent", "that agent": an agent the conversation already named. */
const definiteAgent = guardPattern(/\b(?:the|my|our|that|this|her|his|their) agents?\b/);

/**
 * "I'll email the agent with that info" after "my travel agent booked it": the agent is the one the
 * user named earlier, of another trade, not a person of ours. Reads the user's last ten turns.
 */
function meansNamedAgent(transcript: Transcript, turn: number, matched: string): boolean {
  if (!definiteAgent.test(matched) || /\b(?:your|a|an|real|human|live)\s+agent/.test(matched)) return false;
  for (let index = turn; index >= Math.max(0, turn - 20); index--) {
    const earlier = transcript[index]!;
    if (earlier.role === 'user' && tradeAgent.test(normalizeText(earlier.content))) return true;
  }
  return false;
}

/**
 * Explicit request for a person: any phrasing of wanting a human, agent, manager or department
 * in the last user message, in English, Spanish, Portuguese, French or German, negation-aware
 * ("I don't need a human" does not fire; "no bot, a human please" does).
 */
export const detectExplicitRequest: Detector = (transcript: Transcript, context): Signal[] => {
  if (context.phase !== 'input') return [];
  const turn = lastTurnIndex(transcript, 'user');
  if (turn < 0) return [];
  const found = findExplicitRequest(transcript[turn]!.content);
  if (!found || meansNamedAgent(transcript, turn, found.text)) return [];
  return [
    {
      reason: 'explicit_request',
      score: found.score,
      detector: 'explicit-request',
      evidence: [{ turn, text: found.text }],
      detail: found.detail,
    },
  ];
};
