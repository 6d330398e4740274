import { describe, expect, it } from 'vitest';
import {
  type AlertEntry,
  groupedAlert,
  handoffKey,
  planAlerts,
  singleAlert,
  unseenHandoffs,
} from '../../web/src/agent/handoff-alerts.js';
import { criticalHandoffTone, newHandoffTone, toneFor } from '../../web/src/agent/handoff-tone.js';
import {
  type KeyValueStorage,
  loadNotifiedHandoffs,
  notifiedHandoffsKey,
  notifiedHandoffsLimit,
  saveNotifiedHandoffs,
} from '../../web/src/agent/notified-handoffs.js';

function entry(id: string, overrides: Partial<AlertEntry> = {}): AlertEntry {
  return {
    id,
    state: 'queued',
    urgency: 'normal',
    reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asks for a person' }],
    team: 'support',
    createdAt: '2026-11-25T10:00:00.000Z',
    brief: null,
    ...overrides,
  };
}

const crisis = entry('crisis', {
  urgency: 'critical',
  createdAt: '2026-11-25T10:05:00.000Z',
  reasons: [
    { reason: 'crisis', source: 'guard', detail: 'topic self_harm' },
    { reason: 'crisis', source: 'guard', detail: 'crisis wording' },
    { reason: 'explicit_request', source: 'guard', detail: 'asks for a person' },
  ],
});
const refund = entry('refund', {
  urgency: 'high',
  team: 'billing',
  createdAt: '2026-11-25T10:03:00.000Z',
  reasons: [{ reason: 'high_stakes', source: 'guard', detail: 'topic refund' }],
});

function memoryStorage(initial?: string): KeyValueStorage & { value: string | null } {
  const storage = {
    value: initial ?? null,
    getItem: () => storage.value,
    setItem: (_key: string, value: string) => {
      storage.value = value;
    },
  };
  return storage;
}

describe('which handoffs are new', () => {
  it('keys a handoff by conversation and start, so a second handoff of the same conversation is new', () => {
    const first = entry('c1');
    const again = entry('c1', { createdAt: '2026-11-25T11:00:00.000Z' });
    expect(handoffKey(first)).not.toBe(handoffKey(again));
    expect(unseenHandoffs([again], new Set([handoffKey(first)]))).toEqual([again]);
  });

  it('leaves out handoffs already seen and claimed ones, most urgent first', () => {
    const old = entry('old', { createdAt: '2026-11-25T09:00:00.000Z' });
    const claimed = entry('claimed', { state: 'assigned', urgency: 'critical' });
    const late = entry('late', { createdAt: '2026-11-25T10:10:00.000Z' });
    const seen = new Set([handoffKey(old)]);
    expect(unseenHandoffs([late, old, claimed, refund, crisis], seen).map((fresh) => fresh.id)).toEqual([
      'crisis',
      'refund',
      'late',
    ]);
  });
});

describe('the alerts', () => {
  it('words a handoff with the labels the console shows, the team and the last customer words', () => {
    const alert = singleAlert(
      entry('c1', {
        brief: {
          transcript: [{ author: 'user', content: 'Can I talk to   a person?' }],
        } as AlertEntry['brief'],
      }),
    );
    expect(alert).toEqual({
      conversationId: 'c1',
      keys: ['c1@2026-11-25T10:00:00.000Z'],
      critical: false,
      title: 'New handoff (normal): Asked for a person',
      body: 'Team support\n“Can I talk to a person?”',
    });
    expect(singleAlert(refund).title).toBe('New handoff (high): Refund request');
  });

  it('gives a critical handoff its own alert, named as critical, in plain words', () => {
    const alert = singleAlert(crisis);
    expect(alert.critical).toBe(true);
    expect(alert.title).toBe('Critical handoff: Crisis / self-harm, Asked for a person');
    expect(alert.title).not.toMatch(/self_harm|crisis wording/);
  });

  it('puts critical handoffs first, each on its own, and groups the others', () => {
    const secondCrisis = entry('crisis-2', { ...crisis, id: 'crisis-2', createdAt: '2026-11-25T10:06:00.000Z' });
    const plan = planAlerts([entry('c1'), refund, secondCrisis, crisis]);
    expect(plan.map((alert) => alert.title)).toEqual([
      'Critical handoff: Crisis / self-harm, Asked for a person',
      'Critical handoff: Crisis / self-harm, Asked for a person',
      '2 new handoffs',
    ]);
    expect(plan.map((alert) => alert.conversationId)).toEqual(['crisis', 'crisis-2', 'refund']);
    expect(plan[2]?.body).toBe('High · Refund request\nNormal · Asked for a person');
    expect(plan[2]?.keys).toEqual([handoffKey(refund), handoffKey(entry('c1'))]);
  });

  it('alerts on one ordinary handoff on its own, and on none when nothing is new', () => {
    expect(planAlerts([entry('c1')])).toEqual([singleAlert(entry('c1'))]);
    expect(planAlerts([])).toEqual([]);
  });

  it('lists at most four handoffs in a grouped alert', () => {
    const many = Array.from({ length: 6 }, (_, index) => entry(`c${index}`));
    const body = groupedAlert(many).body.split('\n');
    expect(body).toHaveLength(5);
    expect(body.at(-1)).toBe('and 2 more');
  });

  it('plays a distinct tone for a critical handoff', () => {
    expect(toneFor(true)).toBe(criticalHandoffTone);
    expect(toneFor(false)).toBe(newHandoffTone);
    expect(criticalHandoffTone.length).toBeGreaterThan(newHandoffTone.length);
  });
});

describe('the memory of alerted handoffs', () => {
  it('reads back what it kept, and nothing from a missing or broken value', () => {
    const storage = memoryStorage();
    expect(loadNotifiedHandoffs(storage)).toEqual(new Set());
    saveNotifiedHandoffs(storage, new Set(['a@1', 'b@2']));
    expect(loadNotifiedHandoffs(storage)).toEqual(new Set(['a@1', 'b@2']));
    expect(loadNotifiedHandoffs(memoryStorage('{not json'))).toEqual(new Set());
    expect(loadNotifiedHandoffs(memoryStorage('[1,"a@1"]'))).toEqual(new Set(['a@1']));
  });

  it('keeps the newest keys within the limit, and survives a storage that refuses writes', () => {
    const storage = memoryStorage();
    const keys = new Set(Array.from({ length: notifiedHandoffsLimit + 10 }, (_, index) => `c${index}@t`));
    saveNotifiedHandoffs(storage, keys);
    const kept = loadNotifiedHandoffs(storage);
    expect(kept.size).toBe(notifiedHandoffsLimit);
    expect(kept.has('c0@t')).toBe(false);
    expect(kept.has(`c${notifiedHandoffsLimit + 9}@t`)).toBe(true);
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveNotifiedHandoffs(full, keys)).not.toThrow();
    expect(notifiedHandoffsKey).toBe('handrail-agent-notified');
  });
});
