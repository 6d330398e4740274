import { z } from 'zod';
import { builtInPatterns } from './built-in-patterns.js';
import { detectLanguage } from './detect-language.js';
import { type Detector, type DetectorContext, type GuardPhase, lastTurnIndex } from './detector.js';
import { detectExplicitRequest } from './detectors/explicit-request.js';
import { createLearnedIntentDetector } from './detectors/learned-intent.js';
import { createLexiconDetector } from './detectors/lexicon-detector.js';
import { createLowConfidenceDetector } from './detectors/low-confidence.js';
import { detectNegativeSentiment } from './detectors/negative-sentiment.js';
import { createOutOfScopeDetector, type PreparedScope } from './detectors/out-of-scope.js';
import { createRepeatFailureDetector } from './detectors/repeat-failure.js';
import { createTopicDetector } from './detectors/topic.js';
import type { TopicDefinition } from './detectors/topic-definition.js';
import { builtInLexicons } from './lexicon/languages.js';
import type { Lexicon } from './lexicon/lexicon.js';
import type { IntentModel } from './model/intent-model.js';
import { createPolicy } from './policy.js';
import { advanceGuardState, emptyGuardState, type GuardState, readTranscriptState } from './state/guard-state.js';
import { warmPatterns } from './text/warm-patterns.js';
import { type EscalationReason, escalationReasons, type GuardDecision, type Signal, type Transcript } from './types.js';

/** Options of {@link createGuard}. Checked once, when the guard is built. */
export interface GuardOptions {
  /** Per-reason thresholds in 0..1 (a signal fires at score >= threshold). */
  thresholds?: Partial<Record<EscalationReason, number>>;
  /** Reasons that never escalate. The crisis topic (self-harm) escalates regardless. */
  disabled?: EscalationReason[];
  /** Extra high-stakes or compliance topics. */
  topics?: TopicDefinition[];
  /** Use only `topics` instead of the built-in catalogue (the crisis topic is always kept). @default false */
  replaceDefaultTopics?: boolean;
  /**
   * What the assistant handles; enables the out-of-scope detector. Utterances are indexed when
   * the guard is built; a large scope is better built offline (`scripts/build-scope-index.ts`) and
   * passed loaded: `scope: loadScopeIndex(bytes)`, or `{ prepared: loadScopeIndex(bytes), threshold }`.
   */
  scope?:
    | { utterances: string[]; threshold?: number }
    | { prepared: PreparedScope; threshold?: number }
    | PreparedScope;
  /** Answer confidence below which the answer is held. @default 0.5 */
  confidenceThreshold?: number;
  /**
   * The learned escalation-intent model (`scripts/build-intent-model.ts`): catches requests for a
   * person and high-stakes matters the patterns have no wording for. `false` turns it off; a
   * `threshold` (probability) overrides the cross-validated one; `model` replaces the shipped model
   * (one retrained with `trainIntentModel`, as the leave-one-source-out evaluation does). @default {}
   */
  learnedIntent?: false | { threshold?: number; model?: IntentModel };
  /** Called when a detector throws; the guard goes on without it. A crash is never an escalation. */
  onDetectorError?: (error: unknown, detector: string) => void;
  /**
   * More languages, or your own wording, read beside the built-in lexicons (`builtInLexicons`):
   * objects of the `Lexicon` shape (see docs/languages.md). @default []
   */
  lexicons?: Lexicon[];
}

const patternSchema = z.union([
  z.instanceof(RegExp),
  z.string().refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  ),
]);

const topicSchema = z
  .object({
    id: z.string().min(1, 'topic id must not be empty'),
    reason: z.enum(['high_stakes', 'compliance']),
    urgency: z.enum(['low', 'normal', 'high', 'critical']).optional(),
    keywords: z.array(z.string().min(1)).optional(),
    patterns: z.array(patternSchema).optional(),
    examples: z.array(z.string().min(1)).optional(),
    minSimilarity: z.number().min(0).max(1).optional(),
    exclude: z.array(patternSchema).optional(),
    userMessage: z.string().optional(),
    score: z.number().min(0).max(1).optional(),
    routine: z.object({ unless: patternSchema.optional() }).strict().optional(),
  })
  .strict()
  .refine(
    (topic) => (topic.keywords?.length ?? 0) + (topic.patterns?.length ?? 0) + (topic.examples?.length ?? 0) > 0,
    {
      message: 'a topic needs at least one keyword, pattern or example',
    },
  );

const preparedScopeSchema = z.custom<PreparedScope>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PreparedScope).index?.meanSimilarity === 'function' &&
    typeof (value as PreparedScope).threshold === 'number',
  'a prepared scope must come from loadScopeIndex or prepareScope',
);

const scopeVariants = {
  utterances: z
    .object({
      utterances: z.array(z.string()).min(1, 'scope.utterances needs at least one utterance'),
      threshold: z.number().min(0).max(1).optional(),
    })
    .strict(),
  prepared: z.object({ prepared: preparedScopeSchema, threshold: z.number().min(0).max(1).optional() }).strict(),
};

/** The scope in one of its three forms, checked against the form its keys say it is. */
const scopeSchema = z.custom<NonNullable<GuardOptions['scope']>>().superRefine((value, context) => {
  const keyed = typeof value === 'object' && value !== null;
  const schema =
    keyed && 'utterances' in value
      ? scopeVariants.utterances
      : keyed && 'prepared' in value
        ? scopeVariants.prepared
        : preparedScopeSchema;
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues)
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** Zod schema of {@link GuardOptions}; `createGuard` validates its options with it. */
export const guardOptionsSchema: z.ZodType<GuardOptions> = z
  .object({
    thresholds: z.partialRecord(z.enum(escalationReasons), z.number().min(0).max(1)).optional(),
    disabled: z.array(z.enum(escalationReasons)).optional(),
    topics: z.array(topicSchema).optional(),
    replaceDefaultTopics: z.boolean().optional(),
    scope: scopeSchema.optional(),
    confidenceThreshold: z.number().min(0).max(1).optional(),
    learnedIntent: z
      .union([
        z.literal(false),
        z
          .object({
            threshold: z.number().min(0).max(1).optional(),
            model: z
              .custom<IntentModel>(
                (value) => typeof (value as IntentModel | undefined)?.score === 'function',
                'learnedIntent.model must be a loaded intent model (loadIntentModel)',
              )
              .optional(),
          })
          .strict(),
      ])
      .optional(),
    onDetectorError: z
      .custom<(error: unknown, detector: string) => void>((value) => typeof value === 'function')
      .optional(),
    lexicons: z
      .array(
        z.custom<Lexicon>(
          (value) =>
            typeof value === 'object' &&
            value !== null &&
            typeof (value as Lexicon).language === 'string' &&
            ((value as Lexicon).script === 'spaced' || (value as Lexicon).script === 'unspaced') &&
            typeof (value as Lexicon).crisisMessage === 'string',
          'each lexicon needs a language, a script (spaced or unspaced) and a crisisMessage (see docs/languages.md)',
        ),
      )
      .optional(),
  })
  .strict();

/** The language of the last user turn (`DetectorContext.language`), detected on the first call only. */
function lastUserLanguage(transcript: Transcript): () => string {
  let language: string | undefined;
  return () => {
    language ??= detectLanguage(transcript[lastTurnIndex(transcript, 'user')]?.content ?? '');
    return language;
  };
}

/** The guard: judges a transcript before the model runs and before its answer is shown. */
export interface Guard {
  /**
   * `'input'`: judge the last user turn before the model runs. `'output'`: judge the last
   * assistant turn (the bot's answer, held before it is shown).
   */
  check(transcript: Transcript, phase: GuardPhase): GuardDecision;
  /**
   * `check` for a conversation that grows: pass the `state` the previous call returned (none at
   * first) and keep the one it returns with the conversation. Only the turns added since are read,
   * so a turn costs the same however long the conversation is; the decision is the one `check`
   * makes. A state that does not fit the transcript is ignored (the transcript is read anew).
   */
  checkIncremental(
    transcript: Transcript,
    phase: GuardPhase,
    state?: GuardState,
  ): { decision: GuardDecision; state: GuardState };
  /** Combine extra signals (e.g. from the async model classifier) with the policy. */
  decide(signals: Signal[]): GuardDecision;
}

/**
 * Builds the guard once: validates the options (throws a plain `Error` listing every problem),
 * compiles the topic catalogue and indexes the scope. `check` is synchronous and pure.
 *
 * @example
 * const guard = createGuard({ scope: { utterances: faqQuestions } });
 * const decision = guard.check(transcript, 'input');
 * if (decision.escalate) handOff(decision);
 */
export function createGuard(options: GuardOptions = {}): Guard {
  const parsed = guardOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`Invalid guard options:\n${z.prettifyError(parsed.error)}`);
  // Compiled first, before the scope index and the models add code, while V8 still optimizes
  // regexp code (see warmPatterns); once per process.
  warmPatterns(builtInPatterns());
  const {
    thresholds,
    disabled,
    topics,
    replaceDefaultTopics = false,
    scope,
    confidenceThreshold = 0.5,
    learnedIntent = {},
    onDetectorError,
  } = options;
  const detectors: { name: string; detect: Detector }[] = [
    { name: 'explicit-request', detect: detectExplicitRequest },
    { name: 'lexicon', detect: createLexiconDetector({ lexicons: [...builtInLexicons, ...(options.lexicons ?? [])] }) },
    { name: 'negative-sentiment', detect: detectNegativeSentiment },
    { name: 'topic', detect: createTopicDetector({ topics: topics ?? [], replaceDefaultTopics }) },
    { name: 'repeat-failure', detect: createRepeatFailureDetector() },
    { name: 'low-confidence', detect: createLowConfidenceDetector({ threshold: confidenceThreshold }) },
  ];
  if (learnedIntent !== false) {
    detectors.push({ name: 'learned-intent', detect: createLearnedIntentDetector(learnedIntent) });
  }
  if (scope) {
    const { threshold, ...source } =
      'utterances' in scope
        ? { utterances: scope.utterances, threshold: scope.threshold }
        : 'prepared' in scope
          ? { prepared: scope.prepared, threshold: scope.threshold }
          : { prepared: scope, threshold: undefined };
    detectors.push({
      name: 'out-of-scope',
      detect: createOutOfScopeDetector({ ...source, ...(threshold !== undefined ? { threshold } : {}) }),
    });
  }
  const policy = createPolicy({ thresholds: thresholds ?? {}, disabled: disabled ?? [] });
  /** The state of a transcript; a failure is a detector's (reported, and the detectors read the transcript themselves). */
  const read = (work: () => GuardState): GuardState | undefined => {
    try {
      return work();
    } catch (error) {
      onDetectorError?.(error, 'state');
      return undefined;
    }
  };
  /** Every detector on the transcript, with what the guard has read of it. */
  const judge = (transcript: Transcript, phase: GuardPhase, state: GuardState | undefined): GuardDecision => {
    const signals: Signal[] = [];
    if (transcript.length === 0) return policy(signals);
    const context: DetectorContext = { phase, language: lastUserLanguage(transcript) };
    if (state) context.state = state;
    for (const { name, detect } of detectors) {
      try {
        signals.push(...detect(transcript, context));
      } catch (error) {
        onDetectorError?.(error, name);
      }
    }
    return policy(signals);
  };
  return {
    check(transcript, phase) {
      return judge(
        transcript,
        phase,
        read(() => readTranscriptState(transcript, true)),
      );
    },
    checkIncremental(transcript, phase, state) {
      const next = read(() => advanceGuardState(state, transcript));
      return { decision: judge(transcript, phase, next), state: next ?? emptyGuardState };
    },
    decide(signals) {
      return policy(signals);
    },
  };
}
