/**
 * Strategy priorities (issue 13 part 4): the list (highest level first; filter by text and active
 * today) beside the selected priority, its editor or a new one. Reached from the sidebar and the
 * palette, and from the country screen's Strategy priority section.
 */
import { Anchor, Badge, List, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import type { PriorityListItem } from '../../../../shared/features/priorities/contract';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { DetailHeader } from '../../components/detail/DetailHeader';
import { Facts, Tags, type Fact } from '../../components/detail/Facts';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { SplitView } from '../../components/list/SplitView';
import { ListPane } from '../../components/ListPane';
import { RecordFallback } from '../../components/RecordFallback';
import { formatDate, todayIso } from '../../lib/format';
import { useNavigate, useParams } from 'react-router';
import { PriorityEditor } from './PriorityEditor';

/** "Ghana" or "Sub-Saharan Africa" in the reader's language. */
export function placeName(p: { country: string | null; region: string | null }, lang: 'en' | 'de'): string {
  return p.country ? countryName(p.country, lang) : p.region ? regionName(p.region, lang) : '—';
}

export function PrioritiesScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/priorities/:id/*');
  const [text, setText] = useState('');
  const [activeOnly, setActiveOnly] = useState(false);
  const list = useQuery({
    queryKey: ['priorities', 'list', text, activeOnly],
    queryFn: () => api.priorities.list({ text, ...(activeOnly ? { activeOn: todayIso() } : {}) }),
  });
  const rows = list.data ?? [];

  return (
    <SplitView
      name="priorities"
      base="/priorities"
      listWidth={640}
      detailLabel={t('priorities.title')}
      list={
        <ListPane
          id="priorities-title"
          title={t('priorities.title')}
          count={rows.length}
          countKey="priorities.count"
          newLabel={t('priorities.new')}
          onNew={() => navigate('/priorities/new')}
          filters={
            <>
              <TextInput
                aria-label={t('priorities.searchPlaceholder')}
                placeholder={t('priorities.searchPlaceholder')}
                leftSection={<IconSearch size={14} />}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                type="search"
              />
              <Switch label={t('priorities.activeOnly')} checked={activeOnly} onChange={(e) => setActiveOnly(e.currentTarget.checked)} />
            </>
          }
        >
          {rows.length ? (
            <Table aria-label={t('priorities.listLabel')} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('priorities.columns.level')}</Table.Th>
                  <Table.Th>{t('priorities.columns.title')}</Table.Th>
                  <Table.Th>{t('priorities.columns.place')}</Table.Th>
                  <Table.Th>{t('priorities.columns.period')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id} aria-selected={match?.params.id === p.id}>
                    <Table.Td>{p.level}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/priorities/${p.id}`} size="sm">
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{placeName(p, lang)}</Table.Td>
                    <Table.Td>
                      <PeriodText p={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed" p="md">
              {text || activeOnly ? t('priorities.noMatch') : t('priorities.empty')}
            </Text>
          )}
        </ListPane>
      }
    >
      <DetailRoutes editor={PriorityEditor} detail={PriorityDetail} hint={t('priorities.empty')} />
    </SplitView>
  );
}

function PeriodText({ p }: { p: Pick<PriorityListItem, 'start' | 'end'> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!p.start && !p.end) return <>{t('priorities.noPeriod')}</>;
  return <>{t('priorities.period', { start: p.start ? formatDate(p.start, lang) : '…', end: p.end ? formatDate(p.end, lang) : t('priorities.openEnded') })}</>;
}

function PriorityDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const query = useQuery({ queryKey: ['priorities', 'get', id], queryFn: () => api.priorities.get({ id }) });
  const notes = useQuery({ queryKey: ['priorities', 'list', 'one', id], queryFn: async () => (await api.priorities.list({})).find((p) => p.id === id)?.notes ?? [] });
  const p = query.data;
  if (!p || query.isError) return <RecordFallback query={query} />;
  const facts: Fact[] = [
    [t('priorities.fields.level'), <Badge variant="light">{t(`priorities.levels.${p.level}`)}</Badge>],
    [t('priorities.fields.placeKind'), p.country ? <Anchor component={Link} to={`/countries/${p.country}`} underline="always" size="sm">{placeName(p, lang)}</Anchor> : placeName(p, lang)],
    [t('priorities.columns.period'), <PeriodText p={p} />],
    [t('priorities.fields.topics'), <Tags values={p.topics} />],
  ];
  return (
    <article className="detail" aria-labelledby="priority-title">
      <DetailHeader base="/priorities" record={p} service={api.priorities} label={t('priorities.edit')} titleId="priority-title" title={p.title} />
      <Stack gap="md" mt="md">
        <Facts items={facts} />
        <section aria-labelledby="priority-goals-title">
          <Text fw={600} size="sm" id="priority-goals-title">
            {t('priorities.fields.goals')}
          </Text>
          {p.goals.length ? (
            <List size="sm">
              {p.goals.map((g, i) => (
                <List.Item key={i}>{g}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">—</Text>
          )}
        </section>
        <section aria-labelledby="priority-notes-title">
          <Text fw={600} size="sm" id="priority-notes-title">
            {t('priorities.fields.notes')}
          </Text>
          {(notes.data ?? []).length ? (
            <List size="sm">
              {(notes.data ?? []).map((n) => (
                <List.Item key={n.id}>
                  <Anchor component={Link} to={`/notes/${n.id}`} underline="always" size="sm">
                    {n.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">—</Text>
          )}
        </section>
      </Stack>
    </article>
  );
}
