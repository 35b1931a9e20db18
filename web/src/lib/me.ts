import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, get, onSessionGate } from '../api.ts';
import type { Me, Permission } from '../types.ts';
import { setCityTimeZone } from './clock.ts';

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await get<Me>('/auth/me');
        // "Today" is the city's date in the zone the server tells, not the browser's (lib/clock.ts).
        setCityTimeZone(me.timeZone);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Whether the signed-in user holds a permission somewhere. */
export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return !!data?.permissions.includes(permission);
}

export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    setCityTimeZone(me?.timeZone);
    // Drop everything cached for the previous user, but keep the ['me'] query observed by the app.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    qc.setQueryData(['me'], me);
  };
}

/**
 * Follows the server's gate: when a call answers PASSWORD_CHANGE_REQUIRED or MFA_ENROLMENT_REQUIRED (e.g. an
 * administrator reset the password meanwhile), the signed-in user is marked so the app shows that form first.
 */
export function useSessionGate() {
  const qc = useQueryClient();
  useEffect(() => {
    onSessionGate((code) => {
      qc.setQueryData<Me | null>(['me'], (me) =>
        me && (code === 'PASSWORD_CHANGE_REQUIRED' ? { ...me, mustChangePassword: true } : { ...me, mfaEnrolmentRequired: true }));
    });
    return () => onSessionGate(null);
  }, [qc]);
}
