import type { components } from './schema';

/**
 * Domain types over the generated OpenAPI schemas (`npm run gen:api`). The document does not say
 * which properties are always present, so each type lists its nullable ones; every other
 * property is required. A renamed or removed field breaks `tsc`, not a page.
 */
type Schemas = components['schemas'];
type Full<T, Nullable extends keyof T = never> = {
  [K in keyof T]-?: K extends Nullable ? NonNullable<T[K]> | null : NonNullable<T[K]>;
};

export type Role = 'super_admin' | 'admin' | 'manager' | 'regular_user';
export type Me = Omit<
  Full<
    Schemas['UserResponse'],
    | 'address'
    | 'department'
    | 'emergency_contact_name'
    | 'emergency_contact_phone'
    | 'employment_type'
    | 'expected_hours_per_week'
    | 'job_title'
    | 'manager_id'
    | 'phone'
    | 'start_date'
    | 'timezone'
  >,
  'role'
> & { role: Role };
export type User = Me;
export type TokenPair = Full<Schemas['TokenResponse']>;
export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  admin: 'Admin',
  manager: 'Manager',
  regular_user: 'Worker',
};

// Invitations and password reset (docs/invitations-and-password-reset.md)
export type Invitation = Omit<Full<Schemas['InviteResponse']>, 'role'> & { role: Role };
export type InvitationCheck = Omit<Full<Schemas['InvitationCheck']>, 'role'> & { role: Role };
export type InviteAccepted = Full<Schemas['AcceptResponse']>;
export type ResetTokenCheck = Full<Schemas['ResetTokenCheck']>;
export type TimeEntry = Full<
  Schemas['TimeEntryView'],
  'task_id' | 'task_name' | 'description' | 'end_time' | 'duration_seconds' | 'duration_minutes' | 'approval_status'
>;
export type TimerState = { is_running: boolean; current_entry: TimeEntry | null; elapsed_seconds: number | null };
export type ActiveTimer = Full<Schemas['ActiveTimer'], 'task_id' | 'task_name' | 'description'>;
export type Project = Full<Schemas['ProjectResponse'], 'description' | 'team_name'>;
/** The server's values (TaskController.STATUSES); V1 documents showed lower case. */
export type TaskStatus = 'TODO' | 'IN_PROGRESS' | 'DONE';
export type Task = Omit<Full<Schemas['TaskResponse'], 'description' | 'project_name'>, 'status'> & { status: TaskStatus };
export type Team = Full<Schemas['TeamResponse']>;
export type TeamMember = Full<Schemas['MemberResponse']> & { user: Full<Schemas['MemberUser']> };
export type TeamDetail = Omit<Full<Schemas['TeamDetailResponse']>, 'members'> & { members: TeamMember[] };
export type SessionView = Full<Schemas['SessionView'], 'ip_address' | 'user_agent'>;
export type AuditLogEntry = Full<
  Schemas['AuditLogEntry'],
  'details' | 'ip_address' | 'new_values' | 'old_values' | 'resource_id' | 'resource_type' | 'user_agent' | 'user_email' | 'user_id'
>;
export type AccountRequest = Full<
  Schemas['AccountRequestResponse'],
  'admin_notes' | 'department' | 'job_title' | 'message' | 'phone' | 'reviewed_at' | 'reviewed_by'
>;
export type Prefill = Full<Schemas['Prefill'], 'department' | 'job_title' | 'phone'>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  pages: number;
}
export type TimeEntryPage = Page<TimeEntry> & { total_seconds: number; total_hours: number };

export type ProjectInput = Schemas['CreateProject'];
export type TaskInput = Schemas['CreateTask'];
export type ManualEntryInput = Schemas['ManualEntry'];
export type CreateUserInput = Schemas['CreateUser'];
export type Submission = Schemas['Submission'];

export const isAdmin = (role: Role | undefined | null) => role === 'admin' || role === 'super_admin';
/** The roles someone may give (create, change, invite as): only a super admin gives super_admin. */
export const assignableRoles = (role: Role): Role[] =>
  role === 'super_admin' ? ['regular_user', 'manager', 'admin', 'super_admin'] : ['regular_user', 'manager', 'admin'];

// Reports (docs/reports.md)
export type ReportDashboard = Full<Schemas['Dashboard']>;
export type DaySummary = Full<Schemas['DailySummary']>;
export type WeeklyReport = Omit<Full<Schemas['Weekly']>, 'daily_breakdown'> & { daily_breakdown: DaySummary[] };
export type ProjectSummary = Full<Schemas['ProjectSummary'], 'billable_amount' | 'budget_hours' | 'budget_used_percent'>;
export type TaskSummary = Full<Schemas['TaskSummary']>;
export type UserSummary = Full<Schemas['UserSummary']>;
export type TeamReport = Omit<Full<Schemas['TimeReport']>, 'by_day' | 'by_project' | 'by_user'> & { by_day: DaySummary[]; by_project: ProjectSummary[]; by_user: UserSummary[] };
export type AdminDashboard = Omit<Full<Schemas['AdminDashboard']>, 'by_user'> & { by_user: UserSummary[] };
export type TeamAnalytics = Omit<Full<Schemas['TeamAnalytics']>, 'top_performers'> & { top_performers: UserSummary[] };
export type UserDetail = Omit<Full<Schemas['UserDetail'], 'last_activity'>, 'projects' | 'teams'> & { projects: ProjectSummary[]; teams: string[] };

// Payroll (docs/payroll.md); amounts are strings with two decimals
export type RateType = 'hourly' | 'daily' | 'monthly' | 'project_based';
export type PayRate = Omit<Full<Schemas['PayRateView'], 'effective_to' | 'user_email' | 'user_name' | 'updated_at' | 'created_by'>, 'rate_type'> & {
  rate_type: RateType;
};
export type RateHistory = Full<
  Schemas['HistoryView'],
  'change_reason' | 'changed_by' | 'changed_by_name' | 'new_overtime_multiplier' | 'new_rate' | 'previous_overtime_multiplier' | 'previous_rate' | 'changes'
>;
export type PeriodStatus = 'draft' | 'processing' | 'approved' | 'paid' | 'void';
export type PayrollPeriod = Omit<
  Full<Schemas['PeriodView'], 'approved_at' | 'approved_by' | 'rate_type_filter' | 'updated_at'>,
  'status' | 'selected_user_ids'
> & { status: PeriodStatus; selected_user_ids: number[] | null };
export type Adjustment = Full<Schemas['AdjustmentView'], 'description' | 'created_by' | 'created_by_name'>;
export type RateLine = Full<Schemas['LineView']>;
export type PayrollEntry = Omit<
  Full<Schemas['EntryView'], 'notes' | 'pay_rate_id' | 'rate_type' | 'updated_at' | 'user_email' | 'user_name'>,
  'adjustments' | 'rate_lines'
> & {
  /** Sent by GET /api/payroll/entries/{id}, not in a period's list of entries. */
  adjustments?: Adjustment[];
  rate_lines?: RateLine[];
};
export type PeriodDetail = PayrollPeriod & { entries: PayrollEntry[] };
export type PayrollLine = Omit<Full<Schemas['UserPayrollReport'], 'rate_type' | 'user_email' | 'user_name'>, 'adjustments'> & { adjustments: Adjustment[] };
export type Payables = Omit<Full<Schemas['Payables']>, 'entries' | 'summary'> & {
  entries: PayrollLine[];
  summary: Full<Schemas['PayablesSummary'], 'status'>;
};

// Report templates and scheduled reports (docs/reports.md §Templates, §Scheduled reports)
export type TemplateId = 'weekly_summary' | 'monthly_summary' | 'project_breakdown' | 'productivity_analysis';
export type ReportTemplate = Omit<Full<Schemas['Template']>, 'id' | 'default_params'> & { id: TemplateId; default_params: Record<string, number> };
export type Frequency = 'daily' | 'weekly' | 'monthly';
export type Attachment = 'csv' | 'xlsx';
/** The request of POST and PATCH /api/reports/scheduled (ScheduledReports.Change); PATCH leaves absent fields as they are. */
export type ScheduleChange = Omit<Schemas['Change'], 'params'> & { params?: Record<string, number> };
/** The server answers a schedule as a map (ScheduledReports.view), so the document has no schema for it. */
export interface ScheduledReport {
  id: string;
  name: string;
  template_id: TemplateId;
  frequency: Frequency;
  recipients: string[];
  user_id: number;
  enabled: boolean;
  last_sent: string | null;
  next_run: string;
  params: Record<string, number>;
  created_at: string;
  timezone: string;
  attachment: Attachment;
}
export type ScheduleRun = Omit<Full<Schemas['Run'], 'error'>, 'status'> & { status: 'sent' | 'failed' };
