import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { ApplicationDecision, NETWORK_LIMITS, NETWORK_REVET_YEARS, NetworkApplicationView } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { _, TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import {
  COUNTRY_KEYS,
  EXPERTISE_KEYS,
  formatDate,
  injectActiveLocale,
  LANGUAGE_KEYS,
  networkRoles,
  ORGANISATION_TYPE_KEYS,
  STATUS_KEYS,
} from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; application: NetworkApplicationView };

/** YYYY-MM-DD, `years` from today (UTC). */
export function yearsFromToday(years: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/**
 * `/network/applications/:id`: one application with what the viewer may do next — the focal point endorses a
 * submitted one; the secretariat accepts or rejects an endorsed one with a written reason (and says whether the
 * applicant is told it) and a re-vetting date, suspends or records leaving, and moves the re-vetting date.
 */
@Component({
  selector: 'kg-network-application-detail',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ProblemComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './application-detail.component.html',
  styleUrl: '../shared/network-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationDetailComponent {
  private readonly api = inject(NetworkApiService);
  private readonly auth = inject(AuthService);

  /** Bound from the route's `:id`. */
  readonly id = input.required<string>();

  protected readonly locale = injectActiveLocale();
  protected readonly roles = computed(() => networkRoles(this.auth.user()));
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly actionProblem = signal<ApiProblem | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly limits = NETWORK_LIMITS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly countryKeys = COUNTRY_KEYS;
  protected readonly organisationTypeKeys = ORGANISATION_TYPE_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly expertiseKeys = EXPERTISE_KEYS;

  protected readonly endorseNote = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(NETWORK_LIMITS.noteMax)],
  });
  protected readonly decision = new FormGroup({
    decision: new FormControl<ApplicationDecision | null>(null, { validators: [Validators.required] }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(NETWORK_LIMITS.reasonMax)],
    }),
    reasonShareable: new FormControl(false, { nonNullable: true }),
    revetDue: new FormControl(yearsFromToday(NETWORK_REVET_YEARS), { nonNullable: true }),
  });
  protected readonly statusNote = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(NETWORK_LIMITS.noteMax)],
  });
  protected readonly revetDue = new FormControl('', { nonNullable: true, validators: [Validators.required] });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected load(id = this.id()): void {
    this.state.set({ status: 'loading' });
    this.api.application(id).subscribe({
      next: (application) => this.show(application),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  private show(application: NetworkApplicationView): void {
    this.state.set({ status: 'ready', application });
    this.revetDue.setValue(application.revetDue ?? '');
  }

  protected when(instant: string | null): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }

  protected endorse(): void {
    this.run(this.api.endorse(this.id(), this.endorseNote.value), _('network.detail.endorsed'));
  }

  protected decide(): void {
    if (this.decision.invalid || !this.decision.value.reason?.trim()) {
      this.decision.markAllAsTouched();
      return;
    }
    const v = this.decision.getRawValue();
    if (!v.decision) return;
    this.run(
      this.api.decide(this.id(), {
        decision: v.decision,
        reason: v.reason.trim(),
        reasonShareable: v.reasonShareable,
        ...(v.decision === 'accepted' && v.revetDue ? { revetDue: v.revetDue } : {}),
      }),
      v.decision === 'accepted' ? _('network.detail.accepted') : _('network.detail.rejected'),
    );
  }

  protected changeStatus(change: 'suspend' | 'leave'): void {
    this.run(
      this.api.changeStatus(this.id(), change, this.statusNote.value),
      change === 'suspend' ? _('network.detail.suspended') : _('network.detail.left'),
    );
  }

  protected saveRevetDue(): void {
    if (this.revetDue.invalid) {
      this.revetDue.markAsTouched();
      return;
    }
    this.run(this.api.setRevetDue(this.id(), this.revetDue.value), _('network.detail.revetSaved'));
  }

  private run(request: Observable<NetworkApplicationView>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    this.message.set(null);
    request.subscribe({
      next: (application) => {
        this.busy.set(false);
        this.show(application);
        this.message.set(done);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionProblem.set(toApiProblem(error));
      },
    });
  }
}
