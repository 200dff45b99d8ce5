import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { PersonalDataWarning } from '@kengash/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { LANGUAGE_KEYS, WARNING_FIELD_KEYS, WARNING_KIND_KEYS } from '../shared/practice-labels';

/**
 * The editor's live warning panel: what in the texts looks like a personal identifier (passport-like numbers,
 * dates, phone numbers, ID numbers, e-mail addresses), and where — language and field — with a button that
 * goes there. The author decides; the panel never blocks saving.
 */
@Component({
  selector: 'kg-personal-data-panel',
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <section
      class="panel"
      [class.clear]="!warnings().length"
      aria-labelledby="pd-title"
      data-testid="personal-data-panel"
    >
      <h2 id="pd-title" class="title">{{ 'practices.warnings.title' | translate }}</h2>
      <p role="status" data-testid="personal-data-summary">
        {{
          (warnings().length ? 'practices.warnings.found' : 'practices.warnings.none')
            | translate: { count: warnings().length }
        }}
      </p>
      @if (warnings().length) {
        <ul class="list">
          @for (w of warnings(); track $index) {
            <li data-testid="personal-data-warning" [attr.data-kind]="w.kind" [attr.data-field]="w.field">
              <span>
                <strong>{{ kindKeys[w.kind] | translate }}</strong>
                “<span class="excerpt">{{ w.excerpt }}</span
                >” —
                {{
                  'practices.warnings.where'
                    | translate
                      : { language: (languageKeys[w.locale] | translate), field: (fieldKeys[w.field] | translate) }
                }}
              </span>
              <button
                mat-button
                type="button"
                (click)="show.emit(w)"
                [attr.aria-label]="
                  'practices.warnings.showLabel'
                    | translate
                      : { language: (languageKeys[w.locale] | translate), field: (fieldKeys[w.field] | translate) }
                "
              >
                {{ 'practices.warnings.show' | translate }}
              </button>
            </li>
          }
        </ul>
        <p class="muted">{{ 'practices.warnings.advice' | translate }}</p>
      }
    </section>
  `,
  styles: `
    .panel {
      margin: 1rem 0;
      padding: 0.5rem 1rem;
      border-inline-start: 4px solid var(--mat-sys-error);
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .panel.clear {
      border-inline-start-color: var(--mat-sys-outline);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    .title {
      margin: 0.25rem 0;
      font: var(--mat-sys-title-medium);
    }
    .list {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .list li {
      overflow-wrap: anywhere;
    }
    .excerpt {
      font-family: monospace;
    }
    .muted {
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonalDataPanelComponent {
  readonly warnings = input.required<PersonalDataWarning[]>();
  /** Go to the place of a warning. */
  readonly show = output<PersonalDataWarning>();

  protected readonly kindKeys = WARNING_KIND_KEYS;
  protected readonly fieldKeys = WARNING_FIELD_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
}
