import { Anchor, Badge, Group, List, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutputOf } from '../../../../shared/contract';
import type { TripRecord } from '../../../../shared/schemas/trip';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { dateRange, destinationsLabel, tripDays, useLanguage } from './parts';

type Related = OutputOf<'trips.related'>;

/** The trip at a glance: facts, purpose, the delegation with roles, and the linked cases and notes. */
export function TripOverview({ trip, related }: { trip: TripRecord; related: Related | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const head = related?.members.find((m) => m.role === 'head');
  const facts: Array<[string, ReactNode]> = [
    [t('book.facts.dates'), `${dateRange(trip.startDate, trip.endDate, lang)} (${t('trips.days', { count: tripDays(trip.startDate, trip.endDate) })})`],
    [t('book.facts.destinations'), destinationsLabel(trip.destinations, lang)],
    [t('book.facts.head'), head?.name || '—'],
    [t('trips.fields.timeZones'), trip.timeZones.join(', ')],
    [t('trips.fields.classification'), t(`book.classification.${trip.classification}`)],
    [t('trips.fields.language'), t(`trips.languages.${trip.language}`)],
    [
      t('trips.fields.topics'),
      trip.topics.length ? (
        <Group gap={4}>
          {trip.topics.map((v) => (
            <Badge key={v} variant="outline" radius="sm" size="sm" tt="none">
              {v}
            </Badge>
          ))}
        </Group>
      ) : (
        '—'
      ),
    ],
    [t('trips.fields.updatedAt'), formatDateTime(trip.updatedAt, lang)],
  ];

  return (
    <>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="trip-purpose-title" className="trip-section">
        <Title order={3} size="h5" id="trip-purpose-title" mb={4}>
          {t('trips.fields.purpose')}
        </Title>
        <Text className="prose" size="sm">
          {trip.purpose || t('trips.overview.noPurpose')}
        </Text>
      </section>

      <section aria-labelledby="trip-members-title" className="trip-section">
        <Title order={3} size="h5" id="trip-members-title" mb={4}>
          {t('trips.overview.members')}
        </Title>
        {related?.members.length ? (
          <Table className="members-table" verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('book.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('book.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('book.columns.function')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {related.members.map((m, n) => {
                const source = trip.members[n];
                const fn = m.contact ? [m.contact.role, m.contact.organisationName].filter(Boolean).join(', ') : source?.kind === 'staff' ? source.function : '';
                return (
                  <Table.Tr key={`${m.name}-${n}`}>
                    <Table.Td>
                      {m.contact ? (
                        <Anchor component={Link} to={`/contacts/${m.contact.id}`} size="sm">
                          {m.name}
                        </Anchor>
                      ) : (
                        <>
                          {m.name}{' '}
                          <Text span size="xs" c="dimmed">
                            ({t('trips.overview.staff')})
                          </Text>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`book.roles.${m.role}`)}</Table.Td>
                    <Table.Td>{fn || '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('trips.overview.noMembers')}
          </Text>
        )}
      </section>

      <section aria-labelledby="trip-cases-title" className="trip-section">
        <Title order={3} size="h5" id="trip-cases-title" mb={4}>
          {t('trips.overview.cases')}
        </Title>
        {related?.cases.length ? (
          <List size="sm" spacing={4} listStyleType="none" className="plain-list">
            {related.cases.map((c) => (
              <List.Item key={c.id}>
                <Group gap={8} wrap="nowrap">
                  <Text span size="sm" className="mono" c="dimmed">
                    {c.reference}
                  </Text>
                  <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
                    {c.title}
                  </Anchor>
                  <StatusBadge status={c.status} />
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('trips.overview.noCases')}
          </Text>
        )}
      </section>

      <section aria-labelledby="trip-notes-title" className="trip-section">
        <Title order={3} size="h5" id="trip-notes-title" mb={4}>
          {t('trips.overview.notes')}
        </Title>
        {related?.notes.length ? (
          <List size="sm" spacing={4} listStyleType="none" className="plain-list">
            {related.notes.map((n) => (
              <List.Item key={n.id}>
                <Anchor component={Link} to={`/notes/${n.id}`} size="sm">
                  {n.title}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {t(`notes.kinds.${n.kind}`, { defaultValue: n.kind })} · {t(`notes.statuses.${n.status}`, { defaultValue: n.status })}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('trips.overview.noNotes')}
          </Text>
        )}
      </section>
    </>
  );
}
