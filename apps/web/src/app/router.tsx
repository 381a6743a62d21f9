// The app's routes: first run, sign-in, invitations, and the organization's pages under /o/:orgId.
import type { ReactElement } from 'react';
import { createBrowserRouter, useParams } from 'react-router-dom';
import { AuditPage } from '../features/admin/audit/AuditPage';
import { MembersPage } from '../features/admin/members/MembersPage';
import { AnalysisPage } from '../features/analysis/AnalysisPage';
import { InvitePage } from '../features/auth/InvitePage';
import { SignInPage } from '../features/auth/SignInPage';
import { MapsPage } from '../features/maps/MapsPage';
import { MaterialityPage } from '../features/materiality/MaterialityPage';
import { HomePage } from '../features/method/HomePage';
import { StepPage } from '../features/method/StepPage';
import { METHOD_STEPS } from '../features/method/steps';
import { NoOrganizationPage } from '../features/orgs/NoOrganizationPage';
import { OrganizationPage } from '../features/orgs/OrganizationPage';
import { SetupPage } from '../features/setup/SetupPage';
import { AppLayout } from '../features/shell/AppLayout';
import { useCurrentOrg } from '../features/shell/current-org';
import { TeamPage } from '../features/team/TeamPage';
import { VendorsPage } from '../features/vendors/VendorsPage';
import { RootRedirect } from './RootRedirect';
import { NotFoundPage, RouteError } from './RouteError';

function OrgHome() {
  const { membership } = useCurrentOrg();
  return <HomePage organizationName={membership.name} />;
}

/** Method steps that have their own page; the others show StepPage's description of the step. */
const BUILT_STEPS: Record<string, ReactElement> = {
  team: <TeamPage />,
  materiality: <MaterialityPage />,
  maps: <MapsPage />,
  vendors: <VendorsPage />,
  analysis: <AnalysisPage />,
};

function OrgNotFound() {
  const params = useParams();
  return params['*'] === undefined ? null : <NotFoundPage />;
}

export const router = createBrowserRouter([
  { path: '/', element: <RootRedirect />, errorElement: <RouteError /> },
  { path: '/setup', element: <SetupPage />, errorElement: <RouteError /> },
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/invite/:token', element: <InvitePage />, errorElement: <RouteError /> },
  { path: '/no-organization', element: <NoOrganizationPage />, errorElement: <RouteError /> },
  {
    path: '/o/:orgId',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OrgHome /> },
      ...METHOD_STEPS.map((step) => ({
        path: step.path,
        element: BUILT_STEPS[step.path] ?? <StepPage step={step} />,
      })),
      // Loaded on first visit: the map canvas and its layout engine are most of the app's weight.
      {
        path: 'maps/templates',
        lazy: () =>
          import('../features/templates/TemplateGalleryPage').then((m) => ({
            Component: m.TemplateGalleryPage,
          })),
      },
      {
        path: 'maps/templates/:templateId',
        lazy: () => import('../features/templates/TemplatePage').then((m) => ({ Component: m.TemplatePage })),
      },
      {
        path: 'maps/selection',
        lazy: () =>
          import('../features/map-selection/MapSelectionPage').then((m) => ({
            Component: m.MapSelectionPage,
          })),
      },
      {
        path: 'maps/:mapId',
        lazy: () => import('../features/maps/MapEditorPage').then((m) => ({ Component: m.MapEditorPage })),
      },
      {
        path: 'vendors/import',
        lazy: () =>
          import('../features/vendors/VendorImportPage').then((m) => ({ Component: m.VendorImportPage })),
      },
      {
        path: 'vendors/:vendorId',
        lazy: () => import('../features/vendors/VendorPage').then((m) => ({ Component: m.VendorPage })),
      },
      // The analysis views: the simulator draws maps and charts, so each loads on first visit.
      {
        path: 'analysis/simulator',
        lazy: () =>
          import('../features/analysis/SimulatorPage').then((m) => ({ Component: m.SimulatorPage })),
      },
      {
        path: 'analysis/chokepoints',
        lazy: () =>
          import('../features/analysis/ChokepointsPage').then((m) => ({ Component: m.ChokepointsPage })),
      },
      {
        path: 'analysis/concentration',
        lazy: () =>
          import('../features/analysis/ConcentrationPage').then((m) => ({ Component: m.ConcentrationPage })),
      },
      {
        path: 'analysis/priorities',
        lazy: () =>
          import('../features/analysis/PrioritiesPage').then((m) => ({ Component: m.PrioritiesPage })),
      },
      { path: 'admin/members', element: <MembersPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'admin/organization', element: <OrganizationPage /> },
      { path: '*', element: <OrgNotFound /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
