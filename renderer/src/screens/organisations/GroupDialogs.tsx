/**
 * Groups are managed where organisations are: "New group…" beside the editor's group picker (the
 * new group is picked at once) and "Manage groups…" on the list (rename, change kind, delete with
 * the impact dialog and Undo). Both write through `groups.*`.
 */
import { ActionIcon, Alert, Anchor, Group as Row, Modal, Select, Stack, Table, Text, Textarea, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GroupFields, groupKinds, type GroupRecord } from '../../../../shared/features/groups/schema';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { DeleteDialog } from '../../components/DeleteDialog';
import { DialogFooter } from '../../components/form/DialogFooter';
import { useCloseGuard } from '../../components/form/DiscardDialog';
import { describeError, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';

type Values = { name: string; kind: GroupRecord['kind']; notes: string };

/** Creates a group, or edits one (`group`); calls `onSaved` with the stored record. */
export function GroupDialog({ group, onClose, onSaved }: { group?: GroupRecord; onClose: () => void; onSaved?: (g: GroupRecord) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: group ? { name: group.name, kind: group.kind, notes: group.notes } : { name: '', kind: 'alliance', notes: '' },
    validate: (values) => {
      const result = GroupFields.safeParse(values);
      return result.success ? {} : schemaErrors(t, result.error);
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => (group ? api.groups.update({ id: group.id, revision: group.revision, changes: v }) : api.groups.create(v)),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries();
      notifySuccess(group ? t('groups.renamed') : t('groups.created', { name: record.name }));
      onSaved?.(record);
      onClose();
    },
    onError: (e) => {
      form.setErrors(formErrorsOf(t, e));
      setFormError(describeError(t, e));
    },
  });
  const kindOptions = useMemo(() => groupKinds.map((k) => ({ value: k, label: t(`groups.kinds.${k}`) })), [t]);
  const { requestClose, confirmation, asking } = useCloseGuard(form.isDirty(), onClose);
  useReturnFocus();

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        title={group ? t('groups.editGroup', { name: group.name }) : t('groups.newTitle')}
        centered
        closeOnEscape={!asking}
        returnFocus={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            // The dialog is portalled out of the DOM but not out of React: its submit would bubble to the organisation form around it.
            e.stopPropagation();
            form.onSubmit((v) => {
              setFormError(null);
              save.mutate(v);
            })(e);
          }}
        >
          <Stack gap="sm">
            {formError ? (
              <Alert color="red" role="alert" py={6}>
                {formError}
              </Alert>
            ) : null}
            <TextInput label={t('groups.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
            <Select label={t('groups.fields.kind')} data={kindOptions} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('kind')} />
            <Textarea label={t('groups.fields.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
            <DialogFooter onCancel={requestClose} saving={save.isPending} submitLabel={group ? t('common.save') : t('groups.create')} mt="xs" />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

/** Every group with how many organisations belong to it; edit or delete one. */
export function ManageGroupsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const groups = useQuery({ queryKey: ['groups', 'list', 'manage'], queryFn: () => api.groups.list({ limit: 1000 }) });
  const [editing, setEditing] = useState<GroupRecord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; revision: number } | null>(null);
  useReturnFocus();

  const open = async (id: string) => setEditing(await api.groups.get({ id }));

  return (
    <>
      <Modal opened={!editing && !deleting} onClose={onClose} title={t('groups.manageTitle')} centered size="lg" returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          {groups.data?.rows.length ? (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('groups.fields.name')}</Table.Th>
                  <Table.Th>{t('groups.fields.kind')}</Table.Th>
                  <Table.Th>{t('organisations.title')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.edit')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.data.rows.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/groups/${g.id}`} onClick={onClose} size="sm" underline="always">
                        {g.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`groups.kinds.${g.kind}`)}</Table.Td>
                    <Table.Td className="num">{g.members}</Table.Td>
                    <Table.Td>
                      <Row gap={4} wrap="nowrap" justify="flex-end">
                        <Tooltip label={t('groups.editGroup', { name: g.name })}>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('groups.editGroup', { name: g.name })} onClick={() => void open(g.id)}>
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('groups.deleteGroup', { name: g.name })}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('groups.deleteGroup', { name: g.name })} onClick={() => setDeleting({ id: g.id, revision: g.revision })}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Row>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('groups.none')}
            </Text>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setEditing('new');
            }}
          >
            <DialogFooter onCancel={onClose} cancelLabel={t('common.close')} saving={false} submitLabel={t('groups.new')} />
          </form>
        </Stack>
      </Modal>
      {editing ? <GroupDialog group={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <DeleteDialog
          opened
          onClose={() => setDeleting(null)}
          recordKey={`groups:${deleting.id}:${deleting.revision}`}
          impact={() => api.groups.deleteImpact({ id: deleting.id })}
          remove={() => api.groups.delete(deleting)}
          onDeleted={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
