import { AuditHashedFields, JsonObject } from './audit-hash';
import { AuditEventRecord } from './audit.types';

/** A row of `audit_events` as `pg` returns it (bigint as a string, timestamptz as a Date, jsonb parsed). */
export interface AuditEventRow {
  id: string;
  seq: string;
  at: Date;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: JsonObject;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS = 'id, seq, at, actor_id, action, target_type, target_id, details, ip, prev_hash, hash';

export function toAuditRecord(row: AuditEventRow): AuditEventRecord {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
    ip: row.ip,
    hash: row.hash,
  };
}

export function hashedFieldsOf(row: AuditEventRow): AuditHashedFields {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details,
    ip: row.ip,
    prevHash: row.prev_hash,
  };
}
