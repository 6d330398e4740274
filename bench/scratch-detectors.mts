import { readFileSync } from 'node:fs';
import { createGuard } from '../src/guard/index.js';
import { detectExplicitRequest } from '../src/guard/detectors/explicit-request.js';
import { createLearnedIntentDetector } from '../src/guard/detectors/learned-intent.js';
import { createLexiconDetector } from '../src/guard/detectors/lexicon-detector.js';
import { createLowConfidenceDetector } from '../src/guard/detectors/low-confidence.js';
import { detectNegativeSentiment } from '../src/guard/detectors/negative-sentiment.js';
import { createOutOfScopeDetector } from '../src/guard/detectors/out-of-scope.js';
import { createRepeatFailureDetector } from '../src/guard/detectors/repeat-failure.js';
import { createTopicDetector } from '../src/guard/detectors/topic.js';
import { builtInLexicons } from '../src/guard/lexicon/languages.js';
import { advanceGuardState } from '../src/guard/state/guard-state.js';
import { newAnswer, newQuestions, questionGroups } from './new-texts.js';
import { detectLanguage } from '../src/guard/detect-language.js';
const lines = readFileSync('../shared/evaldata/clinc150_scope.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const scope = lines.map((l: any) => l.text);
const groups = questionGroups(createGuard({ scope: { utterances: scope } }), lines);
const detectors: [string, any][] = [
  ['explicit', detectExplicitRequest],
  ['lexicon', createLexiconDetector({ lexicons: builtInLexicons })],
  ['sentiment', detectNegativeSentiment],
  ['topic', createTopicDetector({})],
  ['repeat', createRepeatFailureDetector()],
  ['lowconf', createLowConfidenceDetector({ threshold: 0.5 })],
  ['learned', createLearnedIntentDetector({})],
  ['scope', createOutOfScopeDetector({ utterances: scope })],
];
const totals = new Map<string, number>();
const questions = newQuestions(groups, 5);
let n = 0;
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new Session(); session.connect();
for (let round = 0; round < 2; round++) {
  totals.clear(); n = 0;
  if (round === 1 && process.env.HEAP) await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let c = 0; c < 300; c++) {
    const transcript: any[] = [];
    let state: any;
    for (let t = 0; t < 10; t++) {
      transcript.push({ role: 'user', content: questions.next() });
      let s = performance.now();
      state = advanceGuardState(state, transcript);
      totals.set('state', (totals.get('state') ?? 0) + performance.now() - s);
      let lang: string | undefined; const last = transcript.at(-1).content; s = performance.now(); const language = () => (lang ??= detectLanguage(last)); language(); totals.set('lang', (totals.get('lang') ?? 0) + performance.now() - s);
      const context: any = { phase: 'input', language, state };
      for (const [name, d] of detectors) {
        s = performance.now();
        d(transcript, context);
        totals.set(name, (totals.get(name) ?? 0) + performance.now() - s);
      }
      n++;
      transcript.push({ role: 'assistant', content: newAnswer(n), confidence: 0.95 });
      s = performance.now();
      state = advanceGuardState(state, transcript);
      const oc: any = { phase: 'output', language, state };
      for (const [name, d] of detectors) d(transcript, oc);
      totals.set('output', (totals.get('output') ?? 0) + performance.now() - s);
    }
  }
}
if (process.env.HEAP) { const { profile } = await session.post('HeapProfiler.stopSampling'); writeFileSync(process.env.HEAP, JSON.stringify(profile)); }
let sum = 0;
for (const [k, v] of totals) { sum += v; console.log(k.padEnd(10), (v / n * 1000).toFixed(1), 'us/turn'); }
console.log('sum', (sum / n * 1000).toFixed(1));
