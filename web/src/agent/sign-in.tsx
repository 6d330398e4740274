import { type FormEvent, useState } from 'react';
import { AgentApiError, createAgentApi } from './agent-api.js';

/** Sign-in with the agent token; the token is checked against the queue before it is kept. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim();
    if (!token) return;
    setChecking(true);
    setError(null);
    try {
      await createAgentApi(token).queue();
      onSignedIn(token);
    } catch (caught) {
      setError(
        caught instanceof AgentApiError && caught.status === 401
          ? 'That token is not valid.'
          : 'Could not reach the server. Try again.',
      );
    } finally {
      setChecking(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title" className="card">
        <h1 id="sign-in-title">Agent console</h1>
        <p className="subtle">Sign in with your agent token. It is kept in this tab only.</p>
        <div className="field">
          <label htmlFor="agent-token">Agent token</label>
          <input
            id="agent-token"
            name="token"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error !== null}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
        {error && (
          <p id="sign-in-error" className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
