// The `handrail/langfuse` entry (src/tracing/langfuse.ts) is the only one whose module graph, dynamic
// imports included, reaches Langfuse or OpenTelemetry: bundled with esbuild (as wrangler does), the
// `handrail` and `handrail/worker` entries must not even resolve those packages.
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));

/** The source files and the external packages esbuild reaches from `entry` (static and dynamic imports). */
async function graphOf(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const { metafile } = await build({
    entryPoints: [`${srcRoot}${entry}`],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    external: ['cloudflare:*'],
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const files = Object.keys(inputs).map((file) => file.replace(/^.*?src\//, ''));
  const packages = Object.values(inputs)
    .flatMap((input) => input.imports)
    .filter((record) => record.external)
    .map((record) => record.path);
  return { files, packages: [...new Set(packages)] };
}

const tracerModules =
  /^tracing\/(langfuse-|load-langfuse|tracer-from-env|ai-sdk-telemetry|fetch-span-exporter|otlp-json)/;
const tracerPackages = /^@(langfuse|opentelemetry)\//;

describe('the handrail/langfuse entry point', () => {
  it.each(['index.ts', 'worker/index.ts'])(
    '%s reaches no Langfuse code and no OpenTelemetry package',
    async (entry) => {
      const { files, packages } = await graphOf(entry);
      expect(files).toContain(entry);
      expect(files.filter((file) => tracerModules.test(file))).toEqual([]);
      expect(packages.filter((name) => tracerPackages.test(name))).toEqual([]);
    },
  );

  it('reaches the Langfuse tracer and its optional peers, only through a dynamic import', async () => {
    const { files, packages } = await graphOf('tracing/langfuse.ts');
    expect(files).toEqual(expect.arrayContaining(['tracing/langfuse-tracer.ts', 'tracing/otlp-json.ts']));
    expect(packages).toEqual(
      expect.arrayContaining(['@langfuse/otel', '@opentelemetry/otlp-transformer', '@opentelemetry/sdk-trace-base']),
    );
    const entry = await import('../../src/tracing/langfuse.js');
    expect(Object.keys(entry).sort()).toEqual(['createTracerFromEnv', 'langfuseTracerPackages', 'loadLangfuseTracer']);
  });
});
