import { ActionIcon, Button, Group, Menu, Modal, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewList, ViewRecord } from '../../../shared/features/views/schema';
import { useApi } from '../api/context';
import { describeError } from '../lib/errors';
import { notifyError, notifySuccess } from '../lib/notify';
import { DialogFooter } from './form/DialogFooter';

interface Props {
  list: ViewList;
  /** The list's current filters and sort, saved as the view's query. */
  current: Record<string, unknown>;
  columns: string[];
  onApply: (view: ViewRecord) => void;
}

/** Named filter combinations for one list: apply, save the current one, delete. */
export function SavedViews({ list, current, columns, onApply }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const views = useQuery({ queryKey: ['views', list], queryFn: () => api.views.list({ list }) });

  const save = useMutation({
    mutationFn: () => api.views.create({ name, list, query: current, columns }),
    onSuccess: (view) => {
      setNaming(false);
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['views', list] });
      notifySuccess(t('lists.viewSaved', { name: view.name }));
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.views.delete({ id }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['views', list] });
      notifySuccess(t('lists.viewDeleted'));
    },
  });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconBookmark size={15} />}>
            {t('lists.views')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label={t('lists.viewsLabel')}>
          {views.data?.length ? (
            views.data.map((v) => (
              <Group key={v.id} gap={0} wrap="nowrap">
                <Menu.Item onClick={() => onApply(v)} style={{ flex: 1 }}>
                  {v.name}
                </Menu.Item>
                <ActionIcon variant="subtle" color="gray" aria-label={t('lists.deleteView', { name: v.name })} onClick={() => remove.mutate(v.id)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))
          ) : (
            <Menu.Label>{t('lists.noViews')}</Menu.Label>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => setNaming(true)}>{t('lists.saveView')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('lists.saveView')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <TextInput label={t('lists.viewName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required />
          <DialogFooter onCancel={() => setNaming(false)} saving={save.isPending} mt="md" />
        </form>
      </Modal>
    </>
  );
}
