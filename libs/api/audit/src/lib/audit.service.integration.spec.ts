import { createMigratedDatabase, MigratedDatabase } from '@kengash/api-testing';
import { AuditEventEntity } from './audit-event.entity';
import { GENESIS_HASH } from './audit-hash';
import { AuditService } from './audit.service';
import { verifyAuditChain } from './verify-audit-chain';

const APPEND_ONLY = /audit_events is append-only/;
const ACTOR = '0b7d4c9e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

describe('AuditService on a real PostgreSQL', () => {
  let db: MigratedDatabase;
  let sut: AuditService;

  beforeAll(async () => {
    db = await createMigratedDatabase('audit', [AuditEventEntity]);
    sut = new AuditService(db.dataSource);
  });
  afterAll(() => db?.close());

  const count = async (): Promise<number> => {
    const [row]: { n: number }[] = await db.dataSource.query('SELECT count(*)::int AS n FROM audit_events');
    return row.n;
  };

  it('chains events from the genesis hash and stores exactly what it returns', async () => {
    const first = await sut.record({ actorId: ACTOR, action: 'auth.sign_in', ip: '203.0.113.7' });
    const second = await sut.record({
      actorId: ACTOR,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: 'u-1',
      details: { from: 'member', to: 'secretariat' },
    });
    const third = await sut.record({ action: 'auth.sign_in_failed', details: { email: 'x@x.example' } });

    expect(first).toMatchObject({
      actorId: ACTOR,
      action: 'auth.sign_in',
      targetType: null,
      details: {},
      ip: '203.0.113.7',
    });
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(BigInt(second.seq)).toBe(BigInt(first.seq) + BigInt(1));
    expect(third).toMatchObject({ actorId: null, details: { email: 'x@x.example' } });

    const rows: { seq: string; prev_hash: string; hash: string; at: Date }[] = await db.dataSource.query(
      'SELECT seq, prev_hash, hash, at FROM audit_events ORDER BY seq',
    );
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, first.hash, second.hash]);
    expect(rows.map((r) => r.hash)).toEqual([first.hash, second.hash, third.hash]);
    expect(rows[0].at.toISOString()).toBe(first.at);
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({ ok: true, checked: 3 });
  });

  it('serializes concurrent writers: 20 parallel records keep the chain valid and gap-free', async () => {
    const before = await count();
    const records = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sut.record({ action: 'membership.added', details: { i } })),
    );
    const seqs = records.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : 1));
    seqs.forEach((seq, i) => expect(seq).toBe(seqs[0] + BigInt(i)));
    expect(await count()).toBe(before + 20);
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({ ok: true, checked: before + 20 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even on the administrator connection', async () => {
    await sut.record({ action: 'export.created' });
    const n = await count();
    await expect(db.dataSource.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(APPEND_ONLY);
    await expect(db.dataSource.query(`UPDATE audit_events SET details = '{}' WHERE seq = 1`)).rejects.toThrow(
      APPEND_ONLY,
    );
    await expect(db.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(APPEND_ONLY);
    await expect(db.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(APPEND_ONLY);
    await expect(db.dataSource.getRepository(AuditEventEntity).delete({ action: 'export.created' })).rejects.toThrow(
      APPEND_ONLY,
    );
    expect(await count()).toBe(n);
  });

  it('never stores secrets in details', async () => {
    const event = await sut.record({
      action: 'auth.totp_enabled',
      details: {
        password: 'Sup3r-s3cret-pw',
        session: { refreshToken: 'rt-4f1d9a7c', device: 'laptop' },
        totpCode: '918273',
        attempts: [{ otp: '555444' }],
      },
    });
    expect(event.details).toEqual({
      password: '[redacted]',
      session: { refreshToken: '[redacted]', device: 'laptop' },
      totpCode: '[redacted]',
      attempts: [{ otp: '[redacted]' }],
    });
    const [stored]: { details: unknown }[] = await db.dataSource.query(
      'SELECT details FROM audit_events WHERE id = $1',
      [event.id],
    );
    expect(stored.details).toEqual(event.details);
    const dump: { row: string }[] = await db.dataSource.query('SELECT audit_events::text AS row FROM audit_events');
    const text = dump.map((r) => r.row).join('\n');
    for (const secret of ['Sup3r-s3cret-pw', 'rt-4f1d9a7c', '918273', '555444']) expect(text).not.toContain(secret);
    await expect(verifyAuditChain(db.dataSource)).resolves.toMatchObject({ ok: true });
  });

  it("joins the caller's transaction: a rollback leaves no event and the chain valid", async () => {
    const n = await count();
    await expect(
      db.dataSource.transaction(async (m) => {
        await sut.record({ action: 'break_glass.used', targetType: 'rollback' }, m);
        throw new Error('the surrounding work failed');
      }),
    ).rejects.toThrow('the surrounding work failed');
    expect(await count()).toBe(n);

    const committed = await db.dataSource.transaction((m) => sut.record({ action: 'invitation.sent' }, m));
    const [row]: { action: string }[] = await db.dataSource.query('SELECT action FROM audit_events WHERE id = $1', [
      committed.id,
    ]);
    expect(row.action).toBe('invitation.sent');
    await expect(verifyAuditChain(db.dataSource)).resolves.toEqual({ ok: true, checked: n + 1 });
  });

  it('refuses a REPEATABLE READ transaction, whose snapshot could fork the chain', async () => {
    await expect(
      db.dataSource.transaction('REPEATABLE READ', (m) => sut.record({ action: 'auth.sign_in' }, m)),
    ).rejects.toThrow(/READ COMMITTED/);
  });

  describe('list', () => {
    const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    let ids: string[];

    beforeAll(async () => {
      ids = [];
      for (let i = 0; i < 7; i += 1) {
        const e = await sut.record({
          actorId: i % 2 ? OTHER : ACTOR,
          action: i < 5 ? 'listing.viewed' : 'listing.exported',
          targetType: 'listing',
          targetId: `t${i % 3}`,
          details: { i },
        });
        ids.push(e.id);
      }
    });

    it('returns the newest first, filtered', async () => {
      const all = await sut.list({ targetType: 'listing' });
      expect(all.items.map((e) => e.id)).toEqual([...ids].reverse());
      expect(all.nextCursor).toBeNull();
      expect((await sut.list({ targetType: 'listing', action: 'listing.exported' })).items.map((e) => e.id)).toEqual([
        ids[6],
        ids[5],
      ]);
      expect((await sut.list({ targetType: 'listing', actorId: OTHER })).items.map((e) => e.id)).toEqual([
        ids[5],
        ids[3],
        ids[1],
      ]);
      expect((await sut.list({ targetType: 'listing', targetId: 't1' })).items.map((e) => e.id)).toEqual([
        ids[4],
        ids[1],
      ]);
    });

    it('filters by time, from inclusive and to exclusive', async () => {
      const all = (await sut.list({ targetType: 'listing' })).items;
      const oldest = all[all.length - 1];
      const inWindow = await sut.list({ targetType: 'listing', from: new Date(oldest.at), to: new Date(oldest.at) });
      expect(inWindow.items).toEqual([]);
      const fromOldest = await sut.list({ targetType: 'listing', from: new Date(oldest.at) });
      expect(fromOldest.items).toHaveLength(7);
      const future = await sut.list({ targetType: 'listing', from: new Date(Date.now() + 60_000) });
      expect(future.items).toEqual([]);
      const beforeOldest = await sut.list({ targetType: 'listing', to: new Date(oldest.at) });
      expect(beforeOldest.items.every((e) => e.at < oldest.at)).toBe(true);
    });

    it('pages with the seq cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null | undefined;
      let pages = 0;
      do {
        const page = await sut.list({ targetType: 'listing', limit: 3, before: cursor ?? undefined });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
    });

    it('clamps the limit and refuses a malformed cursor', async () => {
      expect((await sut.list({ limit: 0 })).items).toHaveLength(1);
      expect((await sut.list({ limit: 10_000 })).items.length).toBeLessThanOrEqual(200);
      await expect(sut.list({ before: 'abc' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(sut.list({ before: '1; DROP TABLE audit_events' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });
});
