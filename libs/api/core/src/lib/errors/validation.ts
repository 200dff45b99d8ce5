import { FieldError } from '@kengash/contracts';
import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { ValidationDomainException } from './domain.exception';

/** Flattens class-validator's nested errors into `{ field: 'a.b.0', messages }` entries. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, messages: Object.values(error.constraints) });
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/**
 * The one validation pipe of the API: unknown properties are refused (not silently dropped), values are
 * transformed to their declared types, and every bad field is listed in the 400 response.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationDomainException(toFieldErrors(errors)),
  });
}
