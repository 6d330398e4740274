import { describe, expect, it } from 'vitest';
import {
  chatwootAgentOf,
  chatwootCustomerOf,
  chatwootWebhookAccount,
  chatwootWebhookAction,
  isTakenInChatwoot,
} from '../../src/desks/chatwoot-webhook.js';

const inboxId = 3;
const message = (fields: Record<string, unknown>) => ({
  event: 'message_created',
  id: 7,
  content: 'Hello',
  conversation: { id: 42, inbox_id: inboxId },
  ...fields,
});

describe('chatwootWebhookAction', () => {
  it('reads a customer message, by name or by number', () => {
    expect(chatwootWebhookAction(message({ message_type: 'incoming' }), inboxId)).toEqual({
      kind: 'customer-message',
      chatwootId: 42,
    });
    expect(chatwootWebhookAction(message({ message_type: 0 }), inboxId)?.kind).toBe('customer-message');
  });

  it('reads an agent message only when an agent (a user) sent it', () => {
    const agent = { message_type: 'outgoing', sender: { id: 5, type: 'User' } };
    expect(chatwootWebhookAction(message(agent), inboxId)).toEqual({ kind: 'agent-message', chatwootId: 42 });
    expect(chatwootWebhookAction(message({ ...agent, message_type: 1 }), inboxId)?.kind).toBe('agent-message');
    // The bot's own answers come back as outgoing messages of an agent_bot: ignored.
    expect(chatwootWebhookAction(message({ message_type: 'outgoing', sender: { type: 'agent_bot' } }), inboxId)).toBe(
      null,
    );
  });

  it('ignores private notes, other inboxes and messages without a conversation', () => {
    expect(chatwootWebhookAction(message({ message_type: 'incoming', private: true }), inboxId)).toBe(null);
    expect(chatwootWebhookAction(message({ message_type: 'incoming' }), 4)).toBe(null);
    expect(chatwootWebhookAction(message({ message_type: 'incoming', conversation: undefined }), inboxId)).toBe(null);
    // The inbox of the payload wins over the conversation's.
    expect(chatwootWebhookAction(message({ message_type: 'incoming', inbox: { id: 4 } }), inboxId)).toBe(null);
  });

  it('reads a resolved or otherwise changed conversation of the inbox', () => {
    const changed = { event: 'conversation_updated', id: 42, inbox_id: inboxId, status: 'open' };
    expect(chatwootWebhookAction({ ...changed, status: 'resolved' }, inboxId)).toEqual({
      kind: 'resolved',
      chatwootId: 42,
    });
    expect(chatwootWebhookAction(changed, inboxId)).toEqual({
      kind: 'conversation-changed',
      chatwootId: 42,
      conversation: changed,
    });
    expect(chatwootWebhookAction({ ...changed, event: 'conversation_status_changed' }, inboxId)?.kind).toBe(
      'conversation-changed',
    );
    // Without an inbox id the event is taken; with another one it is not.
    expect(chatwootWebhookAction({ ...changed, inbox_id: undefined }, inboxId)?.kind).toBe('conversation-changed');
    expect(chatwootWebhookAction({ ...changed, inbox_id: 4 }, inboxId)).toBe(null);
    expect(chatwootWebhookAction({ ...changed, id: undefined }, inboxId)).toBe(null);
  });

  it('ignores other events', () => {
    expect(chatwootWebhookAction({ event: 'webwidget_triggered', id: 42 }, inboxId)).toBe(null);
    expect(chatwootWebhookAction({}, inboxId)).toBe(null);
  });
});

describe('chatwootWebhookAccount', () => {
  it('finds the account wherever the event carries it', () => {
    expect(chatwootWebhookAccount({ account: { id: 1 }, account_id: 2 })).toBe(1);
    expect(chatwootWebhookAccount({ account_id: 2, conversation: { account_id: 3 } })).toBe(2);
    expect(chatwootWebhookAccount({ conversation: { account_id: 3 } })).toBe(3);
    expect(chatwootWebhookAccount({})).toBeUndefined();
  });
});

describe('isTakenInChatwoot', () => {
  it('is true for an open conversation with an assignee only', () => {
    expect(isTakenInChatwoot({ status: 'open', meta: { assignee: { id: 5 } } })).toBe(true);
    expect(isTakenInChatwoot({ status: 'pending', meta: { assignee: { id: 5 } } })).toBe(false);
    expect(isTakenInChatwoot({ status: 'open', meta: { assignee: null } })).toBe(false);
    expect(isTakenInChatwoot(undefined)).toBe(false);
  });
});

describe('Chatwoot identities', () => {
  it('maps an agent to a chatwoot: agent id, with the name when there is one', () => {
    expect(chatwootAgentOf({ id: 5, name: 'Alex' })).toEqual({ id: 'chatwoot:5', name: 'Alex' });
    expect(chatwootAgentOf(undefined)).toEqual({ id: 'chatwoot:unknown' });
  });

  it('maps a contact to a customer with only the fields Chatwoot sent', () => {
    expect(chatwootCustomerOf({ id: 9, name: 'Sam', email: 'sam@example.com' })).toEqual({
      id: 'chatwoot-contact-9',
      name: 'Sam',
      email: 'sam@example.com',
    });
    expect(chatwootCustomerOf({ id: 0 })).toEqual({ id: 'chatwoot-contact-0' });
    expect(chatwootCustomerOf(undefined)).toEqual({});
  });
});
