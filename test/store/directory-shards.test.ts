import { describe, expect, it } from 'vitest';
import {
  directoryShards,
  maxDirectoryShards,
  mergeShardSummaries,
  mergeShardTeamLoads,
  outboxDirectoryOf,
} from '../../src/store/directory-shards.js';
import type { ConversationSummary } from '../../src/store/store.js';
import { teamLoadsOf } from '../../src/store/team-loads-of.js';

const summary = (id: string, updatedAt: string, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  state: 'queued',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  messageCount: 1,
  handoff: null,
  ...extra,
});

describe('directoryShards', () => {
  it('names shard 0 as the directory itself and spreads ids over every shard, the same each time', () => {
    const shards = directoryShards('directory', 8);
    expect(shards.names).toEqual(['directory', ...Array.from({ length: 7 }, (_, i) => `directory#${i + 1}`)]);
    const ids = Array.from({ length: 800 }, (_, i) => `conversation-${i}`);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(shards.of(id), (counts.get(shards.of(id)) ?? 0) + 1);
    expect(counts.size).toBe(8);
    for (const count of counts.values()) expect(count).toBeGreaterThan(60);
    expect(ids.map(shards.of)).toEqual(ids.map(directoryShards('directory', 8).of));
    expect(directoryShards('directory', 1).of('anything')).toBe('directory');
  });

  it.each([0, -1, 1.5, maxDirectoryShards + 1, Number.NaN])('refuses %s shards', (count) => {
    expect(() => directoryShards('directory', count)).toThrow(/whole number from 1 to 256/);
  });

  it('keeps the outbox in shard 0', () => {
    expect(outboxDirectoryOf('directory#5')).toBe('directory');
    expect(outboxDirectoryOf('directory')).toBe('directory');
  });
});

describe('merging shards', () => {
  it('lists every summary once, its newest copy, by update time', () => {
    const merged = mergeShardSummaries([
      [summary('a', '2026-01-01T00:00:03.000Z'), summary('b', '2026-01-01T00:00:01.000Z', { state: 'bot' })],
      [summary('c', '2026-01-01T00:00:02.000Z'), summary('b', '2026-01-01T00:00:04.000Z', { state: 'resolved' })],
    ]);
    expect(merged.map((entry) => [entry.id, entry.state])).toEqual([
      ['c', 'queued'],
      ['a', 'queued'],
      ['b', 'resolved'],
    ]);
  });

  it('adds up team loads as one store would count them', () => {
    const handoff = (team: string | null, agentId?: string) => ({
      id: `h-${team}-${agentId}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      reasons: [],
      urgency: 'normal' as const,
      team,
      brief: null,
      ...(agentId ? { agentId } : {}),
    });
    const all = [
      summary('1', 't', { handoff: handoff('billing', 'ana') }),
      summary('2', 't', { handoff: handoff('billing') }),
      summary('3', 't', { state: 'assigned', handoff: handoff('billing', 'ana') }),
      summary('4', 't', { handoff: handoff(null) }),
      summary('5', 't', { state: 'human', handoff: handoff('tech', 'bo') }),
    ];
    const split = [all.slice(0, 2), all.slice(2, 4), all.slice(4)];
    expect(mergeShardTeamLoads(split.map((part) => teamLoadsOf(part)))).toEqual(teamLoadsOf(all));
  });
});
