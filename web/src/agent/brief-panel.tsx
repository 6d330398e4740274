import { formatAge } from '../shared/handoff-text.js';
import type { HandoffBrief, Urgency } from '../shared/types.js';
import { describeReasons, entityLines, intentText, moodText, type ReasonInput, urgencyLabels } from './brief-text.js';

/** What the brief card shows besides the brief itself: the handoff's live reasons and urgency, who, when. */
export interface BriefContext {
  reasons: readonly ReasonInput[];
  urgency: Urgency;
  briefSource?: 'model' | 'extractive' | undefined;
  /** When a `brief` event last changed the card (ISO), for the "updated" line. */
  updatedAt?: string | undefined;
  handedOffAt?: string | undefined;
  team?: string | null | undefined;
  customer?: { name?: string; email?: string } | undefined;
  /** The customer's words that triggered the handoff, and a way to show them in the transcript. */
  trigger?: { text: string; onShow: () => void } | undefined;
  now: number;
}

/**
 * The handoff brief, laid out for reading top to bottom: why in plain words and how urgent,
 * who, what and when, the summary, what the customer mentioned, then what the bot tried.
 * Detector details and scores sit in a disclosure, out of the main view.
 */
export function BriefPanel({ brief, context }: { brief: HandoffBrief | null; context: BriefContext }) {
  const reasons = describeReasons(context.reasons.length > 0 ? context.reasons : (brief?.reasons ?? []));
  const [headline, ...others] = reasons;
  const urgency = context.urgency;
  const customer = brief?.customer ?? context.customer;
  const who = customer ? [customer.name, customer.email].filter(Boolean).join(' · ') : '';
  const handedOffAt = context.handedOffAt ?? brief?.createdAt;
  const entities = brief ? entityLines(brief.entities) : [];
  return (
    <section className="brief card" aria-labelledby="brief-title" data-urgency={urgency}>
      <div className="brief-headline">
        <h2 id="brief-title" className="brief-kicker">
          Brief
        </h2>
        <span className={`badge urgency-${urgency}`}>{urgencyLabels[urgency]} urgency</span>
        <p className="brief-reason">
          <strong>{headline?.label ?? 'Handed off'}</strong>
          {others.length > 0 && <span className="subtle"> · also {others.map((line) => line.label).join(', ')}</span>}
        </p>
        {context.trigger && (
          <p className="brief-trigger">
            <q>{context.trigger.text}</q>{' '}
            <button type="button" className="link" onClick={context.trigger.onShow}>
              Show in transcript
            </button>
          </p>
        )}
      </div>
      <dl className="brief-facts">
        <div>
          <dt>Customer</dt>
          <dd>{who || 'Not given'}</dd>
        </div>
        <div>
          <dt>Wants</dt>
          <dd>{brief ? intentText(brief.intent) : '…'}</dd>
        </div>
        <div>
          <dt>Handed off</dt>
          <dd>
            {handedOffAt ? (
              <time dateTime={handedOffAt}>
                {new Date(handedOffAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ·{' '}
                {formatAge(handedOffAt, context.now)}
              </time>
            ) : (
              '…'
            )}
          </dd>
        </div>
        {context.team && (
          <div>
            <dt>Team</dt>
            <dd>{context.team}</dd>
          </div>
        )}
        {brief && (
          <div>
            <dt>Mood</dt>
            <dd>{moodText(brief.sentiment)}</dd>
          </div>
        )}
        {brief && (
          <div>
            <dt>Language</dt>
            <dd>{brief.language}</dd>
          </div>
        )}
      </dl>
      {brief ? (
        <>
          <h3>Summary</h3>
          <p className="brief-summary">{brief.summary}</p>
          <h3>Mentioned</h3>
          {entities.length > 0 ? (
            <ul className="plain entities">
              {entities.map((line) => (
                <li key={line.label}>
                  <span className="entity-label">{line.label}</span> {line.values.join(', ')}
                </li>
              ))}
            </ul>
          ) : (
            <p className="subtle entities">No order numbers, amounts or dates.</p>
          )}
          <div className="brief-columns">
            <div>
              <h3>What the bot tried</h3>
              {brief.botAttempts.length > 0 ? (
                <ul>
                  {brief.botAttempts.map((attempt) => (
                    <li key={attempt}>{attempt}</li>
                  ))}
                </ul>
              ) : (
                <p className="subtle">Nothing yet: handed off before the bot answered.</p>
              )}
            </div>
            <div>
              <h3>Open questions</h3>
              {brief.openQuestions.length > 0 ? (
                <ul>
                  {brief.openQuestions.map((question) => (
                    <li key={question}>{question}</li>
                  ))}
                </ul>
              ) : (
                <p className="subtle">None.</p>
              )}
            </div>
          </div>
        </>
      ) : (
        <p className="subtle">The summary is being written…</p>
      )}
      <details className="brief-details">
        <summary>How this was detected</summary>
        <ul className="plain">
          {reasons.flatMap((line) =>
            line.signals.map((signal) => (
              <li key={`${line.label}-${signal.source}-${signal.detail}`}>
                <strong>{line.label}</strong> · {signal.source}: {signal.detail}
                {signal.score !== undefined && ` (score ${signal.score.toFixed(2)})`}
              </li>
            )),
          )}
          {brief && (
            <li>
              Sentiment score {brief.sentiment.score.toFixed(2)}, {brief.sentiment.trend}
            </li>
          )}
          {brief && (
            <li>
              {(context.briefSource ?? brief.source) === 'model'
                ? 'Summary written by the model'
                : 'Summary extracted from the transcript'}{' '}
              · {brief.transcriptTurns} {brief.transcriptTurns === 1 ? 'turn' : 'turns'}
            </li>
          )}
        </ul>
      </details>
      <p className="subtle small brief-updated" aria-live="polite">
        {context.updatedAt &&
          `Updated ${new Date(context.updatedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`}
      </p>
    </section>
  );
}
