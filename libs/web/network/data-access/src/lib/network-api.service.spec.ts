import { HttpHeaders, HttpResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CountryCode, NetworkApplicationRequest } from '@kengash/contracts';
import { firstValueFrom } from 'rxjs';
import { attachmentName, directoryParams, NetworkApiService } from './network-api.service';

const APPLICATION_ID = '7f0c4a52-8d7e-4f43-9a55-0c1f4b7b6a11';

describe('NetworkApiService', () => {
  let sut: NetworkApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(NetworkApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('fetches the form token, then posts the application as given', async () => {
    const form = firstValueFrom(sut.applicationForm());
    http.expectOne({ method: 'GET', url: '/api/network/application-form' }).flush({ formToken: 't' });
    expect((await form).formToken).toBe('t');

    const application = { formToken: 't', name: 'Dilnoza', locale: 'ru' } as NetworkApplicationRequest;
    const receipt = firstValueFrom(sut.apply(application));
    const post = http.expectOne({ method: 'POST', url: '/api/network/applications' });
    expect(post.request.body).toEqual(application);
    post.flush({ status: 'submitted' });
    expect(await receipt).toEqual({ status: 'submitted' });
  });

  it('sends the status token as a query parameter (a + stays a +)', async () => {
    const status = firstValueFrom(sut.applicationStatus('a+b/c'));
    const request = http.expectOne((r) => r.url === '/api/network/applications/status');
    expect(request.request.params.get('token')).toBe('a+b/c');
    expect(request.request.urlWithParams).toContain('token=a%2Bb/c');
    request.flush({ status: 'submitted', submittedAt: 'x', updatedAt: 'x' });
    expect((await status).status).toBe('submitted');
  });

  it('filters the queue by status only when one is chosen', () => {
    sut.applications().subscribe();
    expect(http.expectOne((r) => r.url === '/api/network/applications').request.params.keys()).toEqual([]);
    sut.applications('endorsed').subscribe();
    expect(http.expectOne((r) => r.url === '/api/network/applications').request.params.get('status')).toBe('endorsed');
  });

  it('endorses with a trimmed note, or none; suspends and records leaving at their own addresses', () => {
    sut.endorse(APPLICATION_ID, '  known to me  ').subscribe();
    expect(http.expectOne(`/api/network/applications/${APPLICATION_ID}/endorse`).request.body).toEqual({
      note: 'known to me',
    });
    sut.endorse(APPLICATION_ID, '   ').subscribe();
    expect(http.expectOne(`/api/network/applications/${APPLICATION_ID}/endorse`).request.body).toEqual({});
    sut.changeStatus(APPLICATION_ID, 'suspend', 'pending review').subscribe();
    expect(http.expectOne(`/api/network/applications/${APPLICATION_ID}/suspend`).request.body).toEqual({
      note: 'pending review',
    });
    sut.changeStatus(APPLICATION_ID, 'leave').subscribe();
    expect(http.expectOne(`/api/network/applications/${APPLICATION_ID}/leave`).request.method).toBe('POST');
  });

  it('posts a decision and puts a re-vetting date', () => {
    sut
      .decide(APPLICATION_ID, { decision: 'accepted', reason: 'Known', reasonShareable: true, revetDue: '2027-01-01' })
      .subscribe();
    const decision = http.expectOne(`/api/network/applications/${APPLICATION_ID}/decision`);
    expect(decision.request.method).toBe('POST');
    expect(decision.request.body).toEqual({
      decision: 'accepted',
      reason: 'Known',
      reasonShareable: true,
      revetDue: '2027-01-01',
    });
    sut.setRevetDue(APPLICATION_ID, '2028-02-02').subscribe();
    const revet = http.expectOne(`/api/network/applications/${APPLICATION_ID}/revet-due`);
    expect(revet.request.method).toBe('PUT');
    expect(revet.request.body).toEqual({ revetDue: '2028-02-02' });
  });

  it('reads and saves the profile, lists contact views, downloads the data and erases with the typed word', () => {
    sut.profile().subscribe();
    expect(http.expectOne('/api/network/profile').request.method).toBe('GET');
    sut.updateProfile({ visibility: { phone: 'me' }, version: 3 }).subscribe();
    const put = http.expectOne('/api/network/profile');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ visibility: { phone: 'me' }, version: 3 });
    sut.contactViews().subscribe();
    http.expectOne('/api/network/profile/contact-views');
    sut.exportData().subscribe();
    expect(http.expectOne('/api/network/profile/export').request.responseType).toBe('blob');
    sut.eraseAccount().subscribe();
    expect(http.expectOne('/api/network/profile/erase').request.body).toEqual({ confirm: 'ERASE' });
  });

  it('searches the directory with repeatable filters and asks for contact details with a POST', () => {
    sut
      .directory({ q: ' mahalla ', expertise: ['education', 'health'], country: [CountryCode.Uzbekistan], page: 2 })
      .subscribe();
    const search = http.expectOne((r) => r.url === '/api/network/directory');
    expect(search.request.params.get('q')).toBe('mahalla');
    expect(search.request.params.getAll('expertise')).toEqual(['education', 'health']);
    expect(search.request.params.getAll('country')).toEqual(['UZ']);
    expect(search.request.params.get('page')).toBe('2');
    sut.contactDetails('u 1').subscribe();
    const contact = http.expectOne('/api/network/directory/u%201/contact');
    expect(contact.request.method).toBe('POST');
  });

  it('lists and posts announcements, reads the statistics and their CSV', () => {
    sut.announcements().subscribe();
    http.expectOne({ method: 'GET', url: '/api/network/announcements' });
    sut.announce({ title: { en: 'T' }, body: { en: 'B', ru: 'Б' } }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/network/announcements' }).request.body).toEqual({
      title: { en: 'T' },
      body: { en: 'B', ru: 'Б' },
    });
    sut.statistics().subscribe();
    http.expectOne('/api/network/statistics');
    sut.statisticsCsv().subscribe();
    expect(http.expectOne('/api/network/statistics.csv').request.responseType).toBe('blob');
  });
});

describe('directoryParams', () => {
  it('leaves out empty values and the first page', () => {
    expect(directoryParams({ q: '  ', expertise: [], page: 1 }).keys()).toEqual([]);
  });
});

describe('attachmentName', () => {
  const response = (disposition: string | null) =>
    new HttpResponse({ headers: disposition ? new HttpHeaders({ 'Content-Disposition': disposition }) : undefined });

  it('reads the RFC 5987 name first, then the plain one, else the fallback', () => {
    expect(attachmentName(response(`attachment; filename="a.json"; filename*=UTF-8''%D0%B4.json`), 'x')).toBe('д.json');
    expect(attachmentName(response('attachment; filename="kengash-data.json"'), 'x')).toBe('kengash-data.json');
    expect(attachmentName(response(null), 'fallback.json')).toBe('fallback.json');
  });
});
