import { useEffect, useState } from 'react';
import type { AgentApi } from './agent-api.js';
import type { GapReport } from './judgement-types.js';

const causeWords: Record<string, string> = {
  low_confidence: 'bot unsure',
  out_of_scope: 'out of scope',
  repeat_failure: 'bot kept failing',
  needless: 'needless',
};
const trendWords = { rising: '↑ rising', falling: '↓ falling', steady: '→ steady' } as const;

/** Handoffs the bot caused, by topic: counts, trend, examples and the knowledge-base entry that came closest. */
export function GapsView({ api }: { api: AgentApi }) {
  const [report, setReport] = useState<GapReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .gaps()
      .then(setReport, (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [api]);

  return (
    <main className="review-pane" aria-labelledby="gaps-title">
      <h2 id="gaps-title">Gaps by topic</h2>
      <p className="subtle small">
        Handoffs the bot caused (unsure, out of scope, kept failing, or judged needless) in the last four weeks, grouped
        by what the customers asked.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report?.topics.length === 0 && <p className="subtle empty">No handoffs the bot caused.</p>}
      <ul className="gap-list">
        {report?.topics.map((topic) => (
          <li key={topic.name} className="gap-topic">
            <p className="gap-name">
              <strong>{topic.count}</strong> {topic.count === 1 ? 'handoff' : 'handoffs'} about “{topic.name}”
            </p>
            <p className="subtle small">
              {topic.thisWeek} this week, {topic.lastWeek} last week · {trendWords[topic.trend]} ·{' '}
              {Object.entries(topic.causes)
                .map(([cause, count]) => `${count} ${causeWords[cause] ?? cause}`)
                .join(', ')}
            </p>
            {topic.examples.length > 0 && (
              <ul className="gap-examples subtle small">
                {topic.examples.map((example) => (
                  <li key={example}>“{example}”</li>
                ))}
              </ul>
            )}
            <p className="gap-entry small">
              {topic.closestEntry
                ? topic.closestEntry.answers
                  ? `Closest entry: ${topic.closestEntry.title} (it should answer: check its wording)`
                  : `No entry answers it; closest: ${topic.closestEntry.title}`
                : report.knowledgeBase
                  ? 'No knowledge-base entry comes close.'
                  : 'No knowledge base configured (review.knowledgeBase).'}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
