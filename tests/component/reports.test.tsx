/**
 * Why this file exists: issue 13, part 7 — "Portfolio report (PDF)" on the Cooperations list sends
 * the list's current filter with the language and classification chosen in its dialog, and the job
 * it starts (against the real backend on a temp folder) delivers a PDF of exactly the filtered
 * cooperations, read back with poppler.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CooperationsScreen } from '../../renderer/src/screens/cooperations/CooperationsScreen';
import { jobFile } from '../unit/helpers/jobs';
import { pdftotext, savePdf } from '../unit/helpers/poppler';
import { openTestBackend, tempDir } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

describe('Portfolio report (PDF) on the Cooperations list', () => {
  it('exports the cooperations as filtered, in the language and classification chosen', async () => {
    const b = await openTestBackend();
    const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE' });
    const nairobi = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE' });
    await b.call('cooperations.create', { title: 'Coastal adaptation in West Africa', institutes: [ioer.id], partners: [nairobi.id], status: 'running' });
    await b.call('cooperations.create', { title: 'Mangrove monitoring', institutes: [ioer.id], partners: [nairobi.id], status: 'applied' });
    const started: Array<{ input: unknown; jobId: string }> = [];
    const dispatch = b.dispatch.bind(b);
    // The window's calls pass through here, so the test sees what the screen sent.
    Object.assign(b, {
      dispatch: (async (name: string, input: unknown) => {
        const out = await dispatch(name as never, input as never);
        if (name === 'exports.portfolioReport' && out.ok) started.push({ input, jobId: (out.data as { jobId: string }).jobId });
        return out;
      }) as typeof b.dispatch,
    });
    renderWithBackend(b, <Routes><Route path="/cooperations/*" element={<CooperationsScreen />} /></Routes>, { path: '/cooperations' });
    const grid = await screen.findByRole('grid', { name: 'Cooperation list' });
    await within(grid).findByText('Mangrove monitoring');

    const box = await screen.findByRole('combobox', { name: 'Status' });
    fireEvent.focus(box);
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    await waitFor(() => expect(box).toHaveAttribute('aria-expanded', 'true'));
    fireEvent.click(await within(document.getElementById(box.getAttribute('aria-controls')!)!).findByRole('option', { name: 'Applied', hidden: true }));
    await waitFor(() => expect(within(grid).queryByText('Coastal adaptation in West Africa')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /Portfolio report \(PDF\)/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the portfolio report' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Deutsch' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Confidential' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export PDF' }));

    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]!.input).toMatchObject({ language: 'de', classification: 'confidential', query: { statuses: ['applied'] } });
    const text = pdftotext(savePdf(await tempDir(), (await jobFile(b, started[0]!.jobId)).bytes));
    expect(text).toContain('Kooperationsportfolio');
    expect(text).toContain('VERTRAULICH');
    expect(text).toContain('Mangrove monitoring');
    expect(text).not.toContain('Coastal adaptation in West Africa');
  }, 120_000);
});
