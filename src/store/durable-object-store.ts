import { StoreConflictError } from '../errors/store-conflict-error.js';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { directoryShards, mergeShardSummaries, mergeShardTeamLoads } from './directory-shards.js';
import type { ConversationObjectApi, DirectoryObjectApi } from './durable-object-api.js';
import type { Store } from './store.js';

/** Name of the directory object when none is given. */
export const defaultDirectoryName = 'directory';

/**
 * The part of a `DurableObjectNamespace` the store uses. The namespaces of the Worker's bindings are one; the
 * objects they name must implement {@link ConversationObjectApi} or {@link DirectoryObjectApi}.
 */
export interface ObjectNamespace {
  idFromName(name: string): ObjectId;
  get(id: ObjectId): unknown;
}

/**
 * What `idFromName` returns (a `DurableObjectId`), typed by its shape so that the published types need no
 * `@cloudflare/workers-types`; the store only hands it back to `get`.
 */
export interface ObjectId {
  toString(): string;
}

/** Options of {@link createDurableObjectStore}. */
export interface DurableObjectStoreOptions {
  /**
   * Namespace of the conversation objects (the Worker's `ConversationObject`, or any class implementing
   * {@link ConversationObjectApi}): one object per conversation, named by its id.
   */
  conversations: ObjectNamespace;
  /** Namespace of the directory object ({@link DirectoryObjectApi}): the queue index and the notification outbox. */
  index: ObjectNamespace;
  /** Name of the directory object in `index`. @default 'directory' */
  indexName?: string;
  /**
   * Directory objects the queue index is spread over, by a stable hash of the conversation id
   * (1 to 256): each conversation write updates one of them, and the queue, metrics and listing
   * read all of them and merge. The outbox stays in the first (`indexName`). Raise it, never lower
   * it: a shard left out is no longer read. @default 1
   */
  directoryShards?: number;
}

/**
 * A `Store` on Cloudflare Durable Objects, for the Worker. Each conversation lives in its
 * own object, which applies writes one at a time and checks the version atomically, so
 * concurrent writes resolve to one winner; the directory object holds the queue index and
 * the outbox. Values cross RPC as structured clones, so callers never share objects with
 * storage.
 *
 * @example
 * const store = createDurableObjectStore({ conversations: env.CONVERSATIONS, index: env.DIRECTORY });
 */
export function createDurableObjectStore({
  conversations,
  index,
  indexName = defaultDirectoryName,
  directoryShards: shardCount = 1,
}: DurableObjectStoreOptions): Store {
  const shards = directoryShards(indexName, shardCount);
  const conversationStub = (id: string) =>
    conversations.get(conversations.idFromName(id)) as unknown as RpcOf<ConversationObjectApi>;
  const directoryStub = (name = indexName) => index.get(index.idFromName(name)) as unknown as RpcOf<DirectoryObjectApi>;
  /** Asks every shard at once. */
  const everyShard = <T>(ask: (shard: RpcOf<DirectoryObjectApi>) => Promise<T>) =>
    Promise.all(shards.names.map((name) => ask(directoryStub(name))));

  return {
    async getConversation(id) {
      return call(() => conversationStub(id).getConversation(id));
    },

    async putConversation(conversation, expectedVersion, deliveries = []) {
      const result = await call(() =>
        conversationStub(conversation.id).putConversation(
          conversation,
          expectedVersion,
          shards.of(conversation.id),
          deliveries,
        ),
      );
      if (!result.ok) throw new StoreConflictError({ conversationId: conversation.id });
      return result.conversation;
    },

    async listConversations(filter = {}) {
      return mergeShardSummaries(await call(() => everyShard((shard) => shard.listConversations(filter))));
    },

    async teamLoads(filter = {}) {
      return mergeShardTeamLoads(await call(() => everyShard((shard) => shard.teamLoads(filter))));
    },

    async enqueueDeliveries(deliveries) {
      if (deliveries.length === 0) return;
      await call(() => directoryStub().enqueueDeliveries(deliveries));
    },

    async dueDeliveries(now, limit) {
      return call(() => directoryStub().dueDeliveries(now, limit));
    },

    async updateDelivery(delivery, expectedAttempts) {
      return call(() => directoryStub().updateDelivery(delivery, expectedAttempts));
    },

    async listDeliveries() {
      return call(() => directoryStub().listDeliveries());
    },
  };
}

/**
 * The RPC surface of a Durable Object class as this store uses it: every public method,
 * async, with the same (plain data) arguments and results. The runtime's `Rpc.Stub` type
 * says the same for plain data but is too deep for the checker on `StoredConversation`.
 */
type RpcOf<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** Makes one RPC call; a failure of the object or the network is a `StoreUnavailableError`. */
async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new StoreUnavailableError({ message: 'The Durable Object store could not be reached.', cause: error });
  }
}
