import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { HandoffBrief } from '../shared/types.js';
import type { AgentApi, AgentConversation } from './agent-api.js';
import { BriefPanel } from './brief-panel.js';
import { TranscriptView } from './transcript-view.js';

const stateLabels: Record<AgentConversation['state'], string> = {
  bot: 'Back with the bot',
  queued: 'Waiting for an agent',
  assigned: 'Claimed',
  human: 'In conversation',
  resolved: 'Closed',
};

/**
 * One conversation: the brief above the transcript, then claim, reply and resolve. It
 * reloads when the customer writes (agent events route) and every 2 seconds.
 */
export function ConversationPanel({ api, id, onChanged }: { api: AgentApi; id: string; onChanged: () => void }) {
  const [detail, setDetail] = useState<{ conversation: AgentConversation; brief: HandoffBrief | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [reply, setReply] = useState('');

  const load = useCallback(async () => {
    try {
      const next = await api.conversation(id);
      setDetail((current) => (current?.conversation.id === id || current === null ? next : current));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api, id]);

  useEffect(() => {
    setDetail(null);
    setReply('');
    void load();
    const timer = setInterval(() => void load(), 2000);
    const events = new EventSource(api.eventsUrl(id));
    events.addEventListener('message', () => void load());
    events.addEventListener('state', () => void load());
    return () => {
      clearInterval(timer);
      events.close();
    };
  }, [api, id, load]);

  async function act(label: string, action: () => Promise<unknown>) {
    setPending(label);
    setError(null);
    try {
      await action();
      await load();
      onChanged();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setPending(null);
    }
  }

  async function sendReply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reply.trim();
    if (!text) return;
    await act('reply', async () => {
      await api.reply(id, text);
      setReply('');
    });
  }

  if (!detail) {
    return (
      <section className="conversation" aria-busy="true" aria-label="Conversation">
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="subtle">Loading…</p>
        )}
      </section>
    );
  }

  const { conversation, brief } = detail;
  const state = conversation.state;
  const claimed = Boolean(conversation.handoff?.agentId);
  const active = state === 'queued' || state === 'assigned' || state === 'human';
  const canReply = state === 'assigned' || state === 'human';

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <div>
          <h2 id="conversation-title">Conversation {conversation.id.slice(0, 8)}</h2>
          <p className="subtle" data-state={state}>
            {stateLabels[state]}
            {conversation.handoff?.team && ` · team ${conversation.handoff.team}`}
            {conversation.handoff?.ticket && ` · ticket ${conversation.handoff.ticket.id}`}
          </p>
        </div>
        <div className="actions">
          {active && !claimed && (
            <button type="button" onClick={() => act('claim', () => api.claim(id))} disabled={pending !== null}>
              Claim
            </button>
          )}
          {active && (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => act('resolve', () => api.resolve(id, 'bot'))}
                disabled={pending !== null}
              >
                Resolve: back to the bot
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => act('close', () => api.resolve(id, 'closed'))}
                disabled={pending !== null}
              >
                Close
              </button>
            </>
          )}
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="conversation-body">
        <BriefPanel brief={brief} />
        <TranscriptView messages={conversation.messages} />
      </div>
      <form className="reply" onSubmit={sendReply}>
        <label htmlFor="agent-reply">Reply to the customer</label>
        <div className="reply-row">
          <textarea
            id="agent-reply"
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
            }}
            rows={2}
            maxLength={8000}
            disabled={!canReply}
            aria-describedby="reply-hint"
          />
          <button type="submit" disabled={!canReply || pending !== null || reply.trim() === ''}>
            Send reply
          </button>
        </div>
        <p id="reply-hint" className="subtle small">
          {canReply
            ? 'Ctrl+Enter sends.'
            : active
              ? 'Claim the conversation to reply.'
              : 'This conversation is no longer with a person.'}
        </p>
      </form>
    </section>
  );
}
