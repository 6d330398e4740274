import { parseArgs } from 'node:util';
import { writeOutput } from './cli-output.js';

/** Options of {@link runExportCasesCommand}. */
export interface ExportCasesCommandOptions {
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Where the token comes from without `--token`. @default process.env */
  env?: Record<string, string | undefined>;
  /** @default 'handrail export-cases' */
  program?: string;
}

/** The help text of the export-cases command. */
export function exportCasesUsage(program: string): string {
  return `Usage: ${program} --url <handrail base url> [--token <agent token>] [--out <cases.jsonl>]

  --url <url>      where Handrail is mounted, e.g. https://support.example.com/api
  --token <token>  an agent token (default: HANDRAIL_AGENT_TOKEN); an agent of some teams gets
                   their handoffs only, reviews need an agent who sees every team or a reviewer
  --out <file>     write the cases there (default: stdout)
  --help           show this help

Writes the judged conversations (agents' handoff judgements and reviewers' verdicts) as eval
cases, PII redacted, for \`handrail eval <cases.jsonl> --guard-only\`. Exit codes: 0 ok, 2 usage, 3 the
server refused or could not be reached.`;
}

/**
 * `handrail export-cases`: fetches `GET {url}/agent/cases.jsonl` with an agent token and writes
 * the cases to a file or stdout. Resolves to the exit code.
 */
export async function runExportCasesCommand(argv: string[], options: ExportCasesCommandOptions = {}): Promise<number> {
  const { fetch = globalThis.fetch, env = process.env, program = 'handrail export-cases' } = options;
  const usage = exportCasesUsage(program);
  let values: { url?: string; token?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`export-cases: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const token = values.token ?? env.HANDRAIL_AGENT_TOKEN;
  if (!values.url || !token || !/^https?:\/\//.test(values.url)) {
    process.stderr.write(
      `export-cases: give --url (http or https) and --token (or HANDRAIL_AGENT_TOKEN)\n\n${usage}\n`,
    );
    return 2;
  }
  const endpoint = `${values.url.replace(/\/+$/, '')}/agent/cases.jsonl`;
  let response: Response;
  try {
    response = await fetch(endpoint, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    process.stderr.write(`export-cases: could not reach ${endpoint}: ${(error as Error).message}\n`);
    return 3;
  }
  const body = await response.text();
  if (!response.ok) {
    process.stderr.write(`export-cases: ${endpoint} answered ${response.status}: ${body.slice(0, 300)}\n`);
    return 3;
  }
  if (values.out) await writeOutput(values.out, body);
  else process.stdout.write(body);
  const skipped = Number(response.headers.get('x-handrail-skipped') ?? 0);
  process.stderr.write(
    `export-cases: ${response.headers.get('x-handrail-cases') ?? '?'} cases${skipped ? `, ${skipped} judgements skipped (no case reason)` : ''}${values.out ? ` written to ${values.out}` : ''}\n`,
  );
  return 0;
}
