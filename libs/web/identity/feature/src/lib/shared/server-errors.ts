import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ApiProblem } from '@kengash/web-identity-data-access';
import { SERVER_ERROR } from './field-error.pipe';

/**
 * Shows the API's per-field messages next to the fields: `details[].field` names a control of
 * `form` (or is mapped to one by `aliases`). Returns true when at least one field took a message.
 */
export function applyServerErrors(form: FormGroup, problem: ApiProblem, aliases: Record<string, string> = {}): boolean {
  let applied = false;
  for (const [field, messages] of Object.entries(problem.fields)) {
    const control = form.get(aliases[field] ?? field);
    if (control && messages.length > 0) {
      control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: messages.join(' ') });
      control.markAsTouched();
      applied = true;
    }
  }
  return applied;
}

/** Group validator: `confirm` must equal `password` (error `mismatch` on the confirm control). */
export function matchingPasswords(password: string, confirm: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const first = group.get(password);
    const second = group.get(confirm);
    if (!first || !second) {
      return null;
    }
    const mismatch = second.value !== '' && first.value !== second.value;
    const errors = { ...(second.errors ?? {}) };
    if (mismatch) {
      errors['mismatch'] = true;
    } else {
      delete errors['mismatch'];
    }
    second.setErrors(Object.keys(errors).length > 0 ? errors : null, { emitEvent: false });
    return null;
  };
}

/** Focuses the first invalid field of a form rendered in `host` (after a failed submit). */
export function focusFirstInvalid(host: HTMLElement): void {
  host.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid, textarea.ng-invalid')?.focus();
}
