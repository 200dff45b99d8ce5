import { ERROR_CODE_STATUS, ErrorCode, FieldError } from '@kengash/contracts';

/** An error a domain service raises on purpose; the global filter maps its code to an HTTP status. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  get statusCode(): number {
    return ERROR_CODE_STATUS[this.code];
  }
}

export class NotFoundDomainException extends DomainException {
  constructor(what: string) {
    super(ErrorCode.NotFound, `${what} was not found`);
  }
}

export class ValidationDomainException extends DomainException {
  constructor(fields: FieldError[]) {
    super(ErrorCode.ValidationFailed, 'The request has invalid fields', fields);
  }
}
