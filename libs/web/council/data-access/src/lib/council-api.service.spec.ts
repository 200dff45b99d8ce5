import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CountryCode, ErrorCode, ErrorResponse, WorkingGroupListResponse, WorkingGroupTheme } from '@kengash/contracts';
import { CouncilApiService } from './council-api.service';

describe('CouncilApiService', () => {
  let sut: CouncilApiService;
  let http: HttpTestingController;

  const response: WorkingGroupListResponse = {
    council: {
      id: 'c1',
      name: {
        en: 'Regional Expert Council',
        ru: 'Региональный экспертный совет',
      },
      demo: true,
    },
    groups: [
      {
        id: 'g1',
        slug: 'psychosocial-support',
        name: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
        theme: WorkingGroupTheme.PsychosocialSupport,
        mandate: { en: 'Mandate', ru: 'Мандат' },
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        memberCount: 12,
        countries: [CountryCode.Kazakhstan, CountryCode.Uzbekistan],
      },
    ],
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    sut = TestBed.inject(CouncilApiService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the council and its groups with GET /api/council/groups', () => {
    let received: WorkingGroupListResponse | undefined;
    sut.listGroups().subscribe((value) => (received = value));

    const request = http.expectOne('/api/council/groups');
    expect(request.request.method).toBe('GET');
    request.flush(response);

    expect(received).toEqual(response);
  });

  it('passes the API error body through to the caller', () => {
    const body: ErrorResponse = {
      statusCode: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'Database unavailable',
      correlationId: 'abc-123',
    };
    let failure: HttpErrorResponse | undefined;
    sut.listGroups().subscribe({
      error: (error: HttpErrorResponse) => (failure = error),
    });

    http.expectOne('/api/council/groups').flush(body, { status: 503, statusText: 'Service Unavailable' });

    expect(failure?.status).toBe(503);
    expect(failure?.error).toEqual(body);
  });
});
