import { type FormEvent, useId, useState } from 'react';

/** Name and email when nobody is available, so the team can answer by email. */
export function OfflineForm({ onSubmit }: { onSubmit: (contact: { name?: string; email: string }) => Promise<void> }) {
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
      setError(caught instanceof Error ? caught.message : 'Could not send your details. Please try again.');
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="offline-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>Leave your details and we will reply by email</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} name="name" autoComplete="name" maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required maxLength={320} />
      </div>
      <button type="submit" disabled={sending}>
        {sending ? 'Sending…' : 'Send my details'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
