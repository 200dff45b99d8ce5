import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LiveMeetingListResponse, MinutesDraftView, OpenActionsResponse } from '@kengash/contracts';
import { firstValueFrom } from 'rxjs';
import { LiveMeetingApiService } from './live-meeting-api.service';

describe('LiveMeetingApiService', () => {
  let sut: LiveMeetingApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(LiveMeetingApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists my meetings with GET /api/live/meetings', async () => {
    const list: LiveMeetingListResponse = {
      meetings: [
        {
          sessionId: 's1',
          title: 'Spring session',
          occurrenceStart: '2031-03-12T04:00:00.000Z',
          startsAt: '2031-03-12T04:00:00.000Z',
          endsAt: '2031-03-12T05:30:00.000Z',
          timeZone: 'Asia/Tashkent',
          format: 'online',
          groupIds: ['g1'],
          status: 'live',
          present: 3,
          minutesId: null,
          readOnly: false,
          canReadMinutes: true,
        },
      ],
    };
    const reply = firstValueFrom(sut.myMeetings());

    const request = http.expectOne('/api/live/meetings');
    expect(request.request.method).toBe('GET');
    request.flush(list);

    await expect(reply).resolves.toEqual(list);
  });

  it('passes the refusal of a signed-out caller on', async () => {
    const reply = firstValueFrom(sut.myMeetings());

    http
      .expectOne('/api/live/meetings')
      .flush(
        { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in' },
        { status: 401, statusText: 'Unauthorized' },
      );

    const error = await reply.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(401);
  });

  it('reads the draft minutes of a session, with the id escaped', async () => {
    const reply = firstValueFrom(sut.minutesDraft('a/b'));

    const request = http.expectOne('/api/sessions/a%2Fb/minutes-draft');
    expect(request.request.method).toBe('GET');
    request.flush({ id: 'min1' } as MinutesDraftView);

    await expect(reply).resolves.toMatchObject({ id: 'min1' });
  });

  it('reads the action items carried over to a session', async () => {
    const reply = firstValueFrom(sut.openActions('s/1'));

    const request = http.expectOne('/api/sessions/s%2F1/open-actions');
    expect(request.request.method).toBe('GET');
    request.flush({ sessionId: 's/1', items: [] } as OpenActionsResponse);

    await expect(reply).resolves.toEqual({ sessionId: 's/1', items: [] });
  });
});
