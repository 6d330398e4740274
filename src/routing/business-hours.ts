import { type BusinessHours, timeToMinutes, type Weekday, weekdays } from './team.js';

/** A wall-clock reading of an instant in one time zone. */
export interface ZonedParts {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Reads the wall clock of `date` in `timeZone` (IANA), using `Intl.DateTimeFormat`. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const values: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) values[part.type] = part.value;
  const weekday = (values.weekday ?? 'Sun').slice(0, 3).toLowerCase() as Weekday;
  return {
    year: Number(values.year),
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour) % 24,
    minute: Number(values.minute),
    second: Number(values.second),
    weekday,
  };
}

/** The local calendar date of `date` in `timeZone`, as YYYY-MM-DD. */
export function localDateKey(date: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(date, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar days from `from` to `to` as the wall calendar of `timeZone` counts them (today 0, tomorrow 1). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = zonedParts(from, timeZone);
  const b = zonedParts(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (New York in winter: -5 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time that happens twice (clocks go
 * back) gives the first; a time that never happens (clocks go forward) gives the instant the
 * same distance after the jump (02:30 on a spring-forward night reads as 03:30).
 */
export function zonedTimeToDate(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const matches = (ms: number) => {
    const p = zonedParts(new Date(ms), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  };
  if (matches(second) && (!matches(first) || second < first)) return new Date(second);
  if (matches(first)) return new Date(first);
  return new Date(Math.max(first, second));
}

/** True when `at` falls in an opening interval of `hours`, in the hours' own time zone, and is not a holiday. */
export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  const parts = zonedParts(at, hours.timeZone);
  if (hours.holidays.includes(localDateKey(at, hours.timeZone))) return false;
  const minutes = parts.hour * 60 + parts.minute + parts.second / 60;
  return (hours.weekly[parts.weekday] ?? []).some(
    ([open, close]) => timeToMinutes(open) <= minutes && minutes < timeToMinutes(close),
  );
}

/**
 * When the team is next open: `from` itself when it is open now, else the start of the next
 * opening interval, skipping closed days and holidays, correct across daylight-saving changes.
 * Throws a `RangeError` when the hours never open within a year (every day a holiday).
 */
export function nextOpening(hours: BusinessHours, from: Date): Date {
  if (isWithinBusinessHours(hours, from)) return from;
  const today = zonedParts(from, hours.timeZone);
  for (let offset = 0; offset <= 366; offset += 1) {
    const calendar = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const date = { year: calendar.getUTCFullYear(), month: calendar.getUTCMonth() + 1, day: calendar.getUTCDate() };
    const key = calendar.toISOString().slice(0, 10);
    if (hours.holidays.includes(key)) continue;
    const weekday = weekdays[calendar.getUTCDay()] as Weekday;
    const intervals = [...(hours.weekly[weekday] ?? [])].sort((a, b) => timeToMinutes(a[0]) - timeToMinutes(b[0]));
    for (const [open] of intervals) {
      const minutes = timeToMinutes(open);
      const start = zonedTimeToDate({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, hours.timeZone);
      if (start.getTime() > from.getTime()) return start;
    }
  }
  throw new RangeError(`business hours in ${hours.timeZone} do not open within a year of ${from.toISOString()}`);
}

/** The time of day of `date` in `timeZone`, as people of `locale` write it (`9:00 AM`, `9:00`). */
export function formatLocalTime(date: Date, timeZone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
}
