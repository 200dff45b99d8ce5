import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CurrentUser, DashboardResponse, GlobalRole } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { AuthService } from '@kengash/web-identity-data-access';
import { Subject } from 'rxjs';
import { CHART_RENDERER, ChartSpec } from '../chart/chart-spec';
import { makeDashboardGroup } from '../testing/council-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { DashboardComponent } from './dashboard.component';

describe('DashboardComponent', () => {
  let fixture: ComponentFixture<DashboardComponent>;
  let sut: HTMLElement;
  let response: Subject<DashboardResponse>;
  /** What would have been drawn with Chart.js. */
  let drawn: ChartSpec[];
  const user = signal<CurrentUser | null>(null);
  const api = {
    getDashboard: jest.fn(() => {
      response = new Subject<DashboardResponse>();
      return response;
    }),
  };

  function signInAs(globalRole: GlobalRole): void {
    user.set({
      id: 'u1',
      email: 'chair@demo.kengash.example',
      displayName: 'Chair',
      locale: 'en',
      timeZone: 'Asia/Tashkent',
      country: null,
      organisation: null,
      nameVisibleToObservers: true,
      globalRole,
      emailVerified: true,
      totpEnabled: false,
      totpEnrolmentRequired: false,
      memberships: [],
    });
  }

  async function create(data?: DashboardResponse): Promise<void> {
    useTestLocale('en');
    fixture = TestBed.createComponent(DashboardComponent);
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
    if (data) {
      response.next(data);
      fixture.detectChanges();
      await fixture.whenStable();
    }
  }

  const rows = (root: ParentNode | null | undefined, selector: string) =>
    [...(root?.querySelectorAll(selector) ?? [])].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()).join(' '),
    );
  const text = (root: ParentNode, selector: string) =>
    root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    drawn = [];
    user.set(null);
    api.getDashboard.mockClear();
    TestBed.configureTestingModule({
      imports: [DashboardComponent],
      providers: [
        provideRouter([]),
        provideTestTranslations(),
        { provide: CouncilApiService, useValue: api },
        { provide: AuthService, useValue: { user } },
        {
          provide: CHART_RENDERER,
          useValue: (_canvas: HTMLCanvasElement, spec: ChartSpec) => {
            drawn.push(spec);
            return Promise.resolve({ destroy: jest.fn() });
          },
        },
      ],
    });
  });

  it('shows a progress indicator, then one card per group with progress as text and chart', async () => {
    signInAs(GlobalRole.Member);
    await create();
    expect(sut.querySelector('[role=progressbar]')).not.toBeNull();

    response.next({ groups: [makeDashboardGroup()] });
    fixture.detectChanges();
    await fixture.whenStable();

    const cards = sut.querySelectorAll('[data-testid=dashboard-group]');
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(text(card, 'h2')).toBe('Psychosocial Support');
    expect(card.querySelector('h2 a')?.getAttribute('href')).toBe('/groups/psychosocial-support');
    expect(text(card, '[data-testid=average-progress]')).toBe('Average progress: 42%');
    expect(card.querySelector('[data-testid=chart]')?.getAttribute('data-values')).toBe('2,3,1,0');
    expect(card.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      'Chart of 6 work-plan items by status: Planned: 2, In progress: 3, Done: 1, Dropped: 0.',
    );
    expect(drawn).toEqual([
      expect.objectContaining({
        type: 'doughnut',
        labels: ['Planned', 'In progress', 'Done', 'Dropped'],
        values: [2, 3, 1, 0],
      }),
    ]);
    expect(rows(card, '[data-testid=status-table] tr')).toEqual(['Planned 2', 'In progress 3', 'Done 1', 'Dropped 0']);
    expect(text(card, '[data-testid=action-items]')).toBe('None yet');
    expect(text(sut, '[data-testid=time-zone-note]')).toContain('Asia/Tashkent');
    // 05:00 UTC is 10:00 in Tashkent.
    expect(card.textContent).toMatch(/Spring session[\s\S]*10:00[\s\S]*GMT\+5/);
    expect(card.textContent).toContain('Work-plan item updated: Training module: 40%');
    expect(sut.querySelector('[data-testid=comparison]')).toBeNull();
  });

  it('redraws with the new numbers when the data changes', async () => {
    signInAs(GlobalRole.Member);
    await create({ groups: [makeDashboardGroup()] });

    fixture.componentInstance['load']();
    response.next({
      groups: [
        makeDashboardGroup({
          averageProgress: 60,
          itemsByStatus: { planned: 2, in_progress: 2, done: 2, dropped: 0 },
          openActionItems: 3,
        }),
      ],
    });
    fixture.detectChanges();
    await fixture.whenStable();

    expect(text(sut, '[data-testid=average-progress]')).toBe('Average progress: 60%');
    expect(sut.querySelector('[data-testid=chart]')?.getAttribute('data-values')).toBe('2,2,2,0');
    expect(drawn.at(-1)?.values).toEqual([2, 2, 2, 0]);
    expect(text(sut, '[data-testid=action-items]')).toBe('Open: 3');
  });

  it('gives the secretariat a side-by-side comparison of all groups above the cards', async () => {
    signInAs(GlobalRole.Secretariat);
    await create({
      groups: [
        makeDashboardGroup(),
        makeDashboardGroup({ groupId: 'g2', slug: 'acc', name: { en: 'Accountability' }, averageProgress: 75 }),
      ],
    });

    const comparison = sut.querySelector('[data-testid=comparison]');
    expect(comparison).not.toBeNull();
    expect(comparison?.querySelector('[data-testid=chart]')?.getAttribute('data-values')).toBe('42,75');
    expect(drawn[0]).toEqual(
      expect.objectContaining({
        type: 'bar',
        labels: ['Psychosocial Support', 'Accountability'],
        values: [42, 75],
        max: 100,
      }),
    );
    expect(rows(comparison, 'tbody tr')).toEqual(['Psychosocial Support 42%', 'Accountability 75%']);
    expect(
      comparison &&
        comparison.compareDocumentPosition(sut.querySelector('[data-testid=dashboard-group]') as Node) &
          Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('shows the error with a retry button', async () => {
    signInAs(GlobalRole.Member);
    await create();
    response.error(new HttpErrorResponse({ status: 0 }));
    fixture.detectChanges();

    expect(text(sut, '[data-testid=dashboard-error]')).toContain('Could not reach the Kengash server.');
    (sut.querySelector('.page > button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(api.getDashboard).toHaveBeenCalledTimes(2);
  });

  it('says so when there is no group to show', async () => {
    signInAs(GlobalRole.Member);
    await create({ groups: [] });

    expect(text(sut, '[data-testid=dashboard-empty]')).toContain('You do not see any working group yet.');
  });
});
