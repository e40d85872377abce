/**
 * The group screen (`/groups/:id`): an alliance, campus, section, consortium or network with how many
 * organisations, people, cooperations, cases and delegation trips belong to it (`groups.counts`, counted by the lists'
 * own group filters), each a link to that list filtered by the group (`?group=<id>`).
 */
import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { GroupCounts } from '../../../../shared/features/groups/schema';
import { useApi } from '../../api/context';
import { recordHeading } from '../../app/focus';
import { groupListPath } from '../../components/list/useFilteredList';
import { RecordFallback } from '../../components/RecordFallback';
import { GroupDialog } from '../organisations/GroupDialogs';

/** The lists a group counts in, in the order the screen shows them, with the route each opens. */
const countedLists: ReadonlyArray<{ key: keyof GroupCounts; list: string }> = [
  { key: 'organisations', list: 'organisations' },
  { key: 'people', list: 'contacts' },
  { key: 'cooperations', list: 'cooperations' },
  { key: 'cases', list: 'cases' },
  { key: 'trips', list: 'trips' },
];

export function GroupScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const group = useQuery({ queryKey: ['groups', 'get', id], queryFn: () => api.groups.get({ id }) });
  // Fetched afresh whenever the screen opens: an organisation's groups, a position or a case changed elsewhere changes the counts.
  const counts = useQuery({ queryKey: ['groups', 'counts', id], queryFn: () => api.groups.counts({ id }), staleTime: 0 });
  const g = group.data;

  if (!g || group.isError) {
    return (
      <div className="page">
        <RecordFallback query={group} />
      </div>
    );
  }

  return (
    <div className="page">
      <article aria-labelledby="group-title">
        <Stack gap="lg" maw={760}>
          <div>
            <Text size="sm" c="dimmed">
              {t('groups.screenLabel')}
            </Text>
            <Group gap="sm" align="center" wrap="wrap">
              <Title order={1} size="h3" id="group-title" {...recordHeading}>
                {g.name}
              </Title>
              <Badge variant="light" radius="sm" tt="none">
                {t(`groups.kinds.${g.kind}`)}
              </Badge>
            </Group>
            <Group gap="xs" mt="sm">
              <Button size="xs" variant="default" leftSection={<IconEdit size={15} aria-hidden />} onClick={() => setEditing(true)} aria-haspopup="dialog">
                {t('common.edit')}
              </Button>
            </Group>
          </div>
          {g.notes ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {g.notes}
            </Text>
          ) : null}
          <section aria-labelledby="group-counts-title">
            <Title order={2} size="h5" mb={4} id="group-counts-title">
              {t('groups.inGroup')}
            </Title>
            <Text size="xs" c="dimmed" mb={6}>
              {t('groups.inGroupHint')}
            </Text>
            {counts.data ? (
              <List size="sm" spacing={4}>
                {countedLists.map(({ key, list }) => (
                  <List.Item key={key}>
                    <Anchor component={Link} underline="always" size="sm" to={groupListPath(list, g.id)}>
                      {t(`groups.counts.${key}`, { count: counts.data[key] })}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : (
              <RecordFallback query={counts} />
            )}
          </section>
        </Stack>
      </article>
      {editing ? <GroupDialog group={g} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
