/**
 * Rebuilds `src/guard/model/spelling-model.json`, what the guard's spelling correction
 * (`src/guard/text/spelling-correction.ts`) needs: the English lexicon's words it corrects
 * misspellings to (`targets`), and the real words one edit away from one of them that it must
 * leave alone (`protected`: "persona" is no misspelled "person", "sitting" no misspelled "hitting";
 * front-coded, see `frontCode`).
 * Real words come from the word lists of Debian's dictionary packages in /usr/share/dict
 * (wamerican-large, wbritish-large and the Spanish, French, German, Italian, Portuguese, Dutch,
 * Polish, Swedish, Danish and Norwegian lists), every other language's lexicon words, and the
 * words of ordinary messages in the leave-one-source-out manifest's sources (seen twice or more).
 * Only the protected neighbours are shipped, not the lists.
 *
 * Usage: apt-get install wamerican-large wbritish-large wspanish wfrench wngerman witalian \
 *   wportuguese wbrazilian wdutch wpolish wswedish wdanish wnorwegian
 *        npx tsx scripts/build-spelling-model.ts
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalCaseSchema } from '../src/evals/eval-case.js';
import { losoManifestSchema } from '../src/evals/leave-one-source-out.js';
import { parseJsonLines } from '../src/evals/load-dataset.js';
import { builtInLexicons } from '../src/guard/lexicon/languages.js';
import { latinPhraseWords, withoutAccents } from '../src/guard/lexicon/lexicon-vocabulary.js';
import { frontCode, frontDecode } from '../src/guard/text/front-coding.js';
import { normalizeForm } from '../src/guard/text/normalize-text.js';
import { deletionNeighbours, spellingTargets } from '../src/guard/text/spelling-correction.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dictionaries = '/usr/share/dict';

const targets = spellingTargets(builtInLexicons);
const real = latinPhraseWords(builtInLexicons.filter((lexicon) => lexicon.language !== 'en'));

const lists = existsSync(dictionaries)
  ? readdirSync(dictionaries).filter(
      (name) => !name.startsWith('README') && statSync(join(dictionaries, name)).isFile(),
    )
  : [];
if (lists.length === 0) {
  console.error(`no word lists in ${dictionaries}: install the packages named at the top of this script`);
  process.exit(2);
}
// Read as Latin-1 and as UTF-8 (the lists use both); a misread accented word is no a-z word and drops out.
// Capitalised entries are names and abbreviations ("Hunan", "TLK"), not words a misspelling could be,
// except in German, which writes its nouns so.
for (const name of lists) {
  const names = !/german/.test(name);
  for (const encoding of ['latin1', 'utf8'] as const) {
    for (const line of readFileSync(join(dictionaries, name), encoding).split('\n')) {
      const entry = line.trim().split('/')[0] ?? '';
      if (names && /^[A-Z]/.test(entry)) continue;
      const word = withoutAccents(entry);
      if (/^[a-z]+$/.test(word)) real.add(word);
    }
  }
}
const manifest = losoManifestSchema.parse(JSON.parse(readFileSync(resolve(root, 'evals/loso-sources.json'), 'utf8')));
// Words of ordinary messages: twice in English (a typo seen once is no word), once in a case marked
// as another language (its words are rarer in this data, and no English word is misspelled there).
const counts = new Map<string, number>();
for (const file of manifest.sources.flatMap((source) => source.files).map((path) => resolve(root, path))) {
  if (!existsSync(file)) continue;
  for (const { value } of parseJsonLines(readFileSync(file, 'utf8'), file, evalCaseSchema).records) {
    const weight = typeof value.lang === 'string' && value.lang !== 'en' ? 2 : 1;
    for (const message of value.messages) {
      if (message.role === 'user' && value.expect === 'escalate') continue;
      for (const word of normalizeForm(message.content).match(/[a-z]+/g) ?? []) {
        counts.set(word, (counts.get(word) ?? 0) + weight);
      }
    }
  }
}
for (const [word, count] of counts) if (count >= 2) real.add(word);

const targetSet = new Set(targets);
const neighbours = deletionNeighbours(targets);
const guarded = [...real].filter((word) => !targetSet.has(word) && neighbours(word).length > 0).sort();
const output = {
  about:
    'Built by scripts/build-spelling-model.ts from the English lexicon and Debian word lists; see that script. `protected` is front-coded: see src/guard/text/front-coding.ts.',
  targets: targets.join(' '),
  // Front-coded (sorted words, each as the letters it shares with the word before and the rest):
  // less than half the bytes of the words joined, in the Worker bundle too.
  protected: frontCode(guarded),
};
if (frontDecode(output.protected).join(' ') !== guarded.join(' ')) throw new Error('front coding lost a word');
const path = resolve(root, 'src/guard/model/spelling-model.json');
writeFileSync(path, `${JSON.stringify(output)}\n`);
console.log(
  `${real.size} real words from ${lists.length} lists and the data; ${targets.length} targets, ${guarded.length} protected; wrote ${path}`,
);
