import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from '../../renderer/src/components/DataTable';
import { renderPlain } from './render';

interface Row {
  id: string;
  name: string;
}

const rows: Row[] = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, name: `Row ${i}` }));
const columns: Array<Column<Row, 'name'>> = [{ id: 'name', header: 'Name', cell: (row) => row.name, sortKey: 'name' }];

describe('DataTable', () => {
  // happy-dom does no layout; give the scroll area a size so the virtualiser renders rows.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(360);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  });

  it('moves the active row with the arrow keys and opens it with Enter', async () => {
    const onActivate = vi.fn();
    renderPlain(<DataTable<Row, 'name'> rowCount={rows.length} rowAt={(i) => rows[i]} columns={columns} getRowId={(r) => r.id} label="People" onActivate={onActivate} />);
    const grid = screen.getByRole('grid', { name: 'People' });
    expect(grid).toHaveAttribute('aria-rowcount', '31');
    await screen.findByText('Row 2');
    // Virtualised: only the rows in view (plus overscan) exist in the document.
    expect(screen.getAllByRole('row').length).toBeLessThan(31);
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const active = grid.getAttribute('aria-activedescendant')!;
    expect(document.getElementById(active)).toHaveTextContent('Row 2');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledWith(rows[2]);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'Home' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onActivate).toHaveBeenLastCalledWith(rows[0]);
  });

  it('announces the sort order and asks the caller to sort', () => {
    const onSortChange = vi.fn();
    renderPlain(
      <DataTable<Row, 'name'>
        rowCount={rows.length}
        rowAt={(i) => rows[i]}
        columns={columns}
        getRowId={(r) => r.id}
        label="People"
        onActivate={() => undefined}
        sort={{ key: 'name', direction: 'asc' }}
        onSortChange={onSortChange}
      />,
    );
    const header = screen.getByRole('columnheader', { name: /Name/ });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(onSortChange).toHaveBeenCalledWith({ key: 'name', direction: 'desc' });
  });

  it('shows its empty message when there are no rows', () => {
    renderPlain(<DataTable<Row, 'name'> rowCount={0} rowAt={() => undefined} columns={columns} getRowId={(r) => r.id} label="People" onActivate={() => undefined} empty="Nothing here" />);
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });

  it('renders a row again only when its own props change; a click reaches the latest onActivate', () => {
    const cell = vi.fn((row: Row) => row.name);
    const counted: Array<Column<Row, 'name'>> = [{ id: 'name', header: 'Name', cell }];
    const first = vi.fn();
    const second = vi.fn();
    const rowId = (r: Row) => r.id;
    // renderPlain wraps in a MantineProvider; a rerender must keep it, or everything remounts.
    const table = (onActivate: (row: Row) => void, selectedId: string | null) => (
      <MantineProvider>
        <DataTable<Row, 'name'> rowCount={rows.length} rowAt={(i) => rows[i]} columns={counted} getRowId={rowId} label="People" selectedId={selectedId} onActivate={onActivate} />
      </MantineProvider>
    );
    const { rerender } = render(table(first, null));
    const rendered = cell.mock.calls.length;
    expect(rendered).toBeGreaterThan(0);
    // A new inline onActivate and a new rowAt, as a parent re-render makes: no row renders again.
    rerender(table(second, null));
    expect(cell.mock.calls.length).toBe(rendered);
    // Selecting a row renders that row (selected, then active) and the formerly active one only.
    rerender(table(second, 'r3'));
    expect(new Set(cell.mock.calls.slice(rendered).map(([row]) => row.id))).toEqual(new Set(['r3', 'r0']));
    expect(screen.getByRole('row', { name: 'Row 3' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(screen.getByText('Row 4'));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(rows[4]);
  });

  it('numbers the rows for assistive technology and reports the range to load in blocks of 100 rows', async () => {
    const many: Row[] = Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}`, name: `Many ${i}` }));
    const onRangeChange = vi.fn();
    renderPlain(
      <DataTable<Row, 'name'> rowCount={many.length} rowAt={(i) => many[i]} onRangeChange={onRangeChange} columns={columns} getRowId={(r) => r.id} label="People" onActivate={() => undefined} />,
    );
    await screen.findByText('Many 2');
    const grid = screen.getByRole('grid', { name: 'People' });
    expect(grid).toHaveAttribute('aria-rowcount', '1001');
    const [header, firstRow, secondRow] = screen.getAllByRole('row');
    expect(header).toHaveAttribute('aria-rowindex', '1');
    expect(firstRow).toHaveAttribute('aria-rowindex', '2');
    expect(firstRow).toHaveTextContent('Many 0');
    expect(secondRow).toHaveAttribute('aria-rowindex', '3');
    expect(onRangeChange).toHaveBeenLastCalledWith(0, 99);
    // Scrolled to the end (happy-dom does no layout, so the scroll is set by hand): the last block,
    // clamped to the last row; the rows keep their numbers.
    grid.scrollTop = 36 * 1000 - 360;
    fireEvent.scroll(grid);
    expect(await screen.findByText('Many 999')).toBeInTheDocument();
    expect(onRangeChange).toHaveBeenLastCalledWith(900, 999);
    expect(screen.getByRole('row', { name: 'Many 999' })).toHaveAttribute('aria-rowindex', '1001');
    expect(screen.queryByText('Many 2')).toBeNull();
  });
});
