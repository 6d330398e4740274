import { describe, expect, it } from 'vitest';
import { slackChannelOf } from '../../src/desks/slack-desk-parts.js';

describe('slackChannelOf', () => {
  const channels = { support: 'C0SUPPORT', billing: 'C0BILLING' };

  it("posts a team's handoffs to its channel, the others to the default channel", () => {
    expect(slackChannelOf({ channels, defaultChannel: 'C0ALL' }, 'billing')).toBe('C0BILLING');
    expect(slackChannelOf({ channels, defaultChannel: 'C0ALL' }, 'sales')).toBe('C0ALL');
    expect(slackChannelOf({ channels, defaultChannel: 'C0ALL' }, null)).toBe('C0ALL');
  });

  it('has no channel for them without a default', () => {
    expect(slackChannelOf({ channels, defaultChannel: undefined }, 'sales')).toBeUndefined();
    expect(slackChannelOf({ channels, defaultChannel: undefined }, null)).toBeUndefined();
  });
});
