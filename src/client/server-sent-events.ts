/** One server-sent event: its name (`message` when unnamed), data and id. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads the server-sent events of a response body as they arrive (the `text/event-stream`
 * format: `event:`, `data:` and `id:` fields, a blank line ends an event, `:` starts a comment).
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let current: { event?: string; data: string[]; id?: string } = { data: [] };
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece may be a line still on its way.
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (current.data.length > 0) {
            yield {
              event: current.event || 'message',
              data: current.data.join('\n'),
              ...(current.id ? { id: current.id } : {}),
            };
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') current.event = value;
        else if (field === 'data') current.data.push(value);
        else if (field === 'id') current.id = value;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
