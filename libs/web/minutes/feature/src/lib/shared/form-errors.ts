import { FormGroup } from '@angular/forms';
import { ApiProblem } from '@kengash/web-identity-data-access';

/** The validation error key carrying the server's words for a field. */
export const SERVER_ERROR = 'server';

/** A field error from the API for a field the form does not show (e.g. the decision it comes from). */
export interface OtherFieldError {
  field: string;
  message: string;
}

/**
 * Puts the API's per-field messages (`details[].field`) on the form's controls, where `mat-error` shows them next
 * to the field, and returns those naming no control of the form, for the form to list: none is dropped.
 */
export function applyServerErrors(form: FormGroup, problem: ApiProblem): OtherFieldError[] {
  const others: OtherFieldError[] = [];
  for (const [field, messages] of Object.entries(problem.fields)) {
    if (messages.length === 0) continue;
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: messages.join(' ') });
      control.markAsTouched();
    } else {
      others.push({ field, message: messages.join(' ') });
    }
  }
  return others;
}

/** The server's words for a control, when it has some. */
export function serverError(form: FormGroup, field: string): string | null {
  const value: unknown = form.get(field)?.errors?.[SERVER_ERROR];
  return typeof value === 'string' ? value : null;
}

/** Before sending again: the server's earlier words no longer stand, the form's own validators run afresh. */
export function clearServerErrors(form: FormGroup): void {
  for (const control of Object.values(form.controls)) {
    if (control.hasError(SERVER_ERROR)) control.updateValueAndValidity({ emitEvent: false });
  }
}
