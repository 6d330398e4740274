import { calendarDaysBetween, formatLocalTime, zonedParts } from '../routing/business-hours.js';
import { joinSentences, localizedName, type MessageLanguage, messageLanguage, namesTeam } from './message-language.js';
import {
  agentJoinedWords,
  backToBotWords,
  closedWords,
  crisisResources,
  crisisWaitWords,
  crisisWords,
  genericQuestion,
  type KnownQuestions,
  knownQuestions,
  offlineWords,
  otherLanguageWords,
  replyByWords,
  teamWords,
  ticketWords,
  transitionWords,
  waitingWords,
  waitWords,
} from './message-texts.js';

export { type MessageLanguage, messageLanguage, messageLanguages } from './message-language.js';

/** A wait in words: `less than a minute`, `about 3 minutes`, `about 2 hours`. */
export function formatWait(seconds: number, language?: string): string {
  const words = waitWords[messageLanguage(language)];
  const safe = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  if (safe < 60) return words.underAMinute;
  const minutes = Math.round(safe / 60);
  if (minutes < 60) return words.minutes(minutes);
  return words.hours(Math.max(1, Math.round(safe / 3600)));
}

/**
 * A team's display name in `language`: its localized name (a Team's `names`, keyed by BCP 47
 * tags, exact tag first, then the primary language), else `teamName`.
 */
export function teamDisplayName(
  language: string | undefined,
  teamName: string | undefined,
  teamNames?: Record<string, string>,
): string | undefined {
  return localizedName(language, teamName, teamNames);
}

function teamPhrase(language: MessageLanguage, teamName: string | undefined): string {
  const words = teamWords[language];
  const name = teamName?.trim();
  if (!name) return words.anyone;
  return namesTeam(name) ? (words.named ?? words.team)(name) : words.team(name);
}

/** Options of {@link transitionMessage}. */
export interface TransitionMessageOptions {
  language?: string;
  /** The team's display name (`Billing`). */
  teamName?: string;
  /** The team's display name per language (a Team's `names`); used over `teamName` when it has the language. */
  teamNames?: Record<string, string> | undefined;
  /** Expected wait; without it the message names no wait. */
  etaSeconds?: number;
}

/**
 * What the customer reads when the conversation goes to a person: who takes it, the expected
 * wait, and that they can keep writing.
 *
 * @example
 * transitionMessage({ language: 'en', teamName: 'Billing', etaSeconds: 180 });
 * // "I'm connecting you with our Billing team. The expected wait is about 3 minutes. You can keep writing here; they will see the whole conversation."
 */
export function transitionMessage({ language, teamName, teamNames, etaSeconds }: TransitionMessageOptions): string {
  const lang = messageLanguage(language);
  const words = transitionWords[lang];
  const who = teamPhrase(lang, teamDisplayName(language, teamName, teamNames));
  const wait = etaSeconds === undefined ? undefined : formatWait(etaSeconds, lang);
  return joinSentences(lang, [words.connecting(who), wait && words.wait(wait), words.keepWriting]);
}

/** Options of {@link offlineMessage}. */
export interface OfflineMessageOptions {
  language?: string;
  /** When the team promises to reply (a route's `replyBy`). */
  replyBy: Date;
  now: Date;
  /** Zone the times are written in: the customer's when known, else the team's. */
  timeZone: string;
  /** True to ask for a name and email so the team can answer out of the chat. */
  needsContact: boolean;
}

/** The short name of `timeZone` at `date` as the language writes it (`EDT`, `GMT-4`, `MEZ`). */
function zoneName(date: Date, timeZone: string, language: MessageLanguage): string {
  const parts = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'short' }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * "by 9:00 AM tomorrow, EDT", "mañana antes de las 9:00 GMT-4": the reply time relative to now,
 * in the zone, always naming the zone.
 */
export function formatReplyBy({
  language,
  replyBy,
  now,
  timeZone,
}: Pick<OfflineMessageOptions, 'language' | 'replyBy' | 'now' | 'timeZone'>): string {
  const lang = messageLanguage(language);
  const words = replyByWords[lang];
  const days = calendarDaysBetween(now, replyBy, timeZone);
  const local = zonedParts(replyBy, timeZone);
  const weekday = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long' }).format(replyBy);
  const date = new Intl.DateTimeFormat(lang, { timeZone, month: 'long', day: 'numeric' }).format(replyBy);
  const day =
    days <= 0
      ? words.today
      : days === 1
        ? words.tomorrow
        : days <= 6
          ? words.weekday(weekday, local.weekday)
          : words.date(date);
  return words.phrase({
    day,
    time: formatLocalTime(replyBy, timeZone, lang),
    zone: zoneName(replyBy, timeZone, lang),
    hour: local.hour,
  });
}

/**
 * What the customer reads when nobody can take the conversation now: the team is offline and
 * when it will reply, with "today", "tomorrow" or the weekday computed in `timeZone`.
 *
 * @example
 * offlineMessage({ language: 'en', replyBy, now, timeZone: 'America/New_York', needsContact: true });
 * // "Our team is offline right now. Leave your name and email and we'll get back to you by 9:00 AM tomorrow, EDT."
 */
export function offlineMessage(options: OfflineMessageOptions): string {
  const lang = messageLanguage(options.language);
  const words = offlineWords[lang];
  const when = formatReplyBy(options);
  return joinSentences(lang, [words.offline, options.needsContact ? words.leaveContact(when) : words.answerHere(when)]);
}

/** Options of {@link ticketCreatedMessage}. */
export interface TicketCreatedMessageOptions {
  language?: string;
  ticketId?: string;
  /** Where the team will answer; without it, they answer in the chat. */
  email?: string;
}

/** What the customer reads when their request became a ticket. */
export function ticketCreatedMessage({ language, ticketId, email }: TicketCreatedMessageOptions): string {
  const lang = messageLanguage(language);
  const words = ticketWords[lang];
  return joinSentences(lang, [words.created(ticketId), words.answer(email)]);
}

/** What the customer reads when an agent takes the conversation. */
export function agentJoinedMessage({ language, agentName }: { language?: string; agentName: string }): string {
  return agentJoinedWords[messageLanguage(language)](agentName);
}

/** What the customer reads when the agent hands the conversation back to the bot. */
export function backToBotMessage({ language }: { language?: string } = {}): string {
  return backToBotWords[messageLanguage(language)];
}

/** What the customer reads when the agent closes the conversation as resolved (not a hand-back to the bot). */
export function closedMessage({ language }: { language?: string } = {}): string {
  return closedWords[messageLanguage(language)];
}

/** Told to the customer when nobody who speaks their language had room and someone else will answer. */
export function otherLanguageNote({ language }: { language?: string } = {}): string {
  return otherLanguageWords[messageLanguage(language)];
}

/** What the customer reads when they write while waiting in the queue. */
export function waitingMessage({ language, etaSeconds }: { language?: string; etaSeconds?: number } = {}): string {
  const lang = messageLanguage(language);
  return waitingWords[lang](etaSeconds === undefined ? undefined : formatWait(etaSeconds, lang));
}

/**
 * The safe message for a crisis (self-harm, danger): you are not alone, contact local
 * emergency services or a crisis line now, and a person is being connected. `resources`
 * replaces the example numbers, e.g. with the lines of the deployment's country. Languages
 * without example numbers point to the international directory https://findahelpline.com.
 */
export function crisisMessage({ language, resources }: { language?: string; resources?: string } = {}): string {
  const lang = messageLanguage(language);
  return crisisWords[lang](resources?.trim() || crisisResources[lang]);
}

const questionAliases: Record<string, keyof KnownQuestions> = {
  order: 'ordernumber',
  orderid: 'ordernumber',
  account: 'accountnumber',
  accountid: 'accountnumber',
  phonenumber: 'phone',
  emailaddress: 'email',
  fullname: 'name',
};

/**
 * The question asked before a handoff to collect one field: `name`, `email`, `orderNumber`,
 * `phone` and `accountNumber` have their own wording; any other field gets a generic question
 * naming it.
 */
export function preHandoffQuestion(field: string, language?: string): string {
  const lang = messageLanguage(language);
  const key = field.toLowerCase().replace(/[\s_-]+/g, '');
  const known = knownQuestions[lang];
  const knownKey = Object.hasOwn(questionAliases, key) ? questionAliases[key] : key;
  if (knownKey && Object.hasOwn(known, knownKey)) return known[knownKey as keyof KnownQuestions];
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return genericQuestion[lang](words);
}

/**
 * What a user in crisis is told when no person can answer soon (every agent busy, or outside
 * business hours): never a wait of hours, but that the crisis resources above are the fastest
 * help, and that they are first in line.
 */
export function crisisWaitMessage({ language }: { language?: string } = {}): string {
  return crisisWaitWords[messageLanguage(language)];
}
