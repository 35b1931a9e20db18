import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get } from '../api.ts';
import type { Me, Permission } from '../types.ts';

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await get<Me>('/auth/me');
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
    // Drop everything cached for the previous user, but keep the ['me'] query observed by the app.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    qc.setQueryData(['me'], me);
  };
}
