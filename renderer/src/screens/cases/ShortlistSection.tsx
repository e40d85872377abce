/**
 * The case's "Shortlist" section (issue 13 part 6, the data side): the organisations and people
 * saved from "Find partners", each with its name linking to the record, its score and the reasons
 * as sentences (the matchmaking's `reasonText`), and Remove, which saves the list without the entry
 * through `cases.saveShortlist` and offers one Undo.
 */
import { ActionIcon, Anchor, Badge, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseRecord, ShortlistEntry } from '../../../../shared/features/cases/schema';
import { reasonText } from '../../../../shared/features/matchmaking/match';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { useUndo } from '../../app/undo';
import { DetailSection, EmptyLine } from '../../components/detail/sections';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { notifyError } from '../../lib/notify';

const base = { organisations: '/organisations', contacts: '/contacts' } as const;

export function ShortlistSection({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const undo = useUndo();
  const queryClient = useQueryClient();
  const entries = record.shortlist;
  const orgIds = entries.filter((e) => e.collection === 'organisations').map((e) => e.id);
  const personIds = entries.filter((e) => e.collection === 'contacts').map((e) => e.id);
  const orgs = useQuery({ queryKey: ['organisations', 'lookup', orgIds], queryFn: () => api.organisations.lookup({ ids: orgIds }), enabled: orgIds.length > 0 });
  const people = useQuery({ queryKey: ['contacts', 'lookup', personIds], queryFn: () => api.contacts.lookup({ ids: personIds }), enabled: personIds.length > 0 });
  const names = new Map<string, string>([...(orgs.data ?? []).map((o) => [`organisations:${o.id}`, o.name] as const), ...(people.data ?? []).map((p) => [`contacts:${p.id}`, p.name] as const)]);
  const nameOf = (e: ShortlistEntry) => names.get(`${e.collection}:${e.id}`) ?? t('cases.shortlist.unknown');

  const remove = useMutation({
    mutationFn: (entry: ShortlistEntry) =>
      api.cases.saveShortlist({ id: record.id, revision: record.revision, entries: entries.filter((e) => !(e.collection === entry.collection && e.id === entry.id)) }),
    onSuccess: ({ undoId }, entry) => {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'cases' });
      undo.offer(t('cases.shortlist.removed', { name: nameOf(entry) }), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  return (
    <DetailSection id="shortlist-title" title={t('cases.shortlist.title')} mt="lg">
      <Text size="xs" c="dimmed" mb={4}>
        {t('cases.shortlist.hint')}
      </Text>
      {entries.length ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entries.map((e) => {
            const name = nameOf(e);
            return (
              <li key={`${e.collection}:${e.id}`}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`${base[e.collection]}/${e.id}`} underline="always" size="sm" fw={500}>
                      {name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(e.collection === 'organisations' ? 'cases.shortlist.organisation' : 'cases.shortlist.contact')}
                    </Text>
                    <Badge variant="light" size="sm">
                      {t('cases.shortlist.score', { score: e.score })}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('cases.shortlist.addedOn', { date: formatDate(e.addedOn, lang) })}
                    </Text>
                  </Group>
                  <Tooltip label={t('cases.shortlist.remove', { name })}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('cases.shortlist.remove', { name })} loading={remove.isPending} onClick={() => remove.mutate(e)}>
                      <IconX size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                {e.reasons.length ? (
                  <List size="xs" spacing={0} ml="md">
                    {e.reasons.map((r) => (
                      <List.Item key={r.kind}>{reasonText({ ...r, sources: [] }, lang)}</List.Item>
                    ))}
                  </List>
                ) : null}
              </li>
            );
          })}
        </Stack>
      ) : (
        <EmptyLine>{t('cases.shortlist.empty')}</EmptyLine>
      )}
    </DetailSection>
  );
}
