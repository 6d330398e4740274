import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { outboxSql } from './sql-outbox.js';
import { teamLoadsSql } from './sql-team-loads.js';
import { conversationSql, listByStatesSql } from './sqlite-conversation-sql.js';

/** The prepared statements of the `node:sqlite` store. */
export interface SqliteStatements {
  get: StatementSync;
  insert: StatementSync;
  update: StatementSync;
  listAll: StatementSync;
  /** The listing of the conversations in `count` states, prepared once per count. */
  listByStates(count: number): StatementSync;
  enqueue: StatementSync;
  due: StatementSync;
  updateDelivery: StatementSync;
  lease: StatementSync;
  listDeliveries: StatementSync;
  teamLoads: StatementSync;
}

/** Prepares the statements of the store over `database` (its tables must exist). */
export function prepareSqliteStatements(database: DatabaseSync): SqliteStatements {
  // One prepared statement per number of states listed (the queue and routing ask for the same three on every handoff).
  const byStateCount = new Map<number, StatementSync>();
  const listByStates = (count: number) => {
    let statement = byStateCount.get(count);
    if (!statement) {
      statement = database.prepare(listByStatesSql(count));
      byStateCount.set(count, statement);
    }
    return statement;
  };
  return {
    get: database.prepare(conversationSql.get),
    insert: database.prepare(conversationSql.insert),
    update: database.prepare(conversationSql.update),
    listAll: database.prepare(conversationSql.listAll),
    listByStates,
    enqueue: database.prepare(outboxSql.enqueue),
    due: database.prepare(outboxSql.due),
    updateDelivery: database.prepare(outboxSql.upsert),
    lease: database.prepare(outboxSql.lease),
    listDeliveries: database.prepare(outboxSql.list),
    teamLoads: database.prepare(teamLoadsSql('conversations', 'summary')),
  };
}
