import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted reply of the fake server to one Chat Completions request. */
export type FakeOpenAIResponse =
  | {
      type: 'text';
      text: string;
      /** Characters per streamed chunk. @default 8 */
      chunkSize?: number;
      /** Log probability reported for each streamed chunk (or each message in JSON mode), when logprobs were asked for. */
      logprob?: number;
    }
  | {
      type: 'tool-call';
      name: string;
      /** Arguments object (serialised) or raw JSON text. */
      arguments: Record<string, unknown> | string;
      /** @default 'call_fake_<n>' */
      id?: string;
      /** Characters per streamed argument piece. @default 10 */
      chunkSize?: number;
    }
  | { type: 'error'; status: number; message: string };

/** The chat completion request body as the fake server received it. */
export interface FakeOpenAIRequest {
  path: string;
  headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON that tests inspect freely.
  body: any;
}

/** A running fake server. */
export interface RunningFakeOpenAIServer {
  /** Base URL ending in `/v1`, for `OPENAI_BASE_URL`. */
  url: string;
  /** Every request body received, in order. */
  requests: FakeOpenAIRequest[];
  close(): Promise<void>;
}

/** A fake OpenAI server to start. */
export interface FakeOpenAIServer {
  start(): Promise<RunningFakeOpenAIServer>;
}

/**
 * A real HTTP server on 127.0.0.1 (random port) that speaks the OpenAI Chat Completions protocol at
 * `POST /v1/chat/completions` and `POST /chat/completions`: server-sent events when the request has
 * `stream: true` (chunks, then a usage chunk, then `data: [DONE]`), a JSON completion otherwise.
 * Each request takes the next scripted response; when the script runs out the last response repeats.
 *
 * @example
 * const fake = await createFakeOpenAIServer([{ type: 'text', text: 'Hello!' }]).start();
 * const { model } = resolveModel({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test' });
 * // ... then: await fake.close();
 */
export function createFakeOpenAIServer(script: readonly FakeOpenAIResponse[]): FakeOpenAIServer {
  if (script.length === 0) throw new Error('the fake OpenAI server needs at least one scripted response');
  return {
    async start() {
      const requests: FakeOpenAIRequest[] = [];
      const server = createServer((request, response) => {
        handle(request, response).catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
        });
      });

      async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        if (request.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
          sendJson(response, 404, {
            error: { message: `No route for ${request.method} ${path}`, type: 'invalid_request_error' },
          });
          return;
        }
        const body = JSON.parse(await readBody(request));
        const number = requests.length;
        requests.push({ path, headers: request.headers, body });
        const scripted = script[Math.min(number, script.length - 1)] as FakeOpenAIResponse;
        const completion = {
          id: `chatcmpl-fake-${number + 1}`,
          created: 1_700_000_000 + number,
          model: String(body.model),
        };
        if (scripted.type === 'error') {
          sendJson(response, scripted.status, {
            error: { message: scripted.message, type: 'server_error', code: null },
          });
        } else if (body.stream === true) {
          streamCompletion(response, completion, scripted, number, body.logprobs === true);
        } else {
          sendJson(response, 200, jsonCompletion(completion, scripted, number, body.logprobs === true));
        }
      }

      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}/v1`,
        requests,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.closeAllConnections();
            server.close((error) => (error ? reject(error) : resolve()));
          }),
      };
    },
  };
}

interface Completion {
  id: string;
  created: number;
  model: string;
}

type Scripted = Exclude<FakeOpenAIResponse, { type: 'error' }>;

function streamCompletion(
  response: ServerResponse,
  completion: Completion,
  scripted: Scripted,
  number: number,
  logprobs: boolean,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    response.write(
      `data: ${JSON.stringify({ ...completion, object: 'chat.completion.chunk', choices, ...extra })}\n\n`,
    );
  let completionTokens = 0;

  if (scripted.type === 'text') {
    send([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]);
    for (const piece of pieces(scripted.text, scripted.chunkSize ?? 8)) {
      completionTokens++;
      const tokenLogprobs =
        logprobs && scripted.logprob !== undefined
          ? { content: [{ token: piece, logprob: scripted.logprob, top_logprobs: [] }], refusal: null }
          : null;
      send([{ index: 0, delta: { content: piece }, logprobs: tokenLogprobs, finish_reason: null }]);
    }
    send([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
  } else {
    const argumentsText =
      typeof scripted.arguments === 'string' ? scripted.arguments : JSON.stringify(scripted.arguments);
    const id = scripted.id ?? `call_fake_${number + 1}`;
    send([
      {
        index: 0,
        delta: {
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id, type: 'function', function: { name: scripted.name, arguments: '' } }],
        },
        logprobs: null,
        finish_reason: null,
      },
    ]);
    for (const piece of pieces(argumentsText, scripted.chunkSize ?? 10)) {
      completionTokens++;
      send([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] },
          logprobs: null,
          finish_reason: null,
        },
      ]);
    }
    send([{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }]);
  }
  send([], { usage: usage(completionTokens) });
  response.end('data: [DONE]\n\n');
}

function jsonCompletion(completion: Completion, scripted: Scripted, number: number, logprobs: boolean): unknown {
  const message =
    scripted.type === 'text'
      ? { role: 'assistant', content: scripted.text, refusal: null }
      : {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: scripted.id ?? `call_fake_${number + 1}`,
              type: 'function',
              function: {
                name: scripted.name,
                arguments:
                  typeof scripted.arguments === 'string' ? scripted.arguments : JSON.stringify(scripted.arguments),
              },
            },
          ],
        };
  const tokenLogprobs =
    logprobs && scripted.type === 'text' && scripted.logprob !== undefined
      ? { content: [{ token: scripted.text, logprob: scripted.logprob, top_logprobs: [] }], refusal: null }
      : null;
  return {
    ...completion,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message,
        logprobs: tokenLogprobs,
        finish_reason: scripted.type === 'text' ? 'stop' : 'tool_calls',
      },
    ],
    usage: usage(scripted.type === 'text' ? Math.ceil(scripted.text.length / 4) : 20),
  };
}

function usage(completionTokens: number) {
  return { prompt_tokens: 42, completion_tokens: completionTokens, total_tokens: 42 + completionTokens };
}

function pieces(text: string, size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < text.length; start += size) result.push(text.slice(start, start + size));
  return result;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
