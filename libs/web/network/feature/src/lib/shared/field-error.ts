import { AbstractControl } from '@angular/forms';
import { _ } from '@ngx-translate/core';

/** What to say under a field: the server's words, or a translation key with its parameters. */
export type FieldMessage = { text: string } | { key: string; params?: Record<string, unknown> };

/** The message for a touched invalid control (the server's words first), else null. */
export function fieldError(control: AbstractControl): FieldMessage | null {
  const errors = control.errors;
  if (!errors || !control.touched) return null;
  if (typeof errors['server'] === 'string') return { text: errors['server'] };
  if (errors['required']) return { key: _('common.validation.required') };
  if (errors['email']) return { key: _('network.validation.email') };
  const min = errors['minlength'] as { requiredLength: number } | undefined;
  if (min) return { key: _('network.validation.minLength'), params: { count: min.requiredLength } };
  const max = errors['maxlength'] as { requiredLength: number } | undefined;
  if (max) return { key: _('network.validation.maxLength'), params: { count: max.requiredLength } };
  return { key: _('network.validation.invalid') };
}
