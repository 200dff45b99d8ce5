import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ApiProblem } from '@kengash/web-identity-data-access';
import { applyServerErrors, clearServerErrors, serverError } from './form-errors';

describe('applyServerErrors', () => {
  const problem = (fields: Record<string, string[]>): ApiProblem => ({
    status: 400,
    code: null,
    message: 'The request has invalid fields',
    fields,
    retryAfter: null,
    correlationId: null,
    reason: null,
  });

  it('puts messages on the form’s fields and returns the others, dropping none', () => {
    const form = new FormGroup({ ownerId: new FormControl('u1'), dueDate: new FormControl('x') });
    const others = applyServerErrors(
      form,
      problem({
        ownerId: ['must be a current member of the group, or the secretariat'],
        decisionIndex: ['must be a decision of the item'],
      }),
    );

    expect(serverError(form, 'ownerId')).toBe('must be a current member of the group, or the secretariat');
    expect(form.controls.ownerId.touched).toBe(true);
    expect(serverError(form, 'dueDate')).toBeNull();
    expect(others).toEqual([{ field: 'decisionIndex', message: 'must be a decision of the item' }]);
  });

  it('clears the server’s words before sending again, keeping the form’s own checks', () => {
    const form = new FormGroup({
      ownerId: new FormControl('u1', { nonNullable: true }),
      dueDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    });
    applyServerErrors(form, problem({ ownerId: ['must be a current member of the group, or the secretariat'] }));
    expect(form.invalid).toBe(true);

    clearServerErrors(form);

    expect(serverError(form, 'ownerId')).toBeNull();
    expect(form.controls.ownerId.valid).toBe(true);
    expect(form.controls.dueDate.hasError('required')).toBe(true);
  });
});
