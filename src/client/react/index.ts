// handrail/client/react: `useChat` with Handrail's conversation around it. Needs `react` and
// `@ai-sdk/react` (optional peer dependencies of handrail).
export {
  type UseHandrailChatHelpers,
  type UseHandrailChatOptions,
  useHandrailChat,
} from './use-handrail-chat.js';
