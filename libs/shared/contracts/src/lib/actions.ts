import type { LocalizedText } from './locale';

/**
 * Action items: what a session decided someone should do, with an owner and a due date. Created from a
 * decision in the minutes (document, item key, decision index) or directly; reminders reach the owner two
 * days before the due date and once it is overdue; open ones are carried over to the group's next session.
 */
export enum ActionItemStatus {
  Open = 'open',
  InProgress = 'in_progress',
  Done = 'done',
  Dropped = 'dropped',
}

/** Statuses still to be reviewed by the next session. */
export const OPEN_ACTION_STATUSES: readonly ActionItemStatus[] = [ActionItemStatus.Open, ActionItemStatus.InProgress];

export const ACTION_LIMITS = { titleMin: 3, titleMax: 500, itemKeyMax: 200, decisionIndexMax: 1000 } as const;

/** Where an action item was decided: a decision of an item of a minutes document (each part optional). */
export interface ActionItemSource {
  minutesId: string | null;
  itemKey: string | null;
  decisionIndex: number | null;
}

export interface ActionItemView extends ActionItemSource {
  id: string;
  title: string;
  groupId: string;
  groupName: LocalizedText;
  groupSlug: string;
  /** The session where it was decided, if any. */
  sessionId: string | null;
  ownerId: string;
  ownerName: string;
  /** yyyy-mm-dd */
  dueDate: string;
  status: ActionItemStatus;
  /** Open or in progress and the due date has passed where the owner lives. */
  overdue: boolean;
  workPlanItemId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Send it back with a change; a stale one answers 409 with the current item. */
  version: number;
}

export interface ActionItemListResponse {
  items: ActionItemView[];
}

/** GET /api/sessions/:id/open-actions: the agenda section "Open action items" of that session. */
export interface OpenActionsResponse {
  sessionId: string;
  items: ActionItemView[];
}

export interface CreateActionItemRequest {
  title: string;
  groupId: string;
  sessionId?: string | null;
  ownerId: string;
  dueDate: string;
  status?: ActionItemStatus;
  workPlanItemId?: string | null;
  minutesId?: string | null;
  itemKey?: string | null;
  decisionIndex?: number | null;
}

/** Every field optional but `version`; the owner (unless also an editor) may change `status` only. */
export interface UpdateActionItemRequest {
  version: number;
  title?: string;
  ownerId?: string;
  dueDate?: string;
  status?: ActionItemStatus;
  sessionId?: string | null;
  workPlanItemId?: string | null;
}

export interface ActionItemListQuery {
  groupId?: string;
  status?: ActionItemStatus;
  /** `me`: only items I own. */
  owner?: 'me';
  overdue?: boolean;
}
