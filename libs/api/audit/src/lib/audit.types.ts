/** One audit event as the API hands it out (a plain object, not the entity). */
export interface AuditEventRecord {
  id: string;
  /** The position in the hash chain (a bigint, as a decimal string). */
  seq: string;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

/** What a caller records; secrets in `details` are redacted before anything is hashed or stored. */
export interface AuditEventInput {
  actorId?: string | null;
  /** Dotted verb, e.g. `auth.sign_in`, `user.role_changed`, `break_glass.used`. */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditListFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** A `seq` cursor (the previous page's `nextCursor`): only older events. */
  before?: string;
  /** 1..200, default 50; out-of-range values are clamped. */
  limit?: number;
}

export interface AuditListPage {
  /** Newest first. */
  items: AuditEventRecord[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export type AuditChainBreak = 'hash_mismatch' | 'prev_hash_mismatch';

export interface AuditChainVerification {
  ok: boolean;
  /** Events found intact (before the break, when there is one). */
  checked: number;
  firstBroken?: { id: string; seq: string; reason: AuditChainBreak };
}
