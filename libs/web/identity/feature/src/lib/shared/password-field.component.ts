import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@kengash/contracts';
import { _, TranslatePipe } from '@ngx-translate/core';
import { FieldErrorPipe } from './field-error.pipe';

const TOGGLE_KEYS = { show: _('identity.password.show'), hide: _('identity.password.hide') };

/** A password input with a show/hide toggle and, for new passwords, the minimum-length hint. */
@Component({
  selector: 'kg-password-field',
  imports: [FieldErrorPipe, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  template: `
    <mat-form-field appearance="outline" class="kg-full-width">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
        [attr.minlength]="isNew() ? minLength : null"
        autocapitalize="off"
        spellcheck="false"
        required
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        [attr.aria-label]="toggleKey() | translate"
        [attr.aria-pressed]="visible()"
        (click)="visible.set(!visible())"
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          @if (visible()) {
            <path
              fill="currentColor"
              d="M12 7a5 5 0 0 1 5 5c0 .65-.13 1.26-.36 1.83l2.92 2.92A11.8 11.8 0 0 0 23 12c-1.73-4.39-6-7.5-11-7.5-1.4 0-2.74.25-3.98.7l2.16 2.16A4.9 4.9 0 0 1 12 7zM2 4.27l2.28 2.28.46.46A11.8 11.8 0 0 0 1 12c1.73 4.39 6 7.5 11 7.5 1.55 0 3.03-.3 4.38-.84l.42.42L19.73 22 21 20.73 3.27 3 2 4.27zM7.53 9.8l1.55 1.55A2.8 2.8 0 0 0 9 12a3 3 0 0 0 3 3c.22 0 .44-.03.65-.08l1.55 1.55A5 5 0 0 1 7 12c0-.79.2-1.53.53-2.2zm4.31-.78 3.15 3.15.02-.16a3 3 0 0 0-3-3l-.17.01z"
            />
          } @else {
            <path
              fill="currentColor"
              d="M12 4.5C7 4.5 2.73 7.61 1 12c1.73 4.39 6 7.5 11 7.5s9.27-3.11 11-7.5c-1.73-4.39-6-7.5-11-7.5zM12 17a5 5 0 1 1 0-10 5 5 0 0 1 0 10zm0-8a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
            />
          }
        </svg>
      </button>
      @if (showHint()) {
        <mat-hint>{{ 'identity.password.minHint' | translate: { min: minLength } }}</mat-hint>
      }
      <mat-error>{{ control() | kgFieldError }}</mat-error>
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordFieldComponent {
  readonly control = input.required<FormControl<string>>();
  /** Already translated. */
  readonly label = input.required<string>();
  /** `current-password` or `new-password`: a new one shows the length hint. */
  readonly autocomplete = input<'current-password' | 'new-password'>('current-password');
  readonly testId = input<string | null>(null);
  /** Show the minimum-length hint; by default for new passwords. */
  readonly hint = input<boolean | undefined>(undefined);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly visible = signal(false);
  protected readonly toggleKey = computed(() => (this.visible() ? TOGGLE_KEYS.hide : TOGGLE_KEYS.show));
  protected readonly isNew = computed(() => this.autocomplete() === 'new-password');
  protected readonly showHint = computed(() => this.hint() ?? this.isNew());
}
