import { Principal } from '@kengash/api-identity';
import { DashboardGroup, DashboardResponse, WorkPlanItemStatus } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { CouncilEntity } from './council.entity';
import { GroupAccessService } from './group-access.service';
import { WorkingGroupEntity } from './working-group.entity';

interface StatusRow {
  group_id: string;
  status: WorkPlanItemStatus;
  n: string;
}

/** Per visible group: work-plan progress, upcoming sessions, open action items, recent activity. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
  ) {}

  async dashboard(principal: Principal): Promise<DashboardResponse> {
    const council = await this.db.getRepository(CouncilEntity).findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!council) return { groups: [] };
    const all = await this.db
      .getRepository(WorkingGroupEntity)
      .find({ where: { councilId: council.id, archivedAt: IsNull() }, order: { slug: 'ASC' } });
    const groups: WorkingGroupEntity[] = [];
    for (const g of all) if ((await this.access.rights(principal, g)).read) groups.push(g);
    if (!groups.length) return { groups: [] };
    const ids = groups.map((g) => g.id);

    const statusRows: StatusRow[] = await this.db.query(
      `SELECT ig.group_id, i.status, count(*) AS n
         FROM work_plan_items i JOIN work_plan_item_groups ig ON ig.item_id = i.id
        WHERE ig.group_id = ANY($1::uuid[]) GROUP BY ig.group_id, i.status`,
      [ids],
    );
    const progressRows: { group_id: string; avg: string | null }[] = await this.db.query(
      `SELECT ig.group_id, avg(i.progress) AS avg
         FROM work_plan_items i JOIN work_plan_item_groups ig ON ig.item_id = i.id
        WHERE ig.group_id = ANY($1::uuid[]) AND i.status <> 'dropped' GROUP BY ig.group_id`,
      [ids],
    );
    const sessions: {
      group_id: string;
      id: string;
      title: string;
      starts_at: Date;
      time_zone: string;
      format: string;
    }[] = await this.db.query(
      `SELECT * FROM (
         SELECT sg.group_id, s.id, s.title, s.starts_at, s.time_zone, s.format,
                row_number() OVER (PARTITION BY sg.group_id ORDER BY s.starts_at) AS n
           FROM sessions s JOIN session_groups sg ON sg.session_id = s.id
          WHERE sg.group_id = ANY($1::uuid[]) AND s.starts_at >= now() AND s.status <> 'cancelled') x
        WHERE n <= 5 ORDER BY starts_at`,
      [ids],
    );
    const activity: { group_id: string; at: Date; kind: 'item_updated' | 'comment_added'; text: string }[] =
      await this.db.query(
        `SELECT * FROM (
         SELECT ig.group_id, i.updated_at AS at, 'item_updated' AS kind, i.objective AS text
           FROM work_plan_items i JOIN work_plan_item_groups ig ON ig.item_id = i.id
          WHERE ig.group_id = ANY($1::uuid[])
         UNION ALL
         SELECT ig.group_id, c.created_at AS at, 'comment_added' AS kind, u.display_name || ': ' || left(c.body, 140) AS text
           FROM work_plan_comments c JOIN work_plan_item_groups ig ON ig.item_id = c.item_id JOIN users u ON u.id = c.author_id
          WHERE ig.group_id = ANY($1::uuid[])) a
        ORDER BY at DESC LIMIT 200`,
        [ids],
      );

    return {
      groups: groups.map((g): DashboardGroup => {
        const itemsByStatus: Record<WorkPlanItemStatus, number> = { planned: 0, in_progress: 0, done: 0, dropped: 0 };
        for (const r of statusRows.filter((r) => r.group_id === g.id)) itemsByStatus[r.status] = Number(r.n);
        const avg = progressRows.find((r) => r.group_id === g.id)?.avg;
        return {
          groupId: g.id,
          slug: g.slug,
          name: g.name,
          itemsByStatus,
          averageProgress: avg === null || avg === undefined ? 0 : Math.round(Number(avg)),
          upcomingSessions: sessions
            .filter((s) => s.group_id === g.id)
            .map((s) => ({
              id: s.id,
              title: s.title,
              startsAt: new Date(s.starts_at).toISOString(),
              timeZone: s.time_zone,
              format: s.format,
            })),
          openActionItems: 0, // action items arrive with the minutes domain
          recentActivity: activity
            .filter((a) => a.group_id === g.id)
            .slice(0, 5)
            .map((a) => ({ at: new Date(a.at).toISOString(), kind: a.kind, text: a.text })),
        };
      }),
    };
  }
}
