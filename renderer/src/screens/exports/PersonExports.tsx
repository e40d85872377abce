/**
 * A person's exports, in their page's toolbar: "Export what we hold" (GDPR Art. 15: a zip of a PDF and
 * a JSON of every record that names them) and their vCard. Both run as backend jobs; Cancel stops one.
 */
import { Button, Loader, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconAddressBook, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { CancelExportButton } from './CancelExportButton';
import { useExportJob } from './useExportJob';

export function PersonExports({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state, run, cancel } = useExportJob();
  const percent = Math.round(state.progress * 100);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal={false} floatingStrategy="fixed" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button ref={button} size="xs" variant="default" leftSection={state.running ? <Loader size={13} /> : <IconDownload size={15} />} aria-busy={state.running}>
            {state.running ? `${t('exports.menu')} · ${percent} %` : t('exports.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconShieldCheck size={16} />} onClick={() => void run(() => api.exports.subjectAccess({ contactId, language }))}>
            <Text size="sm">{t('exports.subjectAccess.button')}</Text>
            <Text size="xs" maw={300}>
              {t('exports.subjectAccess.buttonHint')}
            </Text>
          </Menu.Item>
          <Menu.Item leftSection={<IconAddressBook size={16} />} onClick={() => void run(() => api.exports.vcard({ ids: [contactId], language }))}>
            <Text size="sm">{t('exports.vcardOne')}</Text>
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CancelExportButton running={state.running} onCancel={cancel} returnFocusTo={button} />
      <VisuallyHidden role="status">{state.running ? t('exports.exporting') : ''}</VisuallyHidden>
    </>
  );
}
