import { describe, expect, it } from 'vitest';
import { demoTeams } from '../../src/demo/demo-teams.js';
import { slackAgentFor, slackAgentLabel } from '../../src/desks/slack-agents.js';

// The demo teams' agent `agent` is named Alex there.
const teams = demoTeams;
const agents = {
  U0ALEX: { id: 'agent' },
  U0BEA: { id: 'bea', name: 'Bea', teams: ['billing'] },
};

describe('slackAgentFor', () => {
  it('names a mapped user as in the mapping, else as in the teams, else by their Slack name', () => {
    const roster = { agents, allowChannelMembers: false };
    expect(slackAgentFor(roster, teams, { userId: 'U0ALEX', team: 'support', slackName: 'alex.d' })).toEqual({
      id: 'agent',
      name: 'Alex',
    });
    expect(slackAgentFor(roster, teams, { userId: 'U0BEA', team: 'billing' })).toEqual({ id: 'bea', name: 'Bea' });
    expect(
      slackAgentFor({ agents: { U0CY: { id: 'cy' } }, allowChannelMembers: false }, teams, {
        userId: 'U0CY',
        team: null,
        slackName: 'cy',
      }),
    ).toEqual({ id: 'cy', name: 'cy' });
    expect(
      slackAgentFor({ agents: { U0CY: { id: 'cy' } }, allowChannelMembers: false }, teams, {
        userId: 'U0CY',
        team: null,
      }),
    ).toEqual({ id: 'cy' });
  });

  it("keeps a mapped user to their teams' handoffs", () => {
    const roster = { agents, allowChannelMembers: true };
    expect(slackAgentFor(roster, teams, { userId: 'U0BEA', team: 'support' })).toBe(null);
    expect(slackAgentFor(roster, teams, { userId: 'U0BEA', team: null })).toBe(null);
  });

  it('lets other users act only when channel members are allowed, as slack:<id>', () => {
    expect(slackAgentFor({ agents, allowChannelMembers: false }, teams, { userId: 'U0DAN', team: 'support' })).toBe(
      null,
    );
    const open = { agents, allowChannelMembers: true };
    expect(slackAgentFor(open, teams, { userId: 'U0DAN', team: 'support', slackName: 'dan' })).toEqual({
      id: 'slack:U0DAN',
      name: 'dan',
    });
    expect(slackAgentFor(open, teams, { userId: 'U0DAN', team: 'support' })).toEqual({
      id: 'slack:U0DAN',
      name: 'Support agent',
    });
  });
});

describe('slackAgentLabel', () => {
  it('mentions the Slack user who has the handoff, and nobody else', () => {
    expect(slackAgentLabel(agents, 'slack:U0DAN')).toBe('<@U0DAN>');
    expect(slackAgentLabel(agents, 'bea')).toBe('<@U0BEA>');
    expect(slackAgentLabel(agents, 'console-only')).toBeUndefined();
    expect(slackAgentLabel(agents, undefined)).toBeUndefined();
  });
});
