// The organization the user is working in, handed from the app shell to its pages.
import { useOutletContext } from 'react-router-dom';
import type { Membership, Session } from '../../api/types';

export interface CurrentOrg {
  membership: Membership;
  session: Session;
  isAdmin: boolean;
}

export function useCurrentOrg(): CurrentOrg {
  return useOutletContext<CurrentOrg>();
}
