import { Principal } from '@kengash/api-identity';
import { SessionView } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';

/**
 * What another domain adds to one session's view. Scheduling cannot depend on the domains built on it
 * (minutes depends on scheduling), so they register here at start-up: the minutes domain adds the open action
 * items carried over to the session as an agenda section.
 */
export interface SessionViewExtension {
  extend(principal: Principal, view: SessionView): Promise<Partial<SessionView>>;
}

@Injectable()
export class SessionViewExtensions {
  private readonly extensions: SessionViewExtension[] = [];

  register(extension: SessionViewExtension): void {
    this.extensions.push(extension);
  }

  async apply(principal: Principal, view: SessionView): Promise<SessionView> {
    const parts = await Promise.all(this.extensions.map((e) => e.extend(principal, view)));
    return Object.assign(view, ...parts);
  }
}
