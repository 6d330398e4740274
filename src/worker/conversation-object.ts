import type { DurableObjectState } from '@cloudflare/workers-types';
import { outboxDirectoryOf } from '../store/directory-shards.js';
import type { ConversationObjectApi, ConversationWriteResult } from '../store/durable-object-api.js';
import { defaultDirectoryName } from '../store/durable-object-store.js';
import { summarizeConversation } from '../store/memory-store.js';
import type { OutboxDelivery, StoredConversation } from '../store/store.js';
import { DurableObjectBase } from './durable-object-base.js';
import type { WorkerBindings } from './env.js';

export type { ConversationWriteResult } from '../store/durable-object-api.js';

/** How long the object waits before pushing its summary to the directory again after a failure. */
const indexRetryMs = 1000;

/**
 * One conversation in its own Durable Object with SQLite storage. Requests to one
 * conversation are applied one at a time, in arrival order, and the conditional write
 * (read the version, compare, write) runs without an `await` in between, so it is atomic:
 * two escalations of one conversation cannot both win. After every write the object
 * pushes the conversation's summary to its shard of the {@link DirectoryObject}s; if that push fails it
 * retries from an alarm until the directory has the newest version.
 *
 * The notifications of a change are written in the same step as the change, to this
 * object's own `outgoing` table (the transactional outbox), then handed to the directory's
 * outbox (the first shard's) with the summary and deleted once it has them. The directory keeps a delivery
 * whose id it has once, so a hand-over repeated after a failure sends nothing twice.
 */
export class ConversationObject extends DurableObjectBase<WorkerBindings> implements ConversationObjectApi {
  constructor(ctx: DurableObjectState, env: WorkerBindings) {
    super(ctx, env);
    ctx.storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS conversation (
         id TEXT PRIMARY KEY,
         version INTEGER NOT NULL,
         indexed_version INTEGER NOT NULL DEFAULT 0,
         directory TEXT NOT NULL,
         data TEXT NOT NULL
       );
       CREATE TABLE IF NOT EXISTS outgoing (
         id TEXT PRIMARY KEY,
         data TEXT NOT NULL
       )`,
    );
  }

  /** The stored conversation, or null. */
  getConversation(id: string): StoredConversation | null {
    const row = this.ctx.storage.sql
      .exec<{ data: string }>('SELECT data FROM conversation WHERE id = ?', id)
      .toArray()[0];
    return row ? (JSON.parse(row.data) as StoredConversation) : null;
  }

  /**
   * Writes `conversation` when the stored version equals `expectedVersion` (null: must not
   * exist), then pushes its summary to the directory object named `directory`.
   */
  async putConversation(
    conversation: StoredConversation,
    expectedVersion: number | null,
    directory: string = defaultDirectoryName,
    deliveries: OutboxDelivery[] = [],
  ): Promise<ConversationWriteResult> {
    const sql = this.ctx.storage.sql;
    const current = sql
      .exec<{ version: number; directory: string }>(
        'SELECT version, directory FROM conversation WHERE id = ?',
        conversation.id,
      )
      .toArray()[0];
    const currentVersion = current ? current.version : null;
    if (currentVersion !== expectedVersion) return { ok: false, currentVersion };

    const stored: StoredConversation = { ...conversation, version: (expectedVersion ?? 0) + 1 };
    const data = JSON.stringify(stored);
    sql.exec(
      `INSERT INTO conversation (id, version, directory, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, directory = excluded.directory, data = excluded.data`,
      stored.id,
      stored.version,
      directory,
      data,
    );
    for (const delivery of deliveries) {
      sql.exec(
        'INSERT INTO outgoing (id, data) VALUES (?, ?) ON CONFLICT (id) DO NOTHING',
        delivery.id,
        JSON.stringify(delivery),
      );
    }
    // Everything above ran synchronously: the version check, the write and its notifications are one step.
    await this.pushToDirectory(stored, directory);
    if (current && current.directory !== directory) await this.leaveDirectory(current.directory, stored);
    return { ok: true, conversation: JSON.parse(data) as StoredConversation };
  }

  /** Retries a directory update that failed. */
  override async alarm(): Promise<void> {
    const row = this.ctx.storage.sql
      .exec<{ data: string; version: number; indexed_version: number; directory: string }>(
        'SELECT data, version, indexed_version, directory FROM conversation LIMIT 1',
      )
      .toArray()[0];
    if (!row) return;
    const outgoing = this.ctx.storage.sql.exec<{ n: number }>('SELECT count(*) AS n FROM outgoing').one().n;
    if (row.indexed_version >= row.version && outgoing === 0) return;
    await this.pushToDirectory(JSON.parse(row.data) as StoredConversation, row.directory);
  }

  /**
   * Drops the conversation's summary from the directory shard it was indexed in before (the shard
   * count grew). Best effort: a copy left behind is older, and listing all shards keeps the newest.
   */
  private async leaveDirectory(previous: string, conversation: StoredConversation): Promise<void> {
    try {
      await this.env.DIRECTORY.get(this.env.DIRECTORY.idFromName(previous)).removeSummary(
        conversation.id,
        conversation.version,
      );
    } catch {
      // The listing's merge keeps the newest copy.
    }
  }

  private async pushToDirectory(conversation: StoredConversation, directory: string): Promise<void> {
    try {
      const stub = this.env.DIRECTORY.get(this.env.DIRECTORY.idFromName(directory));
      await stub.upsertSummary(summarizeConversation(conversation), conversation.version);
      this.ctx.storage.sql.exec(
        'UPDATE conversation SET indexed_version = max(indexed_version, ?) WHERE id = ?',
        conversation.version,
        conversation.id,
      );
      const outgoing = this.ctx.storage.sql
        .exec<{ id: string; data: string }>('SELECT id, data FROM outgoing')
        .toArray();
      if (outgoing.length > 0) {
        const outbox = outboxDirectoryOf(directory);
        const outboxStub = outbox === directory ? stub : this.env.DIRECTORY.get(this.env.DIRECTORY.idFromName(outbox));
        await outboxStub.enqueueDeliveries(outgoing.map((row) => JSON.parse(row.data) as OutboxDelivery));
        for (const row of outgoing) this.ctx.storage.sql.exec('DELETE FROM outgoing WHERE id = ?', row.id);
      }
    } catch {
      // The conversation is written; the queue catches up from the alarm.
      await this.ctx.storage.setAlarm(Date.now() + indexRetryMs);
    }
  }
}
