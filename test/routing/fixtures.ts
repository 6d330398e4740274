import { type Team, type TeamInput, teamSchema } from '../../src/routing/index.js';

/** A team with New York business hours, Monday to Friday 9 to 5, parsed through the schema. */
export function team(overrides: Partial<TeamInput> = {}): Team {
  return teamSchema.parse({
    id: 'support',
    name: 'Support',
    capacityPerAgent: 2,
    businessHours: {
      timeZone: 'America/New_York',
      weekly: {
        mon: [['09:00', '17:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['09:00', '17:00']],
      },
    },
    agents: [],
    ...overrides,
  });
}
