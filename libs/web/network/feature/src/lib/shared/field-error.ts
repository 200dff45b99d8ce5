import { AbstractControl } from '@angular/forms';
import { _ } from '@ngx-translate/core';

/** What to say under a field: the server's words, or a translation key with its parameters. */
export type FieldMessage = { text: string } | { key: string; params?: Record<string, unknown> };

/** The API's field messages (English) the UI says in its own language; others are shown as they come. */
const SERVER_MESSAGES: [RegExp, string, string?][] = [
  [/^is required$/, _('common.validation.required')],
  [/^must be an e-mail address$/, _('network.validation.email')],
  [/^must be at least (\d+) characters$/, _('network.validation.minLength'), 'count'],
  [/^must be at most (\d+) characters$/, _('network.validation.maxLength'), 'count'],
  [/^choose at least one language$/, _('network.apply.languagesRequired')],
  [/^choose at least one area of expertise$/, _('network.apply.expertiseRequired')],
  [/^consent to the current privacy notice/, _('network.apply.consentRequired')],
  [/^is not an active member of the council or the network$/, _('network.apply.refereeUnknown')],
];

/** The server's words for a field, in the UI language when they are among the known ones. */
export function serverMessage(text: string): FieldMessage {
  for (const [pattern, key, param] of SERVER_MESSAGES) {
    const match = pattern.exec(text);
    if (match) return param ? { key, params: { [param]: Number(match[1]) } } : { key };
  }
  return { text };
}

/** The message for a touched invalid control (the server's words first), else null. */
export function fieldError(control: AbstractControl): FieldMessage | null {
  const errors = control.errors;
  if (!errors || !control.touched) return null;
  if (typeof errors['server'] === 'string') return serverMessage(errors['server']);
  if (errors['required']) return { key: _('common.validation.required') };
  if (errors['email']) return { key: _('network.validation.email') };
  const min = errors['minlength'] as { requiredLength: number } | undefined;
  if (min) return { key: _('network.validation.minLength'), params: { count: min.requiredLength } };
  const max = errors['maxlength'] as { requiredLength: number } | undefined;
  if (max) return { key: _('network.validation.maxLength'), params: { count: max.requiredLength } };
  return { key: _('network.validation.invalid') };
}
