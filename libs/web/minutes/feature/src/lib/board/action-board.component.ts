import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import {
  ActionItemListQuery,
  ActionItemStatus,
  ActionItemView,
  LocalizedText,
  pickText,
  WorkingGroupSummary,
} from '@kengash/contracts';
import { CouncilApiService } from '@kengash/web-council-data-access';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { _, TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { ActionGroupChoice, CreateActionComponent } from '../create-action/create-action.component';
import { localToday } from '../shared/action-dates';
import { actionRight, ActionRight, canEditGroupActions, canReadGroupActions } from '../shared/action-rights';
import { ACTION_STATUS_KEYS, injectActiveLocale } from '../shared/minutes-labels';
import { MinutesLinksComponent } from '../shared/minutes-links.component';
import { ActionCardComponent, BOARD_STATUSES } from './action-card.component';
import { ActionEditComponent } from './action-edit.component';

/** The board's filters, as kept in the address: `?groupId=&status=&owner=me&overdue=true`. */
export interface BoardFilters {
  groupId: string;
  status: ActionItemStatus | '';
  owner: 'me' | '';
  overdue: boolean;
}

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; items: ActionItemView[] };

interface Message {
  key: string;
  params?: Record<string, string>;
  alert: boolean;
}

const isStatus = (value: string | undefined): value is ActionItemStatus =>
  BOARD_STATUSES.includes(value as ActionItemStatus);

/** Reads the filters from the query string; values the API would refuse are left out. */
export function parseBoardFilters(query: {
  groupId?: string;
  status?: string;
  owner?: string;
  overdue?: string;
}): BoardFilters {
  return {
    groupId: query.groupId && /^[0-9a-f-]{36}$/i.test(query.groupId) ? query.groupId : '',
    status: isStatus(query.status) ? query.status : '',
    owner: query.owner === 'me' ? 'me' : '',
    overdue: query.overdue === 'true',
  };
}

/** The query string for `filters` (unset filters are left out, so a plain `/minutes/board` shows everything). */
export function boardQueryParams(filters: BoardFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.groupId) params['groupId'] = filters.groupId;
  if (filters.status) params['status'] = filters.status;
  if (filters.owner) params['owner'] = filters.owner;
  if (filters.overdue) params['overdue'] = 'true';
  return params;
}

/**
 * `/minutes/board`: the action items the person may read, in a column per status with its count, filtered by
 * working group, status, owner and "overdue only" — all kept in the query string, so `?overdue=true` is the
 * overdue view chairs and the secretariat follow up. Chairs, co-chairs, rapporteurs and the secretariat move any
 * item and edit its title, owner and due date; owners move their own items. Changes carry the item's version;
 * a 409 reloads the board and says so. Editors may also create an item here.
 */
@Component({
  selector: 'kg-action-board',
  imports: [
    ActionCardComponent,
    ActionEditComponent,
    CreateActionComponent,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MinutesLinksComponent,
    TranslatePipe,
  ],
  templateUrl: './action-board.component.html',
  styleUrl: './action-board.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionBoardComponent {
  private readonly api = inject(MinutesApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private request: Subscription | undefined;

  /** Query parameters, bound by the router. */
  readonly groupId = input<string>();
  readonly status = input<string>();
  readonly owner = input<string>();
  readonly overdue = input<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly statusKeys = ACTION_STATUS_KEYS;
  protected readonly statuses = BOARD_STATUSES;
  protected readonly today = signal(localToday());
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly allGroups = signal<WorkingGroupSummary[]>([]);
  protected readonly pending = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly message = signal<Message | null>(null);

  protected readonly filters = computed(() =>
    parseBoardFilters({ groupId: this.groupId(), status: this.status(), owner: this.owner(), overdue: this.overdue() }),
  );
  protected readonly page = computed(() => (this.filters().overdue ? 'overdue' : 'board'));
  /** The groups whose items the person reads (the secretariat: every group). */
  protected readonly groups = computed(() => {
    const user = this.auth.user();
    return this.allGroups().filter((g) => canReadGroupActions(user, g.id));
  });
  /** The groups the person may create action items in. */
  protected readonly creatableGroups = computed<ActionGroupChoice[]>(() => {
    const user = this.auth.user();
    return this.allGroups()
      .filter((g) => canEditGroupActions(user, g.id))
      .map((g) => ({ id: g.id, name: g.name }));
  });
  protected readonly columns = computed(() => {
    const state = this.state();
    const items = state.status === 'ready' ? state.items : [];
    const wanted = this.filters().status;
    return this.statuses
      .filter((status) => !wanted || status === wanted)
      .map((status) => ({
        status,
        items: items
          .filter((item) => item.status === status)
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title)),
      }));
  });
  protected readonly total = computed(() => this.columns().reduce((sum, column) => sum + column.items.length, 0));

  constructor() {
    inject(CouncilApiService)
      .listGroups()
      .subscribe({
        next: (response) => this.allGroups.set(response.groups),
        error: () => this.allGroups.set([]),
      });
    effect(() => {
      const filters = this.filters();
      untracked(() => this.load(filters));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(filters: BoardFilters = this.filters()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.today.set(localToday());
    const query: ActionItemListQuery = {
      ...(filters.groupId ? { groupId: filters.groupId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.owner ? { owner: filters.owner } : {}),
      ...(filters.overdue ? { overdue: true } : {}),
    };
    this.request = this.api.actions(query).subscribe({
      next: (response) => this.state.set({ status: 'ready', items: response.items }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  /** Changes one filter: the address changes, and the board follows it. */
  protected setFilter(change: Partial<BoardFilters>): void {
    this.message.set(null);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: boardQueryParams({ ...this.filters(), ...change }),
    });
  }

  protected selectValue(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected selectStatus(event: Event): void {
    const value = this.selectValue(event);
    this.setFilter({ status: isStatus(value) ? value : '' });
  }

  protected selectOwner(event: Event): void {
    this.setFilter({ owner: this.selectValue(event) === 'me' ? 'me' : '' });
  }

  protected clearFilters(): void {
    this.setFilter({ groupId: '', status: '', owner: '', overdue: false });
  }

  protected rightFor(item: ActionItemView): ActionRight {
    return actionRight(this.auth.user(), item);
  }

  protected groupName(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  protected move(item: ActionItemView, status: ActionItemStatus): void {
    if (this.pending()) return;
    this.pending.set(item.id);
    this.message.set(null);
    this.replace({ ...item, status });
    this.api.updateAction(item.id, { version: item.version, status }).subscribe({
      next: (updated) => {
        this.pending.set(null);
        this.replace(updated);
        this.say(_('minutesArea.board.moved'), false, {
          title: updated.title,
          status: this.translate.instant(ACTION_STATUS_KEYS[updated.status]) as string,
        });
        this.focusCard(updated.id, '[data-testid=move-button]');
      },
      error: (error: unknown) => {
        this.pending.set(null);
        this.replace(item);
        this.failed(error);
      },
    });
  }

  protected startEdit(item: ActionItemView): void {
    this.message.set(null);
    this.creating.set(false);
    this.editing.set(item.id);
  }

  protected cancelEdit(item: ActionItemView): void {
    this.editing.set(null);
    this.focusCard(item.id, '[data-testid=edit-button]');
  }

  protected edited(item: ActionItemView): void {
    this.editing.set(null);
    this.replace(item);
    this.say(_('minutesArea.board.saved'), false);
    this.focusCard(item.id, '[data-testid=edit-button]');
  }

  /** Someone saved the item first: reload the board and say so. */
  protected conflicted(): void {
    this.editing.set(null);
    this.say(_('minutesArea.board.conflict'), true);
    this.load();
  }

  protected startCreate(): void {
    this.message.set(null);
    this.editing.set(null);
    this.creating.set(true);
  }

  protected cancelCreate(): void {
    this.creating.set(false);
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-testid=new-action]')?.focus(), {
      injector: this.injector,
    });
  }

  protected created(item: ActionItemView): void {
    this.creating.set(false);
    this.say(_('minutesArea.board.created'), false, { title: item.title });
    this.load();
  }

  private failed(error: unknown): void {
    const problem = toApiProblem(error);
    if (problem.status === 409) {
      this.say(_('minutesArea.board.conflict'), true);
      this.load();
    } else if (problem.message) {
      this.message.set({ key: _('minutesArea.board.failedBecause'), params: { reason: problem.message }, alert: true });
    } else {
      this.say(_('minutesArea.board.failed'), true);
    }
  }

  private say(key: string, alert: boolean, params?: Record<string, string>): void {
    this.message.set({ key, alert, ...(params ? { params } : {}) });
  }

  private replace(item: ActionItemView): void {
    this.state.update((state) =>
      state.status === 'ready' ? { ...state, items: state.items.map((i) => (i.id === item.id ? item : i)) } : state,
    );
  }

  /** After a card moves to another column, focus follows it. */
  private focusCard(id: string, selector: string): void {
    afterNextRender(
      () => this.host.querySelector<HTMLElement>(`[data-testid=board-card][data-id="${id}"] ${selector}`)?.focus(),
      { injector: this.injector },
    );
  }
}
