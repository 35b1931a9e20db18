import { Result, Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { useMe, useSessionGate } from './lib/me.ts';
import { ChangePasswordPage } from './pages/ChangePassword.tsx';
import { LoginPage } from './pages/Login.tsx';
import { SecurityPage } from './pages/Security.tsx';

// Pages load on first visit, so sign-in does not wait for tables, trees and pickers.
const DiscoveryPage = lazy(() => import('./pages/Discovery.tsx').then((m) => ({ default: m.DiscoveryPage })));
const QuotasPage = lazy(() => import('./pages/Quotas.tsx').then((m) => ({ default: m.QuotasPage })));
const RatingsPage = lazy(() => import('./pages/evaluations/Ratings.tsx').then((m) => ({ default: m.RatingsPage })));
const RegistrationsPage = lazy(() => import('./pages/evaluations/Registrations.tsx').then((m) => ({ default: m.RegistrationsPage })));
const SettingsPage = lazy(() => import('./pages/Settings.tsx').then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import('./pages/Audit.tsx').then((m) => ({ default: m.AuditPage })));
const ImportWizardPage = lazy(() => import('./pages/ImportWizard.tsx').then((m) => ({ default: m.ImportWizardPage })));
const OrgTreePage = lazy(() => import('./pages/OrgTree.tsx').then((m) => ({ default: m.OrgTreePage })));
const PeopleSearchPage = lazy(() => import('./pages/PeopleSearch.tsx').then((m) => ({ default: m.PeopleSearchPage })));
const PersonPage = lazy(() => import('./pages/Person.tsx').then((m) => ({ default: m.PersonPage })));
const UnitPage = lazy(() => import('./pages/Unit.tsx').then((m) => ({ default: m.UnitPage })));
const CalendarPage = lazy(() => import('./pages/Calendar.tsx').then((m) => ({ default: m.CalendarPage })));
const TrustRootsPage = lazy(() => import('./pages/signatures/TrustRoots.tsx').then((m) => ({ default: m.TrustRootsPage })));
const WordingsPage = lazy(() => import('./pages/documents/Wordings.tsx').then((m) => ({ default: m.WordingsPage })));
const InboxPage = lazy(() => import('./pages/Inbox.tsx').then((m) => ({ default: m.InboxPage })));
const UsersPage = lazy(() => import('./pages/Users.tsx').then((m) => ({ default: m.UsersPage })));
const DecisionsPage = lazy(() => import('./pages/awarding/Decisions.tsx').then((m) => ({ default: m.DecisionsPage })));
const DecisionPage = lazy(() => import('./pages/awarding/Decision.tsx').then((m) => ({ default: m.DecisionPage })));
const FundLedgerPage = lazy(() => import('./pages/rewards/FundLedger.tsx').then((m) => ({ default: m.FundLedgerPage })));
const MovementsPage = lazy(() => import('./pages/movements/Movements.tsx').then((m) => ({ default: m.MovementsPage })));
const MovementPage = lazy(() => import('./pages/movements/Movement.tsx').then((m) => ({ default: m.MovementPage })));
const CouncilsPage = lazy(() => import('./pages/awarding/Councils.tsx').then((m) => ({ default: m.CouncilsPage })));
const CouncilPage = lazy(() => import('./pages/awarding/Council.tsx').then((m) => ({ default: m.CouncilPage })));
const ReviewsPage = lazy(() => import('./pages/reviews/Reviews.tsx').then((m) => ({ default: m.ReviewsPage })));
const ReviewPage = lazy(() => import('./pages/reviews/Review.tsx').then((m) => ({ default: m.ReviewPage })));
const DossiersPage = lazy(() => import('./pages/dossiers/Dossiers.tsx').then((m) => ({ default: m.DossiersPage })));
const DossierPage = lazy(() => import('./pages/dossiers/Dossier.tsx').then((m) => ({ default: m.DossierPage })));
const CalibrationsPage = lazy(() => import('./pages/certificates/Calibrations.tsx').then((m) => ({ default: m.CalibrationsPage })));
const VerifyPage = lazy(() => import('./pages/certificates/Verify.tsx').then((m) => ({ default: m.VerifyPage })));

/** Public pages: no session needed, shown the same to a visitor and a signed-in user (a certificate's QR opens one). */
const PUBLIC_PATHS = ['/verify', '/xac-minh'];
const isPublicPath = (pathname: string) => PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

function PublicRoutes() {
  return (
    <Suspense fallback={<Spin fullscreen />}>
      <Routes>
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:code" element={<VerifyPage />} />
        <Route path="/xac-minh" element={<VerifyPage />} />
        <Route path="/xac-minh/:code" element={<VerifyPage />} />
      </Routes>
    </Suspense>
  );
}

/** Routes; everything but /login and the public pages needs a session, and a forced password change comes first. */
export function AppRoutes() {
  const { pathname } = useLocation();
  if (isPublicPath(pathname)) return <PublicRoutes />;
  return <SignedInRoutes />;
}

function SignedInRoutes() {
  const { data: me, isLoading, error } = useMe();
  const { t } = useTranslation();
  useSessionGate();
  if (isLoading) return <Spin fullscreen />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  }
  if (me.mustChangePassword) return <ChangePasswordPage forced />;
  if (me.mfaEnrolmentRequired) return <SecurityPage forced />;
  return (
    <Routes>
      <Route path="/login" element={<Navigate to="/org" replace />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/org" replace />} />
        <Route path="/org" element={<OrgTreePage />} />
        <Route path="/org/units/:id" element={<UnitPage />} />
        <Route path="/people" element={<PeopleSearchPage />} />
        <Route path="/people/:id" element={<PersonPage />} />
        <Route path="/imports" element={<ImportWizardPage />} />
        <Route path="/discovery" element={<DiscoveryPage />} />
        <Route path="/dossiers" element={<DossiersPage />} />
        <Route path="/dossiers/:id" element={<DossierPage />} />
        <Route path="/decisions" element={<DecisionsPage />} />
        <Route path="/decisions/:id" element={<DecisionPage />} />
        <Route path="/certificates/calibrations" element={<CalibrationsPage />} />
        <Route path="/rewards/funds" element={<FundLedgerPage />} />
        <Route path="/movements" element={<MovementsPage />} />
        <Route path="/movements/:id" element={<MovementPage />} />
        <Route path="/councils" element={<CouncilsPage />} />
        <Route path="/councils/:id" element={<CouncilPage />} />
        <Route path="/reviews" element={<ReviewsPage />} />
        <Route path="/reviews/:id" element={<ReviewPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/admin/settings" element={<SettingsPage />} />
        <Route path="/admin/quotas" element={<QuotasPage />} />
        <Route path="/admin/calendar" element={<CalendarPage />} />
        <Route path="/admin/signature-roots" element={<TrustRootsPage />} />
        <Route path="/admin/document-wordings" element={<WordingsPage />} />
        <Route path="/evaluations" element={<RatingsPage />} />
        <Route path="/registrations" element={<RegistrationsPage />} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route path="/security" element={<SecurityPage />} />
        <Route path="*" element={<Result status="404" title="404" subTitle={t('common.notFound')} />} />
      </Route>
    </Routes>
  );
}
