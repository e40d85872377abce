/**
 * Merging two duplicates (people or organisations), one dialog for both: first the duplicate is
 * picked (when the dialog was opened from one record's page), then each field that differs is shown
 * side by side as a radio group — keep, take the other's, or (lists and notes) both — with the
 * result computed by the same `combine` the backend stores. It lists what moves to the kept record,
 * says that one Undo restores everything, merges, and offers that Undo. Focus goes back to the
 * button that opened it.
 */
import { Alert, Button, Group, List, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dataKeys } from '../../../shared/i18n';
import { combine, differs, type MergeChoice, type MergeField, type MergeMoves } from '../../../shared/schemas/merge';
import { useReturnFocus } from '../app/focus';
import { useUndo } from '../app/undo';
import { describeError } from '../lib/errors';
import { notifyError } from '../lib/notify';
import { DialogFooter } from './form/DialogFooter';

type Rec = { id: string; revision: number } & Record<string, unknown>;

export interface MergePreviewData<R extends Rec> {
  keep: R;
  other: R;
  proposed: Partial<Record<string, MergeChoice>>;
  moves: MergeMoves;
}

interface Props<R extends Rec> {
  /** The record whose page opened the dialog; it is kept unless the user swaps. */
  recordId: string;
  /** Both records already chosen (two selected in a list): the dialog starts at the comparison. */
  pair?: { keepId: string; otherId: string };
  /** Which collection, for query keys. */
  kind: 'contacts' | 'organisations';
  /** How the records are named in headings and the Undo notice. */
  nameOf: (r: R) => string;
  fields: ReadonlyArray<MergeField>;
  labelOf: (field: string) => string;
  /** A field's value in words ('' when empty). */
  format: (field: string, value: unknown) => string;
  /** Step one: choosing the duplicate (a picker); `onChosen` moves on to the comparison. */
  picker: (value: string | null, onChosen: (id: string | null) => void) => ReactNode;
  pickTitle: string;
  preview: (pair: { keepId: string; otherId: string }) => Promise<MergePreviewData<R>>;
  merge: (input: { keepId: string; keepRevision: number; otherId: string; otherRevision: number; choices: Record<string, MergeChoice> }) => Promise<{ record: R; undoId: string }>;
  onMerged: (kept: R) => void;
  onClose: () => void;
}

export function MergeDialog<R extends Rec>(props: Props<R>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const [candidate, setCandidate] = useState<string | null>(null);
  const [pair, setPair] = useState<{ keepId: string; otherId: string } | null>(props.pair ?? null);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [pickError, setPickError] = useState<string | null>(null);
  useReturnFocus();

  const preview = useQuery({
    queryKey: [props.kind, 'mergePreview', pair?.keepId, pair?.otherId],
    queryFn: () => props.preview(pair!),
    enabled: pair !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const data = preview.data;
  const run = useMutation({
    mutationFn: () =>
      props.merge({ keepId: data!.keep.id, keepRevision: data!.keep.revision, otherId: data!.other.id, otherRevision: data!.other.revision, choices: chosen() }),
    onSuccess: async ({ record, undoId }) => {
      props.onClose();
      props.onMerged(record);
      await queryClient.invalidateQueries();
      undo.offer(t('merge.done', { label: props.nameOf(record) }), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  // The comparison replaces the picker (and its button): focus moves to its first choice.
  const start = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = start.current;
    if (data && box) (box.querySelector<HTMLElement>('input:checked') ?? box.querySelector<HTMLElement>('button'))?.focus();
  }, [data]);

  const chosen = () => ({ ...(data?.proposed ?? {}), ...choices }) as Record<string, MergeChoice>;
  const compare = () => {
    if (!candidate) return setPickError(t('validation.required'));
    if (candidate === props.recordId) return setPickError(t('errors.mergeSame'));
    setChoices({});
    setPair({ keepId: props.recordId, otherId: candidate });
  };

  const differing = data ? props.fields.filter((f) => differs(data.keep[f.field], data.other[f.field])) : [];
  const agreeing = props.fields.length - differing.length;
  const shown = (field: string, value: unknown) => props.format(field, value) || t('merge.empty');
  // One collection may be named by several fields (a case's client and partners): listed once, with the larger count.
  const moves = new Map<string, number>();
  for (const m of data?.moves ?? []) moves.set(m.collection, Math.max(moves.get(m.collection) ?? 0, m.count));

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={pair ? t('merge.title') : props.pickTitle}
      size={pair ? 'xl' : 'md'}
      centered
      returnFocus={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!pair ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            compare();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">{t('merge.pickHint')}</Text>
            {props.picker(candidate, (id) => {
              setPickError(null);
              setCandidate(id);
            })}
            {pickError ? (
              <Text size="sm" c="red" role="alert">
                {pickError}
              </Text>
            ) : null}
            <DialogFooter onCancel={props.onClose} saving={false} submitLabel={t('merge.next')} mt="xs" />
          </Stack>
        </form>
      ) : preview.isError ? (
        <Alert color="red">{describeError(t, preview.error)}</Alert>
      ) : !data ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate();
          }}
          noValidate
        >
          <Stack gap="sm" ref={start}>
            <Text size="sm">{t('merge.intro')}</Text>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {t('merge.kept', { name: props.nameOf(data.keep) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('merge.other', { name: props.nameOf(data.other) })}
                </Text>
              </Stack>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  setChoices({});
                  setPair({ keepId: data.other.id, otherId: data.keep.id });
                }}
              >
                {t('merge.swap')}
              </Button>
            </Group>
            {differing.map((spec) => {
              const value = chosen()[spec.field] ?? 'keep';
              const result = combine(spec, data.keep[spec.field], data.other[spec.field], value);
              return (
                <Radio.Group
                  key={spec.field}
                  name={`merge-${spec.field}`}
                  label={props.labelOf(spec.field)}
                  value={value}
                  onChange={(v) => setChoices((c) => ({ ...c, [spec.field]: v as MergeChoice }))}
                  description={value === 'both' ? shown(spec.field, result) : undefined}
                >
                  <Group gap="lg" mt={4} align="flex-start" wrap="wrap">
                    <Radio value="keep" label={`${t('merge.keep')}: ${shown(spec.field, data.keep[spec.field])}`} style={{ maxWidth: 340 }} />
                    <Radio value="other" label={`${t('merge.take')}: ${shown(spec.field, data.other[spec.field])}`} style={{ maxWidth: 340 }} />
                    {spec.kind !== 'single' ? <Radio value="both" label={t('merge.both')} /> : null}
                  </Group>
                </Radio.Group>
              );
            })}
            {agreeing > 0 ? (
              <Text size="sm" c="dimmed">
                {t('merge.agree', { count: agreeing })}
              </Text>
            ) : null}
            <div>
              <Text size="sm" fw={600} id="merge-moves">
                {t('merge.moves')}
              </Text>
              {moves.size ? (
                <List size="sm" aria-labelledby="merge-moves">
                  {[...moves].map(([collection, count]) => (
                    <List.Item key={collection}>{t(dataKeys.removes(collection), { count })}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('merge.movesNone')}
                </Text>
              )}
            </div>
            <Text size="sm" c="dimmed">
              {t('merge.undoHint')}
            </Text>
            <DialogFooter onCancel={props.onClose} saving={run.isPending} submitLabel={t('merge.submit')} mt="xs" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
