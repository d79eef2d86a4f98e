import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { Loading } from '../shared/ui/kit.tsx';
import { PublicOnly, RequireAuth, NoPermission } from './guards.tsx';
import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';
import { useSession } from '../shared/auth/session.ts';
import { isAdmin } from '../shared/api/types.ts';

/** Every page is its own chunk: the first load carries only the shell and the page opened. */
function page(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return <Page />;
}

function Bare({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </div>
  );
}

function AdminOnly() {
  const role = useSession((s) => s.user?.role);
  return isAdmin(role) ? <Outlet /> : <NoPermission />;
}

/** Pages inside the layout; a page that fails shows RouteError there, with the navigation still usable. */
const pagesInLayout = [
  { path: '/', element: <Navigate to="/dashboard" replace /> },
  { path: '/dashboard', element: page(() => import('../features/tracking/DashboardPage.tsx')) },
  { path: '/time', element: page(() => import('../features/tracking/TimePage.tsx')) },
  { path: '/projects', element: page(() => import('../features/catalog/ProjectsPage.tsx')) },
  { path: '/tasks', element: page(() => import('../features/catalog/TasksPage.tsx')) },
  { path: '/teams', element: page(() => import('../features/teams/TeamsPage.tsx')) },
  { path: '/teams/:teamId/report', element: page(() => import('../features/reports/TeamReportPage.tsx')) },
  { path: '/reports', element: page(() => import('../features/reports/ReportsPage.tsx')) },
  { path: '/reports/templates', element: page(() => import('../features/reports/TemplatesPage.tsx')) },
  { path: '/reports/scheduled', element: page(() => import('../features/reports/ScheduledReportsPage.tsx')) },
  { path: '/my-payroll', element: page(() => import('../features/payroll/MyPayrollPage.tsx')) },
  { path: '/settings', element: page(() => import('../features/account/SettingsPage.tsx')) },
  { path: '/sessions', element: page(() => import('../features/account/SessionsPage.tsx')) },
  {
    element: <AdminOnly />,
    children: [
      { path: '/admin', element: page(() => import('../features/admin/UsersPage.tsx')) },
      { path: '/staff', element: <Navigate to="/admin" replace /> },
      { path: '/staff/:userId', element: page(() => import('../features/admin/StaffDetailPage.tsx')) },
      { path: '/account-requests', element: page(() => import('../features/admin/AccountRequestsPage.tsx')) },
      { path: '/audit-logs', element: page(() => import('../features/admin/AuditLogPage.tsx')) },
      { path: '/payroll', element: <Navigate to="/payroll/rates" replace /> },
      { path: '/payroll/rates', element: page(() => import('../features/payroll/PayRatesPage.tsx')) },
      { path: '/payroll/periods', element: page(() => import('../features/payroll/PeriodsPage.tsx')) },
      { path: '/payroll/periods/:periodId', element: page(() => import('../features/payroll/PeriodDetailPage.tsx')) },
      { path: '/payroll/reports', element: page(() => import('../features/payroll/PayrollReportsPage.tsx')) },
      { path: '/admin/reports', element: page(() => import('../features/reports/AdminReportsPage.tsx')) },
      { path: '/admin/user/:userId', element: page(() => import('../features/reports/UserReportPage.tsx')) },
    ],
  },
];

export const routes = [
  { path: '/login', element: <PublicOnly><Bare>{page(() => import('../features/auth/LoginPage.tsx'))}</Bare></PublicOnly> },
  { path: '/register', element: <PublicOnly><Bare>{page(() => import('../features/auth/RegisterPage.tsx'))}</Bare></PublicOnly> },
  { path: '/forgot-password', element: <PublicOnly><Bare>{page(() => import('../features/auth/ForgotPasswordPage.tsx'))}</Bare></PublicOnly> },
  // the emailed links: not PublicOnly, which would send a signed-in browser away and lose the link
  { path: '/reset-password', element: <Bare>{page(() => import('../features/auth/ResetPasswordPage.tsx'))}</Bare> },
  { path: '/accept-invite', element: <Bare>{page(() => import('../features/auth/AcceptInvitePage.tsx'))}</Bare> },
  { path: '/request-account', element: <Bare>{page(() => import('../features/auth/RequestAccountPage.tsx'))}</Bare> },
  {
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [{ errorElement: <RouteError />, children: pagesInLayout }],
  },
  { path: '*', element: <Bare>{page(() => import('./NotFoundPage.tsx'))}</Bare> },
];

export function makeRouter() {
  return createBrowserRouter([{ errorElement: <RouteError />, children: routes }]);
}
