import { Button, Group, Modal, Text } from '@mantine/core';
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
