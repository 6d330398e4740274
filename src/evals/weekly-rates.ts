import type { CaseResult } from './case-result.js';
import type { Rate } from './metrics.js';
import { wilsonInterval } from './wilson-interval.js';

/** A {@link Rate} (as `metrics.ts` builds it, without importing it back). */
function rate(count: number, total: number): Rate {
  return { count, total, rate: total === 0 ? null : count / total, interval: wilsonInterval(count, total) };
}

/** Both error rates of one week of judged production cases: live in production, and in this run. */
export interface WeekRates {
  /** ISO week of the judgements, `2026-W10`. */
  week: string;
  cases: number;
  /** What production did (cases that record it): escalate cases the bot kept, handle cases it handed off. */
  production: { falseNonEscalationRate: Rate; falseEscalationRate: Rate };
  /** What the runner under test did on the same cases. */
  run: { falseNonEscalationRate: Rate; falseEscalationRate: Rate };
}

/** The ISO 8601 week of a date (UTC), `YYYY-Www`: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Per ISO week of `judgedAt`, oldest first: the false non-escalation and false escalation rates
 * with 95% Wilson intervals, as production had them and as this run has them. Empty when no case
 * carries a judgement time (a hand-written dataset). Pure.
 */
export function weeklyRates(results: readonly CaseResult[]): WeekRates[] {
  const weeks = new Map<string, CaseResult[]>();
  for (const result of results) {
    const at = result.case.judgedAt;
    if (!at) continue;
    const week = isoWeek(new Date(at));
    weeks.set(week, [...(weeks.get(week) ?? []), result]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, group]) => {
      const escalate = group.filter((result) => result.case.expect === 'escalate');
      const handle = group.filter((result) => result.case.expect === 'handle');
      const known = (list: CaseResult[]) => list.filter((result) => result.case.production !== undefined);
      return {
        week,
        cases: group.length,
        production: {
          falseNonEscalationRate: rate(
            known(escalate).filter((result) => result.case.production === 'handle').length,
            known(escalate).length,
          ),
          falseEscalationRate: rate(
            known(handle).filter((result) => result.case.production === 'escalate').length,
            known(handle).length,
          ),
        },
        run: {
          falseNonEscalationRate: rate(escalate.filter((result) => !result.escalated).length, escalate.length),
          falseEscalationRate: rate(handle.filter((result) => result.escalated).length, handle.length),
        },
      };
    });
}
