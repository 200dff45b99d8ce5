import { UserEntity } from '@kengash/api-identity';
import { ANNOUNCEMENT_RECIPIENT_ROLES, NetworkAnnouncementEntity } from '@kengash/api-network';
import { InvitationEntity, SessionEntity } from '@kengash/api-scheduling';
import { Rsvp, SessionFormat, SessionStatus, UserStatus } from '@kengash/contracts';
import { zonedToUtc } from '@kengash/util-time';
import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';

/** Two FICTIONAL announcements of the secretariat to the network (shown as already delivered; no mail is sent). */
export const DEMO_ANNOUNCEMENTS = [
  {
    daysAgo: 12,
    title: {
      en: 'Welcome to the practitioners’ network (demo)',
      ru: 'Добро пожаловать в сеть практиков (демо)',
    },
    body: {
      en: 'The secretariat welcomes the first members of the informal regional network of practitioners. Use the directory to find colleagues by area of expertise and country; your profile shows only what you choose.',
      ru: 'Секретариат приветствует первых участников неформальной региональной сети практиков. В справочнике можно найти коллег по направлению работы и стране; в вашем профиле видно только то, что вы выбрали.',
    },
  },
  {
    daysAgo: 3,
    title: {
      en: 'Network webinar on trauma-informed work with returned children (demo)',
      ru: 'Вебинар сети о травма-информированной работе с вернувшимися детьми (демо)',
    },
    body: {
      en: 'A network webinar is in the calendar: two psychologists from the region share what works in schools and boarding schools. Open the session in your calendar to answer.',
      ru: 'В календаре — вебинар сети: два психолога из региона расскажут, что помогает в школах и интернатах. Откройте заседание в календаре, чтобы ответить на приглашение.',
    },
  },
] as const;

/** The demo network event: an online webinar three weeks after the seed, 10:00 in Tashkent. */
export function demoNetworkEvent(now: Date) {
  const day = DateTime.fromJSDate(now, { zone: 'Asia/Tashkent' }).plus({ days: 21 }).toISODate() as string;
  const startsAt = zonedToUtc(`${day}T10:00`, 'Asia/Tashkent');
  return {
    title: 'Network webinar: trauma-informed work with returned children (demo)',
    description:
      'An open online event of the practitioners’ network. Two psychologists from the region share practice from schools and boarding schools; questions from members afterwards.',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    timeZone: 'Asia/Tashkent',
    onlineRoom: 'https://meet.example.org/kengash-network-webinar-demo',
  };
}

/** Network life: two announcements and one network event organised by the secretariat. */
export async function seedDemoNetworkLife(tx: EntityManager, people: Map<string, { id: string }>): Promise<void> {
  const now = Date.now();
  const secretariat = people.get('secretariat')?.id ?? null;
  const recipients = await tx.getRepository(UserEntity).count({
    where: { status: UserStatus.Active, globalRole: In([...ANNOUNCEMENT_RECIPIENT_ROLES]) },
  });
  for (const a of DEMO_ANNOUNCEMENTS) {
    const at = new Date(now - a.daysAgo * 86_400_000);
    await tx.getRepository(NetworkAnnouncementEntity).save({
      title: { ...a.title },
      body: { ...a.body },
      authorId: secretariat,
      recipientIds: [],
      recipients,
      deliveredAt: at,
      demo: true,
      createdAt: at,
    });
  }
  const event = demoNetworkEvent(new Date(now));
  const session = await tx.getRepository(SessionEntity).save({
    ...event,
    format: SessionFormat.Online,
    location: null,
    status: SessionStatus.Scheduled,
    rrule: null,
    organiserId: secretariat,
    sequence: 0,
    exdates: [],
    demo: true,
    audience: 'network',
    groups: [],
  });
  if (secretariat)
    await tx.getRepository(InvitationEntity).insert({
      sessionId: session.id,
      userId: secretariat,
      rsvp: Rsvp.Accepted,
      respondedAt: new Date(now),
      rsvpTokenHash: randomBytes(32).toString('hex'),
    });
}
