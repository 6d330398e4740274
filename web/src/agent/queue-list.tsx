import { formatAge } from '../shared/handoff-text.js';
import type { QueueEntry } from './agent-api.js';
import { describeReasons, intentText, lastCustomerWords, urgencyLabels } from './brief-text.js';

const stateLabels: Record<QueueEntry['state'], string> = {
  queued: 'Waiting',
  assigned: 'Claimed',
  human: 'In conversation',
};

/** The queue, most urgent first, as a list of buttons; the selected one is marked current. */
export function QueueList({
  queue,
  selectedId,
  onSelect,
  now,
}: {
  queue: QueueEntry[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
}) {
  if (queue.length === 0) return <p className="subtle empty">Nobody is waiting.</p>;
  return (
    <ul className="queue">
      {queue.map((entry) => {
        const reasons = describeReasons(entry.reasons).map((line) => line.label);
        const preview = lastCustomerWords(entry.brief);
        const selected = entry.id === selectedId;
        return (
          <li key={entry.id}>
            <button
              type="button"
              className={`queue-item${selected ? ' selected' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(entry.id)}
              data-conversation-id={entry.id}
            >
              <span className="queue-row">
                <span className={`badge urgency-${entry.urgency}`}>{urgencyLabels[entry.urgency]}</span>
                <span className="queue-reason">{reasons.join(', ') || 'Handoff'}</span>
              </span>
              <span className="queue-row subtle">
                <span>{stateLabels[entry.state]}</span>
                {entry.team && <span>· {entry.team}</span>}
                <span>· {formatAge(entry.createdAt, now)}</span>
              </span>
              {preview && (
                <span className="queue-preview">
                  <span className="visually-hidden">Customer said: </span>“{preview}”
                </span>
              )}
              {entry.brief?.intent && <span className="queue-intent subtle">{intentText(entry.brief.intent)}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
