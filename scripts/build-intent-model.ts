/**
 * Rebuilds `src/guard/model/intent-model.json`, the guard's learned escalation-intent model: two
 * logistic-regression heads over hashed word, word-pair and character 4-gram features of the
 * normalised text (`src/guard/model/intent-features.ts`; character n-grams carry across
 * languages and spellings), shipped as int8 weights. No sentence is shipped.
 *
 * Data: every source of the leave-one-source-out manifest (`evals/loso-sources.json`: the case
 * files of ../shared/evaldata, with their licences as its README says, and the project's suites)
 * through `intentExamples`: the last user message of each escalation whose reason lies in the
 * message, and every user message of the conversations the bot keeps. The threshold is the lowest
 * of the grid at which the model alone escalates at most 0.2% of ordinary messages on 5-fold
 * cross-validation (`chooseIntentThreshold`). `npm run eval -- --loso` measures the same training
 * with each source held out in turn.
 *
 * Usage: npx tsx scripts/build-intent-model.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalCaseSchema } from '../src/evals/eval-case.js';
import { losoManifestSchema } from '../src/evals/leave-one-source-out.js';
import { parseJsonLines } from '../src/evals/load-dataset.js';
import { intentExamples, trainIntentModel } from '../src/guard/model/train-intent-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = losoManifestSchema.parse(JSON.parse(readFileSync(resolve(root, 'evals/loso-sources.json'), 'utf8')));
const files = manifest.sources.flatMap((source) => source.files).map((file) => resolve(root, file));
const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`missing training files (is ../shared/evaldata beside the checkout?):\n  ${missing.join('\n  ')}`);
  process.exit(2);
}
const cases = files.flatMap((file) => {
  const parsed = parseJsonLines(readFileSync(file, 'utf8'), file, evalCaseSchema);
  if (parsed.issues.length > 0) throw new Error(`${file}: ${parsed.issues.length} invalid lines`);
  return parsed.records.map((record) => record.value);
});
const examples = intentExamples(cases);
const escalate = examples.filter((example) => example.escalate).length;
console.log(`${cases.length} cases from ${files.length} files: ${examples.length} messages (${escalate} escalate)`);
const model = trainIntentModel(examples);
console.log(`threshold ${model.threshold} (cross-validated)`);
const output = resolve(root, 'src/guard/model/intent-model.json');
writeFileSync(output, `${JSON.stringify(model)}\n`);
console.log(`wrote ${output}`);
