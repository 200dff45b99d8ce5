import { ValidationDomainException } from '@kengash/api-core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditHashedFields, computeAuditHash, GENESIS_HASH, prepareDetails } from './audit-hash';
import { AUDIT_COLUMNS, AuditEventRow, toAuditRecord } from './audit-row';
import { AuditEventInput, AuditEventRecord, AuditListFilter, AuditListPage } from './audit.types';

/** Held (transaction-scoped) while an event is appended: writers on every instance take turns. */
export const AUDIT_CHAIN_LOCK = 4_212_025;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The append-only, hash-chained audit log. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends one event, chained to the last one. Pass the `manager` of a running transaction to make the event
   * part of it (it disappears if that transaction rolls back); the chain lock is then held until it ends, so
   * record last. The transaction must be READ COMMITTED (PostgreSQL's default): a snapshot taken before the lock
   * would not see the latest event and would fork the chain.
   */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<AuditEventRecord> {
    if (manager?.queryRunner?.isTransactionActive) return this.append(manager, event);
    return (manager ?? this.db.manager).transaction((m) => this.append(m, event));
  }

  private async append(m: EntityManager, event: AuditEventInput): Promise<AuditEventRecord> {
    const [lock]: { isolation: string }[] = await m.query(
      `SELECT pg_advisory_xact_lock($1), current_setting('transaction_isolation') AS isolation`,
      [AUDIT_CHAIN_LOCK],
    );
    if (lock.isolation !== 'read committed') {
      throw new Error(`AuditService.record needs a READ COMMITTED transaction, not ${lock.isolation}`);
    }
    const [last]: { hash: string }[] = await m.query(`SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1`);
    const fields: AuditHashedFields = {
      id: randomUUID(),
      // A JavaScript Date has milliseconds: stored as given, read back equal.
      at: new Date().toISOString(),
      actorId: event.actorId ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: prepareDetails(event.details),
      ip: event.ip ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = computeAuditHash(fields);
    const [row]: AuditEventRow[] = await m.query(
      `INSERT INTO audit_events (id, at, actor_id, action, target_type, target_id, details, ip, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
       RETURNING ${AUDIT_COLUMNS}`,
      [
        fields.id,
        fields.at,
        fields.actorId,
        fields.action,
        fields.targetType,
        fields.targetId,
        JSON.stringify(fields.details),
        fields.ip,
        fields.prevHash,
        hash,
      ],
    );
    return toAuditRecord(row);
  }

  /** Events matching every given filter, newest first, in pages of `limit` (1..200, default 50). */
  async list(filter: AuditListFilter = {}): Promise<AuditListPage> {
    const limit = Number.isFinite(filter.limit)
      ? Math.min(MAX_LIMIT, Math.max(1, Math.trunc(filter.limit ?? DEFAULT_LIMIT)))
      : DEFAULT_LIMIT;
    if (filter.before !== undefined && !/^[1-9][0-9]{0,18}$/.test(filter.before)) {
      throw new ValidationDomainException([{ field: 'before', messages: ['must be a cursor from a previous page'] }]);
    }
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (column: string, operator: string, value: unknown) => {
      params.push(value);
      where.push(`${column} ${operator} $${params.length}`);
    };
    if (filter.action !== undefined) add('action', '=', filter.action);
    if (filter.actorId !== undefined) add('actor_id', '=', filter.actorId);
    if (filter.targetType !== undefined) add('target_type', '=', filter.targetType);
    if (filter.targetId !== undefined) add('target_id', '=', filter.targetId);
    if (filter.from !== undefined) add('at', '>=', filter.from);
    if (filter.to !== undefined) add('at', '<', filter.to);
    if (filter.before !== undefined) add('seq', '<', filter.before);
    params.push(limit + 1);
    const rows: AuditEventRow[] = await this.db.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_events
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toAuditRecord);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }
}
