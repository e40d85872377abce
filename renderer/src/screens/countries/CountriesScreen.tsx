import { Alert, Anchor, Group, List, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useMatch, useNavigate, useParams } from 'react-router';
import { countryName, countryOptions } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import { foldText } from '../../../../shared/domain/text';
import type { CountryCounts } from '../../../../shared/features/countries/contract';
import { useApi } from '../../api/context';
import { recordHeading } from '../../app/focus';
import { DataTable, preferredListWidth, type Column } from '../../components/DataTable';
import { ListPane } from '../../components/ListPane';
import { SplitView } from '../../components/list/SplitView';
import { CountryMapView } from '../../components/CountryMapView';
import { StatusBadge } from '../../components/StatusBadge';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../app/language';
import { PrioritySection } from './PrioritySection';
import { ReportExport } from '../exports/ReportExport';

/** A country's counts with its name in the reader's language. */
type Row = CountryCounts & { name: string };

/** Per country: who and what the workspace knows there, and what happened this year. */
export function CountriesScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/countries/:code');
  const [text, setText] = useState('');
  const overview = useQuery({ queryKey: ['countries', 'overview'], queryFn: () => api.countries.overview({}) });

  const rows = useMemo<Row[]>(() => {
    const q = foldText(text.trim());
    return (overview.data ?? [])
      .map((r) => ({ ...r, name: countryName(r.code, lang) }))
      .filter((r) => !q || foldText(`${r.name} ${r.code}`).includes(q));
  }, [overview.data, text, lang]);

  const columns: Array<Column<Row>> = [
    { id: 'name', header: t('countries.columns.name'), cell: (r) => <span className="ellipsis">{r.name}</span>, width: 'minmax(140px, 2fr)' },
    { id: 'organisations', header: t('countries.columns.organisations'), cell: (r) => r.organisations || '—', width: '1fr' },
    { id: 'contacts', header: t('countries.columns.contacts'), cell: (r) => r.contacts || '—', width: '1fr' },
    { id: 'openCases', header: t('countries.columns.openCases'), cell: (r) => r.openCases || '—', width: '1fr' },
    { id: 'notes', header: t('countries.columns.notes'), cell: (r) => r.notes || '—', width: '1fr' },
  ];
  const options = useMemo(() => countryOptions(lang).map((c) => ({ value: c.code, label: c.name })), [lang]);

  return (
    <SplitView
      name="countries"
      base="/countries"
      listWidth={preferredListWidth(columns)}
      detailLabel={t('countries.detailLabel')}
      list={
        <ListPane
          id="countries-title"
          title={t('countries.title')}
          count={rows.length}
          countKey="countries.count"
          filters={
            <>
              <TextInput
                aria-label={t('countries.filter')}
                placeholder={t('countries.filter')}
                leftSection={<IconSearch size={14} />}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                type="search"
              />
              <Select
                aria-label={t('countries.goTo')}
                placeholder={t('countries.goTo')}
                data={options}
                searchable
                value={null}
                onChange={(code) => code && navigate(`/countries/${code}`)}
                comboboxProps={{ withinPortal: true }}
              />
            </>
          }
        >
          <DataTable<Row, string>
            rowCount={rows.length}
            rowAt={(i) => rows[i]}
            columns={columns}
            getRowId={(r) => r.code}
            label={t('countries.listLabel')}
            selectedId={match?.params.code ?? null}
            onActivate={(r) => navigate(`/countries/${r.code}`)}
          />
        </ListPane>
      }
    >
      <Routes>
        <Route path=":code" element={<CountryDetail />} />
        <Route
          index
          element={
            <div className="placeholder">
              <Text c="dimmed">{t('countries.selectHint')}</Text>
            </div>
          }
        />
      </Routes>
    </SplitView>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={3} size="h5" mb={6}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function CountryDetail() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const detail = useQuery({ queryKey: ['countries', 'detail', code], queryFn: () => api.countries.detail({ code }) });
  if (detail.isPending) return <Loader m="xl" aria-label={t('common.loading')} />;
  if (detail.isError) return <Alert color="red" m="md">{describeError(t, detail.error)}</Alert>;
  const d = detail.data;
  const name = lang === 'de' ? d.nameDe : d.nameEn;
  const none = (
    <Text size="sm" c="dimmed">
      {t('countries.none')}
    </Text>
  );

  return (
    <article className="detail" aria-labelledby="country-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="md">
        <div>
          <Text className="mono" size="sm" c="dimmed">
            {d.code}
          </Text>
          <Title order={2} size="h3" id="country-title" {...recordHeading}>
            {name}
          </Title>
          {d.nameEn !== d.nameDe ? (
            <Text size="sm" c="dimmed" lang={lang === 'de' ? 'en' : 'de'}>
              {lang === 'de' ? d.nameEn : d.nameDe}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed" mt={6}>
            {t('countries.regions')}: {d.regions.map((r) => regionName(r, lang)).join(' › ') || '—'}
          </Text>
          <Text size="sm" c="dimmed">
            {t('countries.peopleCount', { count: d.contacts })}
          </Text>
          <Group gap="xs" mt="sm">
            <ReportExport
              label={t('reports.dossierAction')}
              hint={t('reports.dossierHint')}
              title={t('reports.dossierTitle')}
              start={(choice) => api.exports.countryDossier({ code: d.code, ...choice })}
            />
          </Group>
        </div>
        <CountryMapView code={d.code} name={name} width={300} />
      </Group>
      <Stack gap="lg">
        <PrioritySection priorities={d.priorities} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Section title={t('countries.organisations')}>
            {d.organisations.length ? (
              <List size="sm" spacing={2}>
                {d.organisations.map((o) => (
                  <List.Item key={o.id}>
                    <Anchor component={Link} underline="always" to={`/organisations/${o.id}`} size="sm">
                      {o.name}
                    </Anchor>
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {[o.city, o.people ? t('countries.peopleCount', { count: o.people }) : ''].filter(Boolean).join(' · ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            ) : (
              none
            )}
          </Section>
          <Section title={t('countries.keyContacts')}>
            {d.keyContacts.length ? (
              <List size="sm" spacing={2}>
                {d.keyContacts.map((p) => (
                  <List.Item key={p.id}>
                    <Anchor component={Link} underline="always" to={`/contacts/${p.id}`} size="sm">
                      {p.name}
                    </Anchor>
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {[p.role, p.organisationName].filter(Boolean).join(', ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            ) : (
              none
            )}
          </Section>
        </SimpleGrid>
        <Section title={t('countries.cases')}>
          {d.cases.length ? (
            <List size="sm" spacing={4}>
              {d.cases.map((c) => (
                <List.Item key={c.id}>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} underline="always" to={`/cases/${c.id}`} size="sm">
                      {c.reference} {c.title}
                    </Anchor>
                    <StatusBadge status={c.status} />
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Section>
        <Section title={t('countries.notes')}>
          {d.notes.length ? (
            <Stack gap={6}>
              {d.notes.map((n) => (
                <div key={n.id}>
                  <Anchor component={Link} underline="always" to={`/notes/${n.id}`} size="sm">
                    {n.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.excerpt}
                  </Text>
                </div>
              ))}
            </Stack>
          ) : (
            none
          )}
        </Section>
        <Section title={t('countries.trips')}>
          {d.trips.length ? (
            <List size="sm" spacing={2}>
              {d.trips.map((trip) => (
                <List.Item key={trip.id}>
                  <Anchor component={Link} underline="always" to={`/trips/${trip.id}`} size="sm">
                    {trip.title}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {formatDate(trip.startDate, lang)} – {formatDate(trip.endDate, lang)}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Section>
        <Section title={t('countries.thisYear')}>
          {d.activitiesThisYear.length ? (
            <List size="sm" spacing={2}>
              {d.activitiesThisYear.map((a) => (
                <List.Item key={a.id}>
                  {formatDate(a.date, lang)} — {a.title || t(`timeline.kinds.${a.kind}`)}
                  {a.caseId && a.caseTitle ? (
                    <>
                      {' · '}
                      <Anchor component={Link} underline="always" to={`/cases/${a.caseId}`} size="sm">
                        {a.caseTitle}
                      </Anchor>
                    </>
                  ) : null}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Section>
      </Stack>
    </article>
  );
}
