import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onKeep: () => void;
  onDiscard: () => void;
  /** What would be lost, when the general sentence is not enough ("your changes to this note"). */
  body?: string;
}

/** Asked before an editor with unsaved changes is left: keeping is the default, discarding is red. */
export function DiscardDialog({ opened, onKeep, onDiscard, body }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onKeep} title={t('common.discardTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text size="sm">{body ?? t('common.discardBody')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onKeep} data-autofocus>
          {t('common.keepEditing')}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t('common.discard')}
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * For an editor inside a dialog, which no navigation guard sees: closing it (Cancel, the close
 * button, Escape) with unsaved changes asks first. Give `requestClose` to the Modal's onClose and
 * to Cancel, `closeOnEscape={!asking}` to the Modal (Escape in the question answers the question
 * only), and render `confirmation` beside the dialog.
 */
export function useCloseGuard(dirty: boolean, onClose: () => void, body?: string) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : onClose());
  const confirmation = (
    <DiscardDialog
      opened={asking}
      body={body}
      onKeep={() => setAsking(false)}
      onDiscard={() => {
        setAsking(false);
        onClose();
      }}
    />
  );
  return { requestClose, confirmation, asking };
}
