export { evalExitCodes, evalUsage, parseEvalArguments } from './eval-arguments.js';
export { type EvalCommandOptions, type PipelineFactory, runEvalCommand } from './eval-command.js';
