import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  ActionItemView,
  DecisionRegisterEntry,
  DecisionRegisterResponse,
  DecisionStatus,
  LocalizedText,
  pickText,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { ActionGroupChoice, CreateActionComponent } from '../create-action/create-action.component';
import { canEditGroupActions } from '../shared/action-rights';
import { formatInstant, injectActiveLocale, resultText, STATUS_KEYS } from '../shared/minutes-labels';
import { MinutesLinksComponent } from '../shared/minutes-links.component';

/** An action item just created from a decision of the register. */
interface CreatedAction {
  decisionId: string;
  item: ActionItemView;
}

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; response: DecisionRegisterResponse };

/**
 * `/minutes`: the register of decisions, searchable by text, group and status; links to the action board and my
 * action items. Chairs, co-chairs, rapporteurs and the secretariat create an action item from a decision.
 */
@Component({
  selector: 'kg-decisions-register',
  imports: [
    CreateActionComponent,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MinutesLinksComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './decisions-register.component.html',
  styleUrl: '../shared/list-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionsRegisterComponent {
  private readonly api = inject(MinutesApiService);
  private readonly translate = inject(TranslateService);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private request: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly statuses: DecisionStatus[] = ['recorded', 'draft', 'circulated', 'approved'];
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly groups = signal<WorkingGroupSummary[]>([]);
  /** The decision whose "Create action item" form is open. */
  protected readonly creatingFor = signal<string | null>(null);
  protected readonly created = signal<CreatedAction | null>(null);
  protected q = '';
  protected groupId = '';
  protected status: DecisionStatus | '' = '';

  constructor() {
    inject(CouncilApiService)
      .listGroups()
      .subscribe({
        next: (response) => this.groups.set(response.groups),
        error: () => this.groups.set([]),
      });
    this.search();
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected search(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api
      .decisions({ q: this.q.trim(), groupId: this.groupId, status: this.status || undefined })
      .subscribe({
        next: (response) => this.state.set({ status: 'ready', response }),
        error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
      });
  }

  protected name(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  protected groupNames(entry: DecisionRegisterEntry): string {
    return entry.groups.map((g) => this.name(g.name)).join(', ');
  }

  protected when(entry: DecisionRegisterEntry): string {
    return formatInstant(entry.session.startsAt, this.locale(), entry.session.timeZone);
  }

  protected result(entry: DecisionRegisterEntry): string {
    return entry.result ? resultText(entry.result, this.translate) : '';
  }

  /**
   * The decision's groups the person may create action items in: none for a decision read from a public summary
   * (the person is not in its groups) or for people who are not chairs, co-chairs, rapporteurs or the secretariat.
   */
  protected creatableGroups(entry: DecisionRegisterEntry): ActionGroupChoice[] {
    if (entry.fromPublicSummary) return [];
    const user = this.auth.user();
    return entry.groups.filter((g) => canEditGroupActions(user, g.id));
  }

  protected startCreate(entry: DecisionRegisterEntry): void {
    this.created.set(null);
    this.creatingFor.set(entry.id);
  }

  protected cancelCreate(entry: DecisionRegisterEntry): void {
    this.creatingFor.set(null);
    this.focusIn(entry.id, '[data-testid=create-action]');
  }

  protected actionCreated(entry: DecisionRegisterEntry, item: ActionItemView): void {
    this.creatingFor.set(null);
    this.created.set({ decisionId: entry.id, item });
    this.focusIn(entry.id, '[data-testid=action-created]');
  }

  private focusIn(decisionId: string, selector: string): void {
    afterNextRender(
      () =>
        [...this.host.querySelectorAll<HTMLElement>('[data-testid=decision]')]
          .find((card) => card.dataset['id'] === decisionId)
          ?.querySelector<HTMLElement>(selector)
          ?.focus(),
      { injector: this.injector },
    );
  }
}
