import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Api } from '../../../../shared/contract';
import { useApi } from '../../api/context';

/**
 * What every record editor starts from: the id in the route (none for a new record), the record
 * itself once loaded, and the tools to save it and leave.
 */
export function useEditedRecord<R>(collection: string, get: (api: Api, id: string) => Promise<R>) {
  const { id } = useParams();
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({ queryKey: [collection, 'get', id], queryFn: () => get(api, id!), enabled: !!id });
  return { id, isNew: !id, t, api, navigate, queryClient, existing };
}
