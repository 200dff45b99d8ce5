import { CountryCode, WorkingGroupListResponse } from '@kengash/contracts';
import { NotFoundDomainException } from '@kengash/api-core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CouncilEntity } from './council.entity';
import { WorkingGroupEntity } from './working-group.entity';

interface GroupStatsRow {
  group_id: string;
  member_count: string;
  countries: string[] | null;
}

@Injectable()
export class CouncilService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The council and its working groups with member counts and countries, as of `today`. */
  async listGroups(today: string = new Date().toISOString().slice(0, 10)): Promise<WorkingGroupListResponse> {
    const council = await this.db.getRepository(CouncilEntity).findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!council) throw new NotFoundDomainException('The council');
    const groups = await this.db
      .getRepository(WorkingGroupEntity)
      .find({ where: { councilId: council.id }, order: { slug: 'ASC' } });
    // Current members only: a term that has not ended (observers are not counted as members).
    const stats: GroupStatsRow[] = await this.db.query(
      `SELECT m.group_id,
              count(DISTINCT m.user_id) AS member_count,
              array_remove(array_agg(DISTINCT u.country ORDER BY u.country), NULL) AS countries
         FROM group_memberships m
         JOIN users u ON u.id = m.user_id
        WHERE m.role <> 'observer'
          AND m.term_start <= $1::date
          AND (m.term_end IS NULL OR m.term_end >= $1::date)
          AND u.status <> 'disabled'
        GROUP BY m.group_id`,
      [today],
    );
    const byGroup = new Map(stats.map((s) => [s.group_id, s]));
    return {
      council: { id: council.id, name: council.name, demo: council.demo },
      groups: groups.map((g) => ({
        id: g.id,
        slug: g.slug,
        name: g.name,
        theme: g.theme,
        mandate: g.mandate,
        periodStart: g.periodStart,
        periodEnd: g.periodEnd,
        memberCount: Number(byGroup.get(g.id)?.member_count ?? 0),
        countries: (byGroup.get(g.id)?.countries ?? []) as CountryCode[],
      })),
    };
  }
}
