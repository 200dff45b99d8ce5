import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, WorkPlanItem, WorkPlanItemStatus } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { Subject } from 'rxjs';
import { makeItem } from '../testing/council-fixtures';
import { provideTestTranslations, useTestLocale } from '../testing/translate-testing';
import { WorkPlanItemComponent } from './work-plan-item.component';

describe('WorkPlanItemComponent', () => {
  let fixture: ComponentFixture<WorkPlanItemComponent>;
  let sut: HTMLElement;
  let updates: Subject<WorkPlanItem>[];
  let changed: WorkPlanItem[];
  const api = {
    updateWorkPlanItem: jest.fn(() => {
      const update = new Subject<WorkPlanItem>();
      updates.push(update);
      return update;
    }),
    deleteWorkPlanItem: jest.fn(),
    listComments: jest.fn(),
  };

  function create(options: { canEdit: boolean; item?: WorkPlanItem }): void {
    useTestLocale('en');
    fixture = TestBed.createComponent(WorkPlanItemComponent);
    fixture.componentRef.setInput('item', options.item ?? makeItem());
    fixture.componentRef.setInput('canEdit', options.canEdit);
    fixture.componentRef.setInput('locale', 'en');
    fixture.componentInstance.changed.subscribe((item) => {
      changed.push(item);
      fixture.componentRef.setInput('item', item);
    });
    fixture.detectChanges();
    sut = fixture.nativeElement as HTMLElement;
  }

  const byTestId = <T extends HTMLElement>(id: string) => sut.querySelector<T>(`[data-testid=${id}]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim();

  function edit(progress: number, status: WorkPlanItemStatus): void {
    byTestId<HTMLButtonElement>('edit-item')?.click();
    fixture.detectChanges();
    const progressInput = byTestId<HTMLInputElement>('edit-progress') as HTMLInputElement;
    progressInput.value = String(progress);
    progressInput.dispatchEvent(new Event('input'));
    const statusSelect = byTestId<HTMLSelectElement>('edit-status') as HTMLSelectElement;
    statusSelect.value = status;
    statusSelect.dispatchEvent(new Event('change'));
    byTestId<HTMLButtonElement>('save-item')?.click();
    fixture.detectChanges();
  }

  beforeEach(() => {
    updates = [];
    changed = [];
    api.updateWorkPlanItem.mockClear();
    TestBed.configureTestingModule({
      imports: [WorkPlanItemComponent],
      providers: [provideTestTranslations(), { provide: CouncilApiService, useValue: api }],
    });
  });

  it('shows the item with status, due date and progress as text and bar', () => {
    create({ canEdit: false });

    expect(sut.querySelector('h4')?.textContent?.trim()).toBe('Train psychologists in trauma-informed care');
    expect(text('item-status')).toBe('In progress');
    expect(text('item-due')).toBe('Jun 30, 2025');
    expect(text('item-progress')).toBe('40%');
    expect(sut.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('40');
  });

  it('offers edit and delete only to those who may edit the plan', () => {
    create({ canEdit: false });
    expect(byTestId('edit-item')).toBeNull();
    expect(byTestId('delete-item')).toBeNull();
    expect(byTestId('toggle-comments')).not.toBeNull();

    create({ canEdit: true });
    expect(byTestId('edit-item')).not.toBeNull();
    expect(byTestId('delete-item')).not.toBeNull();
  });

  it('sends the change with the version it was based on', () => {
    create({ canEdit: true });
    edit(100, WorkPlanItemStatus.Done);

    expect(api.updateWorkPlanItem).toHaveBeenCalledWith(
      'item-1',
      expect.objectContaining({ progress: 100, status: 'done', version: 3 }),
    );
    updates[0].next(makeItem({ progress: 100, status: WorkPlanItemStatus.Done, version: 4 }));
    fixture.detectChanges();

    expect(byTestId('edit-form')).toBeNull();
    expect(text('item-progress')).toBe('100%');
    expect(text('item-status')).toBe('Done');
  });

  it('on a 409 shows the current values and re-applies the change on top of the new version', async () => {
    create({ canEdit: true });
    edit(100, WorkPlanItemStatus.Done);
    const current = makeItem({ progress: 60, status: WorkPlanItemStatus.InProgress, version: 5, objective: 'Renamed' });
    updates[0].error(
      new HttpErrorResponse({
        status: 409,
        error: {
          statusCode: 409,
          code: ErrorCode.Conflict,
          message: 'Conflict',
          details: { current },
          correlationId: 'c',
        },
      }),
    );
    fixture.detectChanges();
    await fixture.whenStable();

    expect(text('conflict-heading')).toBe('Someone else changed this item');
    expect(text('conflict-progress')).toBe('60%');
    expect(text('conflict-status')).toBe('In progress');
    expect(document.activeElement).toBe(byTestId('conflict-heading'));
    expect(changed).toEqual([current]);
    // The person's own values are still in the form.
    expect(byTestId<HTMLInputElement>('edit-progress')?.value).toBe('100');

    byTestId<HTMLButtonElement>('reapply')?.click();
    fixture.detectChanges();

    expect(api.updateWorkPlanItem).toHaveBeenLastCalledWith(
      'item-1',
      expect.objectContaining({ progress: 100, status: 'done', version: 5 }),
    );
    updates[1].next({ ...current, progress: 100, status: WorkPlanItemStatus.Done, version: 6 });
    fixture.detectChanges();

    expect(byTestId('conflict')).toBeNull();
    expect(text('item-progress')).toBe('100%');
  });

  it("keeps the other person's values when the change is discarded", () => {
    create({ canEdit: true });
    edit(100, WorkPlanItemStatus.Done);
    const current = makeItem({ progress: 60, version: 5 });
    updates[0].error(
      new HttpErrorResponse({ status: 409, error: { code: ErrorCode.Conflict, message: 'x', details: { current } } }),
    );
    fixture.detectChanges();

    byTestId<HTMLButtonElement>('discard')?.click();
    fixture.detectChanges();

    expect(byTestId('conflict')).toBeNull();
    expect(byTestId('edit-form')).toBeNull();
    expect(text('item-progress')).toBe('60%');
    expect(api.updateWorkPlanItem).toHaveBeenCalledTimes(1);
  });

  it('shows other errors without a conflict panel', () => {
    create({ canEdit: true });
    edit(100, WorkPlanItemStatus.Done);
    updates[0].error(
      new HttpErrorResponse({
        status: 400,
        error: {
          statusCode: 400,
          code: ErrorCode.ValidationFailed,
          message: 'Progress must be at most 100.',
          correlationId: 'c',
        },
      }),
    );
    fixture.detectChanges();

    expect(byTestId('conflict')).toBeNull();
    expect(text('item-error')).toContain('Progress must be at most 100.');
  });
});
