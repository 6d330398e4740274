/**
 * Rebuilds `src/guard/model/intent-model.json`, the guard's learned escalation-intent model: two
 * logistic-regression heads over hashed word, word-pair and character 4-gram features
 * (`src/guard/model/intent-features.ts`), shipped as int8 weights.
 *
 * Data: the single-turn cases of ../shared/evaldata/all_dev.jsonl except CLINC150 (Bitext
 * CDLA-Sharing-1.0, Banking77 and NLU++ CC-BY-4.0; out of scope is the scope detector's job).
 * The project's own suites stay out: they are few and full of product words ("stove", "safe")
 * a bag-of-words model would learn as escalation cues, and they remain a test the model never
 * saw. No sentence is shipped, only the weights.
 *
 * The threshold is chosen on 5-fold cross-validation (folds by a hash of the case id), with the
 * model acting as the detector does (only when its second head says the matter is not a request
 * for a person, and never on a message the topic catalogue makes an exception for): the lowest
 * probability, from 0.8 up, at which the model alone wrongly escalates at most 0.2% of the
 * held-out ordinary messages. The model acts only when confident; negation and context stay with
 * the rule detectors. The script prints the cross-validated figures for every threshold tried. The script prints the cross-validated figures.
 *
 * Usage: npx tsx scripts/build-intent-model.ts [evaldata folder]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { highStakesProbability } from '../src/guard/detectors/learned-intent.js';
import { createGuard } from '../src/guard/guard.js';
import { intentFeatures } from '../src/guard/model/intent-features.js';
import { type IntentHeadData, type IntentModelData, loadIntentModel } from '../src/guard/model/intent-model.js';
import { fnv1a } from '../src/guard/text/fnv1a.js';

const bits = 14;
const folds = 5;
const maxFalseEscalation = 0.002;
const maxUnseenFalseEscalation = 0.005;
const lowestThreshold = 0.8;

interface Case {
  id: string;
  messages: { role: string; content: string }[];
  expect: 'escalate' | 'handle';
  reason: string;
  source?: string;
}
interface Example {
  id: string;
  text: string;
  escalate: boolean;
  explicit: boolean;
  features: number[];
}

const folder = resolve(process.argv[2] ?? resolve(process.cwd(), '../shared/evaldata'));
const readCases = (file: string): Case[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Case);
const cases = [
  ...readCases(resolve(folder, 'all_dev.jsonl')).filter((item) => !String(item.source).includes('clinc')),
].filter((item) => item.messages.length === 1 && item.messages[0]!.role === 'user' && item.reason !== 'out_of_scope');
const examples: Example[] = cases.map((item) => ({
  id: item.id,
  text: item.messages[0]!.content,
  escalate: item.expect === 'escalate',
  explicit: item.reason === 'explicit_request',
  features: intentFeatures(item.messages[0]!.content, bits),
}));

/** Logistic regression by SGD with balanced class weights, in a deterministic order; int8 weights. */
function trainHead(data: readonly Example[], label: (example: Example) => boolean): IntentHeadData {
  const weights = new Float64Array(1 << bits);
  let bias = 0;
  const positives = data.filter(label).length;
  const negatives = data.length - positives;
  const epochs = 30;
  const rate = 0.2;
  const l2 = 1e-4;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = data.map((example) => example).sort((a, b) => fnv1a(`${epoch}:${a.id}`) - fnv1a(`${epoch}:${b.id}`));
    for (const example of order) {
      let sum = bias;
      for (const feature of example.features) sum += weights[feature]!;
      const target = label(example) ? 1 : 0;
      const weight = target ? data.length / (2 * positives) : data.length / (2 * negatives);
      const gradient = (1 / (1 + Math.exp(-sum)) - target) * weight;
      const step = rate / Math.sqrt(example.features.length);
      for (const feature of example.features)
        weights[feature] = weights[feature]! - step * (gradient + l2 * weights[feature]!);
      bias -= rate * gradient * 0.1;
    }
  }
  let largest = 0;
  for (const value of weights) largest = Math.max(largest, Math.abs(value));
  const scale = largest / 127 || 1;
  const bytes = new Int8Array(weights.length);
  for (let index = 0; index < weights.length; index++) bytes[index] = Math.round(weights[index]! / scale);
  return { bias, scale, weights: Buffer.from(bytes.buffer).toString('base64') };
}

function trainModel(data: readonly Example[], threshold: number): IntentModelData {
  return {
    bits,
    threshold,
    heads: {
      escalate: trainHead(data, (example) => example.escalate),
      explicit: trainHead(
        data.filter((example) => example.escalate),
        (example) => example.explicit,
      ),
    },
  };
}

// Cross-validation: every case scored by a model that did not see it.
// The rule detectors alone: the shipped model (trained on every case) stays out of the baseline.
const rules = createGuard({ learnedIntent: false });
const rulesFire = new Map(
  examples.map((example) => [example.id, rules.check([{ role: 'user', content: example.text }], 'input').escalate]),
);
const heldOut = new Map<string, number>();
for (let fold = 0; fold < folds; fold++) {
  const model = loadIntentModel(
    trainModel(
      examples.filter((example) => fnv1a(example.id) % folds !== fold),
      0.5,
    ),
  );
  // What the detector acts on (it abstains on requests for a person and the catalogue's exceptions).
  for (const example of examples.filter((item) => fnv1a(item.id) % folds === fold)) {
    heldOut.set(example.id, highStakesProbability(model, example.text));
  }
}
const escalate = examples.filter((example) => example.escalate);
const handle = examples.filter((example) => !example.escalate);
const measure = (threshold: number) => {
  const fires = (example: Example) => heldOut.get(example.id)! >= threshold;
  return {
    threshold,
    modelRecall: escalate.filter(fires).length / escalate.length,
    modelFalseEscalation: handle.filter(fires).length / handle.length,
    combinedMissed: escalate.filter((example) => !rulesFire.get(example.id) && !fires(example)).length,
    combinedFalseEscalations: handle.filter((example) => rulesFire.get(example.id) || fires(example)).length,
  };
};
const grid = Array.from({ length: 10 }, (_, index) => Number((0.5 + index * 0.05).toFixed(2))).concat([
  0.97, 0.98, 0.99,
]);
const rows = grid.map(measure);
const rulesMissed = escalate.filter((example) => !rulesFire.get(example.id)).length;
const rulesFalse = handle.filter((example) => rulesFire.get(example.id)).length;
console.log(
  `${examples.length} single-turn cases (${escalate.length} escalate, ${handle.length} handle), ${folds}-fold cross-validation`,
);
console.log(`rules alone: missed ${rulesMissed}, false escalations ${rulesFalse}`);
for (const row of rows) {
  console.log(
    `threshold ${row.threshold.toFixed(2)}: model recall ${(row.modelRecall * 100).toFixed(1)}%, model false escalation ${(row.modelFalseEscalation * 100).toFixed(1)}%; with the rules missed ${row.combinedMissed}, false escalations ${row.combinedFalseEscalations}`,
  );
}
// CLINC150's in-scope questions: never trained on; the full model must leave them alone.
const fullModel = loadIntentModel(trainModel(examples, 0.5));
const unseenOrdinary = readCases(resolve(folder, 'clinc150.jsonl'))
  .filter((item) => item.expect === 'handle' && item.messages.length === 1)
  .map((item) => highStakesProbability(fullModel, item.messages[0]!.content));
const unseenFalseEscalation = (threshold: number) =>
  unseenOrdinary.filter((value) => value >= threshold).length / unseenOrdinary.length;
for (const row of rows) {
  console.log(
    `threshold ${row.threshold.toFixed(2)}: full model on ${unseenOrdinary.length} CLINC150 in-scope questions, false escalation ${(unseenFalseEscalation(row.threshold) * 100).toFixed(1)}%`,
  );
}
const chosen =
  rows.find(
    (row) =>
      row.threshold >= lowestThreshold &&
      row.modelFalseEscalation <= maxFalseEscalation &&
      unseenFalseEscalation(row.threshold) <= maxUnseenFalseEscalation,
  ) ?? rows.at(-1)!;
const threshold = chosen.threshold;
console.log(`chosen threshold ${threshold}: ${JSON.stringify(chosen)}`);

const output = resolve(process.cwd(), 'src/guard/model/intent-model.json');
writeFileSync(output, `${JSON.stringify(trainModel(examples, threshold))}\n`);
console.log(`wrote ${output}`);
