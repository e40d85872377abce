/**
 * The end of every form in a dialog or the detail pane: Cancel, then the submitting button, right
 * aligned. One component so the order, the variants and the busy state stay the same everywhere.
 */
import { Button, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel: () => void;
  /** The submit button shows it is busy (and cannot be pressed twice). */
  saving: boolean;
  /** The submit button's words; "Save" unless said otherwise. */
  submitLabel?: ReactNode;
  /** The cancel button's words; "Cancel" unless said otherwise. */
  cancelLabel?: ReactNode;
  mt?: MantineSpacing;
}

export function DialogFooter({ onCancel, saving, submitLabel, cancelLabel, mt }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
