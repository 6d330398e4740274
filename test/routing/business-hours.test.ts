import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alwaysOpen,
  calendarDaysBetween,
  formatLocalTime,
  isWithinBusinessHours,
  nextOpening,
  weeklyHours,
  workWeek,
  zonedParts,
  zonedTimeToDate,
} from '../../src/routing/index.js';
import { team } from './fixtures.js';

const newYork = team().businessHours;

describe('isWithinBusinessHours', () => {
  it('reads the time in the team zone, not UTC', () => {
    // Monday 2025-03-03 14:30 UTC is 09:30 in New York (EST, UTC-5).
    expect(isWithinBusinessHours(newYork, new Date('2025-03-03T14:30:00Z'))).toBe(true);
    // 13:30 UTC is 08:30 in New York: not open yet, though it is past 09:00 in London.
    expect(isWithinBusinessHours(newYork, new Date('2025-03-03T13:30:00Z'))).toBe(false);
    // Monday 21:59 UTC is 16:59 in New York; 22:00 UTC is 17:00, closed (end is exclusive).
    expect(isWithinBusinessHours(newYork, new Date('2025-03-03T21:59:00Z'))).toBe(true);
    expect(isWithinBusinessHours(newYork, new Date('2025-03-03T22:00:00Z'))).toBe(false);
    // Saturday.
    expect(isWithinBusinessHours(newYork, new Date('2025-03-08T15:00:00Z'))).toBe(false);
  });

  it('uses the local date for the weekday: Tuesday 02:00 UTC is still Monday evening in New York', () => {
    const lateHours = team({
      businessHours: { timeZone: 'America/New_York', weekly: { mon: [['20:00', '23:00']] } },
    }).businessHours;
    expect(isWithinBusinessHours(lateHours, new Date('2025-03-04T02:00:00Z'))).toBe(true);
  });

  it('is closed on a holiday in the team zone', () => {
    const hours = { ...newYork, holidays: ['2025-07-04'] };
    expect(isWithinBusinessHours(hours, new Date('2025-07-04T15:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours(hours, new Date('2025-07-03T15:00:00Z'))).toBe(true);
  });

  it('follows summer time: 09:30 in July is 13:30 UTC (EDT, UTC-4)', () => {
    expect(isWithinBusinessHours(newYork, new Date('2025-07-07T13:30:00Z'))).toBe(true);
    expect(isWithinBusinessHours(newYork, new Date('2025-07-07T12:30:00Z'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('returns the moment itself when open', () => {
    const now = new Date('2025-03-03T15:00:00Z');
    expect(nextOpening(newYork, now)).toBe(now);
  });

  it('goes from a Friday evening to Monday 9:00 in New York', () => {
    // Friday 2025-03-14 23:00 UTC is 19:00 EDT.
    expect(nextOpening(newYork, new Date('2025-03-14T23:00:00Z')).toISOString()).toBe('2025-03-17T13:00:00.000Z');
  });

  it('crosses the spring-forward weekend: Monday 9:00 EDT is 13:00 UTC, not 14:00', () => {
    // Friday 2025-03-07 18:00 EST (23:00 UTC); clocks go forward on Sunday 2025-03-09.
    expect(nextOpening(newYork, new Date('2025-03-07T23:00:00Z')).toISOString()).toBe('2025-03-10T13:00:00.000Z');
  });

  it('crosses the fall-back weekend: Monday 9:00 EST is 14:00 UTC', () => {
    // Friday 2025-10-31 18:00 EDT (22:00 UTC); clocks go back on Sunday 2025-11-02.
    expect(nextOpening(newYork, new Date('2025-10-31T22:00:00Z')).toISOString()).toBe('2025-11-03T14:00:00.000Z');
  });

  it('opens later the same day before opening time', () => {
    expect(nextOpening(newYork, new Date('2025-03-03T12:00:00Z')).toISOString()).toBe('2025-03-03T14:00:00.000Z');
  });

  it('skips holidays and picks the second interval of a split day', () => {
    const hours = {
      timeZone: 'Europe/Berlin',
      weekly: { mon: [['13:00', '17:00'] as [string, string], ['08:00', '12:00'] as [string, string]] },
      holidays: ['2025-03-03'],
    };
    // Monday 2025-03-03 is a holiday: next Monday 08:00 CET (07:00 UTC).
    expect(nextOpening(hours, new Date('2025-03-03T07:00:00Z')).toISOString()).toBe('2025-03-10T07:00:00.000Z');
    // Monday 2025-03-10 at 12:30 CET, between the two intervals: 13:00 CET.
    expect(nextOpening(hours, new Date('2025-03-10T11:30:00Z')).toISOString()).toBe('2025-03-10T12:00:00.000Z');
  });

  it('handles a zone east of UTC where the local day is ahead', () => {
    const tokyo = { timeZone: 'Asia/Tokyo', weekly: { mon: [['09:00', '18:00'] as [string, string]] }, holidays: [] };
    // Sunday 2025-03-02 20:00 UTC is Monday 05:00 in Tokyo: opens 09:00 JST = 00:00 UTC Monday.
    expect(nextOpening(tokyo, new Date('2025-03-02T20:00:00Z')).toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });

  it('throws when the hours never open within a year', () => {
    const dates = Array.from({ length: 60 }, (_, week) =>
      new Date(Date.UTC(2025, 0, 6 + week * 7)).toISOString().slice(0, 10),
    );
    const hours = { timeZone: 'UTC', weekly: { mon: [['09:00', '10:00'] as [string, string]] }, holidays: dates };
    expect(() => nextOpening(hours, new Date('2025-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('always returns an open moment no earlier than the start (property)', () => {
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (ms) => {
        const from = new Date(ms);
        const opening = nextOpening(newYork, from);
        expect(opening.getTime()).toBeGreaterThanOrEqual(ms);
        expect(isWithinBusinessHours(newYork, opening)).toBe(true);
        // One minute earlier is closed, unless the search started inside open hours.
        if (opening.getTime() !== ms) {
          expect(isWithinBusinessHours(newYork, new Date(opening.getTime() - 60_000))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('zonedTimeToDate', () => {
  it('round-trips wall-clock times through the zone', () => {
    const date = zonedTimeToDate({ year: 2025, month: 7, day: 4, hour: 9, minute: 0 }, 'America/New_York');
    expect(date.toISOString()).toBe('2025-07-04T13:00:00.000Z');
    expect(zonedParts(date, 'America/New_York')).toMatchObject({ hour: 9, minute: 0, weekday: 'fri' });
  });

  it('moves a time in the spring-forward gap past the gap', () => {
    const date = zonedTimeToDate({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York');
    expect(date.toISOString()).toBe('2025-03-09T07:30:00.000Z');
  });

  it('takes the first of a repeated fall-back time', () => {
    const date = zonedTimeToDate({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/New_York');
    expect(date.toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });
});

describe('formatLocalTime and calendarDaysBetween', () => {
  it('formats in the zone and counts local calendar days', () => {
    const monday = new Date('2025-03-10T13:00:00Z');
    expect(formatLocalTime(monday, 'America/New_York', 'en')).toBe('9:00 AM');
    expect(formatLocalTime(monday, 'America/New_York', 'de')).toBe('9:00');
    // Friday 23:00 UTC is Friday 18:00 in New York, three calendar days before Monday.
    expect(calendarDaysBetween(new Date('2025-03-07T23:00:00Z'), monday, 'America/New_York')).toBe(3);
    // But in Tokyo Friday 23:00 UTC is already Saturday.
    expect(calendarDaysBetween(new Date('2025-03-07T23:00:00Z'), monday, 'Asia/Tokyo')).toBe(2);
  });
});

describe('weeklyHours', () => {
  it('opens the same interval on each given day, and alwaysOpen every day around the clock', () => {
    expect(weeklyHours(workWeek, '09:00', '17:00')).toEqual({
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    });
    const hours = { timeZone: 'Pacific/Auckland', weekly: alwaysOpen, holidays: [] };
    expect(isWithinBusinessHours(hours, new Date('2026-11-29T03:30:00Z'))).toBe(true);
    expect(Object.keys(alwaysOpen)).toHaveLength(7);
  });
});
