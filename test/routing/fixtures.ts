import { type Team, type TeamInput, teamSchema, weeklyHours, workWeek } from '../../src/routing/index.js';

/** A team with New York business hours, Monday to Friday 9 to 5, parsed through the schema. */
export function team(overrides: Partial<TeamInput> = {}): Team {
  return teamSchema.parse({
    id: 'support',
    name: 'Support',
    capacityPerAgent: 2,
    businessHours: {
      timeZone: 'America/New_York',
      weekly: weeklyHours(workWeek, '09:00', '17:00'),
    },
    agents: [],
    ...overrides,
  });
}
