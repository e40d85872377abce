import { Anchor, Button, Group, Loader, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganisationPerson } from '../../../../shared/features/organisations/contract';
import type { OrganisationRecord } from '../../../../shared/features/organisations/schema';
import { formatDate, todayIso } from '../../lib/format';
import { PositionDialog } from '../contacts/PositionDialog';
import { HandOverDialog } from './HandOverDialog';
import { RoleItem, RoleList, UpcomingBadge } from './parts';
import { useLanguage } from '../../app/language';

interface Props {
  organisation: OrganisationRecord;
  current: OrganisationPerson[];
  former: OrganisationPerson[];
  loading: boolean;
}

function Person({ holder }: { holder: OrganisationPerson }) {
  return (
    <>
      <Anchor component={Link} to={`/contacts/${holder.contact.id}`} size="sm">
        {holder.contact.name}
      </Anchor>
      {holder.contact.nativeName ? (
        <Text span size="sm" c="dimmed" dir="auto">
          {' '}
          {holder.contact.nativeName}
        </Text>
      ) : null}
    </>
  );
}

/**
 * Who holds which role here now, and who held it before. A role changes hands through "Hand over",
 * which ends the old position and starts the new one so the history stays.
 */
export function OrganisationPeople({ organisation, current, former, loading }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [handingOver, setHandingOver] = useState<OrganisationPerson | null>(null);
  const [adding, setAdding] = useState(false);
  // A hand-over dated in the future starts a position that is not current yet: it belongs with
  // the people now (marked), not with the former ones.
  const today = todayIso();
  const startsLater = (h: OrganisationPerson) => (h.position.from ?? '') > today;
  const now = [...current, ...former.filter(startsLater)];
  const past = former.filter((h) => !startsLater(h));
  const date = (d: string | null) => (d ? formatDate(d, lang) : t('contacts.positions.unknown'));

  return (
    <>
      <section aria-labelledby="org-people-now-title">
        <Group justify="space-between" mt="md" mb={2}>
          <Title order={3} size="h5" id="org-people-now-title">
            {t('organisations.sections.peopleNow')}
          </Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('organisations.people.add')}
          </Button>
        </Group>
        {loading ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : now.length ? (
          <RoleList labelledBy="org-people-now-title">
            {now.map((h) => (
              <RoleItem
                key={h.position.id}
                role={h.position.role}
                detail={
                  <>
                    <Person holder={h} />
                    <Text span size="xs" c="dimmed">
                      {h.position.from ? ` · ${t('contacts.positions.since', { date: formatDate(h.position.from, lang) })}` : ''}
                    </Text>
                    {startsLater(h) ? <UpcomingBadge /> : null}
                  </>
                }
                actions={
                  startsLater(h) ? null : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconArrowsExchange size={14} />}
                      aria-label={t('organisations.people.handOverLabel', { role: h.position.role, name: h.contact.name })}
                      onClick={() => setHandingOver(h)}
                    >
                      {t('organisations.people.handOver')}
                    </Button>
                  )
                }
              />
            ))}
          </RoleList>
        ) : (
          <Text size="sm" c="dimmed">
            {t('organisations.people.noneNow')}
          </Text>
        )}
      </section>

      <section aria-labelledby="org-people-former-title">
        <Title order={3} size="h5" id="org-people-former-title" mt="lg" mb={2}>
          {t('organisations.sections.formerPeople')}
        </Title>
        {loading ? null : past.length ? (
          <RoleList labelledBy="org-people-former-title">
            {past.map((h) => (
              <RoleItem
                key={h.position.id}
                role={h.position.role}
                muted
                detail={
                  <>
                    <Person holder={h} />
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {t('contacts.positions.period', { from: date(h.position.from), to: date(h.position.to) })}
                    </Text>
                  </>
                }
              />
            ))}
          </RoleList>
        ) : (
          <Text size="sm" c="dimmed">
            {t('organisations.people.noneFormer')}
          </Text>
        )}
      </section>

      {handingOver ? <HandOverDialog holder={handingOver} onClose={() => setHandingOver(null)} /> : null}
      {adding ? (
        <PositionDialog
          title={t('organisations.people.addTitle', { name: organisation.name })}
          initial={{ organisationId: organisation.id }}
          fixed="organisation"
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}
