import { z } from 'zod';

/** Days of the week as business hours name them. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes after midnight of a `HH:MM` time (`24:00` is 1440). */
export function timeToMinutes(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const timeSchema = z.string().refine((time) => timePattern.test(time), {
  error: (issue) => `invalid time "${String(issue.input)}": use HH:MM in 24-hour time, from 00:00 to 24:00`,
});

const intervalSchema = z
  .tuple([timeSchema, timeSchema])
  .refine(([open, close]) => timeToMinutes(close) > timeToMinutes(open), {
    error: (issue) => {
      const [open, close] = issue.input as [string, string];
      return `closing time ${close} must be after opening time ${open}; split a shift that passes midnight across two days`;
    },
  });

const dateSchema = z
  .string()
  .refine(
    (date) =>
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
      new Date(`${date}T00:00:00Z`).toISOString().startsWith(date),
    {
      error: (issue) => `invalid holiday "${String(issue.input)}": use a real date as YYYY-MM-DD`,
    },
  );

/** When a team works, in its own time zone. */
export const businessHoursSchema = z
  .object({
    /** IANA time zone, e.g. `America/New_York`. */
    timeZone: z.string().refine(isValidTimeZone, {
      error: (issue) => `invalid time zone "${String(issue.input)}": use an IANA name such as "America/New_York"`,
    }),
    /** Opening intervals per weekday, `[['09:00', '17:00']]`; a missing day is closed. */
    weekly: z.strictObject(
      Object.fromEntries(weekdays.map((day) => [day, z.array(intervalSchema).optional()])) as Record<
        Weekday,
        z.ZodOptional<z.ZodArray<typeof intervalSchema>>
      >,
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown weekday ${issue.keys.map((key) => `"${key}"`).join(', ')}: use ${weekdays.join(', ')}`
            : undefined,
      },
    ),
    /** Closed dates as YYYY-MM-DD in the team's zone. */
    holidays: z.array(dateSchema).default([]),
  })
  .refine((hours) => weekdays.some((day) => (hours.weekly[day]?.length ?? 0) > 0), {
    error: 'business hours must open on at least one weekday',
    path: ['weekly'],
  });

/** When a team works. */
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** A person who takes handed-off conversations. */
export const agentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Languages the agent speaks, as BCP 47 tags (`en`, `es`, `pt-BR`). */
  languages: z.array(z.string().min(2)).default([]),
  status: z.enum(['online', 'away', 'offline']),
  skills: z.array(z.string()).optional(),
});

/** A person who takes handed-off conversations. */
export type Agent = z.infer<typeof agentSchema>;

const languageTagPattern = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/** A team's display name per language, keyed by BCP 47 tags: `{ es: 'Facturación', 'pt-BR': 'Cobrança' }`. */
const teamNamesSchema = z.record(
  z.string().regex(languageTagPattern),
  z
    .string({ error: 'a localized team name must be text, such as "Facturación"' })
    .trim()
    .min(1, { error: 'a localized team name cannot be empty: leave the language out instead' }),
  {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `invalid language "${String(issue.input)}" in team names: use a BCP 47 tag such as "es" or "pt-BR"`
        : issue.code === 'invalid_type'
          ? 'team names must map language tags to names, such as { "es": "Facturación" }'
          : undefined,
  },
);

/** A team that takes handoffs: what it handles, when it works and who is in it. */
export const teamSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The display name in other languages, used in the customer's messages when it has theirs. */
  names: teamNamesSchema.optional(),
  skills: z.array(z.string()).default([]),
  /** Escalation reasons and topic ids or intents the team takes (`high_stakes`, `billing_dispute`, `refund`). */
  topics: z.array(z.string()).default([]),
  languages: z.array(z.string().min(2)).default([]),
  businessHours: businessHoursSchema,
  /** How many open conversations one agent handles at once. */
  capacityPerAgent: z.number().int().positive({ error: 'capacityPerAgent must be a positive whole number' }),
  agents: z.array(agentSchema).default([]),
  /** Takes what no other team matches. Without one, the first team does. */
  fallback: z.boolean().optional(),
  /** Promised reply time after opening, in hours, when the team is not available. */
  replyWithinHours: z.number().positive().optional(),
});

/** A team that takes handoffs. */
export type Team = z.infer<typeof teamSchema>;
/** A team as configured, before defaults. */
export type TeamInput = z.input<typeof teamSchema>;

/** The teams of a deployment: at least one, unique ids, at most one fallback. */
export const teamsSchema = z
  .array(teamSchema)
  .min(1, { error: 'configure at least one team' })
  .superRefine((teams, context) => {
    const seen = new Set<string>();
    teams.forEach((team, index) => {
      if (seen.has(team.id))
        context.addIssue({ code: 'custom', message: `duplicate team id "${team.id}"`, path: [index, 'id'] });
      seen.add(team.id);
    });
    const fallbacks = teams.filter((team) => team.fallback).map((team) => team.id);
    if (fallbacks.length > 1) {
      context.addIssue({ code: 'custom', message: `only one team can be the fallback, got ${fallbacks.join(', ')}` });
    }
  });
