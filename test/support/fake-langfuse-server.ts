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
  /** The status the fake answered with. */
  status?: number;
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

/** One score accepted by the scores API (`POST /api/public/scores`). */
export interface ReceivedScore {
  id: string;
  traceId?: string;
  sessionId?: string;
  datasetRunId?: string;
  observationId?: string;
  name: string;
  value: number | string;
  dataType?: string;
  comment?: string;
  environment?: string;
  metadata?: unknown;
}

/** One event of an ingestion batch, as received. */
export interface ReceivedIngestionEvent {
  id: string;
  type: string;
  timestamp?: string;
  body: unknown;
}

/** One trace received as a `trace-create` ingestion event. */
export interface ReceivedTrace {
  id: string;
  timestamp?: string;
  name?: string;
  input?: unknown;
  output?: unknown;
  metadata?: unknown;
  tags?: string[];
  environment?: string;
}

/** A dataset as the fake keeps it (upserted by name). */
export interface StoredDataset {
  id: string;
  name: string;
  description?: string;
  metadata?: unknown;
}

/** A dataset item as the fake keeps it (upserted by id, unique across datasets). */
export interface StoredDatasetItem {
  id: string;
  datasetName: string;
  input?: unknown;
  expectedOutput?: unknown;
  metadata?: unknown;
}

/** A dataset run item as received. */
export interface StoredDatasetRunItem {
  id: string;
  runName: string;
  runDescription?: string;
  metadata?: unknown;
  datasetItemId: string;
  traceId?: string;
  observationId?: string;
}

/** A local stand-in for Langfuse's OTLP, scores, ingestion and dataset endpoints. */
export interface FakeLangfuseServer {
  /** `http://127.0.0.1:<port>`: pass as `baseUrl`. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /** Every request, in arrival order. */
  requests: ReceivedRequest[];
  /** Spans of every authorized OTLP export, decoded. */
  spans(): ReceivedSpan[];
  /** Scores accepted by `POST /api/public/scores`, latest per id, in the order of their last upsert. */
  scores(): ReceivedScore[];
  /** Events of every ingestion batch answered 207 (`POST /api/public/ingestion`), of any type, rejected ones included. */
  ingestionEvents(): ReceivedIngestionEvent[];
  /** Traces (`trace-create` events) of every ingestion batch answered 207. */
  traces(): ReceivedTrace[];
  /** Datasets upserted through `POST /api/public/v2/datasets` (or the older `/api/public/datasets`). */
  datasets(): StoredDataset[];
  /** Dataset items upserted through `POST /api/public/dataset-items`. */
  datasetItems(): StoredDatasetItem[];
  /** Dataset run items created through `POST /api/public/dataset-run-items`. */
  datasetRunItems(): StoredDatasetRunItem[];
  /** Answers the next `times` requests to `path` with `status` instead of handling them. */
  failNext(path: string, status: number, times?: number): void;
  /** When set, ingestion events it returns a message for are listed as errors in the 207 answer. */
  rejectEvent: ((event: { id: string; type: string; body: unknown }) => string | undefined) | undefined;
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

/**
 * Why Langfuse's `POST /api/public/scores` would answer 400 to `body`, or undefined when it is a
 * valid score (`CreateScoreRequest` of the public API): a name, a value of the data type's kind
 * (`dataType` defaults to `NUMERIC`), exactly one target (a trace, with an optional observation;
 * a session; or a dataset run), an optional string id, and an environment, when given, that is
 * lowercase alphanumeric with hyphens and underscores and does not start with `langfuse`.
 */
export function scoreRejection(body: unknown): string | undefined {
  const score = (body ?? {}) as Partial<Record<keyof ReceivedScore, unknown>>;
  if (typeof score.name !== 'string' || score.name === '') return 'name is required';
  if (typeof score.value !== 'number' && typeof score.value !== 'string') return 'value is required';
  if (score.id !== undefined && typeof score.id !== 'string') return 'id must be a string';
  const targets = [score.traceId, score.sessionId, score.datasetRunId].filter((target) => !!target);
  if (targets.length !== 1 || (score.observationId && !score.traceId))
    return 'Provide exactly one of the following: traceId (with optional observationId), sessionId or datasetRunId. ObservationId requires traceId.';
  const { environment } = score;
  if (environment !== undefined && (typeof environment !== 'string' || !/^(?!langfuse)[a-z0-9_-]+$/.test(environment)))
    return `invalid environment ${String(environment)}`;
  const { dataType = 'NUMERIC', value } = score;
  if (!['BOOLEAN', 'NUMERIC', 'CATEGORICAL', 'TEXT', 'CORRECTION'].includes(String(dataType)))
    return `unknown dataType ${String(dataType)}`;
  if (dataType === 'BOOLEAN' && value !== 0 && value !== 1) return 'a BOOLEAN score is 0 or 1';
  if (dataType === 'NUMERIC' && typeof value !== 'number') return 'a NUMERIC score is a number';
  if (dataType === 'CATEGORICAL' && typeof value !== 'string') return 'a CATEGORICAL score is a string';
  if (dataType === 'TEXT' && (typeof value !== 'string' || value.length < 1 || value.length > 500))
    return 'a TEXT score is a string of 1 to 500 characters';
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a fake Langfuse on 127.0.0.1 and a random port. It accepts
 * `POST /api/public/otel/v1/traces` (OTLP/JSON only: protobuf gets 415),
 * `POST /api/public/scores` (one score per request, validated as Langfuse does, upserted by id:
 * 400 for an invalid one), `POST /api/public/ingestion` (batches of events of any type, each
accepted unless `rejectEvent` says otherwise, answered 207), the dataset endpoints
 * (`POST /api/public/v2/datasets`, `/api/public/dataset-items`, `/api/public/dataset-run-items`,
 * kept in memory), checks Basic auth (401 when wrong) and records every request. Close it after
 * the test.
 */
export async function startFakeLangfuseServer(
  options: { publicKey?: string; secretKey?: string } = {},
): Promise<FakeLangfuseServer> {
  const { publicKey = 'pk-lf-test', secretKey = 'sk-lf-test' } = options;
  const expectedAuthorization = `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`;
  const requests: ReceivedRequest[] = [];
  const datasets = new Map<string, StoredDataset>();
  const datasetItems = new Map<string, StoredDatasetItem>();
  const datasetRunItems: StoredDatasetRunItem[] = [];
  const scores = new Map<string, ReceivedScore>();
  const failures = new Map<string, { status: number; times: number }>();
  const control: Pick<FakeLangfuseServer, 'rejectEvent'> = { rejectEvent: undefined };

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
      const received: ReceivedRequest = {
        method: request.method ?? '',
        path,
        contentType,
        authorized,
        headers: request.headers,
        body,
      };
      requests.push(received);
      const reply = (status: number, payload: unknown) => {
        received.status = status;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (!authorized) return reply(401, { message: 'Invalid credentials' });
      const failure = failures.get(path);
      if (failure && failure.times > 0) {
        failure.times--;
        return reply(failure.status, { message: `injected failure ${failure.status}` });
      }
      if (request.method === 'POST' && path === '/api/public/otel/v1/traces') {
        if (!contentType?.includes('application/json'))
          return reply(415, { message: 'only OTLP/JSON is decoded here' });
        return reply(200, {});
      }
      if (request.method === 'POST' && path === '/api/public/scores') {
        if (!contentType?.includes('application/json')) return reply(400, { message: 'expected a JSON body' });
        const message = scoreRejection(body);
        if (message) return reply(400, { message });
        const score = body as ReceivedScore;
        const id = typeof score.id === 'string' && score.id !== '' ? score.id : `score-${scores.size + 1}`;
        scores.delete(id); // an upsert moves the score to the end, as the latest
        scores.set(id, { ...score, id });
        return reply(200, { id });
      }
      if (request.method === 'POST' && path === '/api/public/ingestion') {
        const batch = (body as { batch?: Array<{ id: string; type: string; body: unknown }> }).batch ?? [];
        const successes: Array<{ id: string; status: number }> = [];
        const errors: Array<{ id: string; status: number; message: string }> = [];
        for (const event of batch) {
          const message = control.rejectEvent?.(event);
          if (message === undefined) successes.push({ id: event.id, status: 201 });
          else errors.push({ id: event.id, status: 400, message });
        }
        return reply(207, { successes, errors });
      }
      if (request.method === 'POST' && (path === '/api/public/v2/datasets' || path === '/api/public/datasets')) {
        const { name, description, metadata } = (body ?? {}) as Partial<StoredDataset>;
        if (typeof name !== 'string' || name === '') return reply(400, { message: 'name is required' });
        const previous = datasets.get(name);
        const dataset: StoredDataset = {
          id: previous?.id ?? `dataset-${datasets.size + 1}`,
          name,
          ...(description === undefined ? {} : { description }),
          ...(metadata === undefined ? {} : { metadata }),
        };
        datasets.set(name, dataset);
        return reply(200, dataset);
      }
      if (request.method === 'POST' && path === '/api/public/dataset-items') {
        const item = (body ?? {}) as Partial<StoredDatasetItem>;
        if (typeof item.datasetName !== 'string' || !datasets.has(item.datasetName))
          return reply(404, { message: `dataset ${String(item.datasetName)} not found` });
        const id = typeof item.id === 'string' ? item.id : `item-${datasetItems.size + 1}`;
        const existing = datasetItems.get(id);
        // Langfuse: item ids are unique per project and cannot move to another dataset.
        if (existing && existing.datasetName !== item.datasetName)
          return reply(409, { message: `dataset item ${id} already exists in dataset ${existing.datasetName}` });
        const stored: StoredDatasetItem = { ...item, id, datasetName: item.datasetName };
        datasetItems.set(id, stored);
        return reply(200, { ...stored, status: 'ACTIVE' });
      }
      if (request.method === 'POST' && path === '/api/public/dataset-run-items') {
        const runItem = (body ?? {}) as Partial<StoredDatasetRunItem>;
        if (typeof runItem.runName !== 'string' || typeof runItem.datasetItemId !== 'string')
          return reply(400, { message: 'runName and datasetItemId are required' });
        if (!datasetItems.has(runItem.datasetItemId))
          return reply(404, { message: `dataset item ${runItem.datasetItemId} not found` });
        const stored = { ...runItem, id: `run-item-${datasetRunItems.length + 1}` } as StoredDatasetRunItem;
        datasetRunItems.push(stored);
        return reply(200, { ...stored, datasetRunName: stored.runName });
      }
      return reply(404, { message: 'not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const ingestionEvents = () =>
    requests
      .filter((request) => request.path === '/api/public/ingestion' && request.status === 207)
      .flatMap((request) => (request.body as { batch?: ReceivedIngestionEvent[] }).batch ?? []);

  return {
    get rejectEvent() {
      return control.rejectEvent;
    },
    set rejectEvent(value) {
      control.rejectEvent = value;
    },
    baseUrl: `http://127.0.0.1:${port}`,
    publicKey,
    secretKey,
    requests,
    spans: () =>
      requests
        .filter((request) => request.authorized && request.path === '/api/public/otel/v1/traces')
        .flatMap((request) => decodeOtlpJson(request.body)),
    scores: () => [...scores.values()],
    ingestionEvents,
    traces: () =>
      ingestionEvents()
        .filter((event) => event.type === 'trace-create')
        .map((event) => event.body as ReceivedTrace),
    datasets: () => [...datasets.values()],
    datasetItems: () => [...datasetItems.values()],
    datasetRunItems: () => [...datasetRunItems],
    failNext: (path, status, times = 1) => {
      failures.set(path, { status, times });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
