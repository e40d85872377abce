/**
 * The Export menu of a list screen: the list as it is shown — the screen's query (filter and sort)
 * and its shown columns in their order — to CSV, Excel or a PDF report, and for people also vCard.
 * The backend selects the rows with the list operation itself and builds the file; this only says
 * what is shown. A PDF report asks its classification first (PdfReportDialog). While the job runs the
 * button shows its progress (a status region) and a Cancel button stands beside it.
 */
import { Button, Loader, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconFileTypePdf, IconAddressBook } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportList } from '../../../../shared/features/exports/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { CancelExportButton } from './CancelExportButton';
import { PdfReportDialog } from './PdfReportDialog';
import { useExportJob } from './useExportJob';

interface Props {
  list: ExportList;
  /** The screen's query: its filters and sort, as the list operation receives them. */
  query: Record<string, unknown>;
  /** The ids of the columns shown, in their order. */
  columns: string[];
}

const formats: Array<{ format: ExportFormat; icon: typeof IconFileText }> = [
  { format: 'csv', icon: IconFileText },
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'pdf', icon: IconFileTypePdf },
];

export function ExportMenu({ list, query, columns }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state, run, cancel } = useExportJob();
  const percent = Math.round(state.progress * 100);
  const button = useRef<HTMLButtonElement>(null);
  const [askPdf, setAskPdf] = useState(false);
  const closePdf = () => {
    setAskPdf(false);
    // After the dialog has gone: focus back on the menu's button.
    window.setTimeout(() => button.current?.focus());
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal={false} floatingStrategy="fixed" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          {/* Never disabled while the job runs (focus would fall to the page); a second choice waits for the first. */}
          <Button
            ref={button}
            size="xs"
            variant="default"
            leftSection={state.running ? <Loader size={13} /> : <IconDownload size={15} />}
            title={t('exports.menuHint')}
            aria-label={t('exports.menuLabel')}
            aria-busy={state.running}
          >
            {state.running ? `${t('exports.menu')} · ${percent} %` : t('exports.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('exports.menuHint')}</Menu.Label>
          {formats.map(({ format, icon: Icon }) => (
            <Menu.Item
              key={format}
              leftSection={<Icon size={16} />}
              aria-haspopup={format === 'pdf' ? 'dialog' : undefined}
              onClick={() => (format === 'pdf' ? setAskPdf(true) : void run(() => api.exports.list({ list, query, columns, format, language })))}
            >
              <Text size="sm">{t(`exports.${format}`)}</Text>
              <Text size="xs">
                {t(`exports.${format}Hint`)}
              </Text>
            </Menu.Item>
          ))}
          {list === 'contacts' ? (
            <Menu.Item leftSection={<IconAddressBook size={16} />} onClick={() => void run(() => api.exports.vcard({ query, language }))}>
              <Text size="sm">{t('exports.vcard')}</Text>
              <Text size="xs">
                {t('exports.vcardHint')}
              </Text>
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <CancelExportButton running={state.running} onCancel={cancel} returnFocusTo={button} />
      {askPdf ? (
        <PdfReportDialog
          onClose={closePdf}
          onExport={(classification) => {
            closePdf();
            void run(() => api.exports.list({ list, query, columns, format: 'pdf', language, classification }));
          }}
        />
      ) : null}
      <VisuallyHidden role="status">{state.running ? t('exports.exporting') : ''}</VisuallyHidden>
    </>
  );
}
