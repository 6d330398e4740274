import { type PromptName, promptFiles } from './prompt-files.js';

/** A prompt loaded from `prompts/`, with the file it came from and a hash of its content. */
export interface Prompt {
  name: string;
  file: string;
  hash: string;
  text: string;
}

/**
 * Renders a prompt from `prompts/<name>.md`, replacing `{{variable}}` with `variables[variable]`.
 * A variable without a value renders as an empty string.
 */
export function renderPrompt(name: PromptName, variables: Record<string, string | undefined> = {}): Prompt {
  const prompt = promptFiles[name];
  const text = prompt.content.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => variables[key] ?? '');
  return { name, file: prompt.file, hash: prompt.hash, text };
}

/** Renders a prompt given as text (the `system` option), with the same variables. */
export function renderPromptText(text: string, variables: Record<string, string | undefined> = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => variables[key] ?? '');
}
