import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

export interface AccessRevoked {
  userId: string;
  reason: 'disabled' | 'signed_out' | 'membership_removed' | 'role_changed' | 'session_revoked';
  /** When set, only this group's live rooms are affected. */
  groupId?: string;
}

/**
 * Tells the live gateway that someone's access shrank, so their open sockets are closed at once
 * (the gateway does it across instances through the Socket.IO adapter).
 */
@Injectable()
export class AccessEventsService {
  private readonly subject = new Subject<AccessRevoked>();
  readonly revoked$: Observable<AccessRevoked> = this.subject.asObservable();

  revoke(event: AccessRevoked): void {
    this.subject.next(event);
  }
}
