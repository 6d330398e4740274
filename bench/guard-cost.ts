/**
 * `npm exec -- tsx bench/guard-cost.ts [--quick] [--json]`: only the guard-cost sections of
 * `npm run bench` (guard per turn in growing conversations with new texts, the turns after an
 * 8,000-character message, the slowest adversarial text per guard pattern), with the same
 * settings, for checking a guard change without the whole run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGuard } from '../src/guard/index.js';
import { measureAdversarial } from './adversarial.js';
import { parseBenchArgs } from './bench-settings.js';
import { measureGuardTurns } from './guard-turns.js';
import { measureLongMessage } from './long-message.js';
import { questionGroups } from './new-texts.js';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const settings = parseBenchArgs(process.argv.slice(2).filter((arg) => arg !== '--json'));
const scopeLines = readFileSync(resolve(root, '../shared/evaldata/clinc150_scope.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { text: string; intent: string });
const scope = scopeLines.map((line) => line.text);
const scopeGuard = createGuard({ scope: { utterances: scope } });
const groups = questionGroups(scopeGuard, scopeLines);

const guardTurns = measureGuardTurns(createGuard({ scope: { utterances: scope } }), groups, settings.guardTurns);
const longMessage = measureLongMessage(createGuard({ scope: { utterances: scope } }), groups, settings.longMessage);
const adversarial = measureAdversarial(scopeGuard);

if (json) {
  console.log(JSON.stringify({ guardTurns, longMessage, adversarial }, null, 2));
} else {
  const ms = (value: number) => value.toFixed(2);
  for (const point of guardTurns.points) {
    console.log(`guard per turn at ${point.turns} turns: p50 ${ms(point.p50Ms)} ms, p99 ${ms(point.p99Ms)} ms`);
  }
  console.log(`growth exponent ${guardTurns.growthExponent?.toFixed(2) ?? 'n/a'} (goal <= 0.1)`);
  console.log(
    `after an ${longMessage.characters}-character message: p50 ${ms(longMessage.laterTurnP50Ms)} ms, ` +
      `p99 ${ms(longMessage.laterTurnP99Ms)} ms (goal < 2); the message itself max ${ms(longMessage.longMessageMaxMs)} ms`,
  );
  console.log(
    `adversarial: ${adversarial.patterns} patterns x ${adversarial.texts} texts, ` +
      `${adversarial.patternsOver5Ms} patterns >= 5 ms; whole guard worst ${ms(adversarial.guardWorst.ms)} ms (${adversarial.guardWorst.text})`,
  );
  for (const worst of adversarial.slowest) console.log(`  ${ms(worst.ms)} ms  ${worst.pattern}  on ${worst.text}`);
}
