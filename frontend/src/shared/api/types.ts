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
