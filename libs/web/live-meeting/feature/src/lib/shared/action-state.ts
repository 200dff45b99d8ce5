import { signal } from '@angular/core';
import { LiveCallError, toLiveCallError } from '@kengash/web-live-meeting-data-access';

/** One panel's requests: busy while one is on its way, and the last refusal. */
export class ActionState {
  readonly busy = signal(false);
  readonly problem = signal<LiveCallError | null>(null);

  async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy()) return undefined;
    this.busy.set(true);
    this.problem.set(null);
    try {
      return await action();
    } catch (error) {
      this.problem.set(toLiveCallError(error));
      return undefined;
    } finally {
      this.busy.set(false);
    }
  }
}
