import { describe, expect, it } from 'vitest';
import { buildChatwootBrief } from '../../src/desks/chatwoot-brief.js';
import { chatwootEventNote } from '../../src/desks/chatwoot-event-note.js';
import { conversationWith, handoffRecord } from './desk-fixtures.js';

const options = { redact: false };

describe('chatwootEventNote', () => {
  it('posts the brief again, marked as updated, when it is ready', () => {
    const view = conversationWith(handoffRecord());
    expect(chatwootEventNote('handoff.brief_ready', view, options)).toBe(
      `**Updated brief**\n${buildChatwootBrief(view)}`,
    );
    expect(chatwootEventNote('handoff.brief_ready', view, { redact: true })).not.toContain('sam@example.com');
  });

  it('says who claimed it in Handrail', () => {
    expect(chatwootEventNote('handoff.claimed', conversationWith(handoffRecord({ agentId: 'alex' })), options)).toBe(
      "Claimed in Handrail's console by alex.",
    );
    expect(chatwootEventNote('handoff.claimed', conversationWith(handoffRecord()), options)).toBe(
      "Claimed in Handrail's console by an agent.",
    );
  });

  it('tells a close from a hand-back', () => {
    const resolved = (resolution: 'bot' | 'closed') =>
      chatwootEventNote('handoff.resolved', conversationWith(handoffRecord({ resolution })), options);
    expect(resolved('closed')).toBe('Closed in Handrail.');
    expect(resolved('bot')).toBe('Handed back to the bot in Handrail.');
  });

  it('flags an escalation, and leaves no note for the announcement or other events', () => {
    const view = conversationWith(handoffRecord());
    expect(chatwootEventNote('handoff.escalated', view, options)).toMatch(/^\*\*Now critical:\*\*/);
    expect(chatwootEventNote('handoff.created', view, options)).toBe(null);
    expect(chatwootEventNote('user_message.created', view, options)).toBe(null);
    expect(chatwootEventNote('handoff.claimed', { ...view, handoff: null }, options)).toBe(null);
  });
});
