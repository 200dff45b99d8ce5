import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { UpdateWorkPlanItemRequest, WorkPlanItem, WorkPlanItemStatus } from '@kengash/contracts';
import { conflictingItem, CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { filter, switchMap } from 'rxjs';
import { formatDay, formatPercent, STATUS_LABEL_KEYS, STATUS_ORDER } from '../council-labels';
import { ConfirmDialogComponent, ConfirmDialogData } from '@kengash/web-shared-ui';
import { ProblemComponent } from '../shared/problem.component';
import { ItemCommentsComponent } from './item-comments.component';

/** The editable fields of an item: what the person asked for, kept to re-apply after a conflict. */
export type ItemChange = Omit<UpdateWorkPlanItemRequest, 'version'>;

/** A save refused because someone else changed the item first. */
export interface ItemConflict {
  current: WorkPlanItem;
  mine: ItemChange;
}

/** One work-plan item: its facts and progress; editors change or delete it; comments below. */
@Component({
  selector: 'kg-work-plan-item',
  imports: [
    ItemCommentsComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './work-plan-item.component.html',
  styleUrl: './work-plan-item.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'work-plan-item', '[attr.data-item-id]': 'item().id', '[attr.data-status]': 'item().status' },
})
export class WorkPlanItemComponent {
  private readonly api = inject(CouncilApiService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly item = input.required<WorkPlanItem>();
  readonly canEdit = input(false);
  readonly canComment = input(false);
  readonly locale = input.required<string>();
  /** The item as the server now has it (after a save, or as found in a conflict). */
  readonly changed = output<WorkPlanItem>();
  readonly deleted = output<WorkPlanItem>();
  /** A sentence for the page's polite live region. */
  readonly announce = output<string>();

  protected readonly statuses = STATUS_ORDER;
  protected readonly statusKeys = STATUS_LABEL_KEYS;
  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly conflict = signal<ItemConflict | null>(null);
  protected readonly commentsOpen = signal(false);

  protected readonly due = computed(() => formatDay(this.item().dueDate, this.locale()));
  protected readonly progress = computed(() => formatPercent(this.item().progress, this.locale()));
  protected readonly conflictView = computed(() => {
    const conflict = this.conflict();
    if (!conflict) {
      return null;
    }
    const { current } = conflict;
    return {
      objective: current.objective,
      deliverable: current.deliverable,
      statusKey: STATUS_LABEL_KEYS[current.status],
      progress: formatPercent(current.progress, this.locale()),
      due: formatDay(current.dueDate, this.locale()),
    };
  });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    objective: ['', [Validators.required, Validators.maxLength(500)]],
    deliverable: ['', [Validators.required, Validators.maxLength(500)]],
    dueDate: [''],
    status: [WorkPlanItemStatus.Planned as WorkPlanItemStatus, [Validators.required]],
    progress: [0, [Validators.required, Validators.min(0), Validators.max(100)]],
  });

  protected startEdit(): void {
    const item = this.item();
    this.form.reset({
      objective: item.objective,
      deliverable: item.deliverable,
      dueDate: item.dueDate ?? '',
      status: item.status,
      progress: item.progress,
    });
    this.problem.set(null);
    this.conflict.set(null);
    this.editing.set(true);
    this.focusLater('[data-testid=edit-status]');
  }

  protected cancelEdit(): void {
    this.editing.set(false);
    this.conflict.set(null);
    this.problem.set(null);
    this.focusLater('[data-testid=edit-item]');
  }

  protected save(): void {
    if (this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.host.querySelector<HTMLElement>('.edit-form .ng-invalid:not(form)')?.focus();
      return;
    }
    const value = this.form.getRawValue();
    const mine: ItemChange = {
      objective: value.objective.trim(),
      deliverable: value.deliverable.trim(),
      dueDate: value.dueDate || null,
      status: value.status,
      progress: Math.round(Number(value.progress)),
    };
    this.submit(mine, this.item().version);
  }

  /** Sends the person's change again, on top of the version someone else saved. */
  protected reapply(): void {
    const conflict = this.conflict();
    if (conflict) {
      this.submit(conflict.mine, conflict.current.version);
    }
  }

  /** Keeps the other person's values and leaves editing. */
  protected discard(): void {
    this.cancelEdit();
  }

  protected toggleComments(): void {
    this.commentsOpen.update((open) => !open);
  }

  protected confirmDelete(): void {
    const item = this.item();
    const data: ConfirmDialogData = {
      title: _('workPlan.delete.title'),
      text: _('workPlan.delete.text'),
      confirm: _('workPlan.delete.confirm'),
      params: { objective: item.objective },
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          this.problem.set(null);
          return this.api.deleteWorkPlanItem(item.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.deleted.emit(item);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.problem.set(toApiProblem(error));
        },
      });
  }

  private submit(mine: ItemChange, version: number): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.updateWorkPlanItem(this.item().id, { ...mine, version }).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.conflict.set(null);
        this.editing.set(false);
        this.changed.emit(saved);
        this.announce.emit(_('workPlan.saved'));
        this.focusLater('[data-testid=edit-item]');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const current = conflictingItem(error);
        if (current) {
          this.conflict.set({ current, mine });
          this.changed.emit(current);
          this.focusLater('[data-testid=conflict-heading]');
        } else {
          this.problem.set(toApiProblem(error));
        }
      },
    });
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
