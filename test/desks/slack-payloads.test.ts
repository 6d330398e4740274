import { describe, expect, it } from 'vitest';
import { slackActionIds } from '../../src/desks/slack-blocks.js';
import {
  parseActionValue,
  slackActionKindOf,
  slackButtonPressesOf,
  slackThreadReplyOf,
} from '../../src/desks/slack-payloads.js';

const reply = {
  type: 'event_callback',
  event_id: 'Ev1',
  event: { type: 'message', user: 'U0ALEX', text: 'On it', channel: 'C0SUPPORT', ts: '2.0', thread_ts: '1.0' },
};

describe('slackThreadReplyOf', () => {
  it("reads a person's reply in a thread, also one sent to the channel", () => {
    expect(slackThreadReplyOf(reply, '//')).toEqual({
      eventId: 'Ev1',
      userId: 'U0ALEX',
      channel: 'C0SUPPORT',
      threadTs: '1.0',
      text: 'On it',
    });
    const broadcast = { ...reply, event: { ...reply.event, subtype: 'thread_broadcast' } };
    expect(slackThreadReplyOf(broadcast, '//')?.text).toBe('On it');
  });

  it('ignores edits, bots, top-level messages, internal notes and events without an id', () => {
    const with_ = (event: Record<string, unknown>, envelope: Record<string, unknown> = {}) =>
      slackThreadReplyOf({ ...reply, ...envelope, event: { ...reply.event, ...event } }, '//');
    expect(with_({ subtype: 'message_changed' })).toBe(null);
    expect(with_({ type: 'app_mention' })).toBe(null);
    expect(with_({ bot_id: 'B1' })).toBe(null);
    expect(with_({ user: undefined })).toBe(null);
    expect(with_({ thread_ts: undefined })).toBe(null);
    expect(with_({ thread_ts: '2.0' })).toBe(null);
    expect(with_({ channel: undefined })).toBe(null);
    expect(with_({ text: undefined })).toBe(null);
    expect(with_({ text: '  // note for the team' })).toBe(null);
    expect(with_({}, { event_id: undefined })).toBe(null);
    expect(slackThreadReplyOf({ type: 'event_callback' }, '//')).toBe(null);
  });
});

describe('slackButtonPressesOf', () => {
  const value = JSON.stringify({ conversationId: 'conv_1', handoffId: 'hand_1' });

  it("reads the desk's button presses with who pressed them and where", () => {
    const presses = slackButtonPressesOf({
      type: 'block_actions',
      user: { id: 'U0ALEX', username: 'alex' },
      container: { channel_id: 'C0SUPPORT' },
      actions: [
        { action_id: slackActionIds.claim, value },
        { action_id: 'someone_elses_button', value },
        { action_id: slackActionIds.close, value: 'not json' },
        { action_id: slackActionIds.backToBot, value },
      ],
    });
    expect(presses).toEqual([
      {
        kind: 'claim',
        value: { conversationId: 'conv_1', handoffId: 'hand_1' },
        userId: 'U0ALEX',
        slackName: 'alex',
        channel: 'C0SUPPORT',
      },
      {
        kind: 'backToBot',
        value: { conversationId: 'conv_1', handoffId: 'hand_1' },
        userId: 'U0ALEX',
        slackName: 'alex',
        channel: 'C0SUPPORT',
      },
    ]);
  });

  it('prefers the name and the channel over their fallbacks, and reads nothing without a user', () => {
    const [press] = slackButtonPressesOf({
      user: { id: 'U0ALEX', name: 'Alex', username: 'alex' },
      channel: { id: 'C0BILLING' },
      container: { channel_id: 'C0SUPPORT' },
      actions: [{ action_id: slackActionIds.close, value }],
    });
    expect(press).toMatchObject({ kind: 'close', slackName: 'Alex', channel: 'C0BILLING' });
    expect(slackButtonPressesOf({ actions: [{ action_id: slackActionIds.claim, value }] })).toEqual([]);
  });
});

describe('slackActionKindOf', () => {
  it("names the desk's buttons only", () => {
    expect(slackActionKindOf(slackActionIds.backToBot)).toBe('backToBot');
    expect(slackActionKindOf('handrail_unknown')).toBeUndefined();
    expect(slackActionKindOf(undefined)).toBeUndefined();
  });
});

describe('parseActionValue', () => {
  it('reads the conversation and handoff of a button, nothing else', () => {
    expect(parseActionValue('{"conversationId":"c","handoffId":"h","extra":1}')).toEqual({
      conversationId: 'c',
      handoffId: 'h',
    });
    expect(parseActionValue('{"conversationId":"c"}')).toBe(null);
    expect(parseActionValue('null')).toBe(null);
    expect(parseActionValue('{')).toBe(null);
    expect(parseActionValue(undefined)).toBe(null);
  });
});
