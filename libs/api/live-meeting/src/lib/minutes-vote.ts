import { PollResult } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A poll put to approve minutes has closed (called inside the closing transaction). */
export interface MinutesVoteClosed {
  minutesId: string;
  pollId: string;
  /** The session whose meeting voted. */
  sessionId: string;
  result: PollResult;
  closedBy: string;
}

/**
 * Approval of minutes by a vote in a later session. The minutes domain is built on live meetings (it reads their
 * drafts), so it registers here at start-up instead of live meetings depending on it.
 */
export interface MinutesVote {
  /** Why this session's meeting may not vote on these minutes (a message for the `minutesId` field), or null. */
  check(tx: EntityManager, minutesId: string, sessionId: string): Promise<string | null>;
  /** Applies the outcome: adopted → approved with the vote recorded; otherwise the minutes stay as they are. */
  closed(tx: EntityManager, vote: MinutesVoteClosed): Promise<void>;
}

@Injectable()
export class MinutesVoteRegistry {
  private handler: MinutesVote | null = null;

  register(handler: MinutesVote): void {
    this.handler = handler;
  }

  get(): MinutesVote | null {
    return this.handler;
  }
}
