import type { HandoffReason } from '../chat/conversation.js';
import { isWithinBusinessHours, localDateKey, nextOpening, zonedParts } from './business-hours.js';
import type { Agent, Team } from './team.js';

/** What {@link routeHandoff} decides from. */
export interface RouteInput {
  teams: readonly Team[];
  /** Why the conversation is handed off, strongest first. */
  reasons: readonly HandoffReason[];
  /** Catalogue topic the guard matched (`billing_dispute`). */
  topic?: string;
  /** The brief's intent (`refund`). */
  intent?: string;
  /** The customer's language (`pt-BR`). */
  language?: string;
  now: Date;
  /** Open conversations per agent id; a missing agent has none. */
  load: Readonly<Record<string, number>>;
}

/** Where a handoff goes. */
export interface RouteResult {
  team: Team;
  /** The agent to assign, or null when none is available now. */
  agent: Agent | null;
  /** True when the team is open and an agent has room. */
  available: boolean;
  /** Why this team and agent, for logs and the brief. */
  why: string;
  /**
   * False when the customer's language is known and the agent chosen does not speak it (nobody
   * with room who does is online): the user should be told, not promised a quick answer in
   * their language. True when they match; absent without a language or an agent.
   */
  speaksLanguage?: boolean;
  /** When not available: the team's next opening, plus `replyWithinHours` when the team sets it. */
  replyBy?: Date;
}

const hour = 3_600_000;

/** `HH:MM` of `date` in `timeZone`, for log lines. */
function clock(date: Date, timeZone: string): string {
  const { hour: hours, minute } = zonedParts(date, timeZone);
  return `${String(hours).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function normalize(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** True when two BCP 47 tags share a primary language (`pt-BR` and `pt`). */
function sameLanguage(a: string, b: string): boolean {
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary(a) === primary(b);
}

function score(team: Team, input: RouteInput): { score: number; matched: string[] } {
  const topics = new Set(team.topics.map(normalize));
  const matched: string[] = [];
  let total = 0;
  if (input.topic && topics.has(normalize(input.topic))) {
    total += 4;
    matched.push(`topic ${input.topic}`);
  }
  if (input.intent) {
    const intent = normalize(input.intent);
    if (topics.has(intent)) {
      total += 3;
      matched.push(`intent ${input.intent}`);
    } else {
      const partial = [...topics].find((topic) => intent.split('_').includes(topic));
      if (partial) {
        total += 1.5;
        matched.push(`intent ${input.intent} (~${partial})`);
      }
    }
  }
  input.reasons.forEach((reason, index) => {
    if (topics.has(reason.reason)) {
      total += index === 0 ? 2 : 1;
      matched.push(`reason ${reason.reason}`);
    }
  });
  if (total > 0 && input.language) {
    const language = input.language;
    if (team.languages.some((spoken) => sameLanguage(spoken, language))) total += 0.5;
    // A team someone online actually answers in beats one that only lists the language.
    if (team.agents.some((agent) => agent.status === 'online' && speaks(agent, language))) {
      total += 1;
      matched.push(`an online agent speaks ${language}`);
    }
  }
  return { score: total, matched };
}

function speaks(agent: Agent, language: string): boolean {
  return agent.languages.some((spoken) => sameLanguage(spoken, language));
}

function pickAgent(team: Team, input: RouteInput): { agent: Agent | null; note: string; speaksLanguage?: boolean } {
  const withRoom = team.agents.filter(
    (agent) => agent.status === 'online' && (input.load[agent.id] ?? 0) < team.capacityPerAgent,
  );
  if (withRoom.length === 0) {
    const online = team.agents.filter((agent) => agent.status === 'online').length;
    return { agent: null, note: online === 0 ? 'no agent online' : `all ${online} online agents at capacity` };
  }
  const speakers = input.language ? withRoom.filter((agent) => speaks(agent, input.language ?? '')) : [];
  const pool = speakers.length > 0 ? speakers : withRoom;
  // Least busy first; the team's own order breaks ties.
  const agent = pool.reduce((best, candidate) =>
    (input.load[candidate.id] ?? 0) < (input.load[best.id] ?? 0) ? candidate : best,
  );
  const load = input.load[agent.id] ?? 0;
  const languageNote = !input.language
    ? ''
    : speakers.length > 0
      ? `, speaks ${input.language}`
      : `, nobody with room speaks ${input.language}`;
  return {
    agent,
    note: `agent ${agent.name} (${load}/${team.capacityPerAgent} open${languageNote})`,
    ...(input.language ? { speaksLanguage: speakers.length > 0 } : {}),
  };
}

/**
 * Routes a handoff: the team whose topics best match the topic, intent and reasons (the
 * fallback team, or the first, when none matches; a team with an online agent who speaks the
 * customer's language is preferred), then the least busy online agent with room, preferring one
 * who speaks the customer's language (`speaksLanguage` says whether one did). Unavailable when the team is out of
 * hours, on a holiday, or has no online agent under capacity; then `replyBy` says when to
 * promise an answer. Pure: the clock and load come in.
 */
export function routeHandoff(input: RouteInput): RouteResult {
  const [first] = input.teams;
  if (!first) throw new Error('routeHandoff: configure at least one team');

  let best: { team: Team; score: number; matched: string[] } | undefined;
  for (const team of input.teams) {
    const result = score(team, input);
    if (result.score > 0 && (!best || result.score > best.score)) best = { team, ...result };
  }
  const fallback = input.teams.find((team) => team.fallback) ?? first;
  const team = best?.team ?? fallback;
  const teamWhy = best
    ? `${team.name} matched ${best.matched.join(', ')}`
    : `no team matched; fallback team ${team.name}`;

  const hours = team.businessHours;
  const replyBy = (from: Date) => {
    const opening = nextOpening(hours, from);
    return new Date(opening.getTime() + (team.replyWithinHours ?? 0) * hour);
  };

  if (!isWithinBusinessHours(hours, input.now)) {
    const holiday = hours.holidays.includes(localDateKey(input.now, hours.timeZone));
    const opening = nextOpening(hours, input.now);
    const closed = holiday ? 'holiday' : 'outside business hours';
    return {
      team,
      agent: null,
      available: false,
      why: `${teamWhy}; ${closed} in ${hours.timeZone}, opens ${localDateKey(opening, hours.timeZone)} ${clock(opening, hours.timeZone)}`,
      replyBy: replyBy(input.now),
    };
  }

  const { agent, note, speaksLanguage } = pickAgent(team, input);
  if (!agent) {
    return { team, agent: null, available: false, why: `${teamWhy}; ${note}`, replyBy: replyBy(input.now) };
  }
  return {
    team,
    agent,
    available: true,
    why: `${teamWhy}; ${note}`,
    ...(speaksLanguage !== undefined ? { speaksLanguage } : {}),
  };
}
