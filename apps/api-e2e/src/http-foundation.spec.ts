import { DevMailboxResponse, ErrorCode, ErrorResponse, WorkingGroupListResponse } from '@kengash/contracts';
import { ApiProcess, createTestDatabase, startApi, TestDatabase } from '@kengash/api-testing';
import { spawnSync } from 'node:child_process';
import { client, DEMO_PASSWORD, demo, signedIn } from './support/http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Validates an OpenAPI document with @apidevtools/swagger-parser. The parser is an ES module, which Jest's
 * CommonJS runtime cannot load, so it runs in a plain Node process.
 */
function validateOpenApi(doc: unknown): { ok: boolean; message: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'kg-openapi-')), 'doc.json');
  writeFileSync(file, JSON.stringify(doc));
  const script = `require('@apidevtools/swagger-parser').validate(${JSON.stringify(file)}).then(() => console.log('valid'), (e) => { console.log(e.message); process.exit(1); })`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
  return { ok: r.status === 0, message: (r.stdout + r.stderr).trim() };
}

/** A response body must never carry a stack trace, SQL or a file path. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+|SELECT |INSERT |QueryFailedError/);
}

function expectErrorShape(body: ErrorResponse, status: number, code: ErrorCode): void {
  expect(body.statusCode).toBe(status);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.correlationId).toMatch(/^[A-Za-z0-9._:-]{8,}$/);
  expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'correlationId', 'message', 'statusCode']));
}

describe('API over HTTP (real process, real PostgreSQL, demo data)', () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase('http');
    api = await startApi({ DATABASE_URL: db.url, DEMO_DATA: 'true' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${api.baseUrl}${path}`, init);

  it('answers liveness and readiness (the database is checked)', async () => {
    const live = await get('/api/health/live');
    expect(live.status).toBe(200);
    const ready = await get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up' } });
  });

  it('lists the four working groups of the demo council from the database', async () => {
    const res = await get('/api/council/groups');
    expect(res.status).toBe(200);
    const body = (await res.json()) as WorkingGroupListResponse;
    expect(body.council.demo).toBe(true);
    expect(body.groups.map((g) => g.name.en).sort()).toEqual([
      'Accountability and Justice',
      'Civil Society Engagement',
      'Countering Terrorist Narratives',
      'Psychosocial Support',
    ]);
    expect(body.groups.every((g) => g.name['ru'] && g.memberCount > 0)).toBe(true);
    const countries = new Set(body.groups.flatMap((g) => g.countries));
    expect([...countries].sort()).toEqual(['KG', 'KZ', 'TJ', 'TM', 'UZ']);
  });

  it('returns the error shape with 404 for an unknown API route', async () => {
    const res = await get('/api/no-such-thing');
    expect(res.status).toBe(404);
    const text = await res.text();
    expectNoInternals(text);
    expectErrorShape(JSON.parse(text), 404, ErrorCode.NotFound);
  });

  it('returns 400 MALFORMED_REQUEST for a malformed JSON body', async () => {
    const res = await get('/api/time/world-clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"instant": "2024-07-26T10:00:00Z",',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expectNoInternals(text);
    expectErrorShape(JSON.parse(text), 400, ErrorCode.MalformedRequest);
  });

  it('lists every bad field when a body fails validation', async () => {
    const res = await get('/api/time/world-clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instant: 'yesterday', zones: ['Asia/Astana'], extra: 1 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorResponse;
    expectErrorShape(body, 400, ErrorCode.ValidationFailed);
    const fields = (body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['extra', 'instant', 'zones']);
  });

  it('answers a valid world-clock request with the brief’s worked example', async () => {
    const res = await get('/api/time/world-clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        instant: '2024-07-26T10:00:00Z',
        zones: ['Asia/Tashkent', 'Asia/Bishkek', 'America/New_York'],
      }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.entries.map((e: { local: string }) => e.local.slice(11))).toEqual(['15:00', '16:00', '06:00']);
  });

  it('returns 415 in the error shape for a body it cannot read', async () => {
    const res = await get('/api/time/world-clock', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(res.status).toBe(415);
    expectErrorShape((await res.json()) as ErrorResponse, 415, ErrorCode.UnsupportedMediaType);
  });

  it('returns 413 in the error shape for a body over the limit', async () => {
    const res = await get('/api/time/world-clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instant: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expectErrorShape((await res.json()) as ErrorResponse, 413, ErrorCode.PayloadTooLarge);
  });

  it('echoes a well-formed correlation id and makes one otherwise', async () => {
    const mine = await get('/api/health/live', { headers: { 'x-correlation-id': 'kg-test-1234567' } });
    expect(mine.headers.get('x-correlation-id')).toBe('kg-test-1234567');
    const made = await get('/api/no-such-thing', { headers: { 'x-correlation-id': 'bad id <script>' } });
    const body = (await made.json()) as ErrorResponse;
    expect(made.headers.get('x-correlation-id')).toBe(body.correlationId);
    expect(body.correlationId).not.toContain('<');
  });

  it('serves a valid OpenAPI document and the docs UI', async () => {
    const res = await get('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(validateOpenApi(doc)).toEqual({ ok: true, message: 'valid' });
    // The validator really rejects a broken document (so the check above can fail).
    expect(validateOpenApi({ ...doc, paths: { '/x': { get: { responses: { 200: { $ref: '#/nope' } } } } } }).ok).toBe(
      false,
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/council/groups', '/api/health/ready', '/api/time/world-clock']),
    );
    const ui = await get('/api/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('catches mail in-process without SMTP_URL and shows it to staff in the development inbox', async () => {
    const http = client(api.baseUrl);
    const token = await signedIn(http, demo('secretariat'));
    expect((await http.call('/api/auth/password-reset/request', { body: { email: demo('teacher') } })).status).toBe(
      202,
    );
    const deadline = Date.now() + 10_000;
    let items: DevMailboxResponse['items'] = [];
    while (Date.now() < deadline && !items.some((m) => m.to.includes(demo('teacher')))) {
      items = (await http.call<DevMailboxResponse>('/api/dev/mailbox', { token })).body.items;
      await new Promise((r) => setTimeout(r, 200));
    }
    const mail = items.find((m) => m.to.includes(demo('teacher')));
    expect(mail?.subject).toBe('Сброс пароля Kengash'); // the teacher's language is Russian
    expect(mail?.text).toMatch(/reset-password\?token=/);
    const member = await http.session(demo('psychologist'), DEMO_PASSWORD);
    expect((await http.call('/api/dev/mailbox', { token: member.accessToken })).status).toBe(403);
  });

  it('serves the Angular app on one port, with client-side routes falling back to index.html', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('<kg-root');
    const deep = await get('/practices/some-entry', { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<kg-root');
    const missingAsset = await get('/no-such-file.js');
    expect(missingAsset.status).toBe(404);
    const i18n = await get('/i18n/ru.json');
    expect(i18n.status).toBe(200);
  });
});
