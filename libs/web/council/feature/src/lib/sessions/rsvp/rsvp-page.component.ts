import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Rsvp, RsvpRequest } from '@kengash/contracts';
import { SessionsApiService } from '@kengash/web-council-data-access';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { ProblemComponent } from '../../shared/problem.component';
import { RSVP_KEYS } from '../session-time';

/** `/rsvp?token=…`: the answer to an invitation from its e-mailed link, without signing in. */
@Component({
  selector: 'kg-rsvp-page',
  imports: [MatButtonModule, ProblemComponent, RouterLink, TranslatePipe],
  template: `
    <div class="kg-page">
      <h1>{{ 'sessions.rsvpPage.title' | translate }}</h1>
      @if (!token()) {
        <p data-testid="rsvp-no-token">{{ 'sessions.rsvpPage.noToken' | translate }}</p>
      } @else {
        <p>{{ 'sessions.rsvpPage.question' | translate }}</p>
        <div class="answers" role="group" [attr.aria-label]="'sessions.rsvpPage.title' | translate">
          @for (a of answers; track a.value) {
            <button
              mat-stroked-button
              type="button"
              [attr.aria-pressed]="done()?.rsvp === a.value"
              [attr.aria-disabled]="busy()"
              (click)="answer(a.value)"
              [attr.data-testid]="'rsvp-' + a.value"
            >
              {{ a.key | translate }}
            </button>
          }
        </div>
        <kg-council-problem [problem]="problem()" testId="rsvp-error" />
        <p role="status" data-testid="rsvp-result">
          @if (done(); as d) {
            {{ 'sessions.rsvpPage.done' | translate: { title: d.title, answer: (d.key | translate) } }}
          }
        </p>
      }
      <p>
        <a routerLink="/sessions">{{ 'sessions.rsvpPage.toCalendar' | translate }}</a>
      </p>
    </div>
  `,
  styles: `
    .answers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RsvpPageComponent {
  private readonly api = inject(SessionsApiService);

  /** Bound from `?token=`. */
  readonly token = input<string | undefined>();

  protected readonly answers: { value: RsvpRequest['rsvp']; key: string }[] = [
    { value: Rsvp.Accepted, key: _('sessions.rsvp.accept') },
    { value: Rsvp.Tentative, key: _('sessions.rsvp.maybe') },
    { value: Rsvp.Declined, key: _('sessions.rsvp.decline') },
  ];
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly done = signal<{ title: string; rsvp: string; key: string } | null>(null);

  protected answer(rsvp: RsvpRequest['rsvp']): void {
    const token = this.token();
    if (!token || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.rsvpByToken(token, { rsvp }).subscribe({
      next: (result) => {
        this.busy.set(false);
        const key = RSVP_KEYS[result.rsvp as Rsvp] ?? RSVP_KEYS[rsvp];
        this.done.set({ title: result.title, rsvp: result.rsvp, key });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
      },
    });
  }
}
