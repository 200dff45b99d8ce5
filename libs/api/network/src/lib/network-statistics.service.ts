import { AuditService } from '@kengash/api-audit';
import { DomainException } from '@kengash/api-core';
import { Principal } from '@kengash/api-identity';
import { CountryCode, ErrorCode, GlobalRole, NetworkStatistics, PRACTICE_THEMES } from '@kengash/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lastMonths, RawCell, RawStatistics, statisticsCsv, suppressStatistics } from './network-statistics';

/**
 * Who sees the aggregate statistics: the people who run the network and the council (secretariat, admins,
 * focal points, council members). Practitioners and observers do not: the network's size and make-up by country
 * is the council's working information, not the members'.
 */
const VIEWERS: readonly GlobalRole[] = [
  GlobalRole.Secretariat,
  GlobalRole.Admin,
  GlobalRole.FocalPoint,
  GlobalRole.Member,
];
/** The CSV export (a file that leaves Kengash, audited): the secretariat and admins. */
const EXPORTERS: readonly GlobalRole[] = [GlobalRole.Secretariat, GlobalRole.Admin];

/** Members who held membership at some point: accepted, then perhaps suspended or gone. */
const EVER_ACCEPTED = ['accepted', 'suspended', 'left'];

/**
 * Aggregate statistics of the network, computed from the applications: active members (status `accepted`) by
 * country and by area of expertise, applications received and people accepted per month (the last 12 calendar
 * months, UTC). Every cell is suppressed below `STATISTICS_MIN_CELL` (see `suppressStatistics`).
 */
@Injectable()
export class NetworkStatisticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async statistics(p: Principal): Promise<NetworkStatistics> {
    if (!VIEWERS.includes(p.globalRole))
      throw new DomainException(ErrorCode.Forbidden, 'The network statistics are for the secretariat and the council');
    return suppressStatistics(await this.raw(new Date()), new Date());
  }

  async csv(p: Principal, ip: string | null): Promise<string> {
    if (!EXPORTERS.includes(p.globalRole))
      throw new DomainException(ErrorCode.Forbidden, 'Only the secretariat exports the network statistics');
    const stats = suppressStatistics(await this.raw(new Date()), new Date());
    await this.audit.record({
      actorId: p.userId,
      action: 'network.statistics_exported',
      targetType: 'network_statistics',
      details: { format: 'csv', generatedAt: stats.generatedAt },
      ip,
    });
    return statisticsCsv(stats);
  }

  /** The true counts (never leave this service unsuppressed). */
  async raw(now: Date): Promise<RawStatistics> {
    const months = lastMonths(now);
    const from = `${months[0]}-01`;
    const count = (rows: { key: string; n: string }[], keys: readonly string[]): RawCell[] => {
      const by = new Map(rows.map((r) => [r.key, Number(r.n)]));
      return keys.map((key) => ({ key, count: by.get(key) ?? 0 }));
    };
    const [members] = await this.db.query(`SELECT count(*) AS n FROM network_applications WHERE status = 'accepted'`);
    const byCountry = await this.db.query(
      `SELECT country AS key, count(*) AS n FROM network_applications WHERE status = 'accepted' GROUP BY country`,
    );
    const byExpertise = await this.db.query(
      `SELECT e AS key, count(DISTINCT a.id) AS n FROM network_applications a, unnest(a.expertise) AS e
        WHERE a.status = 'accepted' GROUP BY e`,
    );
    const applications = await this.db.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key, count(*) AS n FROM network_applications
        WHERE created_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' GROUP BY 1`,
      [from],
    );
    const accepted = await this.db.query(
      `SELECT to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key, count(*) AS n FROM network_applications
        WHERE status = ANY($2::text[]) AND decided_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' GROUP BY 1`,
      [from, EVER_ACCEPTED],
    );
    return {
      members: Number(members.n),
      byCountry: count(byCountry, Object.values(CountryCode)),
      byExpertise: count(byExpertise, PRACTICE_THEMES),
      applicationsByMonth: count(applications, months),
      acceptedByMonth: count(accepted, months),
    };
  }
}
