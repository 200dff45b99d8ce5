import { Init1796013169965 } from './1796013169965-Init';
import { AuditLog1796014439333 } from './1796014439333-AuditLog';
import { Identity1796014641211 } from './1796014641211-Identity';
import { CouncilWorkPlans1796015802151 } from './1796015802151-CouncilWorkPlans';
import { Notifications1796017199118 } from './1796017199118-Notifications';
import { Scheduling1796017200177 } from './1796017200177-Scheduling';
import { LiveMeetings1796023193552 } from './1796023193552-LiveMeetings';
import { MembershipUserIndex1796026956676 } from './1796026956676-MembershipUserIndex';
import { Minutes1796028655354 } from './1796028655354-Minutes';
import { ActionItems1796028979569 } from './1796028979569-ActionItems';
import { MinutesApprovalVote1796032965438 } from './1796032965438-MinutesApprovalVote';
import { MinutesVisibility1796033579599 } from './1796033579599-MinutesVisibility';
import { Practices1796034032259 } from './1796034032259-Practices';
import { NetworkApplications1796038370004 } from './1796038370004-NetworkApplications';
import { NetworkProfiles1796043420232 } from './1796043420232-NetworkProfiles';
import { NetworkLife1796043493997 } from './1796043493997-NetworkLife';

/** Every migration, in order. Generated with `npm run db:migration:generate -- <Name>`, never edited after landing. */
export const MIGRATIONS: (new () => object)[] = [
  Init1796013169965,
  AuditLog1796014439333,
  Identity1796014641211,
  CouncilWorkPlans1796015802151,
  Notifications1796017199118,
  Scheduling1796017200177,
  LiveMeetings1796023193552,
  MembershipUserIndex1796026956676,
  Minutes1796028655354,
  ActionItems1796028979569,
  MinutesApprovalVote1796032965438,
  MinutesVisibility1796033579599,
  Practices1796034032259,
  NetworkApplications1796038370004,
  NetworkProfiles1796043420232,
  NetworkLife1796043493997,
];
