import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { GlobalRole, NetworkStatistics } from '@kengash/contracts';
import { AuthService } from '@kengash/web-identity-data-access';
import { authStub, currentUser } from '../testing/network-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { BAR_CHART_RENDERER, BarChartSpec } from './statistics-chart';
import { StatisticsComponent } from './statistics.component';

const statistics: NetworkStatistics = {
  generatedAt: '2026-11-30T10:00:00Z',
  minCell: 5,
  members: { key: 'members', count: 23 },
  byCountry: [
    { key: 'UZ', count: 12 },
    { key: 'KZ', count: 6 },
    { key: 'TM', suppressed: true },
  ],
  byExpertise: [{ key: 'psychosocial_support', count: 9 }],
  applicationsByMonth: [{ key: '2026-10', suppressed: true }],
  acceptedByMonth: [],
};

describe('StatisticsComponent', () => {
  let fixture: ComponentFixture<StatisticsComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const drawn: BarChartSpec[] = [];

  function open(role: GlobalRole) {
    drawn.length = 0;
    TestBed.configureTestingModule({
      imports: [StatisticsComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: authStub(currentUser(role)) },
        {
          provide: BAR_CHART_RENDERER,
          useValue: async (_canvas: HTMLCanvasElement, spec: BarChartSpec) => {
            drawn.push(spec);
            return { destroy: () => undefined };
          },
        },
      ],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StatisticsComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/network/statistics').flush(statistics);
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('shows a suppressed cell as "fewer than 5" in the table and draws no bar for it (never zero)', async () => {
    open(GlobalRole.Member);
    await fixture.whenStable();

    const rows = [...sut.querySelectorAll('[data-testid=statistics-country] [data-testid=statistics-row]')].map((row) =>
      row.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toEqual(['Uzbekistan 12', 'Kazakhstan 6', 'Turkmenistan fewer than 5']);
    expect(
      sut.querySelector('[data-testid=statistics-applications] [data-testid=statistics-count]')?.textContent?.trim(),
    ).toBe('fewer than 5');
    expect(drawn.find((spec) => spec.labels.includes('Turkmenistan'))?.values).toEqual([12, 6, null]);
    expect(sut.querySelector('[data-testid=statistics-members]')?.textContent).toContain('23');
    expect(sut.querySelector('[data-testid=statistics-csv]')).toBeNull();
    // A series where every cell is suppressed says so instead of drawing an empty chart; the others draw.
    const applications = sut.querySelector('[data-testid=statistics-applications]');
    expect(applications?.querySelector('[data-testid=chart-all-suppressed]')?.textContent?.trim()).toBe(
      'Every number here is below 5, so there is no chart to draw yet; the table says what can be said.',
    );
    expect(applications?.querySelector<HTMLElement>('[data-testid=chart]')?.hidden).toBe(true);
    const countries = sut.querySelector('[data-testid=statistics-country]');
    expect(countries?.querySelector('[data-testid=chart-all-suppressed]')).toBeNull();
    expect(countries?.querySelector<HTMLElement>('[data-testid=chart]')?.hidden).toBe(false);
  });

  it('gives the secretariat the CSV', () => {
    open(GlobalRole.Secretariat);
    (sut.querySelector('[data-testid=statistics-csv]') as HTMLButtonElement).click();
    const csv = http.expectOne('/api/network/statistics.csv');
    expect(csv.request.responseType).toBe('blob');
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    csv.flush(new Blob(['key,count\n']), {
      headers: { 'Content-Disposition': 'attachment; filename="network-statistics-2026-11-30.csv"' },
    });
    expect(URL.createObjectURL).toHaveBeenCalled();
  });
});
