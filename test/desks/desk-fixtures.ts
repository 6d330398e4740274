import type { HandoffRecord, StoredConversation } from '../../src/store/store.js';

/** An open handoff of the support team, for the desks' unit tests. */
export function handoffRecord(fields: Partial<HandoffRecord> = {}): HandoffRecord {
  return {
    id: 'hand_1',
    createdAt: '2026-03-01T10:00:00.000Z',
    reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'Asked for a human.' }],
    urgency: 'normal',
    team: 'support',
    ...fields,
  } as HandoffRecord;
}

/** A conversation with people, its handoff `handoff`. */
export function conversationWith(handoff: HandoffRecord, fields: Partial<StoredConversation> = {}): StoredConversation {
  return {
    id: 'conv_1',
    version: 1,
    state: 'queued',
    createdAt: '2026-03-01T09:59:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    messages: [
      { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'I want a person, my email is sam@example.com' }] },
    ],
    handoff,
    ...fields,
  };
}
