/**
 * A person's exports, in their page's toolbar: "Export what we hold" (GDPR Art. 15: a zip of a PDF and
 * a JSON of every record that names them) and their vCard. Both run as backend jobs; Cancel stops one.
 */
import { Menu, Text } from '@mantine/core';
import { IconAddressBook, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { ExportJobMenu } from './ExportJobMenu';
import { useExportJob } from './useExportJob';

export function PersonExports({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state, run, cancel } = useExportJob();
  return (
    <ExportJobMenu state={state} onCancel={cancel}>
      <Menu.Item leftSection={<IconShieldCheck size={16} />} onClick={() => void run(() => api.exports.subjectAccess({ contactId, language }))}>
        <Text size="sm">{t('exports.subjectAccess.button')}</Text>
        <Text size="xs" maw={300}>
          {t('exports.subjectAccess.buttonHint')}
        </Text>
      </Menu.Item>
      <Menu.Item leftSection={<IconAddressBook size={16} />} onClick={() => void run(() => api.exports.vcard({ ids: [contactId], language }))}>
        <Text size="sm">{t('exports.vcardOne')}</Text>
      </Menu.Item>
    </ExportJobMenu>
  );
}
