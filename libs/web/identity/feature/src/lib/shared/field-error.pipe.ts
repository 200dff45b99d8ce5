import { inject, Pipe, PipeTransform } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { _, TranslateService } from '@ngx-translate/core';

/** Message keys of the client-side validators the identity forms use. */
const VALIDATION_KEYS: Record<string, string> = {
  required: _('identity.validation.required'),
  email: _('identity.validation.email'),
  minlength: _('identity.validation.minLength'),
  maxlength: _('identity.validation.maxLength'),
  pattern: _('identity.validation.pattern'),
  mismatch: _('identity.validation.mismatch'),
};

/** Error key set from the API's per-field `details`; its value is the server's text. */
export const SERVER_ERROR = 'server';

/**
 * The first error of a control as text for `<mat-error>`: the server's message, or ours for a
 * client-side check. Impure on purpose: errors change without the control reference changing.
 */
@Pipe({ name: 'kgFieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) {
      return '';
    }
    const server: unknown = errors[SERVER_ERROR];
    if (typeof server === 'string') {
      return server;
    }
    for (const [name, value] of Object.entries(errors)) {
      const key = VALIDATION_KEYS[name];
      if (key) {
        const params =
          typeof value === 'object' && value !== null && 'requiredLength' in value
            ? { length: value.requiredLength }
            : {};
        return this.translate.instant(key, params);
      }
    }
    return this.translate.instant(_('identity.validation.invalid'));
  }
}
