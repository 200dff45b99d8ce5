import { DataSource } from 'typeorm';
import { computeAuditHash, GENESIS_HASH } from './audit-hash';
import { AUDIT_COLUMNS, AuditEventRow, hashedFieldsOf } from './audit-row';
import { AuditChainBreak, AuditChainVerification } from './audit.types';

/**
 * Walks the audit log in chain order (keyset pages of `batchSize`, in one read-only snapshot), checking that each
 * event points at the previous event's hash and that its own hash matches its content. Stops at the first break.
 */
export async function verifyAuditChain(
  dataSource: DataSource,
  { batchSize = 1000 }: { batchSize?: number } = {},
): Promise<AuditChainVerification> {
  return dataSource.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET TRANSACTION READ ONLY');
    const broken = (row: AuditEventRow, reason: AuditChainBreak, checked: number): AuditChainVerification => ({
      ok: false,
      checked,
      firstBroken: { id: row.id, seq: row.seq, reason },
    });
    let checked = 0;
    let expectedPrev = GENESIS_HASH;
    let after = '0';
    for (;;) {
      const rows: AuditEventRow[] = await m.query(
        `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [after, batchSize],
      );
      for (const row of rows) {
        if (row.prev_hash !== expectedPrev) return broken(row, 'prev_hash_mismatch', checked);
        if (computeAuditHash(hashedFieldsOf(row)) !== row.hash) return broken(row, 'hash_mismatch', checked);
        checked += 1;
        expectedPrev = row.hash;
      }
      if (rows.length < batchSize) return { ok: true, checked };
      after = rows[rows.length - 1].seq;
    }
  });
}

/** The one line `audit:verify` prints. */
export function describeAuditVerification(result: AuditChainVerification): string {
  return result.firstBroken
    ? `Audit chain BROKEN at event ${result.firstBroken.seq} (${result.firstBroken.id}): ${result.firstBroken.reason}`
    : `Audit chain intact: ${result.checked} events checked`;
}
