import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from '../auth/session';
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
const PluginPage = lazy(() => import('../pages/PluginPage').then((m) => ({ default: m.PluginPage })));

function RequireLogin({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
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
        <Route path="/register" element={<RegisterPage />} />
        <Route
          element={
            <RequireLogin>
              <Layout />
            </RequireLogin>
          }
        >
          <Route index element={<Navigate to="/queue" replace />} />
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
