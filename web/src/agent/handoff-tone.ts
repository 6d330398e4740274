/** One note of an alert tone, in seconds from its start. */
export interface ToneNote {
  frequency: number;
  start: number;
  duration: number;
}

/** A single soft note for a new handoff. */
export const newHandoffTone: readonly ToneNote[] = [{ frequency: 660, start: 0, duration: 0.18 }];

/** Three quick rising notes for a critical handoff, unlike the ordinary one. */
export const criticalHandoffTone: readonly ToneNote[] = [
  { frequency: 880, start: 0, duration: 0.12 },
  { frequency: 1175, start: 0.16, duration: 0.12 },
  { frequency: 1568, start: 0.32, duration: 0.2 },
];

/** The tone of an alert: the critical one when any handoff in it is critical. */
export function toneFor(critical: boolean): readonly ToneNote[] {
  return critical ? criticalHandoffTone : newHandoffTone;
}

let context: AudioContext | undefined;

/**
 * The page's audio context, made on first use. Call it from a click too (the "Enable
 * notifications" control does): browsers let audio start only after the user interacted.
 */
export function audioContext(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume().catch(() => {});
  return context;
}

/** Plays `notes` with the Web Audio API: sine notes with a short fade, no audio file. */
export function playTone(notes: readonly ToneNote[]): void {
  const audio = audioContext();
  if (!audio) return;
  const now = audio.currentTime;
  for (const note of notes) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    const start = now + note.start;
    const end = start + note.duration;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, end);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(end + 0.02);
  }
}
