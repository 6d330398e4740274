import { reasonLabel } from '../shared/handoff-text.js';
import type { HandoffBrief } from '../shared/types.js';

/** The handoff brief, read at a glance: why, how urgent, what they want, what the bot tried. */
export function BriefPanel({ brief }: { brief: HandoffBrief | null }) {
  if (!brief) {
    return (
      <section className="brief card" aria-labelledby="brief-title">
        <h2 id="brief-title">Brief</h2>
        <p className="subtle">The brief is being written…</p>
      </section>
    );
  }
  const entities = entityLines(brief.entities);
  return (
    <section className="brief card" aria-labelledby="brief-title">
      <h2 id="brief-title">Brief</h2>
      <dl className="brief-facts">
        <div className="wide">
          <dt>Reason</dt>
          <dd>
            <ul className="plain">
              {brief.reasons.map((reason) => (
                <li key={`${reason.reason}-${reason.source}-${reason.detail}`}>
                  <strong>{reasonLabel(reason.reason)}</strong>
                  {reason.detail && <span className="subtle"> · {reason.detail}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Urgency</dt>
          <dd>
            <span className={`badge urgency-${brief.urgency}`}>{brief.urgency}</span>
          </dd>
        </div>
        <div>
          <dt>Intent</dt>
          <dd>{brief.intent.replaceAll('_', ' ')}</dd>
        </div>
        <div>
          <dt>Sentiment</dt>
          <dd>{sentimentText(brief.sentiment)}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{brief.language}</dd>
        </div>
        {brief.suggestedTeam && (
          <div>
            <dt>Team</dt>
            <dd>{brief.suggestedTeam}</dd>
          </div>
        )}
        {brief.customer && (brief.customer.name || brief.customer.email) && (
          <div>
            <dt>Customer</dt>
            <dd>{[brief.customer.name, brief.customer.email].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
      </dl>
      <h3>Summary</h3>
      <p className="brief-summary">{brief.summary}</p>
      {entities.length > 0 && (
        <>
          <h3>Mentioned</h3>
          <ul className="plain entities">
            {entities.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
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
      <p className="subtle small">
        {brief.source === 'model' ? 'Written by the model' : 'Extracted from the transcript'} · {brief.transcriptTurns}{' '}
        turns
      </p>
    </section>
  );
}

function sentimentText(sentiment: HandoffBrief['sentiment']): string {
  const mood =
    sentiment.score <= -0.5
      ? 'very negative'
      : sentiment.score < -0.1
        ? 'negative'
        : sentiment.score > 0.2
          ? 'positive'
          : 'neutral';
  return `${mood} (${sentiment.score.toFixed(2)}), ${sentiment.trend}`;
}

function entityLines(entities: HandoffBrief['entities']): string[] {
  const lines: string[] = [];
  const add = (label: string, values: string[]) => {
    if (values.length > 0) lines.push(`${label}: ${values.join(', ')}`);
  };
  add('Orders', entities.orderNumbers);
  add('Accounts', entities.accountNumbers);
  add('Emails', entities.emails);
  add('Phones', entities.phoneNumbers);
  add(
    'Amounts',
    entities.amounts.map((amount) => amount.text),
  );
  add('Dates', entities.dates);
  add('Products', entities.products);
  return lines;
}
