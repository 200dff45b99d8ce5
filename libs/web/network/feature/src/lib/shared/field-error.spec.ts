import { FormControl, Validators } from '@angular/forms';
import { fieldError, serverMessage } from './field-error';

describe('field errors', () => {
  it('says known API messages in the UI language, with their numbers, and passes others on', () => {
    expect(serverMessage('is required')).toEqual({ key: 'common.validation.required' });
    expect(serverMessage('must be at least 20 characters')).toEqual({
      key: 'network.validation.minLength',
      params: { count: 20 },
    });
    expect(serverMessage('consent to the current privacy notice (version 2024-11) is required')).toEqual({
      key: 'network.apply.consentRequired',
    });
    expect(serverMessage('must be one of KZ, KG')).toEqual({ text: 'must be one of KZ, KG' });
  });

  it('says nothing until the field was touched, then the first problem', () => {
    const control = new FormControl('', { validators: [Validators.required] });
    expect(fieldError(control)).toBeNull();
    control.markAsTouched();
    expect(fieldError(control)).toEqual({ key: 'common.validation.required' });
    control.setErrors({ minlength: { requiredLength: 2, actualLength: 1 } });
    expect(fieldError(control)).toEqual({ key: 'network.validation.minLength', params: { count: 2 } });
  });
});
