import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { MinutesFace, SessionMinutesList } from '@kengash/contracts';
import { ApiProblem, toApiProblem } from '@kengash/web-identity-data-access';
import { MinutesApiService } from '@kengash/web-minutes-data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { FACE_KEYS, STATUS_KEYS } from '../shared/minutes-labels';

/**
 * A session's minutes documents with links, and "Start minutes" for those who may. `section` is the block on the
 * session page; `link` is one line (the live draft page): open the newest document, or start one.
 */
@Component({
  selector: 'kg-session-minutes',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  template: `
    @let list = minutes();
    @if (variant() === 'section') {
      <section class="minutes" aria-labelledby="session-minutes-heading" data-testid="session-minutes">
        <h2 id="session-minutes-heading">{{ 'minutesArea.session.title' | translate }}</h2>
        @if (list) {
          <ul>
            @for (doc of list.documents; track doc.id) {
              <li>
                <a [routerLink]="['/minutes', doc.id]" data-testid="minutes-link">
                  {{ faceKeys[doc.face] | translate }}
                  @if (doc.correctsId) {
                    ({{ 'minutesArea.session.correction' | translate }})
                  }
                </a>
                — {{ statusKeys[doc.status] | translate }} ·
                {{ 'minutesArea.page.version' | translate: { n: doc.version } }}
              </li>
            } @empty {
              <li class="muted">{{ 'minutesArea.session.none' | translate }}</li>
            }
          </ul>
          @if (list.canCreate) {
            <button mat-stroked-button type="button" data-testid="start-minutes" [disabled]="busy()" (click)="start()">
              {{ 'minutesArea.session.start' | translate }}
            </button>
            @if (canStartPublic(list)) {
              <button
                mat-stroked-button
                type="button"
                data-testid="start-public-summary"
                [disabled]="busy()"
                (click)="start('public')"
              >
                {{ 'minutesArea.session.startPublic' | translate }}
              </button>
            }
          }
        }
        @if (problem(); as p) {
          <p role="alert" class="error">{{ p.message || ('common.errors.unexpected' | translate) }}</p>
        }
      </section>
    } @else if (list) {
      @if (list.documents[0]; as doc) {
        <p>
          <a mat-stroked-button data-testid="open-minutes" [routerLink]="['/minutes', doc.id]">{{
            'minutesArea.session.open' | translate
          }}</a>
        </p>
      } @else if (list.canCreate) {
        <p>
          <button mat-stroked-button type="button" data-testid="start-minutes" [disabled]="busy()" (click)="start()">
            {{ 'minutesArea.session.startThe' | translate }}
          </button>
        </p>
      }
      @if (problem(); as p) {
        <p role="alert" class="error">{{ p.message || ('common.errors.unexpected' | translate) }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 1.5rem 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    ul {
      padding-inline-start: 1.25rem;
    }
    li {
      margin-bottom: 0.25rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionMinutesComponent {
  private readonly api = inject(MinutesApiService);
  private readonly router = inject(Router);
  private request: Subscription | undefined;

  readonly sessionId = input.required<string>();
  readonly variant = input<'section' | 'link'>('section');

  protected readonly faceKeys = FACE_KEYS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly minutes = signal<SessionMinutesList | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  constructor() {
    effect(() => {
      const id = this.sessionId();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.request = this.api.sessionMinutes(id).subscribe({
      next: (list) => this.minutes.set(list),
      // Those who may not read the minutes simply see no section.
      error: () => this.minutes.set(null),
    });
  }

  /** The public summary is made from a full record, once per session (a correction replaces it later). */
  protected canStartPublic(list: SessionMinutesList): boolean {
    return list.documents.some((d) => d.face === 'full') && !list.documents.some((d) => d.face === 'public');
  }

  protected start(face: MinutesFace = 'full'): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.create(this.sessionId(), face).subscribe({
      next: (view) => {
        this.busy.set(false);
        void this.router.navigate(['/minutes', view.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(error));
        this.load(this.sessionId());
      },
    });
  }
}
