import { alwaysOpen, type Team, weeklyHours, workWeek } from '../routing/index.js';

/**
 * The demo's teams: general support, which is always staffed so the whole handoff can be
 * tried at any hour, and billing, which keeps office hours in Berlin and shows the offline
 * flow (ticket and reply time) outside them.
 */
export const demoTeams: Team[] = [
  {
    id: 'support',
    name: 'Customer Support',
    skills: ['general', 'orders', 'returns'],
    topics: [
      'explicit_request',
      'negative_sentiment',
      'repeat_failure',
      'low_confidence',
      'out_of_scope',
      'model_decision',
      'error',
      'complaint',
      'self_harm',
      'crisis',
    ],
    languages: ['en', 'de', 'es', 'fr', 'pt'],
    businessHours: { timeZone: 'Europe/Berlin', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 5,
    agents: [{ id: 'agent', name: 'Alex', languages: ['en', 'de'], status: 'online' }],
    fallback: true,
  },
  {
    id: 'billing',
    name: 'Billing',
    skills: ['billing', 'refunds', 'disputes'],
    topics: [
      'high_stakes',
      'compliance',
      'billing_dispute',
      'refund',
      'cancellation',
      'fraud_security',
      'data_protection',
      'legal_threat',
    ],
    languages: ['en', 'de'],
    businessHours: {
      timeZone: 'Europe/Berlin',
      weekly: weeklyHours(workWeek, '09:00', '17:00'),
      holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
    },
    capacityPerAgent: 4,
    agents: [{ id: 'agent', name: 'Alex', languages: ['en', 'de'], status: 'online' }],
  },
];
