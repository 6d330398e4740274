import { useState } from 'react';
import type { AgentApi, AgentConversation } from './agent-api.js';
import { type JudgementReason, judgementReasonLabels, judgementReasons } from './judgement-types.js';

type Handoff = NonNullable<AgentConversation['handoff']>;

/**
 * After a resolve or close: one click says whether the handoff was needed. The recorded reason
 * can be corrected first. It never blocks anything: the conversation is already resolved.
 */
export function JudgementPrompt({
  api,
  conversationId,
  handoff,
  onJudged,
}: {
  api: AgentApi;
  conversationId: string;
  handoff: Handoff;
  onJudged: () => void;
}) {
  const recorded = handoff.reasons?.map((reason) => reason.reason).find(isJudgementReason);
  const [reason, setReason] = useState<JudgementReason | ''>(recorded ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const judgement = handoff.judgement;

  async function judge(needed: boolean) {
    setPending(true);
    setError(null);
    try {
      await api.judge(conversationId, { needed, ...(needed && reason ? { reason } : {}) });
      onJudged();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  if (judgement) {
    return (
      <section
        className="judgement"
        aria-label="Handoff judgement"
        data-judged={judgement.needed ? 'needed' : 'needless'}
      >
        <p className="subtle">
          {judgement.needed
            ? `Judged needed${judgement.reason ? ` (${labelOf(judgement.reason)})` : ''}.`
            : 'Judged not needed: the bot could have answered.'}{' '}
          <button type="button" className="link" onClick={() => void judge(!judgement.needed)} disabled={pending}>
            Change
          </button>
        </p>
      </section>
    );
  }
  return (
    <section className="judgement" aria-label="Handoff judgement">
      <p className="judgement-question">Was this handoff needed?</p>
      <div className="judgement-row">
        <button type="button" onClick={() => void judge(true)} disabled={pending}>
          Yes, it needed a person
        </button>
        <button type="button" className="secondary" onClick={() => void judge(false)} disabled={pending}>
          No, the bot could have answered
        </button>
        <label className="subtle small">
          Right reason{' '}
          <select value={reason} onChange={(event) => setReason(event.target.value as JudgementReason | '')}>
            <option value="">As recorded</option>
            {judgementReasons.map((value) => (
              <option key={value} value={value}>
                {judgementReasonLabels[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function isJudgementReason(value: string): value is JudgementReason {
  return (judgementReasons as readonly string[]).includes(value);
}

function labelOf(reason: string): string {
  return isJudgementReason(reason) ? judgementReasonLabels[reason] : reason;
}
