import type { Team } from '../routing/index.js';

const allWeek: Team['businessHours']['weekly'] = {
  mon: [['00:00', '24:00']],
  tue: [['00:00', '24:00']],
  wed: [['00:00', '24:00']],
  thu: [['00:00', '24:00']],
  fri: [['00:00', '24:00']],
  sat: [['00:00', '24:00']],
  sun: [['00:00', '24:00']],
};

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
    ],
    languages: ['en', 'de', 'es', 'fr', 'pt'],
    businessHours: { timeZone: 'Europe/Berlin', weekly: allWeek, holidays: [] },
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
      weekly: {
        mon: [['09:00', '17:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['09:00', '17:00']],
      },
      holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
    },
    capacityPerAgent: 4,
    agents: [{ id: 'agent', name: 'Alex', languages: ['en', 'de'], status: 'online' }],
  },
];
