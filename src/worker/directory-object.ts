import type { DurableObjectState } from '@cloudflare/workers-types';
import type { DirectoryObjectApi } from '../store/durable-object-api.js';
import { deliveryRow, leaseRow, outboxSql, parseDelivery } from '../store/sql-outbox.js';
import { teamLoadsParameters, teamLoadsSql } from '../store/sql-team-loads.js';
import type {
  ConversationSummary,
  ListConversationsFilter,
  OutboxDelivery,
  TeamLoad,
  TeamLoadFilter,
} from '../store/store.js';
import { type TeamLoadRow, teamLoadsFromRows } from '../store/team-loads-of.js';
import { DurableObjectBase } from './durable-object-base.js';
import type { WorkerBindings } from './env.js';
import { flushDirectoryOutbox } from './outbox-flush.js';

/** A first attempt is left to the request that enqueued it for this long before the alarm takes over. */
const firstAttemptGraceMs = 2000;

/** Shortest wait between the end of one alarm and the next, so a failing receiver cannot spin the object. */
const minAlarmGapMs = 250;

/** Longest wait between two alarms while deliveries are pending (a safety net). */
const maxAlarmDelayMs = 15 * 60 * 1000;

/**
 * The directory: one Durable Object that holds a summary of every conversation (the queue
 * index behind `listConversations`) and the notification outbox. Conversation objects
 * push their summary after every write; a summary only replaces an older version, so
 * pushes that arrive out of order cannot move the index backwards. Pending deliveries keep
 * an alarm set at the next due attempt; the alarm flushes the outbox.
 */
export class DirectoryObject extends DurableObjectBase<WorkerBindings> implements DirectoryObjectApi {
  constructor(ctx: DurableObjectState, env: WorkerBindings) {
    super(ctx, env);
    ctx.storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS summaries (
         id TEXT PRIMARY KEY,
         version INTEGER NOT NULL,
         state TEXT NOT NULL,
         write_sequence INTEGER NOT NULL,
         data TEXT NOT NULL
       );
       CREATE INDEX IF NOT EXISTS summaries_by_write ON summaries (write_sequence);
       ${outboxSql.schema}`,
    );
  }

  /** Records the summary of `version` unless a newer version is already indexed. */
  upsertSummary(summary: ConversationSummary, version: number): void {
    this.ctx.storage.sql.exec(
      `INSERT INTO summaries (id, version, state, write_sequence, data)
       VALUES (?, ?, ?, (SELECT coalesce(max(write_sequence), 0) + 1 FROM summaries), ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, state = excluded.state,
         write_sequence = excluded.write_sequence, data = excluded.data
       WHERE excluded.version > summaries.version`,
      summary.id,
      version,
      summary.state,
      JSON.stringify(summary),
    );
  }

  /** Drops the summary of conversation `id` older than `version`: the conversation moved to another shard. */
  removeSummary(id: string, version: number): void {
    this.ctx.storage.sql.exec('DELETE FROM summaries WHERE id = ? AND version < ?', id, version);
  }

  /** Summaries, newest update last. */
  listConversations(filter: ListConversationsFilter = {}): ConversationSummary[] {
    const states = filter.states;
    if (states && states.length === 0) return [];
    const rows = states
      ? this.ctx.storage.sql
          .exec<{ data: string }>(
            `SELECT data FROM summaries WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY write_sequence`,
            ...states,
          )
          .toArray()
      : this.ctx.storage.sql.exec<{ data: string }>('SELECT data FROM summaries ORDER BY write_sequence').toArray();
    return rows.map((row) => JSON.parse(row.data) as ConversationSummary);
  }

  /** The open handoffs per team and agent, grouped in SQL over the active summaries. */
  teamLoads(filter: TeamLoadFilter = {}): TeamLoad[] {
    const rows = this.ctx.storage.sql
      .exec<TeamLoadRow>(teamLoadsSql('summaries', 'data'), ...teamLoadsParameters(filter))
      .toArray();
    return teamLoadsFromRows(rows);
  }

  /** Adds deliveries whose id is new, and keeps the alarm at the next due one. */
  async enqueueDeliveries(deliveries: OutboxDelivery[]): Promise<void> {
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      for (const delivery of deliveries) {
        this.ctx.storage.sql.exec(outboxSql.enqueue, ...deliveryRow(delivery));
      }
    });
    await this.scheduleAlarm(now + firstAttemptGraceMs);
  }

  /** Pending deliveries due at `now`, oldest first. */
  dueDeliveries(now: Date, limit: number): OutboxDelivery[] {
    return this.ctx.storage.sql
      .exec<{ data: string }>(outboxSql.due, now.getTime(), Math.max(0, Math.floor(limit)))
      .toArray()
      .map(parseDelivery);
  }

  /**
   * Replaces a delivery after an attempt (with `expectedAttempts`: only while it is pending with
   * that many attempts, and answers whether it did), and keeps the alarm at the next due one.
   */
  async updateDelivery(delivery: OutboxDelivery, expectedAttempts?: number): Promise<boolean> {
    const sql = this.ctx.storage.sql;
    let changed = true;
    if (expectedAttempts === undefined) sql.exec(outboxSql.upsert, ...deliveryRow(delivery));
    else {
      changed = sql.exec(outboxSql.lease, ...leaseRow(delivery, expectedAttempts)).toArray().length === 1;
    }
    await this.scheduleAlarm(Date.now());
    return changed;
  }

  /** Every delivery, in enqueue order. */
  listDeliveries(): OutboxDelivery[] {
    return this.ctx.storage.sql.exec<{ data: string }>(outboxSql.list).toArray().map(parseDelivery);
  }

  /** Flushes the outbox, then sets the alarm for the next pending delivery. */
  override async alarm(): Promise<void> {
    let flushed = false;
    try {
      flushed = await flushDirectoryOutbox(this, this.env);
    } finally {
      // Without notifiers nothing can be delivered: come back rarely, not in a loop.
      await this.scheduleAlarm(Date.now() + (flushed ? minAlarmGapMs : maxAlarmDelayMs));
    }
  }

  /** Sets the alarm at the next pending attempt (not before `notBefore`), or clears it when none is pending. */
  private async scheduleAlarm(notBefore: number): Promise<void> {
    const next = this.ctx.storage.sql
      .exec<{ next: number | null }>("SELECT min(next_attempt_at_ms) AS next FROM deliveries WHERE status = 'pending'")
      .one().next;
    if (next === null) {
      await this.ctx.storage.deleteAlarm();
      return;
    }
    const at = Math.min(Math.max(next, notBefore), Date.now() + maxAlarmDelayMs);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
