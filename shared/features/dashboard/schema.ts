/**
 * What the dashboard (the home screen) shows, section by section, as zod view schemas. Each section
 * is computed on its own (shared/features/dashboard/rules.ts) and memoised on what it reads.
 */
import { z } from 'zod';
import { Id, IsoDate } from '../../schemas/common';
import { CaseStatus } from '../cases/schema';
import { PriorityLevel } from '../priorities/schema';

/** How many items a list section carries at most; `total` says how many there are. */
export const DASHBOARD_LIST_LIMIT = 50;
/** Trips starting within this many days (from today) are upcoming. */
export const UPCOMING_TRIP_DAYS = 90;
/** Programme deadlines within this many days (from today, today included) are listed. */
export const PROGRAMME_DEADLINE_DAYS = 120;
/** Contacts whose GDPR review falls within this many days (or is past) are due. */
export const GDPR_REVIEW_DAYS = 30;

/** An open task with the case it belongs to; `overdue` when its due date is before today. */
export const DashboardTask = z.object({
  id: Id,
  title: z.string(),
  dueOn: IsoDate.nullable(),
  assignee: z.string(),
  overdue: z.boolean(),
  caseId: Id,
  caseReference: z.string(),
  caseTitle: z.string(),
});
export type DashboardTask = z.infer<typeof DashboardTask>;

export const MyWork = z.object({
  /** Whose tasks: the workspace's advisor name, or null for everyone's (no name set). */
  assignee: z.string().nullable(),
  tasks: z.array(DashboardTask).max(DASHBOARD_LIST_LIMIT),
  total: z.number().int().min(0),
  overdue: z.number().int().min(0),
});
export type MyWork = z.infer<typeof MyWork>;

/** An open follow-up reminder on a person whose day has come (today or earlier), for My work. */
export const DashboardReminder = z.object({ id: Id, text: z.string(), dueOn: IsoDate, overdue: z.boolean(), contactId: Id, contactName: z.string() });
export type DashboardReminder = z.infer<typeof DashboardReminder>;

export const UpcomingTrip = z.object({ id: Id, title: z.string(), startDate: IsoDate, endDate: IsoDate, countries: z.array(z.string()).max(20) });
export type UpcomingTrip = z.infer<typeof UpcomingTrip>;

export const StatusCount = z.object({ status: CaseStatus, count: z.number().int().min(0) });
export type StatusCount = z.infer<typeof StatusCount>;

export const GdprReview = z.object({ id: Id, name: z.string(), reviewOn: IsoDate, overdue: z.boolean() });
export type GdprReview = z.infer<typeof GdprReview>;

/** What the workspace holds for one country (or region): what the world map colours by. */
export const AreaActivity = z.object({
  code: z.string(),
  organisations: z.number().int().min(0),
  contacts: z.number().int().min(0),
  cases: z.number().int().min(0),
  trips: z.number().int().min(0),
  /** Cooperations (declined proposals left out) with a partner organisation there. */
  cooperations: z.number().int().min(0),
  /** The latest day up to today with a timeline entry, a trip or a case opened there. */
  lastActivity: IsoDate.nullable(),
});
export type AreaActivity = z.infer<typeof AreaActivity>;

/** A funding programme or call whose deadline is coming up. */
export const ProgrammeDeadline = z.object({
  id: Id,
  name: z.string(),
  funder: z.string(),
  deadline: IsoDate,
  /** Calendar days from today to the deadline (0 = today). */
  daysLeft: z.number().int().min(0),
  countries: z.array(z.string()).max(250),
  regions: z.array(z.string()).max(40),
});
export type ProgrammeDeadline = z.infer<typeof ProgrammeDeadline>;

/**
 * A strategy priority active today with at least one gap: no trip or no contact within the last 18
 * months there, or no cooperation at all — with the dates that show how long it has been.
 */
export const PriorityGap = z.object({
  id: Id,
  title: z.string(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  level: PriorityLevel,
  noTripIn18Months: z.boolean(),
  noContactIn18Months: z.boolean(),
  noCooperation: z.boolean(),
  lastTrip: IsoDate.nullable(),
  lastContact: IsoDate.nullable(),
  cooperations: z.number().int().min(0),
});
export type PriorityGap = z.infer<typeof PriorityGap>;

export const Dashboard = z.object({
  today: IsoDate,
  myWork: MyWork,
  /** The advisor's (everyone's while no name is set) open reminders on people from their day on, earliest first. */
  remindersDue: z.object({ reminders: z.array(DashboardReminder).max(DASHBOARD_LIST_LIMIT), total: z.number().int().min(0) }),
  upcomingTrips: z.object({ trips: z.array(UpcomingTrip).max(DASHBOARD_LIST_LIMIT), total: z.number().int().min(0) }),
  casesByStatus: z.array(StatusCount),
  gdprReviewDue: z.object({ contacts: z.array(GdprReview).max(DASHBOARD_LIST_LIMIT), total: z.number().int().min(0) }),
  programmeDeadlines: z.object({ programmes: z.array(ProgrammeDeadline).max(DASHBOARD_LIST_LIMIT), total: z.number().int().min(0) }),
  /** Gaps of the priorities active today (level first); `active` counts every active priority. */
  priorityGaps: z.object({ priorities: z.array(PriorityGap).max(DASHBOARD_LIST_LIMIT), total: z.number().int().min(0), active: z.number().int().min(0) }),
  /** Per ISO country, most activity first. */
  activityByCountry: z.array(AreaActivity),
  /** The same rolled up to each country's innermost UN M49 region. */
  activityByRegion: z.array(AreaActivity.extend({ countries: z.array(z.string()) })),
});
export type Dashboard = z.infer<typeof Dashboard>;
