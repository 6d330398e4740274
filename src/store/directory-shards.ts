import type { ConversationSummary, TeamLoad } from './store.js';
import { type TeamLoadRow, teamLoadsFromRows } from './team-loads-of.js';

/** Most directory shards a store may spread its queue index over. */
export const maxDirectoryShards = 256;

/** Separates a directory's name from its shard number (`directory#3`); shard 0 is the directory itself. */
const shardSeparator = '#';

/** FNV-1a (32 bits) of a string's UTF-16 code units: stable across runtimes and releases. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The directory shards of the Durable Object store: a conversation's summary lives in shard
 * `hash(id) mod count` (shard 0 is named `base`, shard i `base#i`, so one shard is the unsharded
 * directory of earlier releases); the notification outbox always lives in shard 0. Queries fan out
 * to every shard and merge. Pure.
 */
export interface DirectoryShards {
  readonly count: number;
  /** Every shard's directory name, shard 0 first. */
  readonly names: readonly string[];
  /** The name of the shard that indexes conversation `id`. */
  of(id: string): string;
}

/** The shards of directory `base` when the queue index is spread over `count` objects. */
export function directoryShards(base: string, count: number): DirectoryShards {
  if (!Number.isInteger(count) || count < 1 || count > maxDirectoryShards) {
    throw new Error(`directory shards must be a whole number from 1 to ${maxDirectoryShards}, not ${count}`);
  }
  const names = Array.from({ length: count }, (_, shard) => (shard === 0 ? base : `${base}${shardSeparator}${shard}`));
  return { count, names, of: (id) => names[stableHash(id) % count]! };
}

/** The directory that holds the outbox of shard `name`: shard 0, the name before the separator. */
export function outboxDirectoryOf(name: string): string {
  const at = name.indexOf(shardSeparator);
  return at < 0 ? name : name.slice(0, at);
}

/**
 * The summaries of every shard as one list, newest update last: a conversation indexed twice (its
 * shard changed when the shard count grew) counts once, by its newest update.
 */
export function mergeShardSummaries(lists: readonly ConversationSummary[][]): ConversationSummary[] {
  if (lists.length === 1) return lists[0]!;
  const newest = new Map<string, ConversationSummary>();
  for (const summary of lists.flat()) {
    const known = newest.get(summary.id);
    if (!known || known.updatedAt < summary.updatedAt) newest.set(summary.id, summary);
  }
  // A stable sort: within one shard the index's own write order is kept for equal times.
  return [...newest.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
}

/** The team loads of every shard added up, in the order one store answers (team id, null last). */
export function mergeShardTeamLoads(lists: readonly TeamLoad[][]): TeamLoad[] {
  if (lists.length === 1) return lists[0]!;
  const rows: TeamLoadRow[] = [];
  for (const load of lists.flat()) {
    let withAgent = 0;
    for (const [agentId, open] of Object.entries(load.agents)) {
      rows.push({ team: load.team, agentId, open, queued: 0, queuedAhead: 0 });
      withAgent += open;
    }
    rows.push({
      team: load.team,
      agentId: null,
      open: load.open - withAgent,
      queued: load.queued,
      queuedAhead: load.queuedAhead,
    });
  }
  return teamLoadsFromRows(rows);
}
