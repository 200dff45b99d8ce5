import { createMigratedDatabase, MigratedDatabase } from '@kengash/api-testing';
import { AuditEventEntity } from './audit-event.entity';
import { computeAuditHash } from './audit-hash';
import { AUDIT_COLUMNS, AuditEventRow, hashedFieldsOf } from './audit-row';
import { AuditService } from './audit.service';
import { AuditEventRecord } from './audit.types';
import { verifyAuditChain } from './verify-audit-chain';

describe('verifyAuditChain on a real PostgreSQL', () => {
  let db: MigratedDatabase;
  let events: AuditEventRecord[];

  /** What an attacker with the table owner's (or a superuser's) credentials could do. */
  const tamper = async (sql: string, params: unknown[]) => {
    await db.dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await db.dataSource.query(sql, params);
    await db.dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  };

  beforeEach(async () => {
    db = await createMigratedDatabase('audit_verify', [AuditEventEntity]);
    const sut = new AuditService(db.dataSource);
    events = [];
    for (let i = 0; i < 5; i += 1) {
      events.push(await sut.record({ action: 'user.role_changed', targetId: `u${i}`, details: { to: 'admin', i } }));
    }
  });
  afterEach(() => db?.close());

  it('accepts an untouched chain, across keyset batches', async () => {
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({ ok: true, checked: 5 });
    await expect(verifyAuditChain(db.dataSource, { batchSize: 2 })).resolves.toEqual({ ok: true, checked: 5 });
  });

  it('reports a changed row as hash_mismatch at that row', async () => {
    const victim = events[2];
    await tamper(`UPDATE audit_events SET details = '{"to":"member","i":2}' WHERE id = $1`, [victim.id]);
    await expect(verifyAuditChain(db.dataSource, { batchSize: 2 })).resolves.toEqual({
      ok: false,
      checked: 2,
      firstBroken: { id: victim.id, seq: victim.seq, reason: 'hash_mismatch' },
    });
  });

  it('reports a deleted middle row as prev_hash_mismatch at the next row', async () => {
    await tamper('DELETE FROM audit_events WHERE id = $1', [events[1].id]);
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({
      ok: false,
      checked: 1,
      firstBroken: { id: events[2].id, seq: events[2].seq, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports a row changed with its own hash recomputed as prev_hash_mismatch at the next row', async () => {
    const victim = events[3];
    const [row]: AuditEventRow[] = await db.dataSource.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE id = $1`,
      [victim.id],
    );
    const forged = { ...row, details: { to: 'member', i: 3 } };
    await tamper(`UPDATE audit_events SET details = $2, hash = $3 WHERE id = $1`, [
      victim.id,
      forged.details,
      computeAuditHash(hashedFieldsOf(forged)),
    ]);
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({
      ok: false,
      checked: 4,
      firstBroken: { id: events[4].id, seq: events[4].seq, reason: 'prev_hash_mismatch' },
    });
  });

  it('accepts an empty log', async () => {
    await tamper('TRUNCATE audit_events', []);
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({ ok: true, checked: 0 });
  });
});
