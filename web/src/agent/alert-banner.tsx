import type { HandoffAlert } from './handoff-alerts.js';

/**
 * The console's copy of its latest notifications, announced to screen readers and there even
 * when the browser shows none: each opens its conversation or can be dismissed.
 */
export function AlertBanner({
  alerts,
  onOpen,
  onDismiss,
}: {
  alerts: readonly HandoffAlert[];
  onOpen: (conversationId: string) => void;
  onDismiss: (alert: HandoffAlert) => void;
}) {
  return (
    <section className="alert-banner" aria-label="New handoffs" aria-live="polite">
      {alerts.length > 0 && (
        <ul>
          {alerts.map((alert) => (
            <li key={alert.keys[0]} className={`handoff-alert${alert.critical ? ' critical' : ''}`}>
              <span className="handoff-alert-text">
                <strong>{alert.title}</strong>
                {alert.body && <span className="handoff-alert-body">{alert.body}</span>}
              </span>
              <button type="button" onClick={() => onOpen(alert.conversationId)}>
                Open
              </button>
              <button type="button" className="secondary" onClick={() => onDismiss(alert)}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
