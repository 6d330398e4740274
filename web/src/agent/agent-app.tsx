import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatWait } from '../shared/handoff-text.js';
import { AgentApiError, type AgentMetrics, createAgentApi, type QueueEntry } from './agent-api.js';
import { AlertBanner } from './alert-banner.js';
import { AlertControls } from './alert-controls.js';
import { ConversationPanel } from './conversation-panel.js';
import { GapsView } from './judgement-gaps.js';
import { ReviewView } from './judgement-review.js';
import { QueueList } from './queue-list.js';
import { SignIn } from './sign-in.js';
import { useHandoffAlerts } from './use-handoff-alerts.js';

const tokenKey = 'handrail-agent-token';

/** The agent console: sign-in, the live queue, and the selected conversation. */
export function AgentApp() {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(tokenKey));
  if (!token) {
    return (
      <SignIn
        onSignedIn={(value) => {
          sessionStorage.setItem(tokenKey, value);
          setToken(value);
        }}
      />
    );
  }
  return (
    <Console
      token={token}
      onSignOut={() => {
        sessionStorage.removeItem(tokenKey);
        setToken(null);
      }}
    />
  );
}

function Console({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const api = useMemo(() => createAgentApi(token), [token]);
  const [queue, setQueue] = useState<QueueEntry[]>([]);
  const [metrics, setMetrics] = useState<AgentMetrics | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(() => decodeURIComponent(location.hash.slice(1)) || null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [view, setView] = useState<'queue' | 'review' | 'gaps'>('queue');
  const alerts = useHandoffAlerts(select);
  const { observe } = alerts;

  const refresh = useCallback(async () => {
    try {
      const [nextQueue, nextMetrics] = await Promise.all([api.queue(), api.metrics()]);
      setQueue(nextQueue);
      observe(nextQueue);
      setMetrics(nextMetrics);
      setNow(Date.now());
      setError(null);
    } catch (caught) {
      if (caught instanceof AgentApiError && caught.status === 401) onSignOut();
      else setError('Could not load the queue. Retrying…');
    }
  }, [api, onSignOut, observe]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 2000);
    return () => clearInterval(timer);
  }, [refresh]);

  function select(id: string) {
    setSelectedId(id);
    history.replaceState(null, '', `#${encodeURIComponent(id)}`);
    // On a narrow screen the conversation replaces the queue: start it at the top.
    window.scrollTo({ top: 0 });
  }

  function backToQueue() {
    setSelectedId(null);
    history.replaceState(null, '', location.pathname + location.search);
    window.scrollTo({ top: 0 });
  }

  const waiting = queue.filter((entry) => entry.state === 'queued').length;

  return (
    <div className="console-layout" data-view={view !== 'queue' ? view : selectedId ? 'conversation' : 'queue'}>
      <header className="console-header">
        <h1>Agent console</h1>
        <nav className="console-tabs" aria-label="Views">
          {(['queue', 'review', 'gaps'] as const).map((name) => (
            <button
              key={name}
              type="button"
              className="secondary"
              aria-pressed={view === name}
              onClick={() => setView(name)}
            >
              {{ queue: 'Queue', review: 'Review', gaps: 'Gaps' }[name]}
            </button>
          ))}
        </nav>
        {metrics && (
          <p className="metrics subtle">
            <span>{waiting} waiting</span>
            <span>
              {metrics.handoffs} {metrics.handoffs === 1 ? 'handoff' : 'handoffs'}
            </span>
            <span>{Math.round(metrics.escalationRate * 100)}% escalated</span>
            {metrics.timeToFirstAgentReply.medianSeconds !== null && (
              <span>first reply {formatWait(metrics.timeToFirstAgentReply.medianSeconds)}</span>
            )}
          </p>
        )}
        <AlertControls
          permission={alerts.permission}
          onEnable={() => void alerts.enable()}
          sound={alerts.sound}
          onSoundChange={alerts.setSound}
        />
        <button type="button" className="secondary" onClick={onSignOut}>
          Sign out
        </button>
        <AlertBanner alerts={alerts.shown} onOpen={alerts.open} onDismiss={alerts.dismiss} />
      </header>
      {view === 'review' && <ReviewView api={api} />}
      {view === 'gaps' && <GapsView api={api} />}
      <nav className="queue-pane" aria-labelledby="queue-title">
        <h2 id="queue-title">
          Queue <span className="count">{queue.length}</span>
        </h2>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <QueueList queue={queue} selectedId={selectedId} onSelect={select} now={now} />
      </nav>
      <main className="detail-pane">
        {selectedId ? (
          <ConversationPanel
            key={selectedId}
            api={api}
            id={selectedId}
            onChanged={() => void refresh()}
            onBack={backToQueue}
          />
        ) : (
          <p className="subtle empty">Select a conversation from the queue.</p>
        )}
      </main>
    </div>
  );
}
