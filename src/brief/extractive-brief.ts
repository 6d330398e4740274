import type { HandoffReason } from '../chat/conversation.js';
import type { Urgency } from '../guard/types.js';
import { words as splitWords } from '../text/words.js';
import { extractEntities, mergeEntities } from './entities.js';
import { guessLanguage } from './guess-language.js';
import {
  type BriefEntities,
  defaultBriefTranscriptTurns,
  type HandoffBrief,
  maxSummarySentences,
  splitSentences,
} from './handoff-brief.js';

/** One turn of the conversation handed to the brief writer, oldest first. */
export interface BriefTurn {
  role: 'user' | 'assistant';
  content: string;
  /** Who wrote an assistant turn. Defaults to `bot`. */
  author?: 'bot' | 'agent' | 'system';
  /** ISO time of the turn, when known. */
  at?: string;
  /** True when the bot could not answer this turn. */
  fallback?: boolean;
}

/** Everything the brief is built from: the transcript plus what the guard and router know. */
export interface BriefInput {
  conversationId: string;
  createdAt: Date;
  transcript: BriefTurn[];
  reasons: HandoffReason[];
  urgency: Urgency;
  identity?: { id?: string; name?: string; email?: string } | null;
  /** BCP 47 tag; guessed from the customer's words when missing. */
  language?: string;
  /** Sentiment as the guard scored it; neutral and stable when missing. */
  sentiment?: { score: number; trend: 'improving' | 'stable' | 'worsening' };
  suggestedTeam?: string | null;
  skills?: string[];
  /** Catalogue topic the guard matched (`billing_dispute`), used as the intent when present. */
  topic?: string;
  /** Product names to look for in the customer's messages. */
  products?: readonly string[];
  /**
   * How many of the latest turns the brief carries verbatim.
   * @default 20
   */
  transcriptLimit?: number;
}

const maxSentenceLength = 230;
const maxBotAttempts = 8;
const maxOpenQuestions = 5;

const intentKeywords: Array<[intent: string, pattern: RegExp]> = [
  [
    'billing_dispute',
    /charged\b.{0,40}\b(?:twice|two times|again)|double[- ]charg|overcharg|unauthori[sz]ed (?:charge|payment)|wrong(?:ly)? charg|dispute|chargeback|cobrado dos veces|cobro indebido|cobrança indevida|cobrado duas vezes|débité deux fois|doppelt (?:abgebucht|belastet)/iu,
  ],
  [
    'refund',
    /refund|money back|reembols|remboursement|r[üu]ckerstattung|erstattung|devoluci[óo]n del dinero|devolu[çc][ãa]o do dinheiro/iu,
  ],
  [
    'account_closure',
    /close my account|delete my account|cerrar mi cuenta|eliminar mi cuenta|encerrar (?:a )?minha conta|fermer mon compte|supprimer mon compte|konto (?:l[öo]schen|schlie[ßs]en)/iu,
  ],
  ['cancellation', /cancel|cancelar|annuler|r[ée]silier|k[üu]ndig/iu],
  [
    'data_request',
    /gdpr|rgpd|lgpd|dsgvo|(?:my|personal) data|datos personales|dados pessoais|donn[ée]es personnelles|meine daten/iu,
  ],
  ['fraud_or_security', /fraud|hacked|scam|stolen|phishing|fraude|hackeado|estafa|golpe|piratage|betrug|gehackt/iu],
  [
    'legal_threat',
    /lawyer|attorney|\bsue\b|legal action|abogado|demanda|advogado|processo judicial|avocat|anwalt|klage/iu,
  ],
  [
    'account_access',
    /password|log ?in|sign ?in|locked out|two[- ]factor|2fa|contrase[ñn]a|senha|mot de passe|passwort|anmelden/iu,
  ],
  [
    'delivery_issue',
    /deliver|shipping|shipment|package|parcel|tracking|not arrived|hasn'?t arrived|entrega|env[íi]o|paquete|encomenda|pacote|livraison|colis|lieferung|paket|sendung/iu,
  ],
  ['complaint', /complain|complaint|queja|reclamaci[óo]n|reclama[çc][ãa]o|plainte|r[ée]clamation|beschwerde/iu],
  [
    'technical_issue',
    /error|bug|crash|not working|doesn'?t work|broken|no funciona|n[ãa]o funciona|ne (?:fonctionne|marche) pas|funktioniert nicht|kaputt/iu,
  ],
  [
    'speak_to_human',
    /human|real person|agent|representative|humano|persona real|pessoa|atendente|conseiller|une personne|mitarbeiter|menschen/iu,
  ],
];

const reasonIntents: Partial<Record<HandoffReason['reason'], string>> = {
  explicit_request: 'speak_to_human',
  crisis: 'crisis_support',
  negative_sentiment: 'complaint',
  high_stakes: 'high_stakes_request',
  compliance: 'compliance_request',
  out_of_scope: 'out_of_scope_request',
  low_confidence: 'unresolved_question',
  repeat_failure: 'unresolved_question',
};

const fallbackPhrases =
  /\b(?:i (?:don'?t|do not) know|i'?m not sure|i am not sure|i (?:can'?t|cannot|can not) (?:help|answer|find)|i couldn'?t find|unable to (?:help|answer|find)|no (?:lo )?s[ée]|n[ãa]o sei|je ne sais pas|wei[ßs] (?:ich )?nicht)/iu;

const interrogativeStart =
  /^(?:¿|how|what|where|when|why|who|which|can|could|will|would|is|are|do|does|did|has|have|c[óo]mo|qu[ée]|d[óo]nde|cu[áa]ndo|por qu[ée]|cu[áa]l|puedo|pueden|onde|quando|qual|posso|comment|o[ùu]|quand|pourquoi|quel|quelle|est-ce|wie|was|wo|wann|warum|welche|kann|k[öo]nnen)\b/iu;

const stopWords = new Set([
  'about',
  'after',
  'again',
  'also',
  'been',
  'came',
  'could',
  'does',
  'from',
  'have',
  'here',
  'just',
  'like',
  'more',
  'please',
  'should',
  'still',
  'that',
  'their',
  'them',
  'then',
  'there',
  'they',
  'this',
  'what',
  'when',
  'where',
  'which',
  'will',
  'with',
  'would',
  'your',
  'para',
  'como',
  'pour',
  'avec',
  'dans',
  'nicht',
  'eine',
  'einen',
]);

function truncate(text: string, length: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}

/** A sentence that ends like one, so joined sentences split back the same way. */
function asSentence(text: string): string {
  const sentence = truncate(text, maxSentenceLength);
  return /[.!?…]["'”’)\]]*$/u.test(sentence) ? sentence : `${sentence}.`;
}

function contentStems(text: string): Set<string> {
  const words = splitWords(text.toLowerCase(), { apostrophes: 'split' });
  return new Set(words.filter((word) => word.length >= 4 && !stopWords.has(word)).map((word) => word.slice(0, 5)));
}

function isQuestion(sentence: string): boolean {
  return /\?["'”’)\]]*$/u.test(sentence) || interrogativeStart.test(sentence);
}

function isBotTurn(turn: BriefTurn): boolean {
  return turn.role === 'assistant' && (turn.author ?? 'bot') === 'bot';
}

function isFallback(turn: BriefTurn): boolean {
  return turn.fallback === true || fallbackPhrases.test(turn.content);
}

function slugify(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[a-z0-9]+/g);
  const content = (words ?? []).filter((word) => word.length >= 3 && !stopWords.has(word)).slice(0, 4);
  return content.join('_');
}

/** The intent: the guard's topic, else keywords of the first request, else the reasons. */
export function inferIntent(input: Pick<BriefInput, 'topic' | 'reasons' | 'transcript'>): string {
  if (input.topic?.trim()) return input.topic.trim();
  const userTurns = input.transcript.filter((turn) => turn.role === 'user').map((turn) => turn.content);
  const specific = intentKeywords.filter(([intent]) => intent !== 'speak_to_human');
  for (const text of [userTurns[0] ?? '', userTurns.join('\n')]) {
    const match = specific.find(([, pattern]) => pattern.test(text));
    if (match) return match[0];
  }
  for (const reason of input.reasons) {
    const intent = reasonIntents[reason.reason];
    if (intent) return intent;
  }
  const human = intentKeywords.find(([intent]) => intent === 'speak_to_human');
  if (human && userTurns.some((text) => human[1].test(text))) return 'speak_to_human';
  const phrase = slugify(userTurns[0] ?? '');
  return phrase || 'general_inquiry';
}

/** Up to five sentences of the customer's own words: the first three and the last two. */
function summarize(transcript: readonly BriefTurn[]): string {
  const sentences: string[] = [];
  for (const turn of transcript) {
    if (turn.role !== 'user') continue;
    for (const sentence of splitSentences(turn.content)) {
      const clean = asSentence(sentence);
      if (!sentences.includes(clean)) sentences.push(clean);
    }
  }
  if (sentences.length === 0) return 'The customer has not written anything yet.';
  const chosen =
    sentences.length <= maxSummarySentences
      ? sentences
      : [...sentences.slice(0, maxSummarySentences - 2), ...sentences.slice(-2)];
  return chosen.join(' ');
}

function botAttempts(transcript: readonly BriefTurn[]): string[] {
  const attempts: string[] = [];
  for (const turn of transcript) {
    if (!isBotTurn(turn)) continue;
    const first = splitSentences(turn.content)[0];
    if (!first) continue;
    const attempt = truncate(first, 200);
    if (!attempts.includes(attempt)) attempts.push(attempt);
  }
  return attempts.slice(-maxBotAttempts);
}

function openQuestions(transcript: readonly BriefTurn[]): string[] {
  const open: string[] = [];
  transcript.forEach((turn, index) => {
    if (turn.role !== 'user') return;
    for (const sentence of splitSentences(turn.content)) {
      if (!isQuestion(sentence)) continue;
      const stems = contentStems(sentence);
      const answered = transcript.slice(index + 1).some((later) => {
        if (later.role !== 'assistant' || later.author === 'system' || isFallback(later)) return false;
        if (stems.size === 0) return true;
        const answer = contentStems(later.content);
        return [...stems].some((stem) => answer.has(stem));
      });
      const question = truncate(sentence, maxSentenceLength);
      if (!answered && !open.includes(question)) open.push(question);
    }
  });
  return open.slice(-maxOpenQuestions);
}

// Case-sensitive on purpose: a name is the capitalised words after the phrase.
const namePattern =
  /(?:[Mm]y name is|[Mm]y name's|[Mm]e llamo|[Mm]i nombre es|[Mm]eu nome é|[Jj]e m'appelle|[Ii]ch heiße|[Mm]ein Name ist)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)/u;

function customer(input: BriefInput, entities: BriefEntities): HandoffBrief['customer'] {
  const given = input.identity ?? {};
  const identity: { id?: string; name?: string; email?: string } = {};
  if (given.id) identity.id = given.id;
  let name = given.name;
  if (!name) {
    for (const turn of input.transcript) {
      if (turn.role !== 'user') continue;
      const match = namePattern.exec(turn.content);
      if (match?.[1]) name = match[1];
    }
  }
  if (name) identity.name = name;
  const email = given.email ?? entities.emails[0];
  if (email) identity.email = email;
  return Object.keys(identity).length > 0 ? identity : null;
}

function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(max, Math.max(min, value));
}

/**
 * Builds the brief from the transcript and the guard's signals alone, with no model: the
 * fallback when the model is missing, slow or wrong, and the base the model's fields are
 * merged over. Deterministic: the same input gives the same brief. Never throws; an invalid
 * `createdAt` is recorded as the epoch.
 */
export function buildExtractiveBrief(input: BriefInput): HandoffBrief {
  const transcript = input.transcript;
  const userText = transcript
    .filter((turn) => turn.role === 'user')
    .map((turn) => turn.content)
    .join('\n');
  const entities = mergeEntities(
    ...transcript
      .filter((turn) => turn.role === 'user')
      .map((turn) => extractEntities(turn.content, input.products ? { products: input.products } : {})),
  );
  const limit = Math.max(1, Math.floor(input.transcriptLimit ?? defaultBriefTranscriptTurns));
  const createdAt = Number.isNaN(input.createdAt.getTime()) ? new Date(0) : input.createdAt;
  return {
    conversationId: input.conversationId,
    createdAt: createdAt.toISOString(),
    reasons: input.reasons.map((reason) => ({ ...reason })),
    urgency: input.urgency,
    customer: customer(input, entities),
    language: input.language?.trim() || guessLanguage(userText),
    intent: inferIntent(input),
    entities,
    sentiment: {
      score: clamp(input.sentiment?.score ?? 0, -1, 1),
      trend: input.sentiment?.trend ?? 'stable',
    },
    summary: summarize(transcript),
    botAttempts: botAttempts(transcript),
    openQuestions: openQuestions(transcript),
    suggestedTeam: input.suggestedTeam ?? null,
    skills: [...(input.skills ?? [])],
    transcript: transcript.slice(-limit).map((turn) => ({
      role: turn.role,
      author: turn.role === 'user' ? 'user' : (turn.author ?? 'bot'),
      content: turn.content,
      ...(turn.at ? { at: turn.at } : {}),
    })),
    transcriptTurns: transcript.length,
    source: 'extractive',
  };
}
