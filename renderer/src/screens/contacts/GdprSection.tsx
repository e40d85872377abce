import { Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactRecord } from '../../../../shared/features/contacts/schema';
import { formatDate, todayIso } from '../../lib/format';
import { Facts } from '../../components/detail/Facts';
import { AlertBadge } from '../organisations/parts';
import { useLanguage } from '../../app/language';

/** Why we may keep this person's data, where it came from, and when it must be looked at again. */
export function GdprSection({ gdpr }: { gdpr: ContactRecord['gdpr'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const overdue = gdpr.reviewOn !== null && gdpr.reviewOn < todayIso();
  const due = gdpr.reviewOn !== null && gdpr.reviewOn === todayIso();
  return (
    <section aria-labelledby="gdpr-title">
      <Title order={3} size="h5" id="gdpr-title" mt="lg" mb={0}>
        {t('contacts.gdpr.title')}
      </Title>
      <Facts
        items={[
          [t('contacts.gdpr.lawfulBasis'), t(`contacts.gdpr.bases.${gdpr.lawfulBasis}`)],
          [t('contacts.gdpr.source'), gdpr.source || '—'],
          [t('contacts.gdpr.consentOn'), formatDate(gdpr.consentOn, lang)],
          [
            t('contacts.gdpr.reviewOn'),
            <>
              <span className={overdue ? 'overdue' : undefined}>{formatDate(gdpr.reviewOn, lang)}</span>
              {overdue || due ? (
                <AlertBadge ml={8} icon={<IconAlertTriangle size={11} aria-hidden />}>
                  {overdue ? t('contacts.gdpr.reviewOverdue') : t('contacts.gdpr.reviewDue')}
                </AlertBadge>
              ) : null}
            </>,
          ],
        ]}
      />
    </section>
  );
}
