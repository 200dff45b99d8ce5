import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ANNOUNCEMENT_LIMITS, AnnouncementView, CreateAnnouncementRequest } from '@kengash/contracts';
import { ApiProblem, AuthService, toApiProblem } from '@kengash/web-identity-data-access';
import { NetworkApiService } from '@kengash/web-network-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { fieldError } from '../shared/field-error';
import { formatDate, injectActiveLocale, networkRoles } from '../shared/network-labels';
import { ProblemComponent } from '../shared/problem.component';

type State =
  | { status: 'loading' }
  | { status: 'error'; problem: ApiProblem }
  | { status: 'ready'; announcements: AnnouncementView[] };

const A = ANNOUNCEMENT_LIMITS;

/** The announcement form's value as the API takes it: English required, Russian only when written. */
export function announcementRequest(v: {
  titleEn: string;
  bodyEn: string;
  titleRu: string;
  bodyRu: string;
}): CreateAnnouncementRequest {
  const titleRu = v.titleRu.trim();
  const bodyRu = v.bodyRu.trim();
  return {
    title: { en: v.titleEn.trim(), ...(titleRu ? { ru: titleRu } : {}) },
    body: { en: v.bodyEn.trim(), ...(bodyRu ? { ru: bodyRu } : {}) },
  };
}

/** `/network/announcements`: the network's announcements in the reader's language; the secretariat writes them. */
@Component({
  selector: 'kg-network-announcements',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemComponent,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <div class="page">
      <h1>{{ 'network.announcements.title' | translate }}</h1>
      @if (roles().secretariat) {
        <section class="panel" aria-labelledby="announce-title">
          <h2 id="announce-title">{{ 'network.announcements.new' | translate }}</h2>
          <p class="muted">{{ 'network.announcements.newIntro' | translate }}</p>
          <form class="form" [formGroup]="form" (ngSubmit)="send()" novalidate>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'network.announcements.titleEn' | translate }}</mat-label>
              <input matInput formControlName="titleEn" required lang="en" data-testid="announcement-title-en" />
              @if (error('titleEn'); as e) {
                <mat-error>{{ 'text' in e ? e.text : (e.key | translate: e.params) }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'network.announcements.bodyEn' | translate }}</mat-label>
              <textarea
                matInput
                rows="4"
                formControlName="bodyEn"
                required
                lang="en"
                data-testid="announcement-body-en"
              ></textarea>
              @if (error('bodyEn'); as e) {
                <mat-error>{{ 'text' in e ? e.text : (e.key | translate: e.params) }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'network.announcements.titleRu' | translate }}</mat-label>
              <input matInput formControlName="titleRu" lang="ru" data-testid="announcement-title-ru" />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'network.announcements.bodyRu' | translate }}</mat-label>
              <textarea
                matInput
                rows="4"
                formControlName="bodyRu"
                lang="ru"
                data-testid="announcement-body-ru"
              ></textarea>
            </mat-form-field>
            @if (sent(); as count) {
              <p class="kg-notice" role="status" data-testid="announcement-sent">
                {{ 'network.announcements.sent' | translate: { count: count.recipients ?? 0 } }}
              </p>
            }
            <kg-network-problem [problem]="sendProblem()" testId="announcement-error" />
            <div class="actions">
              <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="announcement-send">
                {{ 'network.announcements.send' | translate }}
              </button>
            </div>
          </form>
        </section>
      }
      @let current = state();
      @if (current.status === 'loading') {
        <div role="status">
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'network.loading' | translate" />
        </div>
      } @else if (current.status === 'error') {
        <kg-network-problem [problem]="current.problem" testId="announcements-error" />
      } @else {
        <ul class="cards">
          @for (a of current.announcements; track a.id) {
            <li class="card" data-testid="announcement" [attr.lang]="a.locale">
              <h2 class="card-title">{{ a.title }}</h2>
              <p class="muted">
                {{ when(a.createdAt) }}
                @if (a.author) {
                  · {{ a.author.displayName }}
                }
              </p>
              <p class="pre">{{ a.body }}</p>
            </li>
          } @empty {
            <li class="muted" data-testid="announcements-empty">{{ 'network.announcements.empty' | translate }}</li>
          }
        </ul>
      }
    </div>
  `,
  styleUrl: '../shared/network-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnnouncementsComponent {
  private readonly api = inject(NetworkApiService);
  private readonly auth = inject(AuthService);

  protected readonly locale = injectActiveLocale();
  protected readonly roles = computed(() => networkRoles(this.auth.user()));
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly sendProblem = signal<ApiProblem | null>(null);
  protected readonly sent = signal<AnnouncementView | null>(null);
  protected readonly form = new FormGroup({
    titleEn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(A.titleMax)],
    }),
    bodyEn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(A.bodyMax)],
    }),
    titleRu: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(A.titleMax)] }),
    bodyRu: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(A.bodyMax)] }),
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api.announcements().subscribe({
      next: (response) => this.state.set({ status: 'ready', announcements: response.announcements }),
      error: (error: unknown) => this.state.set({ status: 'error', problem: toApiProblem(error) }),
    });
  }

  protected error(name: 'titleEn' | 'bodyEn') {
    return fieldError(this.form.controls[name]);
  }

  protected send(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.sendProblem.set(null);
    this.sent.set(null);
    this.api.announce(announcementRequest(this.form.getRawValue())).subscribe({
      next: (announcement) => {
        this.busy.set(false);
        this.sent.set(announcement);
        this.form.reset();
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.sendProblem.set(toApiProblem(error));
      },
    });
  }

  protected when(instant: string): string {
    return formatDate(instant, this.locale(), this.auth.user()?.timeZone);
  }
}
