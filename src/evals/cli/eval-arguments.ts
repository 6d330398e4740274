import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors.js';

/** Exit codes of the eval command. */
export const evalExitCodes = { ok: 0, thresholdFailed: 1, usage: 2, runError: 3, newMisses: 4 } as const;

/** The help text of the eval command, run as `program` (`npx handrail eval`, `npm run eval --`). */
export function evalUsage(program: string): string {
  return `Usage: ${program} <dataset.jsonl>... [options]
       ${program} --loso [--loso-manifest <file.json>] [--fail-under-recall R] [--max-false-escalation F]

  --scope <file.jsonl>         in-scope utterances ({text,intent} per line); repeatable
  --guard-only                 run the guard alone instead of the full chat pipeline
  --model offline|openai       model of the full pipeline (default offline)
  --concurrency <N>            cases run at once (default 4)
  --json <file>                write the JSON report (with every case's outcome, for --compare)
  --html <file>                write the self-contained HTML report
  --junit <file>               write JUnit XML (one testcase per case)
  --fail-under-recall <R>      exit 1 when recall on escalate cases is below R (0..1)
  --max-false-escalation <F>   exit 1 when the false escalation rate is above F (0..1)
  --compare <baseline.json>    compare with a previous --json report: cases newly missed, newly
                               escalated and fixed, in every report; exit 4 on a new miss
  --curve                      sweep the guard's thresholds (guard alone) and plot missed vs false
                               escalation per threshold in the HTML report
  --target-false-escalation <F>  print thresholds that bring the false escalation rate to at most F
                               (0..1) on these cases, and the options to use them (implies --curve)
  --strict                     fail (exit 2) on any invalid dataset line instead of skipping it
  --replay <export.json>       run the guard over a store export; list conversations never
                               handed off that should have been
  --guard-module <file>        module exporting createGuard() to evaluate instead of the built-in guard
  --loso                       leave one source out: for each source of the manifest, train the
                               guard's learned model on the others and measure the guard alone
                               on it; the thresholds apply to every source
  --loso-manifest <file.json>  the sources (default evals/loso-sources.json of a checkout)
  --langfuse-dataset <name>    record the run in Langfuse as a run of this dataset (needs
                               LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY; LANGFUSE_BASE_URL)
  --langfuse-run <name>        name of the Langfuse dataset run (default eval-<ISO time>)
  --langfuse-required          exit 3 when the run could not be recorded in Langfuse
  --help                       show this help

Exit codes: 0 ok, 1 threshold not met, 2 usage/input error, 3 run error,
4 thresholds met but a case missed that the --compare baseline escalated.`;
}

/** Parses the eval command's arguments (node:util parseArgs, strict). */
export function parseEvalArguments(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      scope: { type: 'string', multiple: true },
      'guard-only': { type: 'boolean' },
      model: { type: 'string' },
      concurrency: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      junit: { type: 'string' },
      'fail-under-recall': { type: 'string' },
      'max-false-escalation': { type: 'string' },
      compare: { type: 'string' },
      curve: { type: 'boolean' },
      'target-false-escalation': { type: 'string' },
      strict: { type: 'boolean' },
      replay: { type: 'string' },
      'guard-module': { type: 'string' },
      loso: { type: 'boolean' },
      'loso-manifest': { type: 'string' },
      'langfuse-dataset': { type: 'string' },
      'langfuse-run': { type: 'string' },
      'langfuse-required': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** The parsed options of the eval command. */
export type EvalValues = ReturnType<typeof parseEvalArguments>['values'];

/** A `0..1` option value, or undefined when absent; a usage error otherwise. */
export function parseFraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--${name} must be a number in 0..1 (got ${JSON.stringify(value)})`);
  }
  return number;
}
