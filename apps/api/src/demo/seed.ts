import {
  ChairmanshipEntity,
  CouncilEntity,
  GroupMembershipEntity,
  WorkingGroupEntity,
  WorkPlanEntity,
  WorkPlanItemEntity,
  WorkPlanItemGroupEntity,
} from '@kengash/api-council';
import { PasswordService, UserEntity } from '@kengash/api-identity';
import { ActionItemEntity, MinutesDocumentEntity, MinutesVersionEntity } from '@kengash/api-minutes';
import { AgendaItemEntity, InvitationEntity, SessionEntity } from '@kengash/api-scheduling';
import {
  ActionItemStatus,
  GroupRole,
  MinutesContent,
  Rsvp,
  SessionFormat,
  SessionStatus,
  UserStatus,
} from '@kengash/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  DEMO_CHAIRMANSHIPS,
  DEMO_COUNCIL,
  DEMO_FIRST_MEETING_MINUTES,
  DEMO_GROUPS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SESSIONS,
  DEMO_WORK_PLANS,
  demoEmail,
  upcomingDemoSession,
} from './demo-data';
import { seedDemoNetwork } from './demo-network';
import { seedDemoNetworkLife } from './demo-network-life';
import { seedDemoPractices } from './demo-practices';

const PERIOD_START = '2024-05-14'; // the council's launch and its roadmap 2024–2025
const PERIOD_END = '2025-12-31';

/**
 * Loads the demo council in one transaction. Does nothing (returns false) when a council exists
 * already, so it is safe on every start and from several instances.
 */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (tx) => {
    if ((await tx.getRepository(CouncilEntity).count()) > 0) return false;

    const council = await tx
      .getRepository(CouncilEntity)
      .save({ slug: DEMO_COUNCIL.slug, name: DEMO_COUNCIL.name, demo: true });
    const groups = new Map<string, WorkingGroupEntity>();
    for (const g of DEMO_GROUPS) {
      const saved = await tx.getRepository(WorkingGroupEntity).save({
        councilId: council.id,
        slug: g.slug,
        name: g.name,
        theme: g.theme,
        mandate: g.mandate,
        periodStart: PERIOD_START,
        periodEnd: PERIOD_END,
      });
      groups.set(g.slug, saved);
    }

    // One shared demo password (README); demo accounts can sign in only while DEMO_DATA is on.
    const passwordHash = await new PasswordService().hash(DEMO_PASSWORD);
    const people = new Map<string, UserEntity>();
    for (const p of DEMO_PEOPLE) {
      const user = await tx.getRepository(UserEntity).save({
        email: demoEmail(p.key),
        displayName: p.displayName,
        locale: p.locale,
        timeZone: p.timeZone,
        country: p.country,
        organisation: p.organisation,
        globalRole: p.globalRole,
        status: UserStatus.Active,
        demo: true,
        passwordHash,
        emailVerifiedAt: new Date(),
      });
      people.set(p.key, user);
      for (const [slug, role] of Object.entries(p.groups)) {
        const group = groups.get(slug);
        if (!group || !role) throw new Error(`Demo data: unknown group ${slug}`);
        await tx
          .getRepository(GroupMembershipEntity)
          .save({ groupId: group.id, userId: user.id, role, termStart: PERIOD_START, termEnd: null });
      }
    }

    await tx.getRepository(ChairmanshipEntity).insert(DEMO_CHAIRMANSHIPS.map((c) => ({ councilId: council.id, ...c })));

    for (const [slug, items] of Object.entries(DEMO_WORK_PLANS)) {
      const group = groups.get(slug) as WorkingGroupEntity;
      const plan = await tx.getRepository(WorkPlanEntity).save({
        groupId: group.id,
        title: 'Work plan 2024–2025 (demo)',
        periodStart: PERIOD_START,
        periodEnd: PERIOD_END,
        demo: true,
      });
      for (const item of items) {
        const saved = await tx.getRepository(WorkPlanItemEntity).save({
          planId: plan.id,
          objective: item.objective,
          deliverable: item.deliverable,
          ownerId: people.get(item.owner)?.id ?? null,
          dueDate: item.due,
          status: item.status,
          progress: item.progress,
          version: 1,
          demo: true,
        });
        const shared = [slug, ...(item.joint ?? [])].map((s) => ({
          itemId: saved.id,
          groupId: (groups.get(s) as WorkingGroupEntity).id,
        }));
        await tx.getRepository(WorkPlanItemGroupEntity).insert(shared);
      }
    }

    for (const s of [...DEMO_SESSIONS, upcomingDemoSession(new Date())]) {
      const session = await tx.getRepository(SessionEntity).save({
        title: s.title,
        format: s.format as SessionFormat,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        timeZone: s.timeZone,
        location: s.location,
        status: s.status as SessionStatus,
        rrule: s.rrule ?? null,
        organiserId: s.organiser ? (people.get(s.organiser)?.id ?? null) : null,
        sequence: 0,
        exdates: [],
        demo: true,
        groups:
          s.groups === 'all' ? [...groups.values()] : s.groups.map((slug) => groups.get(slug) as WorkingGroupEntity),
      });
      // Invitees: the groups' members (past sessions: they attended; future ones: no answer yet).
      const slugs = s.groups === 'all' ? [...groups.keys()] : s.groups;
      const invitees = DEMO_PEOPLE.filter((p) => slugs.some((slug) => p.groups[slug]));
      await tx.getRepository(InvitationEntity).insert(
        invitees.map((p) => ({
          sessionId: session.id,
          userId: (people.get(p.key) as UserEntity).id,
          rsvp: s.status === 'ended' ? Rsvp.Accepted : Rsvp.Pending,
          respondedAt: s.status === 'ended' ? new Date(s.startsAt) : null,
          // Demo invitations get a random, never-sent RSVP token.
          rsvpTokenHash: randomBytes(32).toString('hex'),
        })),
      );
      const agenda = await tx.getRepository(AgendaItemEntity).save(
        s.agenda.map((item, index) => ({
          sessionId: session.id,
          position: index + 1,
          title: item.title,
          minutesAllotted: item.minutes,
          presenterId: item.presenter ? (people.get(item.presenter)?.id ?? null) : null,
        })),
      );
      if (s.key === DEMO_FIRST_MEETING_MINUTES.sessionKey) {
        // Draft minutes of the first meeting (a demo record), as the rapporteur left them.
        const length = (new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / 1000;
        const rank = [GroupRole.Chair, GroupRole.CoChair, GroupRole.Rapporteur, GroupRole.Member, GroupRole.Observer];
        const content: MinutesContent = {
          title: `Minutes: ${s.title}`,
          attendance: invitees.map((p) => {
            const roles = Object.values(p.groups) as GroupRole[];
            const seconds = DEMO_FIRST_MEETING_MINUTES.partial[p.key] ?? length;
            return {
              person: {
                userId: (people.get(p.key) as UserEntity).id,
                name: p.displayName,
                role: rank.find((r) => roles.includes(r)) ?? GroupRole.Member,
                country: p.country,
                organisation: p.organisation,
              },
              secondsPresent: seconds,
              firstJoinedAt: s.startsAt,
              lastLeftAt: new Date(new Date(s.startsAt).getTime() + seconds * 1000).toISOString(),
            };
          }),
          items: agenda.map((a) => {
            const item = DEMO_FIRST_MEETING_MINUTES.items[a.position] ?? { notes: '', decisions: [] };
            return {
              key: a.id,
              title: a.title,
              notes: item.notes,
              speakers: [],
              decisions: item.decisions.map((text) => ({ text, result: null, secret: false })),
              restricted: false,
            };
          }),
        };
        const doc = await tx.getRepository(MinutesDocumentEntity).save({
          sessionId: session.id,
          meetingId: null,
          face: 'full' as const,
          status: 'draft' as const,
          currentVersion: 1,
          createdBy: people.get('rapporteur-accountability')?.id ?? null,
        });
        await tx.getRepository(MinutesVersionEntity).insert({
          documentId: doc.id,
          number: 1,
          content,
          authorId: people.get('rapporteur-accountability')?.id ?? null,
          note: 'Demo record',
        });
        // A few action items from its decisions: two done, one still open (due a month after loading).
        const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
        const byPosition = (n: number) => agenda.find((a) => a.position === n)?.id ?? null;
        const actions = [
          {
            title: 'Mark the joint items in each group’s plan',
            group: 'accountability',
            owner: 'chair-accountability',
            item: 3,
            index: 1,
            due: '2024-09-30',
            status: ActionItemStatus.Done,
          },
          {
            title: 'Share the adopted preliminary plans with the focal points',
            group: 'psychosocial-support',
            owner: 'rapporteur-psychosocial',
            item: 3,
            index: 0,
            due: '2024-08-31',
            status: ActionItemStatus.Done,
          },
          {
            title: 'Outline of the practitioners’ network for the next meeting',
            group: 'civil-society',
            owner: 'chair-civil-society',
            item: 4,
            index: 0,
            due,
            status: ActionItemStatus.InProgress,
          },
        ];
        await tx.getRepository(ActionItemEntity).insert(
          actions.map((a) => ({
            title: a.title,
            groupId: (groups.get(a.group) as WorkingGroupEntity).id,
            sessionId: session.id,
            minutesId: doc.id,
            itemKey: byPosition(a.item),
            decisionIndex: a.index,
            ownerId: (people.get(a.owner) as UserEntity).id,
            dueDate: a.due,
            status: a.status,
            workPlanItemId: null,
            createdBy: people.get('secretariat')?.id ?? null,
          })),
        );
      }
    }
    await seedDemoPractices(tx, people, groups);
    await seedDemoNetwork(tx, people, passwordHash);
    await seedDemoNetworkLife(tx, people);
    return true;
  });
}
