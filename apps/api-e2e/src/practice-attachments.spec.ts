import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  ApiProcess,
  ClamdServer,
  createTestDatabase,
  EICAR,
  startApi,
  startClamdServer,
  TestDatabase,
} from '@kengash/api-testing';
import { ErrorResponse, FieldError, PracticeAttachmentView, PracticeView } from '@kengash/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Client } from 'pg';
import S3rver from 's3rver';
import { client, demo, freshIp, signedIn } from './support/http';

/** A real PDF, written by pdfkit; `pad` random bytes embedded as a file inside it make it as large as needed. */
function makePdf(pad = 0): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, info: { Title: 'Attachment test' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Family counselling in Tashkent: a practice report (demo).');
    if (pad) doc.file(randomBytes(pad), { name: 'survey-data.bin', description: 'padding' });
    doc.end();
  });
}

/** A multipart/form-data body with one file part, written by hand so every byte is known. */
function multipart(fileName: string, bytes: Buffer, field = 'file', type = 'application/octet-stream') {
  const boundary = `----kengash${createHash('sha1').update(fileName).digest('hex').slice(0, 16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Uploaded<T> {
  status: number;
  body: T;
  text: string;
}

async function upload<T = PracticeAttachmentView>(
  baseUrl: string,
  practiceId: string,
  token: string | undefined,
  fileName: string,
  bytes: Buffer,
  options: { field?: string; chunked?: boolean } = {},
): Promise<Uploaded<T>> {
  const { body, contentType } = multipart(fileName, bytes, options.field);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-forwarded-for': freshIp() };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const init: RequestInit & { duplex?: 'half' } = options.chunked
    ? {
        method: 'POST',
        headers,
        // A stream has no length: sent with Transfer-Encoding: chunked, so only the server's own count can stop it.
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < body.length; i += 65_536) controller.enqueue(body.subarray(i, i + 65_536));
            controller.close();
          },
        }),
        duplex: 'half',
      }
    : { method: 'POST', headers, body };
  const res = await fetch(`${baseUrl}/api/practices/${practiceId}/attachments`, init);
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as T };
}

async function download(baseUrl: string, practiceId: string, attachmentId: string, token?: string) {
  const res = await fetch(`${baseUrl}/api/practices/${practiceId}/attachments/${attachmentId}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const ENTRY = {
  originalLocale: 'en',
  country: 'UZ',
  themes: ['psychosocial_support'],
  targetGroups: ['families'],
  approach: 'Group sessions with families',
  evidence: 'practice_report',
  sources: [],
  relatedIds: [],
  groupId: null,
  translations: [
    {
      locale: 'en',
      title: 'Family counselling circles',
      summary: 'Facilitated circles for families of returnees.',
      body: '<p>How the circles are run.</p>',
    },
  ],
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CAP = 1_572_864; // 1.5 MiB: above Fastify's 1 MB body limit, so the multipart path is shown to allow more.

/**
 * Attachments of best-practice entries, against the built API as a process on a fresh database with the demo
 * council: local disk storage with a small cap first; then S3 storage (a real S3-compatible server, s3rver) with
 * virus scanning by a TCP server speaking clamd's INSTREAM protocol.
 */
describe('practice attachments', () => {
  describe('on local disk', () => {
    let db: TestDatabase;
    let api: ApiProcess;
    let pg: Client;
    let dataDir: string;
    let http: ReturnType<typeof client>;
    const tokens: Record<string, string> = {};
    let entry = '';
    let pdf: Buffer;
    let pdfId = '';

    const count = async () =>
      Number(
        (await pg.query(`SELECT count(*) AS n FROM practice_attachments WHERE practice_id = $1`, [entry])).rows[0].n,
      );
    const storedFiles = () =>
      existsSync(join(dataDir, 'attachments')) ? readdirSync(join(dataDir, 'attachments')).sort() : [];
    const stagedFiles = () => (existsSync(join(dataDir, 'incoming')) ? readdirSync(join(dataDir, 'incoming')) : []);
    const storageKeys = async () =>
      (await pg.query(`SELECT storage_key FROM practice_attachments ORDER BY storage_key`)).rows.map(
        (r: { storage_key: string }) => r.storage_key,
      );

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'kengash-attachments-'));
      chmodSync(dataDir, 0o755);
      db = await createTestDatabase('attachments');
      api = await startApi({
        DATABASE_URL: db.url,
        DEMO_DATA: 'true',
        TRUST_PROXY: 'true',
        DATA_DIR: dataDir,
        ATTACHMENT_MAX_BYTES: String(CAP),
      });
      http = client(api.baseUrl);
      for (const key of ['psychologist', 'prosecutor', 'practitioner', 'secretariat'])
        tokens[key] = await signedIn(http, demo(key));
      const created = await http.call<PracticeView>('/api/practices', { body: ENTRY, token: tokens['psychologist'] });
      expect(created.status).toBe(201);
      expect(created.body.can.attach).toBe(true);
      entry = created.body.id;
      pg = new Client({ connectionString: db.url });
      await pg.connect();
      pdf = await makePdf(1_100_000);
      expect(pdf.length).toBeGreaterThan(1_048_576);
      expect(pdf.length).toBeLessThan(CAP);
    });

    afterAll(async () => {
      await pg?.end();
      await api?.stop();
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('stores a real PDF (over 1 MB) under a generated name outside the web root and lists it on the entry', async () => {
      const r = await upload(api.baseUrl, entry, tokens['psychologist'], 'Отчёт о практике 2024.pdf', pdf);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        fileName: 'Отчёт о практике 2024.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        uploadedBy: { name: expect.any(String) },
      });
      pdfId = r.body.id;
      const row = (await pg.query(`SELECT * FROM practice_attachments WHERE id = $1`, [pdfId])).rows[0];
      expect(row.sha256).toBe(sha256(pdf));
      expect(row.storage_key).toMatch(/^[0-9a-f-]{36}$/);
      expect(storedFiles()).toEqual([row.storage_key]);
      expect(readFileSync(join(dataDir, 'attachments', row.storage_key)).equals(pdf)).toBe(true);
      expect(stagedFiles()).toEqual([]);

      const view = await http.call<PracticeView>(`/api/practices/${entry}`, { token: tokens['psychologist'] });
      expect(view.body.attachments).toEqual([r.body]);
    });

    it('downloads it with the same bytes, as an attachment, with its type and nosniff', async () => {
      const d = await download(api.baseUrl, entry, pdfId, tokens['psychologist']);
      expect(d.status).toBe(200);
      expect(d.bytes.equals(pdf)).toBe(true);
      expect(d.headers.get('content-type')).toBe('application/pdf');
      expect(d.headers.get('x-content-type-options')).toBe('nosniff');
      expect(d.headers.get('content-disposition')).toBe(
        `attachment; filename="_____ _ ________ 2024.pdf"; filename*=UTF-8''` +
          encodeURIComponent('Отчёт о практике 2024.pdf'),
      );
      expect(d.headers.get('cache-control')).toBe('no-store');
    });

    it('refuses an executable named .pdf (ELF and PE) with 415 and stores nothing', async () => {
      const before = { rows: await count(), files: storedFiles() };
      const elf = readFileSync(existsSync('/bin/true') ? '/bin/true' : process.execPath).subarray(0, 200_000);
      const pe = Buffer.concat([
        Buffer.from('MZ'),
        Buffer.alloc(58),
        Buffer.from([0x80, 0, 0, 0]),
        Buffer.alloc(64),
        Buffer.from('PE\0\0'),
        Buffer.alloc(4096),
      ]);
      for (const [bytes, type] of [
        [elf, 'application/x-elf'],
        [pe, 'application/x-msdownload'],
      ] as const) {
        const r = await upload<ErrorResponse>(api.baseUrl, entry, tokens['psychologist'], 'report.pdf', bytes);
        expect(r.status).toBe(415);
        expect(r.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        const fields = r.body.details as FieldError[];
        expect(fields[0].field).toBe('file');
        expect(fields[0].messages[0]).toContain(type);
      }
      expect(await count()).toBe(before.rows);
      expect(storedFiles()).toEqual(before.files);
      expect(stagedFiles()).toEqual([]);
    });

    it('refuses a file over ATTACHMENT_MAX_BYTES with 413, with or without a declared length, and stores nothing', async () => {
      const before = { rows: await count(), files: storedFiles() };
      const over = Buffer.concat([pdf, Buffer.alloc(CAP + 1 - pdf.length, 0x20)]);
      for (const chunked of [false, true]) {
        const r = await upload<ErrorResponse>(api.baseUrl, entry, tokens['psychologist'], 'big.pdf', over, {
          chunked,
        });
        expect(r.status).toBe(413);
        expect(r.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: CAP } });
      }
      // A declared length far over the cap is answered before the body is read.
      const early = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          `${api.baseUrl}/api/practices/${entry}/attachments`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tokens['psychologist']}`,
              'content-type': 'multipart/form-data; boundary=x',
              'content-length': String(1_000_000_000),
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write('--x\r\n');
      });
      expect(early.status).toBe(413);
      expect(await count()).toBe(before.rows);
      expect(storedFiles()).toEqual(before.files);
      expect(stagedFiles()).toEqual([]);
    });

    it('accepts UTF-8 text only as .txt or .csv; bad requests get clear 4xx with a field error', async () => {
      const csv = Buffer.from('country,programmes\nUZ,4\n');
      const ok = await upload(api.baseUrl, entry, tokens['psychologist'], 'figures.csv', csv);
      expect(ok.status).toBe(201);
      expect(ok.body.contentType).toBe('text/plain');

      const cases: [string, Promise<Uploaded<ErrorResponse>>, number][] = [
        [
          'text named .html',
          upload(api.baseUrl, entry, tokens['psychologist'], 'page.html', Buffer.from('<script>x</script>')),
          415,
        ],
        [
          'binary named .txt',
          upload(api.baseUrl, entry, tokens['psychologist'], 'notes.txt', Buffer.from([0x41, 0, 0x42])),
          415,
        ],
        ['an empty file', upload(api.baseUrl, entry, tokens['psychologist'], 'empty.pdf', Buffer.alloc(0)), 400],
        [
          'another field name',
          upload(api.baseUrl, entry, tokens['psychologist'], 'report.pdf', pdf.subarray(0, 2000), { field: 'doc' }),
          400,
        ],
      ];
      for (const [what, pending, status] of cases) {
        const r = await pending;
        expect({ what, status: r.status }).toEqual({ what, status });
        expect((r.body.details as FieldError[])[0].field).toBe('file');
      }
      // Not multipart at all, multipart without a boundary, and a form without any file part.
      const raw = async (contentType: string, body: string) => {
        const res = await fetch(`${api.baseUrl}/api/practices/${entry}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens['psychologist']}`, 'content-type': contentType },
          body,
        });
        return { status: res.status, body: (await res.json()) as ErrorResponse };
      };
      expect((await raw('multipart/form-data', 'garbage')).status).toBe(400);
      const noFile = await raw(
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--b--\r\n',
      );
      expect(noFile.status).toBe(400);
      expect(noFile.body.details).toEqual([{ field: 'file', messages: ['is required'] }]);
      const json = await http.call<ErrorResponse>(`/api/practices/${entry}/attachments`, {
        body: { file: 'x' },
        token: tokens['psychologist'],
      });
      expect(json.status).toBe(415);
      expect((json.body.details as FieldError[])[0].field).toBe('file');
    });

    it("hides a draft's attachments from a member of another group, a practitioner and anonymous (404)", async () => {
      for (const token of [tokens['prosecutor'], tokens['practitioner'], undefined]) {
        expect((await download(api.baseUrl, entry, pdfId, token)).status).toBe(404);
      }
      const r = await upload(api.baseUrl, entry, tokens['prosecutor'], 'x.pdf', pdf.subarray(0, 1000));
      expect(r.status).toBe(404);
      expect((await upload(api.baseUrl, entry, undefined, 'x.pdf', pdf.subarray(0, 1000))).status).toBe(401);
      const del = await http.call(`/api/practices/${entry}/attachments/${pdfId}`, {
        method: 'DELETE',
        token: tokens['prosecutor'],
      });
      expect(del.status).toBe(404);
      // An attachment of another entry is not reachable through this one.
      const other = await http.call<PracticeView>('/api/practices', { body: ENTRY, token: tokens['psychologist'] });
      expect((await download(api.baseUrl, other.body.id, pdfId, tokens['psychologist'])).status).toBe(404);
    });

    it('serves the attachments of a public published entry to anyone; only the secretariat changes them then', async () => {
      expect(
        (await http.call(`/api/practices/${entry}/submit`, { method: 'POST', token: tokens['psychologist'] })).status,
      ).toBe(200);
      const published = await http.call<PracticeView>(`/api/practices/${entry}/publish`, {
        body: { visibility: 'public' },
        token: tokens['secretariat'],
      });
      expect(published.status).toBe(200);
      const anonymous = await download(api.baseUrl, entry, pdfId);
      expect(anonymous.status).toBe(200);
      expect(anonymous.bytes.equals(pdf)).toBe(true);
      const author = await upload<ErrorResponse>(
        api.baseUrl,
        entry,
        tokens['psychologist'],
        'late.csv',
        Buffer.from('a,b\n'),
      );
      expect(author.status).toBe(403);
    });

    it('deletes (the secretariat here), audits uploads and deletions, and removes the stored file', async () => {
      const rows = await count();
      const key = (await pg.query(`SELECT storage_key FROM practice_attachments WHERE id = $1`, [pdfId])).rows[0]
        .storage_key as string;
      const del = await http.call(`/api/practices/${entry}/attachments/${pdfId}`, {
        method: 'DELETE',
        token: tokens['secretariat'],
      });
      expect(del.status).toBe(204);
      expect(await count()).toBe(rows - 1);
      expect(storedFiles()).not.toContain(key);
      expect(storedFiles()).toEqual(await storageKeys());
      expect((await download(api.baseUrl, entry, pdfId, tokens['secretariat'])).status).toBe(404);
      const again = await http.call(`/api/practices/${entry}/attachments/${pdfId}`, {
        method: 'DELETE',
        token: tokens['secretariat'],
      });
      expect(again.status).toBe(404);

      const events = (
        await pg.query(
          `SELECT action, actor_id, details FROM audit_events WHERE target_id = $1 AND action LIKE 'practice.attachment%' ORDER BY seq`,
          [entry],
        )
      ).rows as { action: string; actor_id: string | null; details: { attachmentId: string; sha256: string } }[];
      const audit = events.filter((a) => a.action !== 'practice.attachment_downloaded');
      expect(audit.map((a) => a.action)).toEqual([
        'practice.attachment_added',
        'practice.attachment_added',
        'practice.attachment_removed',
      ]);
      expect(audit[0].details).toMatchObject({ attachmentId: pdfId, sha256: sha256(pdf) });
      // Downloads of the draft were audited (the author's); the anonymous one of the public entry was not.
      const downloads = events.filter((a) => a.action === 'practice.attachment_downloaded');
      const author = await pg.query(`SELECT id FROM users WHERE email = 'psychologist@demo.kengash.example'`);
      expect(downloads.map((a) => a.actor_id)).toEqual([author.rows[0].id]);
      expect(downloads[0].details).toMatchObject({ attachmentId: pdfId, sha256: sha256(pdf) });
    });
  });

  describe('in S3 storage, scanned by clamd', () => {
    let db: TestDatabase;
    let api: ApiProcess;
    let s3: S3rver;
    let s3dir: string;
    let bucket: S3Client;
    let clamd: ClamdServer;
    let pg: Client;
    let dataDir: string;
    let token = '';
    let entry = '';
    const BUCKET = 'kengash-e2e';

    const objects = async () =>
      ((await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key).sort();
    const rows = async () => Number((await pg.query(`SELECT count(*) AS n FROM practice_attachments`)).rows[0].n);

    beforeAll(async () => {
      s3dir = mkdtempSync(join(tmpdir(), 'kengash-s3-'));
      s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir });
      const { port } = await s3.run();
      const endpoint = `http://127.0.0.1:${port}`;
      bucket = new S3Client({
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      await bucket.send(new CreateBucketCommand({ Bucket: BUCKET }));
      clamd = await startClamdServer();
      db = await createTestDatabase('attachments_s3');
      dataDir = mkdtempSync(join(tmpdir(), 'kengash-attachments-s3-'));
      chmodSync(dataDir, 0o755);
      api = await startApi({
        DATABASE_URL: db.url,
        DEMO_DATA: 'true',
        TRUST_PROXY: 'true',
        DATA_DIR: dataDir,
        S3_ENDPOINT: endpoint,
        S3_BUCKET: BUCKET,
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY: 'S3RVER',
        S3_SECRET_KEY: 'S3RVER',
        CLAMAV_HOST: clamd.host,
        CLAMAV_PORT: String(clamd.port),
        CLAMAV_TIMEOUT_MS: '5000',
      });
      const http = client(api.baseUrl);
      token = await signedIn(http, demo('social-worker'));
      const created = await http.call<PracticeView>('/api/practices', { body: ENTRY, token });
      expect(created.status).toBe(201);
      entry = created.body.id;
      pg = new Client({ connectionString: db.url });
      await pg.connect();
    });

    afterAll(async () => {
      await pg?.end();
      await api?.stop();
      await db?.drop();
      await clamd?.close();
      bucket?.destroy();
      await s3?.close();
      rmSync(s3dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('scans, stores in the bucket under attachments/<key>, serves the same bytes, deletes from the bucket', async () => {
      const pdf = await makePdf();
      const r = await upload(api.baseUrl, entry, token, 'report.pdf', pdf);
      expect(r.status).toBe(201);
      expect(clamd.scanned.at(-1)?.equals(pdf)).toBe(true);
      const key = (await pg.query(`SELECT storage_key FROM practice_attachments WHERE id = $1`, [r.body.id])).rows[0]
        .storage_key as string;
      expect(await objects()).toEqual([`attachments/${key}`]);
      expect(existsSync(join(dataDir, 'attachments'))).toBe(false); // nothing on local disk
      expect(readdirSync(join(dataDir, 'incoming'))).toEqual([]); // the staged file is gone
      const d = await download(api.baseUrl, entry, r.body.id, token);
      expect(d.status).toBe(200);
      expect(d.bytes.equals(pdf)).toBe(true);
      expect(d.headers.get('content-disposition')).toBe(
        `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
      );
      const del = await fetch(`${api.baseUrl}/api/practices/${entry}/attachments/${r.body.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(del.status).toBe(204);
      expect(await objects()).toEqual([]);
    });

    it('refuses the EICAR test file with 422 and a field error, storing nothing', async () => {
      const before = await rows();
      const r = await upload<ErrorResponse>(api.baseUrl, entry, token, 'eicar.txt', Buffer.from(EICAR, 'latin1'));
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('UNPROCESSABLE_CONTENT');
      expect(r.body.details).toEqual([{ field: 'file', messages: ['the virus scanner found Eicar-Test-Signature'] }]);
      expect(await rows()).toBe(before);
      expect(await objects()).toEqual([]);
      const audit = await pg.query(`SELECT details FROM audit_events WHERE action = 'practice.attachment_infected'`);
      expect(audit.rows[0].details).toMatchObject({ signature: 'Eicar-Test-Signature', fileName: 'eicar.txt' });
    });

    it('answers 503 and stores nothing while clamd is unreachable', async () => {
      await clamd.close();
      const before = await rows();
      const r = await upload<ErrorResponse>(api.baseUrl, entry, token, 'notes.txt', Buffer.from('clean text\n'));
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(await rows()).toBe(before);
      expect(await objects()).toEqual([]);
    });
  });
});
