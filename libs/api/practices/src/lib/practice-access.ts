import { Principal } from '@kengash/api-identity';
import { GlobalRole, GroupRole, PracticeStatus, PracticeVisibility } from '@kengash/contracts';

/** Who is reading: nobody signed in, a practitioner of the network, or someone of the council. */
export type Audience = 'anonymous' | 'network' | 'council';

export function audienceOf(principal: Principal | null): Audience {
  if (!principal) return 'anonymous';
  return principal.globalRole === GlobalRole.Practitioner ? 'network' : 'council';
}

/** The visibilities each audience reads once an entry is published. */
export const READABLE: Record<Audience, PracticeVisibility[]> = {
  anonymous: ['public'],
  network: ['public', 'network'],
  council: ['public', 'network', 'council'],
};

export const isSecretariat = (p: Principal | null) => p?.globalRole === GlobalRole.Secretariat;

export const chairs = (p: Principal | null, groupId: string | null) =>
  !!p &&
  !!groupId &&
  p.memberships.some((m) => m.groupId === groupId && (m.role === GroupRole.Chair || m.role === GroupRole.CoChair));

/** Council members who write: the secretariat, members, focal points, and anyone in a group but as observer. */
export function canCreate(p: Principal | null): boolean {
  if (!p) return false;
  if ([GlobalRole.Secretariat, GlobalRole.Member, GlobalRole.FocalPoint].includes(p.globalRole)) return true;
  return p.memberships.some((m) => m.role !== GroupRole.Observer);
}

/** People who may review: council people who write (not practitioners, observers or administrators alone). */
export const canReview = (p: { globalRole: GlobalRole }) =>
  [GlobalRole.Secretariat, GlobalRole.Member, GlobalRole.FocalPoint].includes(p.globalRole);

export interface EntryFacts {
  status: PracticeStatus;
  visibility: PracticeVisibility | null;
  authorId: string | null;
  groupId: string | null;
  reviewerIds: string[];
}

export interface EntryRights {
  read: boolean;
  /** The person may know a draft exists (author, reviewer, secretariat, chair): denial is 403, not 404. */
  insider: boolean;
  edit: boolean;
  submit: boolean;
  assignReviewers: boolean;
  review: boolean;
  archive: boolean;
  comment: boolean;
  endorse: boolean;
  attach: boolean;
}

/**
 * Every decision about one entry. Drafts and entries in review are seen by their author, the assigned reviewers,
 * the secretariat and the chairs of the related group only (404 to everyone else); published entries by their
 * visibility's audience; archived ones by the council.
 */
export function entryRights(p: Principal | null, e: EntryFacts): EntryRights {
  const author = !!p && e.authorId === p.userId;
  const secretariat = isSecretariat(p);
  const chair = chairs(p, e.groupId);
  const reviewer = !!p && e.reviewerIds.includes(p.userId);
  const insider = author || secretariat || chair || reviewer;
  const audience = audienceOf(p);
  const read =
    insider ||
    (e.status === 'published' && !!e.visibility && READABLE[audience].includes(e.visibility)) ||
    (e.status === 'archived' && audience === 'council');
  const edit =
    (e.status === 'draft' && (author || secretariat)) ||
    (e.status === 'in_review' && (author || secretariat || reviewer)) ||
    (e.status === 'published' && secretariat);
  return {
    read,
    insider,
    edit,
    submit: e.status === 'draft' && (author || secretariat),
    assignReviewers: (e.status === 'draft' || e.status === 'in_review') && (secretariat || chair),
    review: e.status === 'in_review' && (reviewer || secretariat),
    archive: e.status === 'published' && (secretariat || chair),
    comment: !!p && read && (e.status === 'draft' || e.status === 'in_review' ? insider : e.status === 'published'),
    endorse: !!p && read && e.status === 'published' && !author,
    attach: edit,
  };
}
