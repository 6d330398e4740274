#!/usr/bin/env node
/**
 * The `handrail` command of the package: `npx handrail eval <dataset.jsonl>... [options]`.
 * Subcommands: `eval`, `export-cases`; others (`migrate`) take their place in `commands`.
 */
import { runEvalCommand, runExportCasesCommand } from '../evals/cli/index.js';

const commands: Record<string, { summary: string; run: (argv: string[]) => Promise<number> }> = {
  eval: {
    summary: 'measure escalation over labelled JSONL cases or a store export (see docs/evals.md)',
    run: (argv) => runEvalCommand(argv, { program: 'handrail eval' }),
  },
  'export-cases': {
    summary: "write agents' and reviewers' judgements as eval cases (JSONL) from a running Handrail",
    run: (argv) => runExportCasesCommand(argv, { program: 'handrail export-cases' }),
  },
};

const help = `Usage: handrail <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(13)} ${command.summary}`)
  .join('\n')}

Run \`handrail <command> --help\` for a command's options.`;

/** Runs the `handrail` command with `argv` (without node and script) and resolves to the exit code. */
async function runHandrailCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`handrail: unknown command ${JSON.stringify(name)}\n\n${help}\n`);
    return 2;
  }
  return command.run(rest);
}

runHandrailCommand(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
