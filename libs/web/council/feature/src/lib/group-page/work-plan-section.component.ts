import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  CreateWorkPlanItemRequest,
  WorkingGroupDetail,
  WorkPlan,
  WorkPlanItem,
  WorkPlanItemStatus,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { formatPeriod, STATUS_LABEL_KEYS, STATUS_ORDER } from '../council-labels';
import { ProblemComponent } from '../shared/problem.component';
import { WorkPlanItemComponent } from './work-plan-item.component';

type LoadState = { status: 'loading' } | { status: 'error'; problem: ApiProblem } | { status: 'ready' };

/** The work plans of a group with their items; editors add plans and items. */
@Component({
  selector: 'kg-work-plan-section',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    ReactiveFormsModule,
    TranslatePipe,
    WorkPlanItemComponent,
  ],
  templateUrl: './work-plan-section.component.html',
  styleUrl: './work-plan-section.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkPlanSectionComponent {
  private readonly api = inject(CouncilApiService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly fb = inject(FormBuilder).nonNullable;
  private request: Subscription | undefined;

  readonly group = input.required<WorkingGroupDetail>();
  readonly locale = input.required<string>();

  protected readonly statuses = STATUS_ORDER;
  protected readonly statusKeys = STATUS_LABEL_KEYS;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly plans = signal<WorkPlan[]>([]);
  protected readonly announcement = signal('');
  protected readonly busy = signal(false);

  /** The plan whose "add item" form is open. */
  protected readonly addingTo = signal<string | null>(null);
  protected readonly addProblem = signal<ApiProblem | null>(null);
  protected readonly itemForm = this.fb.group({
    objective: ['', [Validators.required, Validators.maxLength(500)]],
    deliverable: ['', [Validators.required, Validators.maxLength(500)]],
    dueDate: [''],
    status: [WorkPlanItemStatus.Planned as WorkPlanItemStatus],
    progress: [0, [Validators.min(0), Validators.max(100)]],
  });

  protected readonly planFormOpen = signal(false);
  protected readonly planProblem = signal<ApiProblem | null>(null);
  protected readonly planForm = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    periodStart: ['', [Validators.required]],
    periodEnd: ['', [Validators.required]],
  });

  constructor() {
    effect(() => {
      const groupId = this.group().id;
      untracked(() => this.load(groupId));
    });
  }

  protected period(plan: WorkPlan): string {
    return formatPeriod(plan.periodStart, plan.periodEnd, this.locale());
  }

  protected load(groupId = this.group().id): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.listWorkPlans(groupId).subscribe({
      next: ({ plans }) => {
        this.plans.set(plans);
        this.state.set({ status: 'ready' });
      },
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected onChanged(item: WorkPlanItem): void {
    this.plans.update((plans) =>
      plans.map((plan) =>
        plan.id === item.planId
          ? { ...plan, items: plan.items.map((candidate) => (candidate.id === item.id ? item : candidate)) }
          : plan,
      ),
    );
  }

  protected onDeleted(item: WorkPlanItem): void {
    this.plans.update((plans) =>
      plans.map((plan) => ({ ...plan, items: plan.items.filter((candidate) => candidate.id !== item.id) })),
    );
    this.say(_('workPlan.deleted'));
    this.focusLater(`#plan-${item.planId}`);
  }

  protected say(key: string): void {
    this.announcement.set(key);
  }

  protected openAdd(planId: string): void {
    this.itemForm.reset();
    this.addProblem.set(null);
    this.addingTo.set(planId);
    this.focusLater('[data-testid=new-item-objective]');
  }

  protected closeAdd(planId: string): void {
    this.addingTo.set(null);
    this.focusLater(`[data-testid=open-add-item-${planId}]`);
  }

  protected addItem(planId: string): void {
    if (this.busy()) {
      return;
    }
    if (this.itemForm.invalid) {
      this.itemForm.markAllAsTouched();
      this.host.querySelector<HTMLElement>('.add-item input.ng-invalid')?.focus();
      return;
    }
    const value = this.itemForm.getRawValue();
    const request: CreateWorkPlanItemRequest = {
      objective: value.objective.trim(),
      deliverable: value.deliverable.trim(),
      dueDate: value.dueDate || null,
      status: value.status,
      progress: Math.round(Number(value.progress) || 0),
    };
    this.busy.set(true);
    this.addProblem.set(null);
    this.api.createWorkPlanItem(planId, request).subscribe({
      next: (item) => {
        this.busy.set(false);
        this.plans.update((plans) =>
          plans.map((plan) => (plan.id === planId ? { ...plan, items: [...plan.items, item] } : plan)),
        );
        this.addingTo.set(null);
        this.say(_('workPlan.added'));
        this.focusLater(`[data-item-id="${item.id}"] h4`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.addProblem.set(toApiProblem(error));
      },
    });
  }

  protected openPlanForm(): void {
    const group = this.group();
    this.planForm.reset({ title: '', periodStart: group.periodStart, periodEnd: group.periodEnd });
    this.planProblem.set(null);
    this.planFormOpen.set(true);
    this.focusLater('[data-testid=new-plan-title]');
  }

  protected createPlan(): void {
    if (this.busy()) {
      return;
    }
    if (this.planForm.invalid) {
      this.planForm.markAllAsTouched();
      this.host.querySelector<HTMLElement>('.new-plan input.ng-invalid')?.focus();
      return;
    }
    const value = this.planForm.getRawValue();
    this.busy.set(true);
    this.planProblem.set(null);
    this.api.createWorkPlan(this.group().id, { ...value, title: value.title.trim() }).subscribe({
      next: (plan) => {
        this.busy.set(false);
        this.plans.update((plans) => [...plans, { ...plan, items: plan.items ?? [] }]);
        this.planFormOpen.set(false);
        this.say(_('workPlan.planCreated'));
        this.focusLater(`#plan-${plan.id}`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.planProblem.set(toApiProblem(error));
      },
    });
  }

  protected closePlanForm(): void {
    this.planFormOpen.set(false);
    this.focusLater('[data-testid=open-new-plan]');
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
