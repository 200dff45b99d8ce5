import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ActionItemStatus, ActionItemView, LocalizedText, pickText } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { ACTION_STATUS_KEYS, injectActiveLocale } from '../shared/minutes-labels';
import { MinutesLinksComponent } from '../shared/minutes-links.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; items: ActionItemView[] };

/** What an owner may move an item to from each status. */
const NEXT: Record<ActionItemStatus, ActionItemStatus[]> = {
  [ActionItemStatus.Open]: [ActionItemStatus.InProgress, ActionItemStatus.Done, ActionItemStatus.Dropped],
  [ActionItemStatus.InProgress]: [ActionItemStatus.Done, ActionItemStatus.Dropped, ActionItemStatus.Open],
  [ActionItemStatus.Done]: [ActionItemStatus.Open],
  [ActionItemStatus.Dropped]: [ActionItemStatus.Open],
};

const MOVE_KEYS: Record<ActionItemStatus, string> = {
  [ActionItemStatus.Open]: _('minutesArea.actions.move.open'),
  [ActionItemStatus.InProgress]: _('minutesArea.actions.move.in_progress'),
  [ActionItemStatus.Done]: _('minutesArea.actions.move.done'),
  [ActionItemStatus.Dropped]: _('minutesArea.actions.move.dropped'),
};

/** `/minutes/actions`: the action items I own, with buttons to change their status (optimistic, 409 → reload). */
@Component({
  selector: 'kg-my-actions',
  imports: [MatButtonModule, MatProgressBarModule, MinutesLinksComponent, RouterLink, TranslatePipe],
  templateUrl: './my-actions.component.html',
  styleUrl: '../shared/list-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyActionsComponent {
  private readonly api = inject(MinutesApiService);
  private request: Subscription | undefined;

  protected readonly locale = injectActiveLocale();
  protected readonly statusKeys = ACTION_STATUS_KEYS;
  protected readonly moveKeys = MOVE_KEYS;
  protected readonly next = NEXT;
  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly pending = signal<string | null>(null);
  protected readonly message = signal<{ key: string; alert: boolean } | null>(null);

  constructor() {
    this.load();
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.actions({ owner: 'me' }).subscribe({
      next: (response) => this.state.set({ status: 'ready', items: response.items }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
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
        this.message.set({ key: _('minutesArea.actions.saved'), alert: false });
      },
      error: (error: unknown) => {
        this.pending.set(null);
        this.replace(item);
        if (toApiProblem(error).status === 409) {
          this.message.set({ key: _('minutesArea.actions.conflict'), alert: true });
          this.load();
        } else {
          this.message.set({ key: _('minutesArea.actions.failed'), alert: true });
        }
      },
    });
  }

  private replace(item: ActionItemView): void {
    this.state.update((state) =>
      state.status === 'ready' ? { ...state, items: state.items.map((i) => (i.id === item.id ? item : i)) } : state,
    );
  }

  protected groupName(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  protected due(day: string): string {
    const [y, m, d] = day.split('-').map(Number);
    if (!y || !m || !d) return day;
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  }
}
