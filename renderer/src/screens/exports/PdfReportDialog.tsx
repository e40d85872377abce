/**
 * Why this exists: a PDF report carries a classification marking in its header and footer, and the
 * user chooses it when exporting (Internal unless they choose otherwise) — the same three levels and
 * words as the briefing book's (`classifications` in shared/schemas/classification.ts, `book.classification.*`).
 */
import { Modal, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifications, type Classification } from '../../../../shared/schemas/classification';
import { DialogFooter } from '../../components/form/DialogFooter';

interface Props {
  onClose: () => void;
  onExport: (classification: Classification) => void;
}

export function PdfReportDialog({ onClose, onExport }: Props) {
  const { t } = useTranslation();
  const [classification, setClassification] = useState<Classification>('internal');
  return (
    <Modal opened onClose={onClose} title={t('exports.pdfTitle')} centered returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onExport(classification);
        }}
        noValidate
      >
        <Stack gap="md">
          <Radio.Group
            label={t('book.facts.classification')}
            description={t('exports.pdfClassificationHint')}
            value={classification}
            onChange={(v) => setClassification(v as Classification)}
          >
            <Stack gap="xs" mt="xs">
              {classifications.map((c) => (
                <Radio key={c} value={c} label={t(`book.classification.${c}`)} data-autofocus={c === 'internal' ? true : undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <DialogFooter onCancel={onClose} saving={false} submitLabel={t('exports.pdfExport')} />
        </Stack>
      </form>
    </Modal>
  );
}
