/**
 * Reads a whole server-sent event response of the AI SDK UI message stream and returns the
 * parsed `data:` payloads (the final `[DONE]` left out).
 */
export async function readSse(response: Response): Promise<unknown[]> {
  const text = await response.text();
  const events: unknown[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ')) continue;
    const data = line.slice('data: '.length).trim();
    if (data === '[DONE]' || data === '') continue;
    events.push(JSON.parse(data));
  }
  return events;
}

/**
 * Milliseconds from `started` (a `performance.now()` value) until the response body carries its
 * first `text-delta` event; then reads the rest of the body. `null` when no text ever arrived.
 */
export async function timeToFirstTextDelta(response: Response, started: number): Promise<number | null> {
  if (!response.body) return null;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let firstAt: number | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (firstAt === null) {
      buffered += value;
      if (buffered.includes('"type":"text-delta"')) {
        firstAt = performance.now() - started;
        buffered = '';
      }
    }
  }
  return firstAt;
}
