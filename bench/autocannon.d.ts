// Types for the parts of autocannon's programmatic API the benchmark uses (the package ships none).
declare module 'autocannon' {
  /** Percentiles of one statistic (hdr-histogram-percentiles-obj). */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  /** One request of a sequence. */
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  /** Options of a run. */
  export interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    workers?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    idReplacement?: boolean;
    requests?: AutocannonRequest[];
    title?: string;
  }

  /** The result of a run. */
  export interface AutocannonResult {
    title?: string;
    requests: Histogram & { sent: number };
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }

  /** Runs a load test; resolves with its result. */
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
