import type { Urgency } from '../shared/types.js';
import type { QueueEntry } from './agent-api.js';
import { describeReasons, lastCustomerWords, urgencyLabels } from './brief-text.js';

/** The fields of a queue entry that alerts read. */
export type AlertEntry = Pick<QueueEntry, 'id' | 'state' | 'urgency' | 'reasons' | 'team' | 'createdAt' | 'brief'>;

/** One alert to show: a browser notification and its copy in the console. */
export interface HandoffAlert {
  /** The conversation that clicking the alert opens. */
  conversationId: string;
  /** The handoffs the alert covers (see {@link handoffKey}); the first is its notification tag. */
  keys: string[];
  critical: boolean;
  title: string;
  body: string;
}

const urgencyRank: Record<Urgency, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** Most grouped handoffs a single alert lists by name before "and N more". */
const groupListed = 4;

/**
 * The key of one handoff: its conversation and when the handoff began, so a conversation
 * handed back to the bot and off again alerts again, but a refresh of the same one never does.
 */
export function handoffKey(entry: Pick<AlertEntry, 'id' | 'createdAt'>): string {
  return `${entry.id}@${entry.createdAt}`;
}

/** Orders handoffs most urgent first, then oldest first. */
export function compareUrgency(a: AlertEntry, b: AlertEntry): number {
  return urgencyRank[a.urgency] - urgencyRank[b.urgency] || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/**
 * The handoffs of `queue` that wait for a person and that no alert has covered yet (their
 * key is not in `seen`), most urgent first. Claimed ones are somebody's already: no alert.
 */
export function unseenHandoffs<Entry extends AlertEntry>(queue: readonly Entry[], seen: ReadonlySet<string>): Entry[] {
  return queue.filter((entry) => entry.state === 'queued' && !seen.has(handoffKey(entry))).sort(compareUrgency);
}

/** The reason of a handoff in plain words ("Crisis / self-harm"), as the queue shows it. */
export function reasonText(entry: Pick<AlertEntry, 'reasons'>): string {
  return (
    describeReasons(entry.reasons)
      .map((line) => line.label)
      .join(', ') || 'Handoff'
  );
}

/** The alert of one handoff: urgency and reason in the title, team and the customer's last words below. */
export function singleAlert(entry: AlertEntry): HandoffAlert {
  const critical = entry.urgency === 'critical';
  const lead = critical ? 'Critical handoff' : `New handoff (${urgencyLabels[entry.urgency].toLowerCase()})`;
  const words = lastCustomerWords(entry.brief, 120);
  const body = [entry.team ? `Team ${entry.team}` : undefined, words ? `“${words}”` : undefined]
    .filter((line) => line !== undefined)
    .join('\n');
  return {
    conversationId: entry.id,
    keys: [handoffKey(entry)],
    critical,
    title: `${lead}: ${reasonText(entry)}`,
    body,
  };
}

/** One alert for several non-critical handoffs arriving at once; it opens the most urgent. */
export function groupedAlert(entries: readonly AlertEntry[]): HandoffAlert {
  const [first] = entries;
  if (!first) throw new Error('groupedAlert needs at least one handoff.');
  if (entries.length === 1) return singleAlert(first);
  const lines = entries.slice(0, groupListed).map((entry) => `${urgencyLabels[entry.urgency]} · ${reasonText(entry)}`);
  if (entries.length > groupListed) lines.push(`and ${entries.length - groupListed} more`);
  return {
    conversationId: first.id,
    keys: entries.map(handoffKey),
    critical: false,
    title: `${entries.length} new handoffs`,
    body: lines.join('\n'),
  };
}

/**
 * The alerts for handoffs that just arrived: each critical one gets its own alert, first;
 * the others follow, one alert each when one arrived or one grouped alert when several did.
 */
export function planAlerts(fresh: readonly AlertEntry[]): HandoffAlert[] {
  const ordered = [...fresh].sort(compareUrgency);
  const critical = ordered.filter((entry) => entry.urgency === 'critical');
  const others = ordered.filter((entry) => entry.urgency !== 'critical');
  return [...critical.map(singleAlert), ...(others.length > 0 ? [groupedAlert(others)] : [])];
}
