import { type FormEvent, useId, useState } from 'react';
import { type ChatText, chatTexts } from '../shared/chat-text.js';

/** Name and email when nobody is available, so the team can answer by email. */
export function OfflineForm({
  onSubmit,
  text = chatTexts.en.offlineForm,
}: {
  onSubmit: (contact: { name?: string; email: string }) => Promise<void>;
  /** The form's strings, in the page's language. */
  text?: ChatText['offlineForm'];
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    setSending(true);
    setError(null);
    try {
      await onSubmit({ ...(name ? { name } : {}), email });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : text.failed);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="offline-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{text.title}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{text.name}</label>
        <input id={`${id}-name`} name="name" autoComplete="name" maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{text.email}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required maxLength={320} />
      </div>
      <button type="submit" disabled={sending}>
        {sending ? text.sending : text.submit}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
