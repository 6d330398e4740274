/**
 * The wording one language gives the guard. Adding a language is adding one file of this shape
 * under `src/guard/lexicon/` and listing it in `languages.ts`; no detector changes.
 *
 * Every entry is a list of phrases as a user would type them. They pass through the same
 * normalisation as the messages (NFKC, lower case, Latin accents removed, obfuscation undone),
 * so write them plainly, with or without accents.
 *
 * Phrase syntax, kept small so that every phrase compiles to a matcher with a linear worst case:
 * - words separated by single spaces match those words in order (`talk to`);
 * - a word ending in `*` matches any word that starts with it (`suicid*`, `mitarbeiter*`);
 * - `…` between words allows up to three other words there (`want … die`);
 * - in a language whose `script` is `'unspaced'` (Chinese, Japanese, Thai) a phrase matches as
 *   a run of characters anywhere in the text, `…` allows up to six other characters, and `*`
 *   is not used.
 */
export interface Lexicon {
  /** ISO 639-1 code (`it`, `zh`). */
  language: string;
  /** English name of the language, for docs and reports. */
  name: string;
  /** `'spaced'` when words are separated by spaces; `'unspaced'` for Chinese, Japanese, Thai. */
  script: 'spaced' | 'unspaced';
  /** Frequent function words of the language, for language detection of short texts (20 to 40). */
  markers: readonly string[];

  /** Who the user can ask for: human, person, agent, operator, representative, manager, someone senior, staff. */
  person: readonly string[];
  /** The machine the user does not want: bot, robot, machine, AI, automated system. */
  bot: readonly string[];
  /** Reaching someone: talk to, speak with, connect me, transfer me, put me through, call, chat with. */
  contactVerbs: readonly string[];
  /** Wanting or asking: I want, I need, I would like, can I, let me, give me, please, is there. */
  wishes: readonly string[];
  /**
   * Asking for a way to reach a person, which is a request for one: a customer-care or call-centre
   * number, a support phone or email, live chat, "how do I call you", "how can I contact you".
   */
  contactChannels: readonly string[];
  /** Words that turn a wish around: don't, not, no need, never, without. */
  negations: readonly string[];
  /**
   * Phrases in which a person word asks for nobody: adding a person to an account, another or a
   * second person, a number of people ("for two people"), becoming an agent, human resources,
   * "in person", sending money to someone. A person word inside one of them is not a request.
   */
  harmless?: readonly string[];

  /**
   * Suicide, self-harm and danger, each phrase enough on its own: direct ("kill myself") and
   * indirect ideation ("don't want to be here anymore", "my last day", "no reason to go on"),
   * plans and means (pills, rope, a bridge), goodbyes and giving things away, abuse and threats.
   */
  crisis: readonly string[];
  /**
   * Money taken or not received, said plainly: debited, deducted, charged twice, paid but not
   * credited, a payment I did not make, a refund never arrived.
   */
  moneyTaken: readonly string[];
  /** Closing or deleting an account, cancelling a contract or subscription for good. */
  closure: readonly string[];
  /** Complaining and legal threats: file a complaint, I want to complain, lawyer, sue, legal action. */
  complaint: readonly string[];
  /** Frustration that stands alone: useless, very bad, worst service, terrible, ridiculous, a joke, fed up. */
  frustration: readonly string[];
  /**
   * Questions only a licensed professional may answer, asked of the bot: medicine (is it safe to
   * take, a dose, pregnancy or breastfeeding and a medicine, mixing medicines, what a symptom
   * means), law (is it legal, can I sue, my rights as a tenant or employee, is this clause valid),
   * tax and investment advice. Optional: English reads these through the compliance topics.
   */
  compliance?: readonly string[];

  /** Confirmations in a flow: yes please, go ahead, proceed, that works, sounds good, confirm. */
  confirmations: readonly string[];
  /** Greetings, thanks and goodbyes: never out of scope, never a repeated question. */
  smalltalk: readonly string[];

  /**
   * The safe message for a crisis, in this language: the user is not alone, should contact local
   * emergency services or a crisis line now if in danger, and a person is being connected.
   */
  crisisMessage: string;
}

/** The lists of a lexicon that hold phrases. */
export const lexiconCategories = [
  'person',
  'bot',
  'contactVerbs',
  'wishes',
  'contactChannels',
  'negations',
  'harmless',
  'crisis',
  'moneyTaken',
  'closure',
  'complaint',
  'frustration',
  'compliance',
  'confirmations',
  'smalltalk',
] as const;

export type LexiconCategory = (typeof lexiconCategories)[number];
