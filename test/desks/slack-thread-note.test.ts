import { describe, expect, it } from 'vitest';
import { slackThreadNoteOf } from '../../src/desks/slack-thread-note.js';
import type { HandoffEvent } from '../../src/notify/handoff-event.js';
import { conversationWith, handoffRecord } from './desk-fixtures.js';

function event(type: HandoffEvent['type'], fields: Partial<HandoffEvent> = {}): HandoffEvent {
  return { type, conversationId: 'conv_1', handoffId: 'hand_1', ...fields } as HandoffEvent;
}

describe('slackThreadNoteOf', () => {
  it('quotes the customer, escaped and redacted when asked', () => {
    const view = conversationWith(handoffRecord());
    const message = event('user_message.created', {
      message: { text: 'Mail me at sam@example.com <@U0ALL>' },
    } as Partial<HandoffEvent>);
    expect(slackThreadNoteOf(message, view, undefined, false)).toBe(
      '*Customer:* Mail me at sam@example.com &lt;@U0ALL&gt;',
    );
    expect(slackThreadNoteOf(message, view, undefined, true)).not.toContain('sam@example.com');
  });

  it('says who has it: their mention, else their escaped agent id', () => {
    const view = conversationWith(handoffRecord({ agentId: '<alex>' }));
    expect(slackThreadNoteOf(event('handoff.claimed'), view, '<@U0ALEX>', false)).toMatch(
      /^:raising_hand: <@U0ALEX> has/,
    );
    expect(slackThreadNoteOf(event('handoff.claimed'), view, undefined, false)).toMatch(
      /^:raising_hand: &lt;alex&gt; has/,
    );
  });

  it('tells a close from a hand-back, flags an escalation and says nothing of other events', () => {
    const closed = conversationWith(handoffRecord({ resolution: 'closed' }));
    const back = conversationWith(handoffRecord({ resolution: 'bot' }));
    expect(slackThreadNoteOf(event('handoff.resolved'), closed, undefined, false)).toBe(':white_check_mark: Closed.');
    expect(slackThreadNoteOf(event('handoff.resolved'), back, undefined, false)).toBe(
      ':robot_face: Back with the bot.',
    );
    expect(slackThreadNoteOf(event('handoff.escalated'), back, undefined, false)).toMatch(
      /^:rotating_light: Now \*critical\*/,
    );
    expect(slackThreadNoteOf(event('handoff.brief_ready'), back, undefined, false)).toBe(null);
  });
});
