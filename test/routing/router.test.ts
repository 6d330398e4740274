import { describe, expect, it } from 'vitest';
import type { HandoffReason } from '../../src/chat/conversation.js';
import { type Agent, routeHandoff } from '../../src/routing/index.js';
import { team } from './fixtures.js';

const mondayMorning = new Date('2025-03-03T15:00:00Z'); // 10:00 in New York
const fridayEvening = new Date('2025-03-14T23:00:00Z'); // 19:00 EDT

function agent(id: string, languages: string[], status: Agent['status'] = 'online'): Agent {
  return { id, name: id.toUpperCase(), languages, status };
}

const billing = team({
  id: 'billing',
  name: 'Billing',
  topics: ['billing_dispute', 'refund'],
  languages: ['en', 'es'],
  agents: [agent('ann', ['en']), agent('bea', ['en', 'es']), agent('carl', ['en'])],
});
const trust = team({
  id: 'trust',
  name: 'Trust & Safety',
  topics: ['high_stakes', 'compliance'],
  agents: [agent('tia', ['en'])],
});
const general = team({ id: 'general', name: 'General', fallback: true, agents: [agent('gus', ['en'])] });
const teams = [billing, trust, general];

const explicit: HandoffReason = { reason: 'explicit_request', source: 'guard', detail: 'asked for a person' };

describe('routeHandoff', () => {
  it('matches the team by topic and picks the least busy online agent under capacity', () => {
    const result = routeHandoff({
      teams,
      reasons: [explicit],
      topic: 'billing_dispute',
      now: mondayMorning,
      load: { ann: 1, bea: 1, carl: 0 },
    });
    expect(result.team.id).toBe('billing');
    expect(result.agent?.id).toBe('carl');
    expect(result.available).toBe(true);
    expect(result.replyBy).toBeUndefined();
    expect(result.why).toContain('Billing matched topic billing_dispute');
  });

  it('matches by intent and by escalation reason', () => {
    expect(routeHandoff({ teams, reasons: [], intent: 'refund', now: mondayMorning, load: {} }).team.id).toBe(
      'billing',
    );
    const highStakes: HandoffReason = { reason: 'high_stakes', source: 'guard', detail: 'self-harm' };
    expect(routeHandoff({ teams, reasons: [explicit, highStakes], now: mondayMorning, load: {} }).team.id).toBe(
      'trust',
    );
  });

  it('prefers an agent who speaks the language over a less busy one who does not', () => {
    const result = routeHandoff({
      teams,
      reasons: [],
      topic: 'refund',
      language: 'es-MX',
      now: mondayMorning,
      load: { ann: 0, bea: 1, carl: 0 },
    });
    expect(result.agent?.id).toBe('bea');
    expect(result.why).toContain('speaks es-MX');
  });

  it('falls back to the least busy agent when nobody with room speaks the language', () => {
    const result = routeHandoff({
      teams,
      reasons: [],
      topic: 'refund',
      language: 'es',
      now: mondayMorning,
      load: { ann: 1, bea: 2, carl: 0 },
    });
    expect(result.agent?.id).toBe('carl');
    expect(result.why).toContain('nobody with room speaks es');
  });

  it('skips agents who are away, offline or at capacity', () => {
    const busy = team({
      ...billing,
      agents: [agent('ann', ['en'], 'away'), agent('bea', ['en'], 'offline'), agent('carl', ['en'])],
    });
    expect(routeHandoff({ teams: [busy], reasons: [], topic: 'refund', now: mondayMorning, load: {} }).agent?.id).toBe(
      'carl',
    );
    const full = routeHandoff({ teams: [busy], reasons: [], topic: 'refund', now: mondayMorning, load: { carl: 2 } });
    expect(full).toMatchObject({ agent: null, available: false });
    expect(full.why).toContain('all 1 online agents at capacity');
    // Open now with nobody free: the promise is "now" (plus replyWithinHours when set).
    expect(full.replyBy).toEqual(mondayMorning);
  });

  it('uses the fallback team when nothing matches, else the first team', () => {
    const result = routeHandoff({ teams, reasons: [explicit], intent: 'password_reset', now: mondayMorning, load: {} });
    expect(result.team.id).toBe('general');
    expect(result.why).toContain('no team matched; fallback team General');
    const withoutFallback = [billing, trust];
    expect(routeHandoff({ teams: withoutFallback, reasons: [], now: mondayMorning, load: {} }).team.id).toBe('billing');
  });

  it('is unavailable out of hours and promises a reply at the next opening plus replyWithinHours', () => {
    const promising = team({ ...billing, replyWithinHours: 2 });
    const result = routeHandoff({ teams: [promising], reasons: [], topic: 'refund', now: fridayEvening, load: {} });
    expect(result.available).toBe(false);
    expect(result.agent).toBeNull();
    // Monday 2025-03-17 09:00 EDT is 13:00 UTC; plus two hours.
    expect(result.replyBy?.toISOString()).toBe('2025-03-17T15:00:00.000Z');
    expect(result.why).toContain('outside business hours in America/New_York, opens 2025-03-17 09:00');

    const plain = routeHandoff({ teams, reasons: [], topic: 'refund', now: fridayEvening, load: {} });
    expect(plain.replyBy?.toISOString()).toBe('2025-03-17T13:00:00.000Z');
  });

  it('is unavailable on a holiday even during opening hours', () => {
    const onHoliday = team({ ...billing, businessHours: { ...billing.businessHours, holidays: ['2025-03-03'] } });
    const result = routeHandoff({ teams: [onHoliday], reasons: [], topic: 'refund', now: mondayMorning, load: {} });
    expect(result.available).toBe(false);
    expect(result.why).toContain('holiday');
    expect(result.replyBy?.toISOString()).toBe('2025-03-04T14:00:00.000Z');
  });

  it('throws without teams', () => {
    expect(() => routeHandoff({ teams: [], reasons: [], now: mondayMorning, load: {} })).toThrow(/at least one team/);
  });
  describe('languages', () => {
    const english = team({
      id: 'support-en',
      name: 'Support',
      topics: ['explicit_request'],
      languages: ['en', 'es', 'pt'],
      agents: [agent('alex', ['en', 'de'])],
    });
    const iberian = team({
      id: 'support-es',
      name: 'Soporte',
      topics: ['explicit_request'],
      languages: ['es', 'pt'],
      agents: [agent('rosa', ['es', 'pt'])],
    });

    it('prefers a team with an online agent who speaks the language over one that only lists it', () => {
      const result = routeHandoff({
        teams: [english, iberian],
        reasons: [explicit],
        language: 'pt-BR',
        now: mondayMorning,
        load: {},
      });
      expect(result.team.id).toBe('support-es');
      expect(result.agent?.id).toBe('rosa');
      expect(result.speaksLanguage).toBe(true);
    });

    it('says so when the agent it falls back to does not speak the language', () => {
      const result = routeHandoff({
        teams: [english, team({ ...iberian, id: 'away', agents: [agent('rosa', ['es', 'pt'], 'offline')] })],
        reasons: [explicit],
        language: 'es',
        now: mondayMorning,
        load: {},
      });
      expect(result.agent?.id).toBe('alex');
      expect(result.available).toBe(true);
      expect(result.speaksLanguage).toBe(false);
      expect(result.why).toMatch(/nobody with room speaks es/);
    });
  });
});
