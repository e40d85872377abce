/**
 * The cooperations that name a record, on that record's page (an organisation, a person, a case, a
 * trip, a note): links the other way, from the list operation's own filters.
 */
import { Anchor, Group, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/context';
import { DetailSection, EmptyLine } from '../../components/detail/sections';
import { CooperationStatusBadge } from './parts';

type Linked = { organisationId: string } | { contactId: string } | { caseId: string } | { tripId: string } | { noteId: string };

export function CooperationMentions({ linked, none, mt = 'lg' }: { linked: Linked; none?: string; mt?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const api = useApi();
  const [field, id] = Object.entries(linked)[0] as [string, string];
  // Under 'cooperations', so every saved cooperation refreshes it.
  const query = useQuery({ queryKey: ['cooperations', 'list', field, id], queryFn: () => api.cooperations.list({ ...linked, sort: 'title', direction: 'asc', limit: 200 }) });
  const titleId = `${field}-cooperations-title`;
  const rows = query.data?.rows ?? [];
  return (
    <DetailSection id={titleId} title={t('cooperations.onOrganisation')} mt={mt}>
      {rows.length ? (
        <List size="sm" spacing={2}>
          {rows.map((c) => (
            <List.Item key={c.id}>
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/cooperations/${c.id}`} size="sm">
                  {c.title}
                </Anchor>
                <CooperationStatusBadge status={c.status} size="xs" />
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <EmptyLine>{query.data ? (none ?? t('cooperations.noneLinked')) : t('common.loading')}</EmptyLine>
      )}
    </DetailSection>
  );
}
