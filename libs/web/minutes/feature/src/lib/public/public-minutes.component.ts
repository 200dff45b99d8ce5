import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LocalizedText, MinutesDecisionLine, pickText, PublicMinutesView } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { formatInstant, injectActiveLocale, resultText, ROLE_KEYS } from '../shared/minutes-labels';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; minutes: PublicMinutesView };

/**
 * `/public/minutes/:id` (no account needed): an approved public summary its group opened to anyone — the session,
 * who attended (by role where a person chose not to be named), each item's notes and decisions, the approval and
 * its SHA-256. Anything else at this address is "not found".
 */
@Component({
  selector: 'kg-public-minutes',
  imports: [MatProgressBarModule, TranslatePipe],
  templateUrl: './public-minutes.component.html',
  styleUrl: './public-minutes.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicMinutesComponent {
  private readonly api = inject(MinutesApiService);
  private readonly translate = inject(TranslateService);
  private request: Subscription | undefined;

  /** Bound from the route parameter. */
  readonly id = input.required<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly roleKeys: Record<string, string> = ROLE_KEYS;
  protected readonly state = signal<LoadState>({ status: 'loading' });

  constructor() {
    effect(() => this.load(this.id()));
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.state.set({ status: 'loading' });
    this.request = this.api.publicMinutes(id).subscribe({
      next: (minutes) => this.state.set({ status: 'ready', minutes }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected name(text: LocalizedText): string {
    return pickText(text, this.locale());
  }

  protected when(instant: string, zone: string): string {
    return formatInstant(instant, this.locale(), zone);
  }

  protected result(decision: MinutesDecisionLine): string {
    return decision.result ? resultText(decision.result, this.translate) : '';
  }
}
