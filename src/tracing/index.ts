/**
 * Tracing: the `Tracer` interface the chat engine calls and the no-op tracer.
 *
 * The Langfuse tracer is in `handrail/langfuse` (`./langfuse.js`): nothing here imports it, not
 * even dynamically, so apps and Worker bundles that never trace neither load, bundle nor install
 * the Langfuse and OpenTelemetry packages (optional peer dependencies). Nor does anything exported
 * here name their types (the published `.d.ts` type-check without them).
 */
export type { Redact } from './redact.js';
export type { Tracer, TurnTrace } from './tracer.js';
export { noopTracer } from './tracer.js';
