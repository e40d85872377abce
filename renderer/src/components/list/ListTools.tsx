import { useMemo } from 'react';
import type { ViewList } from '../../../../shared/features/views/schema';
import { isStringArray, usePersistentState } from '../../lib/usePersistentState';
import { ColumnChooser } from '../ColumnChooser';
import type { Column } from '../DataTable';
import { SavedViews } from '../SavedViews';
import { ExportMenu } from '../../screens/exports/ExportMenu';

/** A column the person may hide, unless it is required (the name: a row must say what it is). */
export type ChoosableColumn<R, K extends string> = Column<R, K> & { required?: boolean };

/** Which of a list's columns show; the choice is kept per machine. */
export function useColumnChoice<R, K extends string>(storageKey: string, defaults: string[], all: Array<ChoosableColumn<R, K>>) {
  const [visible, setVisible] = usePersistentState(storageKey, defaults, isStringArray);
  const shown = useMemo(() => all.filter((c) => c.required || visible.includes(c.id)), [all, visible]);
  return { all, visible, setVisible, shown };
}

interface Props {
  list: ViewList;
  state: { current: Record<string, unknown>; restore: (query: Record<string, unknown>) => void };
  columns: { all: Array<{ id: string; header: string; required?: boolean }>; visible: string[]; setVisible: (visible: string[]) => void };
}

/**
 * Saved views, the column chooser and the Export menu: a view stores the columns too, and applying it
 * restores them; an export takes the list as it is shown (its query and shown columns, in order).
 */
export function ListTools({ list, state, columns }: Props) {
  return (
    <>
      <SavedViews
        list={list}
        current={state.current}
        columns={columns.visible}
        onApply={(view) => {
          state.restore(view.query);
          if (view.columns.length) columns.setVisible(view.columns);
        }}
      />
      <ColumnChooser all={columns.all} visible={columns.visible} onChange={columns.setVisible} />
      <ExportMenu list={list} query={state.current} columns={columns.all.filter((c) => c.required || columns.visible.includes(c.id)).map((c) => c.id)} />
    </>
  );
}
