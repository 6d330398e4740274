export { evalExitCodes, evalUsage, parseEvalArguments } from './eval-arguments.js';
export { type EvalCommandOptions, type PipelineFactory, runEvalCommand } from './eval-command.js';
export {
  type ExportCasesCommandOptions,
  exportCasesUsage,
  runExportCasesCommand,
} from './export-cases-command.js';
