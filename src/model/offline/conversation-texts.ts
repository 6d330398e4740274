import type { LanguageModelV4Prompt } from '@ai-sdk/provider';

/** Text of every assistant message of the conversation, oldest first. */
export function assistantTexts(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'assistant'
      ? [message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n')]
      : [],
  );
}

/** Text of every user message, oldest first. */
export function userTexts(prompt: LanguageModelV4Prompt): string[] {
  const texts: string[] = [];
  for (const message of prompt) {
    if (message.role !== 'user') continue;
    const text = message.content
      .flatMap((part) => (part.type === 'text' ? [part.text] : []))
      .join('\n')
      .trim();
    if (text !== '') texts.push(text);
  }
  return texts;
}
