import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ListPane } from '../../renderer/src/components/ListPane';
import { renderPlain } from './render';

describe('the count above a list', () => {
  const pane = (
    <ListPane id="people-title" title="People" count={12345} countKey="contacts.count" filters={null}>
      <div />
    </ListPane>
  );

  it('groups thousands as English writes them', () => {
    renderPlain(pane);
    expect(screen.getByText('12,345 people')).toBeInTheDocument();
  });

  it('groups thousands as German writes them', async () => {
    await i18next.changeLanguage('de');
    render(<MantineProvider>{pane}</MantineProvider>);
    expect(screen.getByText('12.345 Personen')).toBeInTheDocument();
  });
});
