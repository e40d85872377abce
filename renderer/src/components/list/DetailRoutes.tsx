import { Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { Route, Routes } from 'react-router';

/** What the detail pane beside a list shows for `new`, `:id/edit`, `:id`, and with nothing open. */
export function DetailRoutes({ editor: Editor, detail: Detail, hint }: { editor: ComponentType; detail: ComponentType; hint: string }) {
  return (
    <Routes>
      {/* Keyed, so going from editing a record to a new one starts from an empty form. */}
      <Route path="new" element={<Editor key="new" />} />
      <Route path=":id/edit" element={<Editor />} />
      <Route path=":id" element={<Detail />} />
      <Route
        index
        element={
          <div className="placeholder">
            <Text c="dimmed">{hint}</Text>
          </div>
        }
      />
    </Routes>
  );
}
