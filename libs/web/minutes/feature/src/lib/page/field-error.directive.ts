import { Directive, inject, Injector, input, OnChanges } from '@angular/core';
import { AbstractControl, NG_VALIDATORS, ValidationErrors, Validator } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatInput } from '@angular/material/input';

/** The validation error key carrying a field's message (the page's own check or the server's words). */
export const FIELD_ERROR = 'field';

/**
 * Makes an `ngModel` field invalid while `kgFieldError` holds a message, so `mat-form-field` shows its
 * `mat-error` next to the field, links it with `aria-describedby` and sets `aria-invalid`. The messages come
 * from the page (the draft's checks after a save attempt, the API's field errors), not from the control.
 */
@Directive({
  selector: '[kgFieldError]',
  providers: [{ provide: NG_VALIDATORS, useExisting: FieldErrorDirective, multi: true }],
})
export class FieldErrorDirective implements Validator, OnChanges {
  private readonly injector = inject(Injector);
  private changed: (() => void) | undefined;

  readonly kgFieldError = input<string | null | undefined>(null);

  ngOnChanges(): void {
    this.changed?.();
    // The input's error state is read once per check; bring it up to date now, not on the next one.
    this.injector.get(MatInput, null, { self: true })?.updateErrorState();
  }

  validate(_control: AbstractControl): ValidationErrors | null {
    const message = this.kgFieldError();
    return message ? { [FIELD_ERROR]: message } : null;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.changed = fn;
  }
}

/**
 * For `[errorStateMatcher]` on the fields using `kgFieldError`: shows the page's message as soon as there is one
 * (they are only set after a save attempt or by the server); `required` and `maxlength` only mark the field.
 */
export const SHOW_FIELD_ERRORS: ErrorStateMatcher = {
  isErrorState: (control: AbstractControl | null) => !!control?.hasError(FIELD_ERROR),
};
