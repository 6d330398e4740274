import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP request the fake Langfuse received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  /** True when the Basic credentials were the expected public and secret key. */
  authorized: boolean;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

/** An OTLP attribute value decoded to plain JavaScript. */
export type DecodedValue = string | number | boolean | null | DecodedValue[] | { [key: string]: DecodedValue };

/** One exported span, decoded from OTLP/JSON. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  scope: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Record<string, DecodedValue>;
  resource: Record<string, DecodedValue>;
  events: Array<{ name: string; attributes: Record<string, DecodedValue> }>;
}

/** One score received through the ingestion API. */
export interface ReceivedScore {
  id: string;
  traceId: string;
  sessionId?: string;
  name: string;
  value: number | string;
  dataType?: string;
  comment?: string;
  environment?: string;
}

/** A local stand-in for Langfuse's OTLP and ingestion endpoints. */
export interface FakeLangfuseServer {
  /** `http://127.0.0.1:<port>`: pass as `baseUrl`. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /** Every request, in arrival order. */
  requests: ReceivedRequest[];
  /** Spans of every authorized OTLP export, decoded. */
  spans(): ReceivedSpan[];
  /** Scores of every authorized ingestion batch. */
  scores(): ReceivedScore[];
  close(): Promise<void>;
}

type OtlpValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
  kvlistValue?: { values?: Array<{ key: string; value: OtlpValue }> };
};
type OtlpAttributes = Array<{ key: string; value: OtlpValue }> | undefined;

function decodeValue(value: OtlpValue): DecodedValue {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(decodeValue);
  if (value.kvlistValue) return decodeAttributes(value.kvlistValue.values);
  return null;
}

function decodeAttributes(attributes: OtlpAttributes): Record<string, DecodedValue> {
  const result: Record<string, DecodedValue> = {};
  for (const { key, value } of attributes ?? []) result[key] = decodeValue(value);
  return result;
}

interface OtlpRequestBody {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttributes };
    scopeSpans?: Array<{
      scope?: { name?: string };
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        startTimeUnixNano: string;
        endTimeUnixNano: string;
        attributes?: OtlpAttributes;
        events?: Array<{ name: string; attributes?: OtlpAttributes }>;
      }>;
    }>;
  }>;
}

/** Decodes an OTLP/JSON `ExportTraceServiceRequest` into flat spans. */
export function decodeOtlpJson(body: unknown): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpan of (body as OtlpRequestBody).resourceSpans ?? []) {
    const resource = decodeAttributes(resourceSpan.resource?.attributes);
    for (const scopeSpan of resourceSpan.scopeSpans ?? []) {
      for (const span of scopeSpan.spans ?? []) {
        spans.push({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          scope: scopeSpan.scope?.name ?? '',
          startTimeUnixNano: span.startTimeUnixNano,
          endTimeUnixNano: span.endTimeUnixNano,
          attributes: decodeAttributes(span.attributes),
          resource,
          events: (span.events ?? []).map((event) => ({
            name: event.name,
            attributes: decodeAttributes(event.attributes),
          })),
        });
      }
    }
  }
  return spans;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a fake Langfuse on 127.0.0.1 and a random port. It accepts
 * `POST /api/public/otel/v1/traces` (OTLP/JSON only: protobuf gets 415) and
 * `POST /api/public/ingestion` (score batches), checks Basic auth (401 when wrong) and records
 * every request. Close it after the test.
 */
export async function startFakeLangfuseServer(
  options: { publicKey?: string; secretKey?: string } = {},
): Promise<FakeLangfuseServer> {
  const { publicKey = 'pk-lf-test', secretKey = 'sk-lf-test' } = options;
  const expectedAuthorization = `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`;
  const requests: ReceivedRequest[] = [];

  const server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      const contentType = request.headers['content-type'];
      let body: unknown = text;
      if (contentType?.includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const authorized = request.headers.authorization === expectedAuthorization;
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ method: request.method ?? '', path, contentType, authorized, headers: request.headers, body });
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (!authorized) return reply(401, { message: 'Invalid credentials' });
      if (request.method === 'POST' && path === '/api/public/otel/v1/traces') {
        if (!contentType?.includes('application/json'))
          return reply(415, { message: 'only OTLP/JSON is decoded here' });
        return reply(200, {});
      }
      if (request.method === 'POST' && path === '/api/public/ingestion') {
        const batch = (body as { batch?: Array<{ id: string }> }).batch ?? [];
        return reply(207, { successes: batch.map((event) => ({ id: event.id, status: 201 })), errors: [] });
      }
      return reply(404, { message: 'not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    publicKey,
    secretKey,
    requests,
    spans: () =>
      requests
        .filter((request) => request.authorized && request.path === '/api/public/otel/v1/traces')
        .flatMap((request) => decodeOtlpJson(request.body)),
    scores: () =>
      requests
        .filter((request) => request.authorized && request.path === '/api/public/ingestion')
        .flatMap((request) => (request.body as { batch?: Array<{ type: string; body: ReceivedScore }> }).batch ?? [])
        .filter((event) => event.type === 'score-create')
        .map((event) => event.body),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
