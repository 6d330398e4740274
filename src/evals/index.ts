export type { CaseOutcome, CaseResult, CaseRunner, OutcomeEvidence } from './case-result.js';
export {
  type BaselineReport,
  baselineReportSchema,
  type CaseChange,
  type CaseOutcomeRecord,
  caseOutcomeRecords,
  compareRuns,
  comparisonStatus,
  type RunComparison,
} from './compare-runs.js';
export { DatasetError, type DatasetIssue, formatDatasetIssue } from './dataset-error.js';
export { type DistinctQuestionOptions, distinctQuestionCases } from './distinct-questions.js';
export {
  type EvalCase,
  type ExpectedReason,
  evalCaseSchema,
  evalMessageSchema,
  expectedReasons,
  type ScopeUtterance,
  scopeUtteranceSchema,
} from './eval-case.js';
export {
  casesToJsonl,
  type ExportCasesOptions,
  type ExportedCases,
  exportJudgedCases,
  type SkippedJudgement,
} from './export-cases.js';
export { caseTranscript, createGuardRunner, type GuardLike, judgeTranscript } from './guard-runner.js';
export { type ChartBar, escapeHtml, type ReportContext, renderBarChart, renderHtmlReport } from './html-report.js';
export { escapeXml, type JunitReportOptions, renderJunitReport } from './junit-report.js';
export {
  type EvalCaseScore,
  type EvalScoreName,
  evalCaseScores,
  evalTraceId,
  type LangfuseDatasetRunError,
  type LangfuseDatasetRunOptions,
  type LangfuseDatasetRunResult,
  type LangfuseDatasetRunStep,
  recordLangfuseDatasetRun,
} from './langfuse-dataset-run.js';
export {
  computeTotals,
  type LosoGuardOptions,
  type LosoManifest,
  type LosoRow,
  type LosoSource,
  leaveOneSourceOut,
  losoManifestSchema,
  renderLosoText,
} from './leave-one-source-out.js';
export {
  type LineRecord,
  type LoadOptions,
  loadDataset,
  loadScope,
  type ParsedLines,
  parseJsonLines,
} from './load-dataset.js';
export {
  type CaseReportEntry,
  computeMetrics,
  type EvalReport,
  percentile,
  type Rate,
  type ReasonMetrics,
  rate,
  type SourceMetrics,
  sourceOf,
} from './metrics.js';
export { type ObfuscationKind, obfuscateCase, obfuscateText, obfuscationKinds } from './obfuscate.js';
export {
  type CaseSignals,
  type CurveLine,
  type CurvePoint,
  collectCaseSignals,
  curvePoint,
  escalatesUnder,
  gridWith,
  type OperatingCurve,
  type PolicyFactory,
  type PolicyThresholds,
  type SweepOptions,
  sweepGuardOption,
  sweepThresholds,
  sweptReasons,
  thresholdGrid,
} from './operating-curve.js';
export { renderOperatingCurveSvg, renderOperatingCurveText } from './operating-curve-report.js';
export { type AppLike, conversationIdOf, createPipelineRunner, type PipelineRunnerOptions } from './pipeline-runner.js';
export {
  conversationTranscript,
  type ExportedConversation,
  type ReplayFinding,
  type ReplayReport,
  replayConversations,
  storeExportSchema,
} from './replay.js';
export { type RunEvalOptions, runEval } from './run-eval.js';
export {
  formatTable,
  renderComparisonText,
  renderReplayText,
  renderTextReport,
  renderWeeklyText,
} from './text-report.js';
export {
  findThresholdsForTarget,
  renderThresholdTargetText,
  type TargetCandidate,
  type ThresholdTarget,
  type ThresholdTargetOptions,
  targetGuardOptions,
} from './threshold-target.js';
export { isoWeek, type WeekRates, weeklyRates } from './weekly-rates.js';
export { wilsonInterval, z95 } from './wilson-interval.js';
