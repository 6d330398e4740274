import { useCallback, useEffect, useState } from 'react';
import type { AgentApi } from './agent-api.js';
import {
  type JudgementReason,
  judgementReasonLabels,
  judgementReasons,
  type ReviewDetail,
  type ReviewEntry,
} from './judgement-types.js';

const causeLabels: Record<ReviewEntry['causes'][number], string> = {
  sampled: 'Sampled',
  negative_sentiment: 'Ended upset',
  repeated_question: 'Repeated question',
};

/** The review queue: conversations the bot kept to itself; a reviewer marks the ones that should have reached a person. */
export function ReviewView({ api }: { api: AgentApi }) {
  const [entries, setEntries] = useState<ReviewEntry[] | null>(null);
  const [pending, setPending] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const queue = await api.reviewQueue();
      setEntries(queue.review);
      setPending(queue.pending);
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="review-pane" aria-labelledby="review-title">
      <h2 id="review-title">
        Review <span className="count">{pending}</span>
      </h2>
      <p className="subtle small">
        Conversations the bot kept to itself: a sample, and every one that ended upset or with a repeated question.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {entries?.length === 0 && <p className="subtle empty">Nothing to review.</p>}
      <ul className="review-list">
        {entries?.map((entry) => (
          <li
            key={entry.id}
            className="review-entry"
            data-conversation-id={entry.id}
            data-reviewed={entry.review?.verdict}
          >
            <button
              type="button"
              className="queue-item"
              onClick={() => setSelected(selected === entry.id ? null : entry.id)}
            >
              <span className="queue-row">
                {entry.causes.map((cause) => (
                  <span key={cause} className="badge">
                    {causeLabels[cause]}
                  </span>
                ))}
                {entry.review && (
                  <span className="review-verdict">
                    {entry.review.verdict === 'missed' ? 'Should have reached a person' : 'Bot was right'}
                  </span>
                )}
              </span>
              <span className="queue-preview">“{entry.lastUserText}”</span>
            </button>
            {selected === entry.id && <ReviewDetailPanel api={api} entry={entry} onReviewed={() => void load()} />}
          </li>
        ))}
      </ul>
    </main>
  );
}

function ReviewDetailPanel({ api, entry, onReviewed }: { api: AgentApi; entry: ReviewEntry; onReviewed: () => void }) {
  const [detail, setDetail] = useState<ReviewDetail | null>(null);
  const [reason, setReason] = useState<JudgementReason>(
    entry.causes.includes('negative_sentiment') ? 'negative_sentiment' : 'repeat_failure',
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.reviewConversation(entry.id).then(setDetail, (caught: unknown) => setError(String(caught)));
  }, [api, entry.id]);

  async function send(missed: boolean) {
    try {
      await api.review(entry.id, missed ? { verdict: 'missed', reason } : { verdict: 'fine' });
      onReviewed();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <div className="review-detail">
      <ol className="review-turns" aria-label="Review transcript">
        {detail?.conversation.turns.map((turn) => (
          <li key={`${turn.role}:${turn.at ?? ''}:${turn.content}`} data-role={turn.role}>
            <b>{turn.role === 'user' ? 'Customer' : 'Bot'}</b> {turn.content}
          </li>
        ))}
      </ol>
      <div className="judgement-row">
        <button type="button" onClick={() => void send(true)}>
          Should have reached a person
        </button>
        <label className="subtle small">
          Why{' '}
          <select value={reason} onChange={(event) => setReason(event.target.value as JudgementReason)}>
            {judgementReasons.map((value) => (
              <option key={value} value={value}>
                {judgementReasonLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void send(false)}>
          Bot was right
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
