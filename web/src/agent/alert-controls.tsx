import type { AlertPermission } from './use-handoff-alerts.js';

/**
 * The console's alert settings: an "Enable notifications" button while the browser has not
 * been asked (permission is only ever asked for on this click), the state once it has, and
 * a switch to mute the tone.
 */
export function AlertControls({
  permission,
  onEnable,
  sound,
  onSoundChange,
}: {
  permission: AlertPermission;
  onEnable: () => void;
  sound: boolean;
  onSoundChange: (on: boolean) => void;
}) {
  return (
    <div className="alert-controls">
      {permission === 'default' && (
        <button type="button" className="secondary" onClick={onEnable}>
          Enable notifications
        </button>
      )}
      {permission === 'granted' && <span className="subtle small">Notifications on</span>}
      {permission === 'denied' && (
        <span className="subtle small">Notifications are blocked in this browser's site settings</span>
      )}
      <label className="small">
        <input type="checkbox" checked={sound} onChange={(event) => onSoundChange(event.target.checked)} /> Alert sound
      </label>
    </div>
  );
}
