// `/`: first run goes to the guided setup, a signed-in user to their organization, others to sign-in.
import { Navigate } from 'react-router-dom';
import { homePath, useSession, useSetupStatus } from '../features/auth/session';
import { FullPageLoader } from './FullPageLoader';
import { ErrorScreen } from './RouteError';

export function RootRedirect() {
  const setup = useSetupStatus();
  const session = useSession();
  if (setup.isPending || session.isPending) return <FullPageLoader />;
  if (setup.isError) return <ErrorScreen error={setup.error} />;
  if (setup.data.needsSetup) return <Navigate to="/setup" replace />;
  if (session.isError) return <ErrorScreen error={session.error} />;
  if (!session.data) return <Navigate to="/signin" replace />;
  return <Navigate to={homePath(session.data)} replace />;
}
