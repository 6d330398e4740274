import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HandoffBrief } from '../shared/types.js';
import type { AgentApi, AgentConversation, BriefEvent } from './agent-api.js';
import { BriefPanel } from './brief-panel.js';
import { triggeringMessageId, turnText } from './brief-text.js';
import { JudgementPrompt } from './judgement-prompt.js';
import { TranscriptView, turnElementId } from './transcript-view.js';

const stateLabels: Record<AgentConversation['state'], string> = {
  bot: 'Back with the bot',
  queued: 'Waiting for an agent',
  assigned: 'Claimed',
  human: 'In conversation',
  resolved: 'Closed',
};

type Detail = { conversation: AgentConversation; brief: HandoffBrief | null };

/** A `brief` event, kept until a later reload of the conversation is at least as new. */
type LiveBrief = BriefEvent & { receivedAt: number };

/**
 * One conversation: actions, the brief, then the whole transcript. It reloads when the customer
 * writes or the state changes (agent events route) and every 2 seconds, and updates the brief
 * in place on `brief` events.
 */
export function ConversationPanel({
  api,
  id,
  onChanged,
  onBack,
}: {
  api: AgentApi;
  id: string;
  onChanged: () => void;
  onBack: () => void;
}) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [live, setLive] = useState<LiveBrief | null>(null);
  const liveRef = useRef<LiveBrief | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [copied, setCopied] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(async () => {
    const sentAt = Date.now();
    try {
      const next = await api.conversation(id);
      setDetail((current) => (current?.conversation.id === id || current === null ? next : current));
      // A reload sent after the last brief event, with a brief at least as new, supersedes it.
      const kept = liveRef.current;
      if (kept && sentAt > kept.receivedAt && (next.conversation.handoff?.briefAt ?? '') >= (kept.briefAt ?? '')) {
        liveRef.current = null;
        setLive(null);
      }
      setNow(Date.now());
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api, id]);

  useEffect(() => {
    setDetail(null);
    setLive(null);
    liveRef.current = null;
    setReply('');
    void load();
    const timer = setInterval(() => void load(), 2000);
    const events = new EventSource(api.eventsUrl(id));
    events.addEventListener('message', () => void load());
    events.addEventListener('state', () => void load());
    events.addEventListener('brief', (event) => {
      let data: BriefEvent;
      try {
        data = JSON.parse((event as MessageEvent<string>).data) as BriefEvent;
      } catch {
        return;
      }
      const next = { ...data, receivedAt: Date.now() };
      liveRef.current = next;
      setLive(next);
    });
    return () => {
      clearInterval(timer);
      events.close();
    };
  }, [api, id, load]);

  const messages = detail?.conversation.messages;
  const triggerId = useMemo(() => (messages ? triggeringMessageId(messages) : undefined), [messages]);

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

  async function copyId() {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (insecure page, denied): the id stays selectable.
    }
  }

  const back = (
    <button type="button" className="secondary back-to-queue" onClick={onBack}>
      ← Queue
    </button>
  );

  if (!detail) {
    return (
      <section className="conversation" aria-busy="true" aria-label="Conversation">
        <header className="conversation-header">{back}</header>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="subtle empty">Loading…</p>
        )}
      </section>
    );
  }

  const { conversation } = detail;
  const handoff = conversation.handoff;
  const brief = live && live.brief !== undefined ? live.brief : detail.brief;
  const state = conversation.state;
  const claimed = Boolean(handoff?.agentId);
  const active = state === 'queued' || state === 'assigned' || state === 'human';
  const canReply = state === 'assigned' || state === 'human';
  const triggerMessage = conversation.messages.find((message) => message.id === triggerId);
  const triggerText = triggerMessage ? turnText(triggerMessage) : '';

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-header">
        {back}
        <div className="conversation-title">
          <h2 id="conversation-title">
            Conversation <code className="conversation-id">{conversation.id}</code>
          </h2>
          <button type="button" className="link" onClick={() => void copyId()}>
            {copied ? 'Copied' : 'Copy id'}
          </button>
          <p className="subtle" data-state={state}>
            {stateLabels[state]}
            {handoff?.team && ` · team ${handoff.team}`}
            {handoff?.ticket && ` · ticket ${handoff.ticket.id}`}
          </p>
        </div>
        {active && (
          <div className="actions">
            {!claimed ? (
              <div className="action">
                <button type="button" onClick={() => act('claim', () => api.claim(id))} disabled={pending !== null}>
                  Claim
                </button>
                <p className="subtle small">Take this conversation so you can reply.</p>
              </div>
            ) : (
              <>
                <div className="action">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => act('resolve', () => api.resolve(id, 'bot'))}
                    disabled={pending !== null}
                    aria-describedby="back-to-bot-hint"
                  >
                    Back to the bot
                  </button>
                  <p id="back-to-bot-hint" className="subtle small">
                    Not finished: the bot keeps helping the customer.
                  </p>
                </div>
                <div className="action">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => act('close', () => api.resolve(id, 'closed'))}
                    disabled={pending !== null}
                    aria-describedby="close-hint"
                  >
                    Close as resolved
                  </button>
                  <p id="close-hint" className="subtle small">
                    Done: the issue is solved and the handoff ends.
                  </p>
                </div>
              </>
            )}
          </div>
        )}
      </header>
      {!active && handoff?.resolvedAt && (
        <JudgementPrompt api={api} conversationId={id} handoff={handoff} onJudged={() => void load()} />
      )}
      {error && (
        <p className="form-error conversation-error" role="alert">
          {error}
        </p>
      )}
      <div className="conversation-body">
        <BriefPanel
          brief={brief}
          context={{
            reasons: live?.reasons ?? handoff?.reasons ?? [],
            urgency: live?.urgency ?? handoff?.urgency ?? brief?.urgency ?? 'normal',
            briefSource: live?.briefSource ?? handoff?.briefSource,
            updatedAt: live ? new Date(live.receivedAt).toISOString() : undefined,
            handedOffAt: handoff?.createdAt,
            team: handoff?.team,
            customer: conversation.identity,
            trigger:
              triggerId && triggerText
                ? {
                    text: triggerText.length > 160 ? `${triggerText.slice(0, 159).trimEnd()}…` : triggerText,
                    onShow: () => {
                      const element = document.getElementById(turnElementId(triggerId));
                      element?.scrollIntoView({ block: 'center' });
                      element?.focus({ preventScroll: true });
                    },
                  }
                : undefined,
            now,
          }}
        />
        <TranscriptView messages={conversation.messages} {...(triggerId ? { triggerId } : {})} />
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
