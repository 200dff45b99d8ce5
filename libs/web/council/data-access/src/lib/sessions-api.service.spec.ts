import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CalendarResponse, Rsvp, SessionFormat, SlotFinderResponse } from '@kengash/contracts';
import { SessionsApiService } from './sessions-api.service';

describe('SessionsApiService', () => {
  let sut: SessionsApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(SessionsApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the calendar between two instants, for a group when one is given', () => {
    const response: CalendarResponse = { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z', occurrences: [] };
    let received: CalendarResponse | undefined;
    sut
      .calendar(new Date('2024-12-31T19:00:00Z'), '2025-01-31T19:00:00.000Z', 'g 1')
      .subscribe((value) => (received = value));

    const request = http.expectOne((r) => r.url === '/api/sessions/calendar');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('from')).toBe('2024-12-31T19:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2025-01-31T19:00:00.000Z');
    expect(request.request.params.get('groupId')).toBe('g 1');
    request.flush(response);
    expect(received).toEqual(response);

    sut.calendar('a', 'b').subscribe();
    expect(http.expectOne((r) => r.url === '/api/sessions/calendar').request.params.has('groupId')).toBe(false);
  });

  it('reads one session’s occurrences between two instants', () => {
    const response: CalendarResponse = { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z', occurrences: [] };
    let received: CalendarResponse | undefined;
    sut
      .occurrences('s/1', new Date('2024-12-31T19:00:00Z'), '2025-01-31T19:00:00.000Z')
      .subscribe((v) => (received = v));
    const request = http.expectOne((r) => r.url === '/api/sessions/s%2F1/occurrences');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('from')).toBe('2024-12-31T19:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2025-01-31T19:00:00.000Z');
    request.flush(response);
    expect(received).toEqual(response);
  });

  it('creates, reads, changes and cancels sessions', () => {
    const body = {
      title: 'Spring session',
      groupIds: ['g1'],
      format: SessionFormat.Online,
      localStart: '2025-04-10T10:00',
      durationMinutes: 90,
      timeZone: 'Asia/Tashkent',
    };
    sut.create(body).subscribe();
    const create = http.expectOne('/api/sessions');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual(body);
    create.flush({});

    sut.get('s/1').subscribe();
    expect(http.expectOne('/api/sessions/s%2F1').request.method).toBe('GET');

    sut.update('s1', { title: 'New' }).subscribe();
    const patch = http.expectOne('/api/sessions/s1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ title: 'New' });

    sut.cancel('s1').subscribe();
    expect(http.expectOne('/api/sessions/s1/cancel').request.method).toBe('POST');
  });

  it('cancels and moves one occurrence of a series', () => {
    sut.cancelOccurrence('s1', { recurrenceId: '2025-04-10T05:00:00.000Z' }).subscribe();
    const cancel = http.expectOne('/api/sessions/s1/occurrences/cancel');
    expect(cancel.request.body).toEqual({ recurrenceId: '2025-04-10T05:00:00.000Z' });

    sut
      .moveOccurrence('s1', {
        recurrenceId: '2025-04-10T05:00:00.000Z',
        localStart: '2025-04-11T10:00',
        durationMinutes: 60,
      })
      .subscribe();
    const move = http.expectOne('/api/sessions/s1/occurrences/move');
    expect(move.request.method).toBe('POST');
    expect(move.request.body.localStart).toBe('2025-04-11T10:00');
  });

  it('answers invitations signed in and from the e-mailed link', () => {
    sut.rsvp('s1', { rsvp: Rsvp.Accepted }).subscribe();
    const signedIn = http.expectOne('/api/sessions/s1/rsvp');
    expect(signedIn.request.body).toEqual({ rsvp: 'accepted' });

    let answer: unknown;
    sut.rsvpByToken('t+k', { rsvp: Rsvp.Declined }).subscribe((value) => (answer = value));
    const byToken = http.expectOne('/api/rsvp/t%2Bk');
    expect(byToken.request.method).toBe('POST');
    byToken.flush({ title: 'Spring session', rsvp: 'declined' });
    expect(answer).toEqual({ title: 'Spring session', rsvp: 'declined' });
  });

  it('finds slots, reads conflicts and downloads the iCalendar file as a blob', () => {
    const slots: SlotFinderResponse = { slots: [] };
    let received: SlotFinderResponse | undefined;
    const request = {
      inviteeIds: ['u1', 'u2'],
      durationMinutes: 60,
      fromDate: '2025-04-01',
      toDate: '2025-04-14',
      timeZone: 'Asia/Almaty',
    };
    sut.findSlots(request).subscribe((value) => (received = value));
    const find = http.expectOne('/api/sessions/slots');
    expect(find.request.method).toBe('POST');
    expect(find.request.body).toEqual(request);
    find.flush(slots);
    expect(received).toEqual(slots);

    sut.conflicts('s1').subscribe();
    expect(http.expectOne('/api/sessions/s1/conflicts').request.method).toBe('GET');

    sut.ics('s1').subscribe();
    const ics = http.expectOne('/api/sessions/s1/ics');
    expect(ics.request.responseType).toBe('blob');
  });
});
