import { Ack, ErrorCode } from '@kengash/contracts';

/** `OFFLINE`: the socket was not connected or dropped before the answer; `TIMEOUT`: no answer in time. */
export type LiveErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';

type AckError = Extract<Ack<unknown>, { ok: false }>['error'];

/** A refused or unanswered socket request: the server's error from the ack, or ours (status 0). */
export class LiveCallError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: LiveErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'LiveCallError';
  }

  static fromAck(error: AckError): LiveCallError {
    return new LiveCallError(error.statusCode, error.code, error.message, error.details);
  }

  static offline(): LiveCallError {
    return new LiveCallError(0, 'OFFLINE', 'Not connected to the meeting server.');
  }

  static timeout(): LiveCallError {
    return new LiveCallError(0, 'TIMEOUT', 'The meeting server did not answer in time.');
  }

  /** Worth sending again once connected (the request may never have reached the server). */
  get transient(): boolean {
    return this.statusCode === 0;
  }
}

export function toLiveCallError(error: unknown): LiveCallError {
  if (error instanceof LiveCallError) return error;
  return new LiveCallError(-1, ErrorCode.Internal, error instanceof Error ? error.message : String(error));
}
