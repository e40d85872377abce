// The window's half of the first screen (renderer/src/app/firstScreen.ts, api/versions.ts): when a
// screen counts as settled, what its captured markup looks like, and how the answers' data versions
// are told apart. The hand-over end to end, in Chromium against the web host: tests/e2e/first-screen.spec.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { captureScreen, screenAtRest, useListAsOpened } from '../../renderer/src/app/firstScreen';
import { createAnswerVersions, recordingVersions } from '../../renderer/src/api/versions';
import { isSafeFirstScreenMarkup } from '../../shared/features/firstScreen/schema';

const LIST = `
  <main id="main-content">
    <div class="data-table-scroll" role="grid">
      <div role="row" aria-rowindex="1">Name</div>
      <div role="row" aria-rowindex="2" style="grid-template-columns: 1fr 2fr; height: 36px; padding: var(--read-by-inline)"><span class="kept-by-is">Amina Adeyemi</span></div>
    </div>
  </main>`;

function page(html: string) {
  document.body.innerHTML = `<div id="root"><style data-mantine-styles="true">:root{--mantine-color-body:#fff;--unread:1px;--quoted:'Segoe UI';--read-by-inline:var(--read-in-turn);--read-in-turn:2px}.data-table-scroll{overflow:auto;background:var(--mantine-color-body)}.data-table-scroll[data-variant='filled']{color:pink}.data-table-scroll::before{content:'kept-before'}.m_unused{color:red}[data-mantine-color-scheme='dark'] .data-table-scroll{color:white}[data-mantine-color-scheme='light'] .data-table-scroll{color:black}:where([data-mantine-color-scheme='light']) .data-table-scroll:hover{color:grey}:root[data-mantine-color-scheme='light'], :host([data-mantine-color-scheme='light']){--light-only:1}:is(.data-table-scroll, [data-mantine-color-scheme='light']) .kept-by-is{color:blue}@media (min-width: 1px){.m_unused{color:red}}</style>${html}</div>`;
  document.documentElement.setAttribute('data-mantine-color-scheme', 'dark');
  document.documentElement.lang = 'de';
  window.location.hash = '#/contacts';
}

afterEach(() => {
  document.body.innerHTML = '';
  window.location.hash = '';
});

describe('the first screen, in the window', () => {
  it('takes a settled list: rows drawn, at its top, nothing open over it', () => {
    page(LIST);
    expect(screenAtRest()).toBe(true);
  });

  it('does not take a list still loading, scrolled, under a dialog or an open menu, while someone types, or off the app’s routes', () => {
    page(LIST.replace('aria-rowindex="2"', 'aria-rowindex="2" aria-busy="true"'));
    expect(screenAtRest()).toBe(false);
    page(LIST);
    document.querySelector<HTMLElement>('.data-table-scroll')!.scrollTop = 400;
    expect(screenAtRest()).toBe(false);
    page(`${LIST}<div role="dialog">Delete?</div>`);
    expect(screenAtRest()).toBe(false);
    page(`${LIST}<button aria-expanded="true">Country</button>`);
    expect(screenAtRest()).toBe(false);
    page(`${LIST}<input id="typing" value="Ami">`);
    document.getElementById('typing')!.focus();
    expect(screenAtRest()).toBe(false);
    page('<main id="main-content"><h1>Dashboard</h1></main>');
    expect(screenAtRest()).toBe(false);
    page(LIST);
    window.location.hash = '';
    expect(screenAtRest()).toBe(false);
  });

  it('does not take a list shown otherwise than a new page opens it (filtered, sorted, rows selected)', () => {
    page(LIST);
    const { rerender, unmount } = renderHook(({ asOpened }) => useListAsOpened(asOpened), { initialProps: { asOpened: false } });
    expect(screenAtRest()).toBe(false);
    rerender({ asOpened: true });
    expect(screenAtRest()).toBe(true);
    rerender({ asOpened: false });
    expect(screenAtRest()).toBe(false);
    unmount();
    expect(screenAtRest()).toBe(true);
  });

  it('captures the markup with inline styles as data, and the style rules that can match it (:root pointed at the screen)', () => {
    page(LIST);
    const shot = captureScreen(false)!;
    expect(shot).toMatchObject({ route: '#/contacts', scheme: 'dark', followsSystem: false, language: 'de' });
    expect(shot.styles).toContain(`.first-screen-document{--mantine-color-body: #fff; --quoted: 'Segoe UI'; --read-by-inline: var(--read-in-turn); --read-in-turn: 2px;}`);
    expect(shot.styles).toContain('.data-table-scroll');
    expect(shot.styles).not.toContain('m_unused');
    // Custom properties nothing reads go, those read by a rule, an inline style or another property stay.
    expect(shot.styles).not.toContain('--unread');
    // Except a value with a quote in it, which is never cut (the text is not split inside strings).
    expect(shot.styles).toContain("--quoted: 'Segoe UI';");
    // Asked of the window: a variant the list does not have goes; a pseudo-element of an element it has stays.
    expect(shot.styles).not.toContain('filled');
    expect(shot.styles).toContain('kept-before');
    expect(shot.styles).not.toContain(':root');
    // Drawn dark: the light scheme's rules never apply to it, and a group left empty goes too.
    expect(shot.styles).toMatch(/\[data-mantine-color-scheme=["']?dark["']?\] \.data-table-scroll/);
    expect(shot.styles).not.toMatch(/light'?"?\]\)? \.data-table-scroll/);
    expect(shot.styles).not.toContain('--light-only');
    // Where the other scheme is one alternative of an :is(), another can still match: kept.
    expect(shot.styles).toContain('kept-by-is');
    expect(shot.styles).not.toContain('@media');
    expect(shot.html).toContain('data-first-style="grid-template-columns: 1fr 2fr; height: 36px; padding: var(--read-by-inline)"');
    expect(shot.html).not.toMatch(/\sstyle=/);
    expect(shot.html).not.toContain('<style');
    expect(shot.html).toContain('Amina Adeyemi');
    expect(isSafeFirstScreenMarkup(shot.html)).toBe(true);
    // The live page is left as it was.
    expect(document.querySelector('[aria-rowindex="2"]')!.getAttribute('style')).toContain('height: 36px');
  });

  it('tells whether the answers since a mark all name one data version', async () => {
    const versions = createAnswerVersions();
    const replies: unknown[] = [
      { ok: true, data: 1, at: 'v1' },
      { ok: true, data: 2, at: 'v1' },
      { ok: true, data: 3 },
      { ok: true, data: 4, at: 'v2' },
    ];
    const transport = recordingVersions(versions)(async () => replies.shift());
    const start = versions.mark();
    await transport('contacts.list', {});
    await transport('views.list', {});
    expect([...versions.since(start)]).toEqual(['v1']);
    const later = versions.mark();
    await transport('contacts.create', {});
    expect([...versions.since(later)]).toEqual([null]);
    await transport('contacts.list', {});
    expect(versions.since(start).size).toBe(3);
  });
});
