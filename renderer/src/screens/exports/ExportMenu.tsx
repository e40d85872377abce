/**
 * The Export menu of a list screen: the list as it is shown — the screen's query (filter and sort)
 * and its shown columns in their order — to CSV, Excel or a PDF report, and for people also vCard.
 * The backend selects the rows with the list operation itself and builds the file; this only says
 * what is shown. A PDF report asks its classification first (PdfReportDialog). While the job runs the
 * button shows its progress (a status region) and a Cancel button stands beside it.
 */
import { Menu, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileTypePdf, IconAddressBook } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportList } from '../../../../shared/features/exports/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { ExportJobMenu } from './ExportJobMenu';
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
  const button = useRef<HTMLButtonElement>(null);
  const [askPdf, setAskPdf] = useState(false);
  const closePdf = () => {
    setAskPdf(false);
    // After the dialog has gone: focus back on the menu's button.
    window.setTimeout(() => button.current?.focus());
  };

  return (
    <>
      <ExportJobMenu state={state} title={t('exports.menuHint')} aria-label={t('exports.menuLabel')} onCancel={cancel} buttonRef={button}>
        <Menu.Label>{t('exports.menuHint')}</Menu.Label>
        {formats.map(({ format, icon: Icon }) => (
          <Menu.Item
            key={format}
            leftSection={<Icon size={16} />}
            aria-haspopup={format === 'pdf' ? 'dialog' : undefined}
            onClick={() => (format === 'pdf' ? setAskPdf(true) : void run(() => api.exports.list({ list, query, columns, format, language })))}
          >
            <Text size="sm">{t(`exports.${format}`)}</Text>
            <Text size="xs">{t(`exports.${format}Hint`)}</Text>
          </Menu.Item>
        ))}
        {list === 'contacts' ? (
          <Menu.Item leftSection={<IconAddressBook size={16} />} onClick={() => void run(() => api.exports.vcard({ query, language }))}>
            <Text size="sm">{t('exports.vcard')}</Text>
            <Text size="xs">{t('exports.vcardHint')}</Text>
          </Menu.Item>
        ) : null}
      </ExportJobMenu>
      {askPdf ? (
        <PdfReportDialog
          onClose={closePdf}
          onExport={(classification) => {
            closePdf();
            void run(() => api.exports.list({ list, query, columns, format: 'pdf', language, classification }));
          }}
        />
      ) : null}
    </>
  );
}
