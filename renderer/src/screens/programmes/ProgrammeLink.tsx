/**
 * The funding programme a case or cooperation names, as their detail screens show it: a link to the
 * programme with its deadline beside it, or a dash for none. One component, so both say it alike.
 */
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeRef } from '../../../../shared/features/programmes/schema';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../lib/format';

export function ProgrammeLink({ programme }: { programme: ProgrammeRef | null | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!programme) return <>—</>;
  return (
    <span>
      <Anchor component={Link} to={`/programmes/${programme.id}`} size="sm">
        {programme.name}
      </Anchor>
      {programme.deadline ? (
        <Text span size="xs" c="dimmed">
          {' '}
          · {t('programmes.deadlineOn', { date: formatDate(programme.deadline, lang) })}
        </Text>
      ) : null}
    </span>
  );
}
