import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  ACTION_LIMITS,
  ActionItemView,
  CreateActionItemRequest,
  DecisionRegisterEntry,
  LocalizedText,
  pickText,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { catchError, map, Observable, of, startWith, Subscription } from 'rxjs';
import { decisionSource, titleFromDecision } from '../shared/decision-source';
import { applyServerErrors, clearServerErrors, OtherFieldError, serverError } from '../shared/form-errors';
import { injectActiveLocale } from '../shared/minutes-labels';
import { OwnerChoice, ownerChoices } from '../shared/owner-choices';

/** A working group an action item may be created in. */
export interface ActionGroupChoice {
  id: string;
  name: LocalizedText;
}

interface WorkPlanChoice {
  id: string;
  label: string;
}

type Choices<T> = { status: 'loading' } | { status: 'ready'; choices: T[] } | { status: 'error' };

/** Field names the API may report that the form has no control for, in words. */
const OTHER_FIELD_KEYS: Record<string, string> = {
  sessionId: _('minutesArea.createAction.fields.sessionId'),
  minutesId: _('minutesArea.createAction.fields.minutesId'),
  itemKey: _('minutesArea.createAction.fields.itemKey'),
  decisionIndex: _('minutesArea.createAction.fields.decisionIndex'),
  status: _('minutesArea.createAction.fields.status'),
};

/**
 * The form that creates an action item (`POST /api/actions`), from a decision of the register (its session, and
 * its minutes, item and decision when it has minutes) or directly from the board. The owner is chosen among the
 * group's current members who are not observers (`GET /api/council/groups/:id/members`), the work-plan item among
 * the group's plans (`GET /api/council/groups/:id/work-plans`). The API's field errors show next to the fields.
 */
@Component({
  selector: 'kg-create-action',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './create-action.component.html',
  styleUrl: '../shared/action-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateActionComponent implements OnInit {
  private readonly minutes = inject(MinutesApiService);
  private readonly council = inject(CouncilApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private loads: Subscription | undefined;

  /** The groups the person may create action items in (for a decision: those of its session). */
  readonly groups = input.required<ActionGroupChoice[]>();
  /** The decision it comes from, if any. */
  readonly decision = input<DecisionRegisterEntry | null>(null);
  readonly created = output<ActionItemView>();
  readonly cancelled = output<void>();

  protected readonly locale = injectActiveLocale();
  protected readonly limits = ACTION_LIMITS;
  protected readonly busy = signal(false);
  protected readonly owners = signal<Choices<OwnerChoice>>({ status: 'loading' });
  protected readonly workPlanItems = signal<Choices<WorkPlanChoice>>({ status: 'loading' });
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly others = signal<OtherFieldError[]>([]);
  /** Bumped whenever server errors are applied, so the OnPush view re-reads the controls' errors. */
  protected readonly checked = signal(0);
  protected readonly formId = `create-action-${Math.random().toString(36).slice(2, 10)}`;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    groupId: ['', [Validators.required]],
    title: [
      '',
      [Validators.required, Validators.minLength(ACTION_LIMITS.titleMin), Validators.maxLength(ACTION_LIMITS.titleMax)],
    ],
    ownerId: ['', [Validators.required]],
    dueDate: ['', [Validators.required]],
    workPlanItemId: [''],
  });

  protected readonly decisionText = computed(() => this.decision()?.text ?? null);

  ngOnInit(): void {
    const first = this.groups()[0]?.id ?? '';
    const decision = this.decision();
    this.form.reset({
      groupId: first,
      title: decision ? titleFromDecision(decision.text) : '',
      ownerId: '',
      dueDate: '',
      workPlanItemId: '',
    });
    this.form.controls.groupId.valueChanges
      .pipe(startWith(first), takeUntilDestroyed(this.destroyRef))
      .subscribe((groupId) => this.loadGroup(groupId));
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-testid=action-title]')?.focus(), {
      injector: this.injector,
    });
  }

  protected groupName(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  protected otherFieldKey(field: string): string | null {
    return OTHER_FIELD_KEYS[field] ?? null;
  }

  protected hasFieldErrors(problem: ApiProblem): boolean {
    return Object.keys(problem.fields).length > 0;
  }

  protected serverError(field: string): string | null {
    this.checked();
    return serverError(this.form, field);
  }

  /** The owners and work-plan items of the chosen group. */
  private loadGroup(groupId: string): void {
    this.loads?.unsubscribe();
    this.form.controls.ownerId.setValue('');
    this.form.controls.workPlanItemId.setValue('');
    if (!groupId) {
      this.owners.set({ status: 'ready', choices: [] });
      this.workPlanItems.set({ status: 'ready', choices: [] });
      return;
    }
    this.owners.set({ status: 'loading' });
    this.workPlanItems.set({ status: 'loading' });
    const loads = new Subscription();
    loads.add(
      this.choices(this.council.listMembers(groupId).pipe(map((response) => ownerChoices(response)))).subscribe(
        (state) => this.owners.set(state),
      ),
    );
    loads.add(
      this.choices(
        this.council
          .listWorkPlans(groupId)
          .pipe(
            map((response) =>
              response.plans.flatMap((plan) =>
                plan.items
                  .filter((item) => item.groupIds.includes(groupId))
                  .map((item) => ({ id: item.id, label: `${plan.title}: ${item.objective}` })),
              ),
            ),
          ),
      ).subscribe((state) => this.workPlanItems.set(state)),
    );
    this.loads = loads;
  }

  private choices<T>(source: Observable<T[]>): Observable<Choices<T>> {
    return source.pipe(
      map((choices): Choices<T> => ({ status: 'ready', choices })),
      catchError(() => of<Choices<T>>({ status: 'error' })),
    );
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
    const value = this.form.getRawValue();
    const decision = this.decision();
    const source = decision ? decisionSource(decision) : null;
    const request: CreateActionItemRequest = {
      title: value.title.trim(),
      groupId: value.groupId,
      ownerId: value.ownerId,
      dueDate: value.dueDate,
      ...(value.workPlanItemId ? { workPlanItemId: value.workPlanItemId } : {}),
      ...(source?.sessionId ? { sessionId: source.sessionId } : {}),
      ...(source?.minutesId ? { minutesId: source.minutesId } : {}),
      ...(source?.itemKey != null ? { itemKey: source.itemKey } : {}),
      ...(source?.decisionIndex != null ? { decisionIndex: source.decisionIndex } : {}),
    };
    this.busy.set(true);
    this.minutes.createAction(request).subscribe({
      next: (item) => {
        this.busy.set(false);
        this.created.emit(item);
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        this.others.set(applyServerErrors(this.form, problem));
        this.problem.set(problem);
        this.checked.update((n) => n + 1);
        this.busy.set(false);
        afterNextRender(
          () =>
            this.host
              .querySelector<HTMLElement>('form .ng-invalid:not(form), [data-testid=action-form-error]')
              ?.focus(),
          { injector: this.injector },
        );
      },
    });
  }
}
