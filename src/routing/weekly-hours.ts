import { type BusinessHours, type Weekday, weekdays } from './team.js';

/** Monday to Friday. */
export const workWeek: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * The same opening interval on each of `days`, for `businessHours.weekly`.
 *
 * @example
 * weeklyHours(workWeek, '09:00', '17:00'); // { mon: [['09:00', '17:00']], ..., fri: [...] }
 * weeklyHours(weekdays, '00:00', '24:00'); // open around the clock
 */
export function weeklyHours(days: readonly Weekday[], open: string, close: string): BusinessHours['weekly'] {
  return Object.fromEntries(days.map((day) => [day, [[open, close]]])) as BusinessHours['weekly'];
}

/** Open around the clock, every day. */
export const alwaysOpen: BusinessHours['weekly'] = weeklyHours(weekdays, '00:00', '24:00');
