import type { LanguageModel } from 'ai';
import type { Hono } from 'hono';
import { createBareApp, createHandrailApp, startBenchServer } from './bench-apps.js';
import { benchQuestions, chatBody } from './overhead.js';
import { timeToFirstTextDelta } from './read-sse.js';
import { median, percentile } from './stats.js';

/** Time to the first `text-delta` event of one configuration, in milliseconds. */
export interface FirstTokenRow {
  name: 'bare' | 'handrail-stream' | 'handrail-hold';
  p50Ms: number;
  p90Ms: number;
  samples: number;
}

/** Result of {@link measureFirstToken}. */
export interface FirstTokenResult {
  /** Delay of the model before each stream part, in milliseconds. */
  chunkDelayMs: number;
  rows: FirstTokenRow[];
  /**
   * p50 added by Handrail with `holdOutput: false`: everything before the model's first token
   * (body checks, rate limits, store write, input guard, stream plumbing).
   */
  addedStreamingMsP50: number;
  /** p50 added by Handrail with `holdOutput: true` (the above plus holding the answer for the output guard). */
  addedHoldingMsP50: number;
  /** What holding alone adds: `holdOutput: true` minus `holdOutput: false`. */
  holdingAloneMsP50: number;
}

/**
 * Measures time to first token, one request at a time, interleaving the bare route and Handrail
 * with `holdOutput` off and on, all with a model that waits `chunkDelayMs` before each part.
 */
export async function measureFirstToken({
  model,
  scope,
  samples = 30,
  chunkDelayMs,
}: {
  model: LanguageModel;
  scope?: string[];
  samples?: number;
  chunkDelayMs: number;
}): Promise<FirstTokenResult> {
  const apps: Record<FirstTokenRow['name'], Hono> = {
    bare: createBareApp(model),
    'handrail-stream': createHandrailApp({ model, holdOutput: false, ...(scope ? { scope } : {}) }),
    'handrail-hold': createHandrailApp({ model, holdOutput: true, ...(scope ? { scope } : {}) }),
  };
  const names = Object.keys(apps) as FirstTokenRow['name'][];
  const times: Record<FirstTokenRow['name'], number[]> = { bare: [], 'handrail-stream': [], 'handrail-hold': [] };
  const server = await startBenchServer(apps.bare);
  try {
    const warmup = 3;
    for (let index = 0; index < samples + warmup; index++) {
      for (const name of names) {
        server.use(apps[name]);
        const started = performance.now();
        const response = await fetch(`${server.url}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: chatBody(benchQuestions[index % benchQuestions.length]!, `ttft-${name}-${index}`),
        });
        const elapsed = await timeToFirstTextDelta(response, started);
        if (elapsed === null) throw new Error(`${name}: no text-delta in the answer`);
        if (index >= warmup) times[name].push(elapsed);
      }
    }
  } finally {
    await server.close();
  }
  const rows = names.map((name) => ({
    name,
    p50Ms: median(times[name]),
    p90Ms: percentile(times[name], 0.9),
    samples: times[name].length,
  }));
  const p50 = (name: FirstTokenRow['name']) => rows.find((row) => row.name === name)!.p50Ms;
  return {
    chunkDelayMs,
    rows,
    addedStreamingMsP50: p50('handrail-stream') - p50('bare'),
    addedHoldingMsP50: p50('handrail-hold') - p50('bare'),
    holdingAloneMsP50: p50('handrail-hold') - p50('handrail-stream'),
  };
}
