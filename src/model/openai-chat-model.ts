import type { LanguageModelV4 } from '@ai-sdk/provider';
import { missingPeerError } from '../load-optional-peer.js';

/** Settings of {@link createOpenAIChatModel}: those of `createOpenAI` plus the model name. */
export interface OpenAIChatModelSettings {
  apiKey: string;
  baseURL?: string;
  fetch?: typeof fetch;
  modelId: string;
}

/**
 * The `@ai-sdk/openai` Chat Completions model, with the provider package (an optional peer
 * dependency) imported on the model's first call instead of when Handrail is imported. Without
 * the package the first call rejects with a `MissingPeerDependencyError` naming it.
 */
export function createOpenAIChatModel({ modelId, ...settings }: OpenAIChatModelSettings): LanguageModelV4 {
  let loaded: Promise<LanguageModelV4> | undefined;
  const load = () => {
    loaded ??= importOpenAI().then(({ createOpenAI }) => createOpenAI(settings).chat(modelId));
    return loaded;
  };
  return {
    specificationVersion: 'v4',
    provider: 'openai.chat',
    modelId,
    get supportedUrls() {
      return load().then((model) => model.supportedUrls);
    },
    doGenerate: async (options) => (await load()).doGenerate(options),
    doStream: async (options) => (await load()).doStream(options),
  };
}

/** The `import()` is inside `try` so that bundlers (esbuild, wrangler) leave it alone when the package is not installed. */
async function importOpenAI(): Promise<typeof import('@ai-sdk/openai')> {
  try {
    return await import('@ai-sdk/openai');
  } catch (error) {
    throw missingPeerError(error, 'resolveModel (OPENAI_API_KEY or OPENAI_BASE_URL is set)', ['@ai-sdk/openai']);
  }
}
