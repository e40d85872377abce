import { fireEvent, screen } from '@testing-library/react';
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
});
