import { describe, expect, it } from 'vitest';
import { teamSchema, teamsSchema } from '../../src/routing/index.js';
import { team } from './fixtures.js';

function messages(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

const hours = { timeZone: 'Europe/Lisbon', weekly: { mon: [['09:00', '17:00']] } };

describe('teamSchema', () => {
  it('fills defaults', () => {
    const parsed = teamSchema.parse({ id: 'a', name: 'A', capacityPerAgent: 3, businessHours: hours });
    expect(parsed).toMatchObject({ skills: [], topics: [], languages: [], agents: [] });
    expect(parsed.businessHours.holidays).toEqual([]);
  });

  it('names an invalid time zone', () => {
    const result = teamSchema.safeParse({
      id: 'a',
      name: 'A',
      capacityPerAgent: 3,
      businessHours: { ...hours, timeZone: 'Mars/Olympus' },
    });
    expect(messages(result)).toEqual(['invalid time zone "Mars/Olympus": use an IANA name such as "America/New_York"']);
  });

  it('names an invalid time, a reversed interval, an unknown weekday and a bad holiday', () => {
    const result = teamSchema.safeParse({
      id: 'a',
      name: 'A',
      capacityPerAgent: 3,
      businessHours: {
        timeZone: 'Europe/Lisbon',
        weekly: { mon: [['09:00', '25:00']], tue: [['18:00', '09:00']], monday: [] },
        holidays: ['2025-02-30'],
      },
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        'invalid time "25:00": use HH:MM in 24-hour time, from 00:00 to 24:00',
        'closing time 09:00 must be after opening time 18:00; split a shift that passes midnight across two days',
        'unknown weekday "monday": use sun, mon, tue, wed, thu, fri, sat',
        'invalid holiday "2025-02-30": use a real date as YYYY-MM-DD',
      ]),
    );
  });

  it('rejects hours that never open and a capacity of zero', () => {
    const result = teamSchema.safeParse({
      id: 'a',
      name: 'A',
      capacityPerAgent: 0,
      businessHours: { timeZone: 'UTC', weekly: {} },
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        'capacityPerAgent must be a positive whole number',
        'business hours must open on at least one weekday',
      ]),
    );
  });
});

describe('teamsSchema', () => {
  it('rejects duplicate ids and two fallbacks', () => {
    const result = teamsSchema.safeParse([team({ fallback: true }), team({ fallback: true })]);
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        'duplicate team id "support"',
        'only one team can be the fallback, got support, support',
      ]),
    );
    expect(messages(teamsSchema.safeParse([]))).toEqual(['configure at least one team']);
  });
});
