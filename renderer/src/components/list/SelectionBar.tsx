/**
 * The bar over a list while rows are selected (a toolbar): how many, Merge… (exactly two), Export
 * selected (CSV, Excel), Export as vCard (people; through the same export operations as the list's own
 * Export menu, narrowed to the selected ids) and Clear selection. A status region, mounted whether or
 * not the bar shows, announces "3 selected" and "Selection cleared". After a merge or a clear, focus
 * goes to the list.
 */
import { Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconAddressBook, IconFileSpreadsheet, IconFileText, IconGitMerge, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportList } from '../../../../shared/features/exports/schema';
import { useApi } from '../../api/context';
import { useLanguage } from '../../app/language';
import { notifyError } from '../../lib/notify';
import { ExportJobMenu } from '../../screens/exports/ExportJobMenu';
import { useExportJob } from '../../screens/exports/useExportJob';
import { TooManySelected, type ListSelection } from './useSelection';

export interface MergePair {
  keepId: string;
  otherId: string;
}

interface Props {
  selection: ListSelection;
  list: Extract<ExportList, 'contacts' | 'organisations'>;
  /** The ids of the columns shown, in their order (an export of the selection has them too). */
  columns: string[];
  /** The merge dialog for two selected records; `onMerged` clears the selection. */
  mergeDialog: (pair: MergePair, onClose: () => void, onMerged: () => void) => ReactNode;
}

export function SelectionBar({ selection, list, columns, mergeDialog }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const { state, run } = useExportJob();
  const [pair, setPair] = useState<MergePair | null>(null);
  const count = selection.size;
  const canMerge = count === 2;

  // "Selection cleared" is said once after a selection goes; nothing is said before the first one.
  const had = useRef(false);
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (count > 0) {
      had.current = true;
      setAnnounce(t('selection.count', { count }));
    } else if (had.current) {
      setAnnounce(t('selection.cleared'));
    }
  }, [count, t]);

  const exportWith = (start: (query: Record<string, unknown>) => Promise<{ jobId: string }>) => {
    let query: Record<string, unknown>;
    try {
      query = selection.actionQuery();
    } catch (e) {
      if (e instanceof TooManySelected) return notifyError(t('selection.tooMany', { max: e.max }));
      throw e;
    }
    void run(() => start(query));
  };

  return (
    <>
      <VisuallyHidden role="status">{announce}</VisuallyHidden>
      {count > 0 || pair ? (
        <div className="selection-bar" role="toolbar" aria-label={t('selection.toolbar')}>
          <Text size="sm" fw={600} className="num" mr="xs">
            {selection.busy ? t('selection.selecting') : t('selection.count', { count })}
          </Text>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconGitMerge size={15} />}
            aria-disabled={!canMerge}
            data-disabled={!canMerge || undefined}
            title={canMerge ? undefined : t('selection.mergeHint')}
            onClick={(e) => {
              if (!canMerge) return e.preventDefault();
              const [keepId, otherId] = selection.ids();
              setPair({ keepId: keepId!, otherId: otherId! });
            }}
          >
            {t('selection.merge')}
          </Button>
          <ExportJobMenu state={state} label={t('selection.exportSelected')} title={t('selection.exportHint')}>
            <Menu.Label>{t('selection.exportHint')}</Menu.Label>
            <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => exportWith((query) => api.exports.list({ list, query, columns, format: 'csv', language }))}>
              <Text size="sm">{t('exports.csv')}</Text>
            </Menu.Item>
            <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => exportWith((query) => api.exports.list({ list, query, columns, format: 'xlsx', language }))}>
              <Text size="sm">{t('exports.xlsx')}</Text>
            </Menu.Item>
          </ExportJobMenu>
          {list === 'contacts' ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconAddressBook size={15} />}
              title={t('selection.vcardHint')}
              aria-busy={state.running}
              onClick={() => exportWith((query) => api.exports.vcard({ query, language }))}
            >
              {t('selection.vcard')}
            </Button>
          ) : null}
          <Button size="xs" variant="subtle" leftSection={<IconX size={15} />} onClick={() => selection.clear({ focus: true })}>
            {t('selection.clear')}
          </Button>
        </div>
      ) : null}
      {pair
        ? mergeDialog(
            pair,
            () => setPair(null),
            () => selection.clear({ focus: true }),
          )
        : null}
    </>
  );
}
