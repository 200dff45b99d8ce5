import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MinutesDecisionLine, MinutesSection } from '@kengash/contracts';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { resultText } from '../shared/minutes-labels';

/**
 * One item of minutes, read-only: its title (an `h3`), notes, speakers and decisions. Used for the current text
 * when it may not be edited, and for an earlier version shown in full.
 */
@Component({
  selector: 'kg-minutes-section-view',
  imports: [TranslatePipe],
  template: `
    @let it = item();
    <article class="item" data-testid="minutes-item" [attr.aria-labelledby]="headingId()">
      <h3 [id]="headingId()" data-testid="minutes-item-title">
        {{ index() + 1 }}. {{ it.title }}
        @if (it.restricted) {
          <span class="chip outline">{{ 'minutesArea.page.restricted' | translate }}</span>
        }
      </h3>
      @if (it.notes) {
        <div class="notes" data-testid="minutes-notes" [innerHTML]="it.notes"></div>
      } @else {
        <p class="muted">{{ 'minutesArea.page.noNotes' | translate }}</p>
      }
      @if (it.speakers.length > 0) {
        <h4>{{ 'minutesArea.page.speakers' | translate }}</h4>
        <ul data-testid="minutes-speakers">
          @for (speaker of it.speakers; track $index) {
            <li data-testid="minutes-speaker">
              {{ speaker.name }} —
              {{
                'minutesArea.page.speakerTurns'
                  | translate
                    : {
                        turns: speaker.turns,
                        time: 'minutesArea.page.minutesCount' | translate: { count: minutesOf(speaker.seconds) },
                      }
              }}
            </li>
          }
        </ul>
      }
      @if (it.decisions.length > 0) {
        <h4>{{ 'minutesArea.page.decisions' | translate }}</h4>
        <ul>
          @for (decision of it.decisions; track $index) {
            <li data-testid="minutes-decision">
              <strong>{{ decision.text }}</strong>
              @if (decision.result) {
                <span class="muted">{{ result(decision) }}</span>
              }
            </li>
          }
        </ul>
      }
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    .item {
      margin: 0 0 1rem;
      padding: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h3 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    h4 {
      margin: 0.75rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .chip {
      display: inline-block;
      padding: 0.125rem 0.625rem;
      border-radius: 1rem;
      border: 1px solid var(--mat-sys-outline);
      font: var(--mat-sys-label-large);
    }
    .notes,
    li {
      overflow-wrap: anywhere;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MinutesSectionViewComponent {
  private readonly translate = inject(TranslateService);

  readonly item = input.required<MinutesSection>();
  readonly index = input.required<number>();
  /** Unique on the page (the current text and a version's differ). */
  readonly headingId = input.required<string>();

  protected minutesOf(seconds: number): number {
    return Math.round(seconds / 60);
  }

  protected result(decision: MinutesDecisionLine): string {
    return decision.result ? resultText(decision.result, this.translate) : '';
  }
}
