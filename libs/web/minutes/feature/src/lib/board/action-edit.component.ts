import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ACTION_LIMITS, ActionItemView, UpdateActionItemRequest } from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { applyServerErrors, clearServerErrors, OtherFieldError, serverError } from '../shared/form-errors';
import { OwnerChoice, ownerChoices } from '../shared/owner-choices';

type OwnerState = { status: 'loading' } | { status: 'ready'; choices: OwnerChoice[] } | { status: 'error' };

/**
 * Changes an action item's title, owner and due date (chairs, co-chairs, rapporteurs, the secretariat):
 * `PATCH /api/actions/:id` with the item's version and only the fields that changed. A 409 (someone saved first)
 * is handed to the board, which reloads; the API's field errors show next to the fields.
 */
@Component({
  selector: 'kg-action-edit',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './action-edit.component.html',
  styleUrl: '../shared/action-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionEditComponent implements OnInit {
  private readonly minutes = inject(MinutesApiService);
  private readonly council = inject(CouncilApiService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly item = input.required<ActionItemView>();
  readonly saved = output<ActionItemView>();
  /** Someone else changed the item first (409): the board reloads it. */
  readonly conflict = output<void>();
  readonly cancelled = output<void>();

  protected readonly limits = ACTION_LIMITS;
  protected readonly busy = signal(false);
  protected readonly owners = signal<OwnerState>({ status: 'loading' });
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly others = signal<OtherFieldError[]>([]);
  protected readonly checked = signal(0);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: [
      '',
      [Validators.required, Validators.minLength(ACTION_LIMITS.titleMin), Validators.maxLength(ACTION_LIMITS.titleMax)],
    ],
    ownerId: ['', [Validators.required]],
    dueDate: ['', [Validators.required]],
  });

  ngOnInit(): void {
    const item = this.item();
    this.form.reset({ title: item.title, ownerId: item.ownerId, dueDate: item.dueDate });
    const keep: OwnerChoice = { id: item.ownerId, name: item.ownerName };
    this.owners.set({ status: 'ready', choices: [keep] });
    this.council.listMembers(item.groupId).subscribe({
      next: (response) => this.owners.set({ status: 'ready', choices: ownerChoices(response, keep) }),
      error: () => this.owners.set({ status: 'error' }),
    });
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-testid=edit-title]')?.focus(), {
      injector: this.injector,
    });
  }

  protected ownerChoices(state: OwnerState): OwnerChoice[] {
    const item = this.item();
    return state.status === 'ready' ? state.choices : [{ id: item.ownerId, name: item.ownerName }];
  }

  protected serverError(field: string): string | null {
    this.checked();
    return serverError(this.form, field);
  }

  protected hasFieldErrors(problem: ApiProblem): boolean {
    return Object.keys(problem.fields).length > 0;
  }

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    this.others.set([]);
    clearServerErrors(this.form);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.checked.update((n) => n + 1);
      this.host.querySelector<HTMLElement>('form .ng-invalid:not(form)')?.focus();
      return;
    }
    const item = this.item();
    const value = this.form.getRawValue();
    const change: UpdateActionItemRequest = { version: item.version };
    if (value.title.trim() !== item.title) change.title = value.title.trim();
    if (value.ownerId !== item.ownerId) change.ownerId = value.ownerId;
    if (value.dueDate !== item.dueDate) change.dueDate = value.dueDate;
    if (Object.keys(change).length === 1) {
      this.cancelled.emit();
      return;
    }
    this.busy.set(true);
    this.minutes.updateAction(item.id, change).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.saved.emit(updated);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        if (problem.status === 409) {
          this.conflict.emit();
          return;
        }
        this.others.set(applyServerErrors(this.form, problem));
        this.problem.set(problem);
        this.checked.update((n) => n + 1);
        afterNextRender(
          () => this.host.querySelector<HTMLElement>('form .ng-invalid:not(form), [data-testid=edit-error]')?.focus(),
          { injector: this.injector },
        );
      },
    });
  }
}
