import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueEntry } from './agent-api.js';
import { type HandoffAlert, handoffKey, planAlerts, unseenHandoffs } from './handoff-alerts.js';
import { audioContext, playTone, toneFor } from './handoff-tone.js';
import { loadNotifiedHandoffs, saveNotifiedHandoffs } from './notified-handoffs.js';

/** Where the console keeps the sound setting (for every session of this browser). */
export const alertSoundKey = 'handrail-agent-alert-sound';

/** Most alerts the console shows at once, newest batch first. */
const shownLimit = 3;

/** The browser's notification permission, or `unsupported` without the Notifications API. */
export type AlertPermission = NotificationPermission | 'unsupported';

/** What {@link useHandoffAlerts} gives the console. */
export interface HandoffAlerts {
  /** Feed every queue the console loads: the first is the baseline, later ones alert on new handoffs. */
  observe: (queue: readonly QueueEntry[]) => void;
  permission: AlertPermission;
  /** Asks for notification permission; call it from a click, never on load. */
  enable: () => Promise<void>;
  sound: boolean;
  setSound: (on: boolean) => void;
  /** The latest alerts, for the console's own copy of the notifications. */
  shown: HandoffAlert[];
  /** Opens an alert's conversation and takes its alerts off the console. */
  open: (conversationId: string) => void;
  dismiss: (alert: HandoffAlert) => void;
}

function currentPermission(): AlertPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Shows `alert` as a browser notification when allowed; clicking it focuses the window and opens the conversation. */
function showNotification(alert: HandoffAlert, open: (conversationId: string) => void) {
  if (currentPermission() !== 'granted') return;
  try {
    const notification = new Notification(alert.title, {
      body: alert.body,
      tag: alert.keys[0] ?? alert.conversationId,
      requireInteraction: alert.critical,
      // The console plays its own tone, and only when the agent has not muted it.
      silent: true,
    });
    notification.onclick = () => {
      window.focus();
      open(alert.conversationId);
      notification.close();
    };
  } catch {
    // Some browsers (Chrome on Android) only show notifications from a service worker.
  }
}

/**
 * Alerts the signed-in agent to new handoffs in the queue (which the server already scopes to
 * the agent's teams): a browser notification each, critical ones first and on their own, a
 * tone unless muted, and the same alerts in the console. Handoffs waiting when the console
 * opens, and any already alerted on in this tab (kept in sessionStorage), never alert.
 */
export function useHandoffAlerts(onOpen: (conversationId: string) => void): HandoffAlerts {
  const [permission, setPermission] = useState<AlertPermission>(currentPermission);
  const [sound, setSoundState] = useState(() => localStorage.getItem(alertSoundKey) !== 'off');
  const [shown, setShown] = useState<HandoffAlert[]>([]);
  const seen = useRef<Set<string> | null>(null);
  const openRef = useRef(onOpen);
  const soundRef = useRef(sound);

  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  // The agent may allow or block notifications in the site settings while the console is open.
  useEffect(() => {
    let status: PermissionStatus | undefined;
    const update = () => setPermission(currentPermission());
    navigator.permissions
      ?.query({ name: 'notifications' })
      .then((found) => {
        status = found;
        found.addEventListener('change', update);
      })
      .catch(() => {});
    return () => status?.removeEventListener('change', update);
  }, []);

  const open = useCallback((conversationId: string) => {
    setShown((current) => current.filter((alert) => alert.conversationId !== conversationId));
    openRef.current(conversationId);
  }, []);

  const observe = useCallback(
    (queue: readonly QueueEntry[]) => {
      if (seen.current === null) {
        // The console just opened: what already waits is the baseline, not news.
        const known = loadNotifiedHandoffs(sessionStorage);
        for (const entry of queue) known.add(handoffKey(entry));
        seen.current = known;
        saveNotifiedHandoffs(sessionStorage, known);
        return;
      }
      const known = seen.current;
      const fresh = unseenHandoffs(queue, known);
      const waiting = new Set(queue.filter((entry) => entry.state === 'queued').map((entry) => entry.id));
      setShown((current) => {
        const kept = current.filter((alert) => waiting.has(alert.conversationId));
        return kept.length === current.length ? current : kept;
      });
      if (fresh.length === 0) return;
      for (const entry of fresh) known.add(handoffKey(entry));
      saveNotifiedHandoffs(sessionStorage, known);
      const alerts = planAlerts(fresh);
      for (const alert of alerts) showNotification(alert, open);
      if (soundRef.current) playTone(toneFor(alerts.some((alert) => alert.critical)));
      setShown((current) => [...alerts, ...current].slice(0, shownLimit));
    },
    [open],
  );

  const enable = useCallback(async () => {
    // The click also lets the tone play later (browsers start audio only after a gesture).
    if (soundRef.current) audioContext();
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  }, []);

  const setSound = useCallback((on: boolean) => {
    soundRef.current = on;
    setSoundState(on);
    localStorage.setItem(alertSoundKey, on ? 'on' : 'off');
    if (on) audioContext();
  }, []);

  const dismiss = useCallback((alert: HandoffAlert) => {
    setShown((current) => current.filter((candidate) => candidate !== alert));
  }, []);

  return { observe, permission, enable, sound, setSound, shown, open, dismiss };
}
