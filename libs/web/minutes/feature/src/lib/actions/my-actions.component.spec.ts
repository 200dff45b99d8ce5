import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ActionItemStatus, ActionItemView } from '@kengash/contracts';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { MyActionsComponent } from './my-actions.component';

const item: ActionItemView = {
  id: 'a1',
  title: 'Draft the counselling guide',
  groupId: 'g1',
  groupName: { en: 'Psychosocial Support', ru: 'Психосоциальная поддержка' },
  groupSlug: 'psychosocial',
  sessionId: 's1',
  ownerId: 'u1',
  ownerName: 'Nodira',
  dueDate: '2031-04-01',
  status: ActionItemStatus.Open,
  overdue: true,
  workPlanItemId: null,
  createdBy: null,
  createdAt: '2031-03-12T05:00:00Z',
  updatedAt: '2031-03-12T05:00:00Z',
  version: 1,
  minutesId: 'm1',
  itemKey: 'i1',
  decisionIndex: 0,
};

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing element');
  return value;
}

describe('MyActionsComponent', () => {
  let fixture: ComponentFixture<MyActionsComponent>;
  let http: HttpTestingController;
  let sut: HTMLElement;
  const text = (id: string) => sut.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MyActionsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTestTranslations()],
    });
    useTestLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyActionsComponent);
    sut = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/actions?owner=me').flush({ items: [item] });
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('lists my items with their status, due date and overdue mark', () => {
    expect(text('action-item')).toContain('Draft the counselling guide');
    expect(text('action-item')).toContain('Overdue');
    expect(text('action-item')).toContain('Due Apr 1, 2031');
    expect(text('action-status')).toBe('Open');
  });

  it('changes the status with the item’s version', () => {
    must(sut.querySelector<HTMLButtonElement>('[data-testid=move-done]')).click();
    fixture.detectChanges();
    expect(text('action-status')).toBe('Done');

    const patch = http.expectOne('/api/actions/a1');
    expect(patch.request.body).toEqual({ version: 1, status: 'done' });
    patch.flush({ ...item, status: ActionItemStatus.Done, overdue: false, version: 2 });
    fixture.detectChanges();
    expect(text('actions-message')).toBe('The status was changed.');
  });

  it('reloads when the item changed meanwhile (409)', () => {
    must(sut.querySelector<HTMLButtonElement>('[data-testid=move-in_progress]')).click();
    http
      .expectOne('/api/actions/a1')
      .flush({ statusCode: 409, code: 'CONFLICT', message: 'Stale' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/actions?owner=me').flush({ items: [{ ...item, version: 2 }] });
    fixture.detectChanges();

    expect(text('actions-message')).toContain('This item changed meanwhile');
    expect(text('action-status')).toBe('Open');
  });
});
