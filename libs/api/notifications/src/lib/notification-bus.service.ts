import { NotificationView } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

export interface NotificationCreated {
  userId: string;
  notification: NotificationView;
}

/** New in-app notifications, for the live gateway to push to the person's open sockets. */
@Injectable()
export class NotificationBusService {
  private readonly subject = new Subject<NotificationCreated>();
  readonly created$: Observable<NotificationCreated> = this.subject.asObservable();

  publish(event: NotificationCreated): void {
    this.subject.next(event);
  }
}
