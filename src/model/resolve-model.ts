import type { LanguageModelV4 } from '@ai-sdk/provider';
import { createOfflineModel, type OfflineModelOptions } from './offline/offline-model.js';
import { createOpenAIChatModel } from './openai-chat-model.js';

/** The environment variables `resolveModel` reads. */
export interface ModelEnv {
  /** API key of OpenAI or of an OpenAI-compatible server. */
  OPENAI_API_KEY?: string;
  /** Base URL of an OpenAI-compatible server, e.g. `http://127.0.0.1:8080/v1` for llama.cpp. */
  OPENAI_BASE_URL?: string;
  /**
   * Model name sent to the server.
   * @default 'gpt-4o-mini'
   */
  OPENAI_MODEL?: string;
}

/** Options of {@link resolveModel}. */
export interface ResolveModelOptions {
  /** Options of the offline model, used when no key or base URL is set. */
  offline?: OfflineModelOptions;
  /** Fetch implementation for the OpenAI provider (tests, proxies). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The model `resolveModel` picked, and which kind it is. */
export interface ResolvedModel {
  model: LanguageModelV4;
  kind: 'openai' | 'offline';
}

/** Sent as the key to local servers (llama.cpp, vLLM, Ollama) that need none. */
const placeholderApiKey = 'not-needed';

/**
 * Picks the chat model from the environment. With `OPENAI_API_KEY` or `OPENAI_BASE_URL` it is the OpenAI
 * provider's Chat Completions model, which also talks to any OpenAI-compatible server (llama.cpp, vLLM,
 * Ollama); a base URL without a key gets a placeholder key. With neither it is the offline retrieval model,
 * so the library runs with no account and no network. `@ai-sdk/openai` is an optional peer dependency,
 * imported on the OpenAI model's first call (install it to use a key or base URL).
 *
 * @example
 * const { model, kind } = resolveModel(process.env);
 * console.log(`answering with the ${kind} model`);
 */
export function resolveModel(env: ModelEnv, options: ResolveModelOptions = {}): ResolvedModel {
  const apiKey = nonEmpty(env.OPENAI_API_KEY);
  const baseURL = nonEmpty(env.OPENAI_BASE_URL);
  if (apiKey === undefined && baseURL === undefined) {
    return { model: createOfflineModel(options.offline), kind: 'offline' };
  }
  const model = createOpenAIChatModel({
    apiKey: apiKey ?? placeholderApiKey,
    ...(baseURL === undefined ? {} : { baseURL }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    modelId: nonEmpty(env.OPENAI_MODEL) ?? 'gpt-4o-mini',
  });
  return { model, kind: 'openai' };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
