import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useMe, useSession } from '../auth/session';
import { useDeployment } from '../api/useDeployment';
import { isResidentOnly } from '../resident/portal';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoginPage } from '../pages/LoginPage';
import { MorePage } from '../pages/MorePage';
import { QueuePage } from '../pages/QueuePage';
import { Layout } from './Layout';

// Pages with heavy libraries (forms, charts, graph layout) load when first opened.
const TicketPage = lazy(() => import('../pages/TicketPage').then((m) => ({ default: m.TicketPage })));
const NewRequestPage = lazy(() => import('../pages/NewRequestPage').then((m) => ({ default: m.NewRequestPage })));
const DashboardPage = lazy(() => import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const WorkflowsPage = lazy(() => import('../pages/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })));
const CityConfigPage = lazy(() => import('../pages/CityConfigPage').then((m) => ({ default: m.CityConfigPage })));
const OrgsPage = lazy(() => import('../pages/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const InboxPage = lazy(() => import('../pages/InboxPage').then((m) => ({ default: m.InboxPage })));
const RegisterPage = lazy(() => import('../pages/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const NotificationPrefsPage = lazy(() => import('../pages/NotificationPrefsPage').then((m) => ({ default: m.NotificationPrefsPage })));
const ReportsPage = lazy(() => import('../pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const PeoplePage = lazy(() => import('../pages/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const AccountPage = lazy(() => import('../pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const SetupPage = lazy(() => import('../pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const RegistrationsPage = lazy(() => import('../pages/RegistrationsPage').then((m) => ({ default: m.RegistrationsPage })));
const AdminOrgsPage = lazy(() => import('../pages/AdminOrgsPage').then((m) => ({ default: m.AdminOrgsPage })));
const AdminGridsPage = lazy(() => import('../pages/AdminGridsPage').then((m) => ({ default: m.AdminGridsPage })));
const Open311Page = lazy(() => import('../pages/Open311Page').then((m) => ({ default: m.Open311Page })));
const BoardPage = lazy(() => import('../public/BoardPage').then((m) => ({ default: m.BoardPage })));
const PortalPage = lazy(() => import('../resident/PortalPage').then((m) => ({ default: m.PortalPage })));
const ReportPage = lazy(() => import('../resident/ReportPage').then((m) => ({ default: m.ReportPage })));
const MyRequestPage = lazy(() => import('../resident/MyRequestPage').then((m) => ({ default: m.MyRequestPage })));
const TicketMapPage = lazy(() => import('../map/TicketMapPage').then((m) => ({ default: m.TicketMapPage })));
const PluginPage = lazy(() => import('../pages/PluginPage').then((m) => ({ default: m.PluginPage })));

function RequireLogin({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/** Where a person lands: residents on their portal, staff on their queue. */
function Home() {
  const me = useMe();
  const dep = useDeployment();
  if (!dep.ready) return dep.error ? <Navigate to="/queue" replace /> : <Loading />;
  return <Navigate to={isResidentOnly(me, dep.roles) ? '/me' : '/queue'} replace />;
}

function Routed() {
  const { startError, me } = useSession();
  if (startError && me === null) {
    return (
      <div className="page page-narrow">
        <ErrorNotice error={startError} onRetry={() => location.reload()} />
      </div>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/board" element={<BoardPage />} />
        <Route path="/board/:orgId" element={<BoardPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route
          element={
            <RequireLogin>
              <Layout />
            </RequireLogin>
          }
        >
          <Route index element={<Home />} />
          <Route path="/me" element={<PortalPage />} />
          <Route path="/me/report" element={<ReportPage />} />
          <Route path="/me/requests/:id" element={<MyRequestPage />} />
          <Route path="/map" element={<TicketMapPage />} />
          <Route path="/queue" element={<QueuePage />} />
          <Route path="/tickets/:id" element={<TicketPage />} />
          <Route path="/new" element={<NewRequestPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/orgs" element={<OrgsPage />} />
          <Route path="/workflows" element={<WorkflowsPage />} />
          <Route path="/city-config" element={<CityConfigPage />} />
          <Route path="/p/:plugin/:page" element={<PluginPage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/inbox/preferences" element={<NotificationPrefsPage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/more" element={<MorePage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/admin/people" element={<PeoplePage />} />
          <Route path="/admin/orgs" element={<AdminOrgsPage />} />
          <Route path="/admin/grids" element={<AdminGridsPage />} />
          <Route path="/admin/registrations" element={<RegistrationsPage />} />
          <Route path="/admin/open311" element={<Open311Page />} />
          <Route path="*" element={<Navigate to="/queue" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routed />
      </SessionProvider>
    </BrowserRouter>
  );
}
