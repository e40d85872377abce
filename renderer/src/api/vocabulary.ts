import { useQuery } from '@tanstack/react-query';
import { useApi } from './context';

/**
 * Topics, owners, clients and funding instruments already used in the workspace: suggestions for
 * every list filter and editor (`listOwners` has each list's owners, for its Owner filter). One
 * query key, so all of them share one cached answer.
 */
export function useVocabulary() {
  const api = useApi();
  return useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });
}
