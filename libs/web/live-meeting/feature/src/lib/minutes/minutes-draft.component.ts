import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LocalizedText, MinutesDecision, MinutesDraftView, pickText, YES_NO_ABSTAIN } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { LiveMeetingApiService } from '@kengash/web-live-meeting-data-access';
import { SessionMinutesComponent } from '@kengash/web-minutes-feature';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { choiceLabel, formatDuration, injectActiveLocale, MEETING_ROLE_KEYS, outcomeKey } from '../shared/live-labels';
import { LivePersonComponent } from '../shared/live-person.component';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; draft: MinutesDraftView };

/** `/sessions/:id/minutes`: the minutes draft frozen when the meeting ended — attendance, notes, speakers, votes. */
@Component({
  selector: 'kg-minutes-draft',
  imports: [
    LivePersonComponent,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    SessionMinutesComponent,
    TranslatePipe,
  ],
  templateUrl: './minutes-draft.component.html',
  styleUrl: './minutes-draft.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MinutesDraftComponent {
  private readonly api = inject(LiveMeetingApiService);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly locale = injectActiveLocale();
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly id = input.required<string>();

  protected readonly state = signal<LoadState>({ status: 'loading' });
  protected readonly roleKeys = MEETING_ROLE_KEYS;
  protected readonly duration = (seconds: number) => formatDuration(seconds * 1000);
  protected readonly draft = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.draft : null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected load(id = this.id()): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.minutesDraft(id).subscribe({
      next: (draft) => this.state.set({ status: 'ready', draft }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected when(instant: string | null): string {
    if (!instant) return '—';
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) return instant;
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(this.locale(), {
        ...options,
        timeZone: this.auth.user()?.timeZone ?? undefined,
      }).format(date);
    } catch {
      return new Intl.DateTimeFormat(this.locale(), options).format(date);
    }
  }

  /** "Yes: 3 · No: 1 · Abstain: 0". */
  protected tally(decision: MinutesDecision): string {
    const kind = Object.keys(decision.result.tally).every((k) => (YES_NO_ABSTAIN as readonly string[]).includes(k))
      ? 'yes_no_abstain'
      : 'options';
    const order = (option: string) => {
      const index = (YES_NO_ABSTAIN as readonly string[]).indexOf(option);
      return index < 0 ? YES_NO_ABSTAIN.length : index;
    };
    return Object.entries(decision.result.tally)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([option, votes]) => `${this.optionLabel(kind, option)}: ${votes}`)
      .join(' · ');
  }

  protected groupName(name: LocalizedText): string {
    return pickText(name, this.locale());
  }

  protected outcome(decision: MinutesDecision): string {
    const key = outcomeKey(decision.result.outcome);
    return key ? this.translate.instant(key) : decision.result.outcome;
  }

  private optionLabel(kind: 'yes_no_abstain' | 'options', option: string): string {
    const { key, text } = choiceLabel(kind, option);
    return key ? this.translate.instant(key) : text;
  }
}
