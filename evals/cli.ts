/**
 * The eval CLI of a checkout: `npm run eval -- <dataset.jsonl>... [options]`. See docs/evals.md.
 * The command itself is `src/evals/cli` (shipped as `npx handrail eval`); this wrapper adds what
 * only the repository has: the demo app for the full pipeline and the default `--loso` manifest.
 *
 * Exit codes: 0 all thresholds met; 1 a threshold not met; 2 usage or input error (bad
 * option, unreadable file, invalid line with --strict, nothing to run); 3 run error (the
 * guard or pipeline could not be loaded, or a case failed to run); 4 thresholds met but a case
 * the --compare baseline escalated was missed.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalExitCodes, type PipelineFactory, runEvalCommand } from '../src/evals/cli/index.js';
import { createPipelineRunner } from '../src/evals/index.js';
import { createMemoryStore } from '../src/store/index.js';

/** Exit codes of the CLI. */
export const exitCodes = evalExitCodes;

/** The full pipeline as the demo serves it (prompt variables, teams, guard options), with the store scope when given. */
const demoPipeline: PipelineFactory = async ({ model, scopeUtterances }) => {
  const { handrail } = await import('../src/handrail.js');
  const demo = await import('../src/demo/demo-app.js');
  // The demo's model: offline unless a key or base URL is set; --model offline ignores them.
  const resolved = demo.createDemoModel(model === 'openai' ? process.env : {});
  if (resolved.kind !== model) throw new Error('set OPENAI_API_KEY (or OPENAI_BASE_URL) to use --model openai');
  const demoOptions = demo.demoHandrailOptions(process.env, scopeUtterances ? { scopeUtterances } : {});
  return createPipelineRunner({
    createApp: () =>
      handrail({
        ...demoOptions,
        model: resolved.model,
        store: createMemoryStore(),
        conversationAuth: 'none',
        // Node has no execution context: background work (notifications) runs detached.
        waitUntil: (promise: Promise<unknown>) => {
          promise.catch(() => {});
        },
      }),
  });
};

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runEvalCommand(argv, {
    program: 'npm run eval --',
    defaultLosoManifest: fileURLToPath(new URL('./loso-sources.json', import.meta.url)),
    pipeline: demoPipeline,
  });
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
