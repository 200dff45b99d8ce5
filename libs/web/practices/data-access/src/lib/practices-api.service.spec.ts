import { HttpClient, HttpErrorResponse, HttpEventType, HttpXhrBackend, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PracticeAttachmentView, PracticeInput, PracticeView } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { firstValueFrom, toArray } from 'rxjs';
import { PRACTICE_UPLOAD_HTTP, PracticesApiService, UploadEvent } from './practices-api.service';

const input: PracticeInput = {
  originalLocale: 'en',
  country: null,
  themes: ['psychosocial_support'],
  targetGroups: ['women'],
  approach: 'Group counselling',
  evidence: 'documented',
  sources: [],
  relatedIds: [],
  groupId: null,
  translations: [{ locale: 'en', title: 'Return home', summary: '', body: '<p>Text</p>' }],
};

const attachment: PracticeAttachmentView = {
  id: 'a1',
  fileName: 'report.pdf',
  contentType: 'application/pdf',
  size: 2048,
  uploadedAt: '2025-03-01T10:00:00.000Z',
  uploadedBy: null,
};

describe('PracticesApiService', () => {
  let sut: PracticesApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        // The upload client runs on XMLHttpRequest; in tests it reaches the testing backend too.
        { provide: HttpXhrBackend, useExisting: HttpTestingController },
      ],
    });
    sut = TestBed.inject(PracticesApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches with the filters set (page 1 and empty ones left out) and the reader’s language', async () => {
    const reply = firstValueFrom(
      sut.search({ q: 'реинтеграция', country: undefined, theme: 'education', page: 1 }, 'ru'),
    );
    const request = http.expectOne((r) => r.url === '/api/practices');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys()).toEqual(['q', 'theme']);
    expect(request.request.params.get('q')).toBe('реинтеграция');
    expect(request.request.headers.get('Accept-Language')).toBe('ru');
    request.flush({ total: 0, page: 1, pageSize: 20, hits: [], facets: {} });
    await expect(reply).resolves.toMatchObject({ total: 0 });

    sut.search({ language: 'kk', evidence: 'evaluated', page: 3 }, 'en').subscribe();
    expect(
      http.expectOne('/api/practices?language=kk&evidence=evaluated&page=3').request.headers.get('Accept-Language'),
    ).toBe('en');
  });

  it('reads, creates and saves an entry with its version; a 409 reaches the caller', async () => {
    sut.get('p/1').subscribe();
    expect(http.expectOne('/api/practices/p%2F1').request.method).toBe('GET');

    sut.create(input).subscribe();
    const created = http.expectOne('/api/practices');
    expect(created.request.method).toBe('POST');
    expect(created.request.body).toEqual(input);

    const saved = firstValueFrom(sut.update('p1', 4, input));
    const put = http.expectOne('/api/practices/p1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ ...input, version: 4 });
    put.flush(
      { statusCode: 409, code: 'CONFLICT', message: 'Stale', details: { current: { id: 'p1' } as PracticeView } },
      { status: 409, statusText: 'Conflict' },
    );
    const error = await saved.catch((e: unknown) => e);
    expect((error as HttpErrorResponse).status).toBe(409);
  });

  it('drives the workflow: submit, reviewers, publish with visibility and note, return, archive', () => {
    sut.submit('p1').subscribe();
    sut.assignReviewers('p1', ['u1', 'u2']).subscribe();
    sut.publish('p1', 'network', 'Clear and sourced').subscribe();
    sut.publish('p1', 'public').subscribe();
    sut.returnToAuthor('p1', 'Add a source').subscribe();
    sut.archive('p1').subscribe();

    expect(http.expectOne('/api/practices/p1/submit').request.method).toBe('POST');
    const reviewers = http.expectOne('/api/practices/p1/reviewers');
    expect(reviewers.request.method).toBe('PUT');
    expect(reviewers.request.body).toEqual({ reviewerIds: ['u1', 'u2'] });
    const [withNote, plain] = http.match('/api/practices/p1/publish');
    expect(withNote.request.body).toEqual({ visibility: 'network', note: 'Clear and sourced' });
    expect(plain.request.body).toEqual({ visibility: 'public' });
    expect(http.expectOne('/api/practices/p1/return').request.body).toEqual({ note: 'Add a source' });
    expect(http.expectOne('/api/practices/p1/archive').request.method).toBe('POST');
  });

  it('reads the review queue and the reviewer candidates, comments, and endorses on and off', () => {
    sut.reviewQueue().subscribe();
    expect(http.expectOne('/api/practices/review-queue').request.method).toBe('GET');
    sut.reviewerCandidates(' Saule ').subscribe();
    expect(http.expectOne('/api/practices/reviewer-candidates?q=Saule').request.method).toBe('GET');
    sut.reviewerCandidates('').subscribe();
    http.expectOne('/api/practices/reviewer-candidates?q=');

    sut.comments('p1').subscribe();
    expect(http.expectOne('/api/practices/p1/comments').request.method).toBe('GET');
    sut.comment('p1', 'Used it in Nukus').subscribe();
    const comment = http.expectOne({ url: '/api/practices/p1/comments', method: 'POST' });
    expect(comment.request.body).toEqual({ body: 'Used it in Nukus' });

    sut.endorse('p1', true).subscribe();
    expect(http.expectOne('/api/practices/p1/endorsement').request.method).toBe('PUT');
    sut.endorse('p1', false).subscribe();
    expect(http.expectOne('/api/practices/p1/endorsement').request.method).toBe('DELETE');
  });

  it('downloads an attachment as a blob and deletes one', () => {
    expect(sut.attachmentUrl('p1', 'a/1')).toBe('/api/practices/p1/attachments/a%2F1');
    sut.downloadAttachment('p1', 'a1').subscribe();
    const download = http.expectOne('/api/practices/p1/attachments/a1');
    expect(download.request.responseType).toBe('blob');
    sut.deleteAttachment('p1', 'a1').subscribe();
    expect(http.expectOne({ url: '/api/practices/p1/attachments/a1', method: 'DELETE' })).toBeTruthy();
  });

  it('uploads one file in the field `file` with the access token, reporting progress, then the attachment', async () => {
    jest.spyOn(TestBed.inject(AuthService), 'accessToken').mockReturnValue('token-1');
    const file = new File(['%PDF-1.4'], 'report.pdf', { type: 'application/pdf' });
    const events = firstValueFrom(sut.upload('p1', file).pipe(toArray()));

    const request = http.expectOne('/api/practices/p1/attachments');
    expect(request.request.method).toBe('POST');
    expect(request.request.reportProgress).toBe(true);
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    const body = request.request.body as FormData;
    expect([...body.keys()]).toEqual(['file']);
    expect((body.get('file') as File).name).toBe('report.pdf');
    request.event({ type: HttpEventType.Sent });
    request.event({ type: HttpEventType.UploadProgress, loaded: 512, total: 2048 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 100 });
    request.flush(attachment, { status: 201, statusText: 'Created' });

    await expect(events).resolves.toEqual<UploadEvent[]>([
      { kind: 'progress', loaded: 512, total: 2048, percent: 25 },
      { kind: 'progress', loaded: 100, total: null, percent: null },
      { kind: 'done', attachment },
    ]);
  });

  it('uploads through its own client, not the app’s fetch-based one', () => {
    expect(TestBed.inject(PRACTICE_UPLOAD_HTTP)).not.toBe(TestBed.inject(HttpClient));
  });

  it('passes a refused upload on (413 too large)', async () => {
    const reply = firstValueFrom(sut.upload('p1', new File(['x'], 'big.zip')));
    http
      .expectOne('/api/practices/p1/attachments')
      .flush(
        { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Too large' },
        { status: 413, statusText: 'Payload Too Large' },
      );
    const error = await reply.catch((e: unknown) => e);
    expect((error as HttpErrorResponse).status).toBe(413);
  });
});
