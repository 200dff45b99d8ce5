import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActionItemStatus, MinutesContent, MinutesView } from '@kengash/contracts';
import { firstValueFrom } from 'rxjs';
import { MinutesApiService } from './minutes-api.service';

const content: MinutesContent = { title: 'Spring session', attendance: [], items: [] };

describe('MinutesApiService', () => {
  let sut: MinutesApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(MinutesApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists a session’s minutes and starts a document of a face', async () => {
    const list = firstValueFrom(sut.sessionMinutes('s/1'));
    http.expectOne('/api/sessions/s%2F1/minutes').flush({ documents: [], canCreate: true });
    await expect(list).resolves.toEqual({ documents: [], canCreate: true });

    const created = firstValueFrom(sut.create('s1', 'full'));
    const request = http.expectOne('/api/sessions/s1/minutes');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ face: 'full' });
    request.flush({ id: 'm1' });
    await expect(created).resolves.toMatchObject({ id: 'm1' });
  });

  it('saves with the base version and passes a 409 on', async () => {
    const reply = firstValueFrom(sut.save('m1', 3, content, 'typo'));
    const request = http.expectOne('/api/minutes/m1');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ baseVersion: 3, content, note: 'typo' });
    request.flush(
      { statusCode: 409, code: 'CONFLICT', message: 'Stale', details: { current: { id: 'm1' } as MinutesView } },
      { status: 409, statusText: 'Conflict' },
    );
    const error = await reply.catch((e: unknown) => e);
    expect((error as HttpErrorResponse).status).toBe(409);
  });

  it('sets a public summary’s visibility and reads a published one without an account', () => {
    sut.setVisibility('m/1', 'public').subscribe();
    const put = http.expectOne('/api/minutes/m%2F1/visibility');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ visibility: 'public' });
    sut.publicMinutes('m1').subscribe();
    expect(http.expectOne('/api/public/minutes/m1').request.method).toBe('GET');
  });

  it('circulates, approves, corrects, and reads diffs, amendments and comments', () => {
    sut.circulate('m1').subscribe();
    sut.approve('m1').subscribe();
    sut.startCorrection('m1').subscribe();
    sut.diff('m1', 1, 2).subscribe();
    sut.propose('m1', { itemKey: 'k', proposedNotes: '<p>x</p>', reason: 'r' }).subscribe();
    sut.decide('m1', 'a1', { accept: true, note: 'ok' }).subscribe();
    sut.comment('m1', 'Thanks', 'k').subscribe();

    expect(http.expectOne('/api/minutes/m1/circulate').request.method).toBe('POST');
    expect(http.expectOne('/api/minutes/m1/approve').request.method).toBe('POST');
    expect(http.expectOne('/api/minutes/m1/corrections').request.method).toBe('POST');
    expect(http.expectOne('/api/minutes/m1/diff?from=1&to=2').request.method).toBe('GET');
    expect(http.expectOne('/api/minutes/m1/amendments').request.body).toEqual({
      itemKey: 'k',
      proposedNotes: '<p>x</p>',
      reason: 'r',
    });
    expect(http.expectOne('/api/minutes/m1/amendments/a1/decision').request.body).toEqual({ accept: true, note: 'ok' });
    expect(http.expectOne('/api/minutes/m1/comments').request.body).toEqual({ body: 'Thanks', itemKey: 'k' });
  });

  it('builds export links in a supported language', () => {
    expect(sut.exportUrl('m1', 'pdf', 'ru')).toBe('/api/minutes/m1/export?format=pdf&locale=ru');
    expect(sut.exportUrl('m1', 'md', 'uz')).toBe('/api/minutes/m1/export?format=md&locale=en');
  });

  it('fetches an export as a file', async () => {
    const reply = firstValueFrom(sut.exportFile('m1', 'md', 'en'));
    const request = http.expectOne('/api/minutes/m1/export?format=md&locale=en');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['# Minutes']), { headers: { 'content-disposition': 'attachment; filename="m.md"' } });
    const response = await reply;
    expect(response.headers.get('content-disposition')).toContain('m.md');
  });

  it('queries the register and my actions without empty parameters, and patches an action', () => {
    sut.decisions({ q: 'plan', groupId: '', status: 'approved' }).subscribe();
    sut.actions({ owner: 'me' }).subscribe();
    sut.updateAction('a1', { version: 2, status: ActionItemStatus.Done }).subscribe();

    http.expectOne('/api/decisions?q=plan&status=approved').flush({ decisions: [], truncated: false });
    http.expectOne('/api/actions?owner=me').flush({ items: [] });
    const patch = http.expectOne('/api/actions/a1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ version: 2, status: 'done' });
  });

  it('filters the board by group, status and overdue, and creates an item from a decision', () => {
    sut.actions({ groupId: 'g1', status: ActionItemStatus.InProgress, overdue: true }).subscribe();
    sut.actions({ overdue: false }).subscribe();
    sut
      .createAction({
        title: 'Circulate the plan',
        groupId: 'g1',
        ownerId: 'u1',
        dueDate: '2031-05-01',
        sessionId: 's1',
        minutesId: 'm1',
        itemKey: 'i1',
        decisionIndex: 0,
      })
      .subscribe();

    http.expectOne('/api/actions?groupId=g1&status=in_progress&overdue=true').flush({ items: [] });
    http.expectOne('/api/actions?overdue=false').flush({ items: [] });
    const post = http.expectOne('/api/actions');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      title: 'Circulate the plan',
      groupId: 'g1',
      ownerId: 'u1',
      dueDate: '2031-05-01',
      sessionId: 's1',
      minutesId: 'm1',
      itemKey: 'i1',
      decisionIndex: 0,
    });
  });
});
