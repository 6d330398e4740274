export type { AgentDesk, AgentDeskContext, DeskTurnInput } from './agent-desk.js';
export { type ChatwootAgentDeskOptions, createChatwootAgentDesk } from './chatwoot-agent-desk.js';
export {
  type ChatwootApi,
  type ChatwootApiOptions,
  type ChatwootPriority,
  type ChatwootStatus,
  createChatwootApi,
} from './chatwoot-api.js';
export { buildChatwootBrief } from './chatwoot-brief.js';
export {
  deskReference,
  findByDeskReference,
  handoffById,
  markHandled,
  maxHandledIds,
  saveDeskReference,
  unmarkHandled,
  wasHandled,
} from './desk-reference.js';
export { createDeskRuntime, type DeskRuntime } from './desk-runtime.js';
export { reasonsInWords, reasonWords } from './reason-words.js';
export {
  createSlackAgentDesk,
  type SlackAgentDeskOptions,
  type SlackAgentMapping,
  slackTextToPlain,
} from './slack-agent-desk.js';
export {
  buildSlackBrief,
  renderSlackBlocks,
  type SlackActionButton,
  type SlackActionValue,
  type SlackBriefOptions,
  type SlackDeskBlock,
  type SlackDeskText,
  slackActionIds,
} from './slack-blocks.js';
export {
  type SignSlackRequestInput,
  signSlackRequest,
  slackSignatureHeaders,
  type VerifySlackRequestInput,
  verifySlackRequest,
} from './slack-signature.js';
export {
  createSlackWebApi,
  type SlackPostMessage,
  type SlackWebApi,
  type SlackWebApiOptions,
} from './slack-web-api.js';
