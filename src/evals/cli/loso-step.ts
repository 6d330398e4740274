import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  formatDatasetIssue,
  type LosoManifest,
  type LosoSource,
  leaveOneSourceOut,
  loadDataset,
  loadScope,
  losoManifestSchema,
  renderLosoText,
} from '../index.js';
import { UsageError } from './cli-errors.js';
import { writeOutput } from './cli-output.js';
import { evalExitCodes } from './eval-arguments.js';

/** `--loso`: every source of the manifest held out in turn; sources whose files are absent are skipped, said so. */
export async function runLoso(
  manifestFile: string,
  gates: { minRecall: number | undefined; maxFalseEscalation: number | undefined; json: string | undefined },
): Promise<number> {
  let manifest: LosoManifest;
  try {
    manifest = losoManifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')));
  } catch (error) {
    throw new UsageError(`${manifestFile}: not a leave-one-source-out manifest: ${(error as Error).message}`);
  }
  const root = resolve(dirname(manifestFile), '..');
  const sources: LosoSource[] = [];
  for (const entry of manifest.sources) {
    const files = entry.files.map((file) => resolve(root, file));
    const missing = [...files, ...(entry.scope ? [resolve(root, entry.scope)] : [])].filter(
      (file) => !existsSync(file),
    );
    if (missing.length > 0) {
      process.stderr.write(`loso: skipped source ${entry.name}: ${missing.join(', ')} not found\n`);
      continue;
    }
    const { cases, issues } = await loadDataset(files);
    for (const issue of issues) process.stderr.write(`warning: skipped ${formatDatasetIssue(issue)}\n`);
    const scope = entry.scope
      ? (await loadScope([resolve(root, entry.scope)])).utterances.map((item) => item.text)
      : undefined;
    sources.push({ name: entry.name, cases, ...(scope ? { scope } : {}) });
  }
  if (sources.length < 2) throw new UsageError('leave-one-source-out needs at least two sources whose files exist');
  const { createGuard } = await import('../../guard/index.js');
  const rows = await leaveOneSourceOut(
    sources,
    ({ model, scope }) =>
      createGuard({ learnedIntent: { model }, ...(scope ? { scope: { utterances: [...scope] } } : {}) }),
    (row) => process.stderr.write(`loso: ${row.source} done\n`),
  );
  process.stdout.write(`${renderLosoText(rows)}\n`);
  if (gates.json) {
    const summary = rows.map((row) => ({
      source: row.source,
      threshold: row.threshold,
      trainingExamples: row.trainingExamples,
      falseNonEscalationRate: row.report.falseNonEscalationRate,
      falseEscalationRate: row.report.falseEscalationRate,
      misses: row.report.misses,
      falseEscalations: row.report.falseEscalations,
    }));
    await writeOutput(gates.json, `${JSON.stringify({ rows: summary }, null, 2)}\n`);
  }
  let exitCode: number = evalExitCodes.ok;
  for (const row of rows) {
    const recall = row.report.recall.rate;
    const wrong = row.report.falseEscalationRate.rate;
    if (gates.minRecall !== undefined && recall !== null && recall < gates.minRecall) {
      process.stderr.write(
        `eval: ${row.source}: recall ${recall.toFixed(4)} is under --fail-under-recall ${gates.minRecall}\n`,
      );
      exitCode = evalExitCodes.thresholdFailed;
    }
    if (gates.maxFalseEscalation !== undefined && wrong !== null && wrong > gates.maxFalseEscalation) {
      process.stderr.write(
        `eval: ${row.source}: false escalation rate ${wrong.toFixed(4)} is above --max-false-escalation ${gates.maxFalseEscalation}\n`,
      );
      exitCode = evalExitCodes.thresholdFailed;
    }
  }
  return exitCode;
}
