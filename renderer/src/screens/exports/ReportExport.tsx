/**
 * Why this exists: the reports of issue 13, part 7 — "Country dossier (PDF)" on a country's screen and
 * "Portfolio report (PDF)" on the Cooperations list — start the same way: a button opens a dialog
 * asking the document's language (the UI's by default) and its classification (Internal by default,
 * the briefing book's three levels), then the export runs as a job with progress on the button and a
 * Cancel button beside it, like every other export (useExportJob, CancelExportButton).
 */
import { Button, Loader, Modal, Radio, Stack, VisuallyHidden } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifications, type Classification } from '../../../../shared/schemas/classification';
import type { Language } from '../../../../shared/i18n';
import { useLanguage } from '../../app/language';
import { DialogFooter } from '../../components/form/DialogFooter';
import { CancelExportButton } from './CancelExportButton';
import { useExportJob } from './useExportJob';

interface Props {
  /** The button's text and the dialog's title. */
  label: string;
  hint: string;
  title: string;
  start: (choice: { language: Language; classification: Classification }) => Promise<{ jobId: string }>;
}

export function ReportExport({ label, hint, title, start }: Props) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const { state, run, cancel } = useExportJob();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [classification, setClassification] = useState<Classification>('internal');
  const close = () => {
    setOpen(false);
    window.setTimeout(() => button.current?.focus());
  };
  const percent = Math.round(state.progress * 100);
  return (
    <>
      <Button
        ref={button}
        size="xs"
        variant="default"
        leftSection={state.running ? <Loader size={13} /> : <IconFileTypePdf size={15} />}
        title={hint}
        aria-haspopup="dialog"
        aria-busy={state.running}
        onClick={() => setOpen(true)}
      >
        {state.running ? `${label} · ${percent} %` : label}
      </Button>
      <CancelExportButton running={state.running} onCancel={cancel} returnFocusTo={button} />
      <VisuallyHidden role="status">{state.running ? t('exports.exporting') : ''}</VisuallyHidden>
      {open ? (
        <Modal opened onClose={close} title={title} centered returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              close();
              void run(() => start({ language, classification }));
            }}
            noValidate
          >
            <Stack gap="md">
              <Radio.Group label={t('reports.language')} value={language} onChange={(v) => setLanguage(v as Language)}>
                <Stack gap="xs" mt="xs">
                  <Radio value="en" label="English" lang="en" data-autofocus={language === 'en' ? true : undefined} />
                  <Radio value="de" label="Deutsch" lang="de" data-autofocus={language === 'de' ? true : undefined} />
                </Stack>
              </Radio.Group>
              <Radio.Group label={t('reports.classification')} description={t('exports.pdfClassificationHint')} value={classification} onChange={(v) => setClassification(v as Classification)}>
                <Stack gap="xs" mt="xs">
                  {classifications.map((c) => (
                    <Radio key={c} value={c} label={t(`book.classification.${c}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <DialogFooter onCancel={close} saving={false} submitLabel={t('reports.export')} />
            </Stack>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
