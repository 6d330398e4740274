import type { ConversationSummary, Store, StoredConversation } from '../store/store.js';

/**
 * The stored conversations whose summary passes `keep`, read a few at a time. The review loop
 * needs transcripts, which summaries do not hold; `keep` cuts the reads to the window asked for.
 */
export async function loadConversations(
  store: Store,
  keep: (summary: ConversationSummary) => boolean,
  concurrency = 16,
): Promise<StoredConversation[]> {
  const summaries = (await store.listConversations()).filter(keep);
  const loaded: StoredConversation[] = [];
  for (let start = 0; start < summaries.length; start += concurrency) {
    const batch = await Promise.all(
      summaries.slice(start, start + concurrency).map((summary) => store.getConversation(summary.id)),
    );
    for (const conversation of batch) if (conversation) loaded.push(conversation);
  }
  return loaded;
}
