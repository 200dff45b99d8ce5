import {
  CONTACT_FIELDS,
  ContactField,
  CountryCode,
  DEFAULT_FIELD_VISIBILITY,
  DirectoryEntry,
  FIELD_VISIBILITIES,
  FieldVisibility,
  GlobalRole,
  GroupRole,
  MembershipSummary,
  OrganisationType,
  PracticeLanguage,
  PracticeTheme,
  PROFILE_FIELDS,
  ProfileField,
  ProfileLabel,
} from '@kengash/contracts';

/**
 * Who may see which profile field (pure rules, shared by the directory's SQL and its JSON).
 *
 * A viewer has one level: `secretariat` (the secretariat and administrators), `council` (members, chairs and
 * national focal points — global role member/focal_point, or a current working-group role other than observer)
 * or `network` (a practitioner with an active membership). Observers and everyone else have none: no directory.
 * A field kept to `me` is seen by its owner only; the owner sees every field of their own profile.
 */
export type ViewerLevel = 'secretariat' | 'council' | 'network';

/** The field visibilities each level may read (the ladder of `FieldVisibility`, `me` excluded). */
export const READABLE_VISIBILITIES: Record<ViewerLevel, readonly FieldVisibility[]> = {
  secretariat: ['secretariat', 'council', 'network'],
  council: ['council', 'network'],
  network: ['network'],
};

export interface ViewerFacts {
  globalRole: GlobalRole;
  memberships: Pick<MembershipSummary, 'role'>[];
  /** An accepted network application linked to the person's account. */
  activeNetworkMember: boolean;
}

export function viewerLevel(v: ViewerFacts): ViewerLevel | null {
  if (v.globalRole === GlobalRole.Secretariat || v.globalRole === GlobalRole.Admin) return 'secretariat';
  if (v.globalRole === GlobalRole.Observer) return null;
  if (v.globalRole === GlobalRole.Member || v.globalRole === GlobalRole.FocalPoint) return 'council';
  if (v.memberships.some((m) => m.role !== GroupRole.Observer)) return 'council';
  if (v.activeNetworkMember) return 'network';
  return null;
}

/** Whether a viewer (by level, or the owner) may see a field kept at `visibility`. */
export function maySee(viewer: ViewerLevel | 'owner', visibility: FieldVisibility | undefined): boolean {
  if (viewer === 'owner') return true;
  return !!visibility && READABLE_VISIBILITIES[viewer].includes(visibility);
}

/** A stored visibility map made complete and safe: unknown or missing values take the (minimal) default. */
export function completeVisibility(
  stored: Partial<Record<string, unknown>> | null | undefined,
): Record<ProfileField, FieldVisibility> {
  const out = { ...DEFAULT_FIELD_VISIBILITY };
  for (const f of PROFILE_FIELDS) {
    const v = stored?.[f];
    if (typeof v === 'string' && (FIELD_VISIBILITIES as readonly string[]).includes(v)) out[f] = v as FieldVisibility;
  }
  return out;
}

/** Neutral English labels of institution types, for a person labelled by it. */
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  government: 'Government institution',
  ngo: 'Non-governmental organisation',
  international: 'International organisation',
  academic: 'Academic institution',
  religious: 'Religious organisation',
  health: 'Health institution',
  education: 'Educational institution',
  other: 'Other organisation',
};

/** The label of someone whose chosen label field is hidden from the viewer and no other may stand in. */
export const HIDDEN_MEMBER_LABEL = 'Network member';

/** The profile as the rules need it (the entity or its row). */
export interface ProfileFacts {
  userId: string;
  name: string;
  role: string;
  organisationType: OrganisationType;
  organisationName: string;
  country: CountryCode;
  region: string;
  languages: PracticeLanguage[];
  expertise: PracticeTheme[];
  bio: string;
  phone: string;
  email: string;
  label: ProfileLabel;
  visibility: Partial<Record<string, unknown>>;
}

/**
 * What to call the person for this viewer, never using a field the viewer may not see: the chosen label when
 * visible; a hidden name falls back to the role, then the institution type; a hidden role to the institution type;
 * a hidden institution type (people who chose it usually may not be identified) to a neutral label.
 */
export function labelFor(p: ProfileFacts, viewer: ViewerLevel | 'owner'): string {
  const vis = completeVisibility(p.visibility);
  const role = maySee(viewer, vis.role) && p.role ? p.role : null;
  const type = maySee(viewer, vis.organisationType) ? ORGANISATION_TYPE_LABELS[p.organisationType] : null;
  if (p.label === 'name' && maySee(viewer, vis.name) && p.name) return p.name;
  if (p.label === 'organisationType') return type ?? HIDDEN_MEMBER_LABEL;
  return role ?? type ?? HIDDEN_MEMBER_LABEL;
}

/** The contact fields (non-empty) this viewer may reveal. */
export function revealableContactFields(p: ProfileFacts, viewer: ViewerLevel | 'owner'): ContactField[] {
  const vis = completeVisibility(p.visibility);
  return CONTACT_FIELDS.filter((f) => !!p[f] && maySee(viewer, vis[f]));
}

/** The non-contact profile fields a directory entry may carry. */
const ENTRY_FIELDS = PROFILE_FIELDS.filter(
  (f): f is Exclude<ProfileField, ContactField> => !(CONTACT_FIELDS as readonly string[]).includes(f),
);

/**
 * One directory entry for one viewer: a field the viewer may not see is ABSENT (no key at all), never null or
 * empty; contact fields are never included (only `contactFields`, the ones the viewer may reveal).
 */
export function directoryEntry(p: ProfileFacts, viewer: ViewerLevel | 'owner'): DirectoryEntry {
  const vis = completeVisibility(p.visibility);
  const entry: DirectoryEntry = { userId: p.userId, label: labelFor(p, viewer), contactFields: [] };
  const target = entry as unknown as Record<string, unknown>;
  for (const f of ENTRY_FIELDS) if (maySee(viewer, vis[f])) target[f] = p[f];
  entry.contactFields = revealableContactFields(p, viewer);
  return entry;
}
