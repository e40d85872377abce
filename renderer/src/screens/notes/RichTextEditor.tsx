import { ActionIcon, Button, Group, Modal, Text, TextInput, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBlockquote,
  IconBold,
  IconColumnInsertRight,
  IconColumnRemove,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconRowInsertBottom,
  IconRowRemove,
  IconSeparatorHorizontal,
  IconTableMinus,
  IconTablePlus,
} from '@tabler/icons-react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RichDoc } from '../../../../shared/schemas/richtext';
import { noteExtensions } from './extensions';
import { linkFromInput, normaliseDoc } from './normalise';
import './notes.css';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** Shortcut text for tooltips, in the words printed on the keys ("Ctrl+Alt+1", German "Strg+Alt+1", "⌘⌥1"). */
export function keysLabel(t: TFunction, keys: string[]): string {
  if (isMac) return keys.map((k) => ({ Mod: '⌘', Alt: '⌥', Shift: '⇧' })[k] ?? k).join('');
  return keys.map((k) => (k === 'Mod' ? t('notes.keys.ctrl') : k === 'Shift' ? t('notes.keys.shift') : k)).join('+');
}

/** The same shortcut as aria-keyshortcuts spells it. */
export const ariaKeys = (keys: string[]) => keys.map((k) => (k === 'Mod' ? (isMac ? 'Meta' : 'Control') : k)).join('+');

interface Props {
  /** The text when editing began; later changes to it are ignored (the editor owns the text). */
  initial: RichDoc;
  label: string;
  /** Receives the editor once it exists, for reading its JSON on save. */
  onEditor?: (editor: Editor | null) => void;
  onDirtyChange?: (dirty: boolean) => void;
  error?: string | null;
}

/**
 * The WYSIWYG body of a note: Tiptap restricted to the stored format, with a toolbar (one tab stop,
 * arrow keys inside, Alt+F10 to reach it from the text, Esc back), the usual shortcuts and a small
 * link dialog that only accepts http(s) and mailto addresses.
 */
export function RichTextEditor({ initial, label, onEditor, onDirtyChange, error }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const errorId = useId();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [content] = useState(initial);
  const extensions = useMemo(noteExtensions, []);
  // Handlers read through refs: the editor registers its props once, these change per render.
  const actions = useRef({ openLink: () => setLinkOpen(true), focusToolbar: () => focusToolbar(toolbarRef.current) });
  const dirtyRef = useRef(onDirtyChange);
  useEffect(() => {
    dirtyRef.current = onDirtyChange;
  }, [onDirtyChange]);
  const baseline = useRef<{ doc: Editor['state']['doc']; json: string } | null>(null);

  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-describedby': error ? `${hintId} ${errorId}` : hintId,
        ...(error ? { 'aria-invalid': 'true' } : {}),
        class: 'rt note-editor-content',
        spellcheck: 'true',
      },
      // Keep the caret clear of the sticky bar and toolbar when the editor scrolls it into view.
      scrollMargin: { top: 110, bottom: 32, left: 0, right: 0 },
      scrollThreshold: { top: 110, bottom: 32, left: 0, right: 0 },
      handleKeyDown: (_view: unknown, event: globalThis.KeyboardEvent) => {
        const mod = isMac ? event.metaKey : event.ctrlKey;
        if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          actions.current.openLink();
          return true;
        }
        if (event.altKey && event.key === 'F10') {
          event.preventDefault();
          actions.current.focusToolbar();
          return true;
        }
        return false;
      },
    }),
    [label, hintId, errorId, error],
  );

  const editor = useEditor({
    extensions,
    content,
    // Tiptap's default <style> element would break the Content-Security-Policy; notes.css has its rules.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps,
    onCreate: ({ editor: e }) => {
      baseline.current = { doc: e.state.doc, json: JSON.stringify(normaliseDoc(e.getJSON())) };
    },
    onUpdate: ({ editor: e }) => {
      const base = baseline.current;
      // Cheap structural check first; the normalised comparison catches edits that were undone
      // and the empty paragraph the editor keeps after a final list or table.
      const dirty = !!base && !e.state.doc.eq(base.doc) && JSON.stringify(normaliseDoc(e.getJSON())) !== base.json;
      dirtyRef.current?.(dirty);
    },
  });

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <div className="note-editor" data-invalid={error ? true : undefined}>
      <Toolbar editor={editor} toolbarRef={toolbarRef} onLink={() => setLinkOpen(true)} />
      <EditorContent editor={editor} />
      <Text id={hintId} size="xs" c="dimmed" className="note-editor-hint">
        {t('notes.editor.hint')}
      </Text>
      {error ? (
        <Text id={errorId} size="sm" c="red" px="sm" pb="xs" role="alert">
          {error}
        </Text>
      ) : null}
      <LinkDialog editor={editor} opened={linkOpen} onClose={() => setLinkOpen(false)} />
    </div>
  );
}

function focusToolbar(toolbar: HTMLElement | null) {
  const target = toolbar?.querySelector<HTMLElement>('button[tabindex="0"]') ?? toolbar?.querySelector<HTMLElement>('button:not(:disabled)');
  target?.focus();
}

interface Tool {
  id: string;
  label: string;
  icon: ReactNode;
  keys?: string[];
  run: () => void;
  /** For toggles: whether the format is on at the cursor (announced as a pressed button). */
  active?: boolean;
  disabled?: boolean;
}

function Toolbar({ editor, toolbarRef, onLink }: { editor: Editor; toolbarRef: RefObject<HTMLDivElement | null>; onLink: () => void }) {
  const { t } = useTranslation();
  const [focusId, setFocusId] = useState('h1');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  const groups: Tool[][] = [
    [
      { id: 'h1', label: t('notes.editor.heading1'), icon: <IconH1 size={18} />, keys: ['Mod', 'Alt', '1'], active: state.h1, run: () => chain().toggleHeading({ level: 1 }).run() },
      { id: 'h2', label: t('notes.editor.heading2'), icon: <IconH2 size={18} />, keys: ['Mod', 'Alt', '2'], active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { id: 'h3', label: t('notes.editor.heading3'), icon: <IconH3 size={18} />, keys: ['Mod', 'Alt', '3'], active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { id: 'bold', label: t('notes.editor.bold'), icon: <IconBold size={18} />, keys: ['Mod', 'B'], active: state.bold, run: () => chain().toggleBold().run() },
      { id: 'italic', label: t('notes.editor.italic'), icon: <IconItalic size={18} />, keys: ['Mod', 'I'], active: state.italic, run: () => chain().toggleItalic().run() },
      { id: 'link', label: t('notes.editor.link'), icon: <IconLink size={18} />, keys: ['Mod', 'K'], active: state.link, run: onLink },
    ],
    [
      { id: 'bulletList', label: t('notes.editor.bulletList'), icon: <IconList size={18} />, keys: ['Mod', 'Shift', '8'], active: state.bulletList, run: () => chain().toggleBulletList().run() },
      { id: 'orderedList', label: t('notes.editor.orderedList'), icon: <IconListNumbers size={18} />, keys: ['Mod', 'Shift', '7'], active: state.orderedList, run: () => chain().toggleOrderedList().run() },
      { id: 'blockquote', label: t('notes.editor.blockquote'), icon: <IconBlockquote size={18} />, keys: ['Mod', 'Shift', 'B'], active: state.blockquote, run: () => chain().toggleBlockquote().run() },
      { id: 'hr', label: t('notes.editor.horizontalRule'), icon: <IconSeparatorHorizontal size={18} />, run: () => chain().setHorizontalRule().run() },
    ],
    [
      { id: 'insertTable', label: t('notes.editor.insertTable'), icon: <IconTablePlus size={18} />, disabled: state.inTable, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
      { id: 'addRow', label: t('notes.editor.addRow'), icon: <IconRowInsertBottom size={18} />, disabled: !state.inTable, run: () => chain().addRowAfter().run() },
      { id: 'addColumn', label: t('notes.editor.addColumn'), icon: <IconColumnInsertRight size={18} />, disabled: !state.inTable, run: () => chain().addColumnAfter().run() },
      { id: 'deleteRow', label: t('notes.editor.deleteRow'), icon: <IconRowRemove size={18} />, disabled: !state.inTable, run: () => chain().deleteRow().run() },
      { id: 'deleteColumn', label: t('notes.editor.deleteColumn'), icon: <IconColumnRemove size={18} />, disabled: !state.inTable, run: () => chain().deleteColumn().run() },
      { id: 'deleteTable', label: t('notes.editor.deleteTable'), icon: <IconTableMinus size={18} />, disabled: !state.inTable, run: () => chain().deleteTable().run() },
    ],
    [
      { id: 'undo', label: t('notes.editor.undo'), icon: <IconArrowBackUp size={18} />, keys: ['Mod', 'Z'], disabled: !state.canUndo, run: () => chain().undo().run() },
      { id: 'redo', label: t('notes.editor.redo'), icon: <IconArrowForwardUp size={18} />, keys: ['Mod', 'Shift', 'Z'], disabled: !state.canRedo, run: () => chain().redo().run() },
    ],
  ];
  const enabled = groups.flat().filter((tool) => !tool.disabled);
  // The toolbar is one tab stop; when the remembered button becomes disabled, the first one takes over.
  const current = enabled.some((tool) => tool.id === focusId) ? focusId : enabled[0]?.id;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = enabled.findIndex((tool) => tool.id === current);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: enabled.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      const next = enabled[(moves[e.key]! + enabled.length) % enabled.length];
      if (!next) return;
      setFocusId(next.id);
      toolbarRef.current?.querySelector<HTMLElement>(`[data-tool="${next.id}"]`)?.focus();
    }
  };
  // In the capture phase: an open tooltip would otherwise swallow the first Escape to close itself.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    editor.commands.focus();
  };

  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('notes.editor.toolbar')} ref={toolbarRef} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture}>
      {groups.map((group, g) => (
        <Group key={g} gap={2} wrap="nowrap">
          {g > 0 ? <span className="note-toolbar-sep" aria-hidden /> : null}
          {group.map((tool) => (
            <Tooltip key={tool.id} label={tool.keys ? `${tool.label} (${keysLabel(t, tool.keys)})` : tool.label} openDelay={350} events={{ hover: true, focus: true, touch: false }}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="md"
                data-tool={tool.id}
                aria-label={tool.label}
                aria-pressed={tool.active === undefined ? undefined : tool.active}
                aria-keyshortcuts={tool.keys ? ariaKeys(tool.keys) : undefined}
                disabled={tool.disabled}
                tabIndex={tool.id === current ? 0 : -1}
                onFocus={() => setFocusId(tool.id)}
                // Keep the text's selection: a click on a button must not move the caret first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={tool.run}
              >
                {tool.icon}
              </ActionIcon>
            </Tooltip>
          ))}
        </Group>
      ))}
    </div>
  );
}

function LinkDialog({ editor, opened, onClose }: { editor: Editor; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const existing = opened ? (editor.getAttributes('link').href as string | undefined) : undefined;

  useEffect(() => {
    if (!opened) return;
    setValue((editor.getAttributes('link').href as string | undefined) ?? '');
    setInvalid(false);
  }, [opened, editor]);

  const close = () => {
    onClose();
    // Back to the text where the selection still is.
    requestAnimationFrame(() => editor.commands.focus());
  };

  const apply = () => {
    const href = linkFromInput(value);
    if (!href) {
      setInvalid(true);
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href.replace(/^mailto:/i, ''), marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    close();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('notes.link.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }} returnFocus={false}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // React passes events up through the portal: the note's own form must not submit too.
          e.stopPropagation();
          apply();
        }}
      >
        <TextInput
          label={t('notes.link.url')}
          description={t('notes.link.hint')}
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setInvalid(false);
          }}
          error={invalid ? t('notes.link.invalid') : undefined}
          data-autofocus
          type="text"
          inputMode="url"
          autoComplete="off"
        />
        <Group justify="space-between" mt="md">
          {existing ? (
            <Button variant="subtle" color="red" onClick={remove}>
              {t('notes.link.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('notes.link.apply')}</Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
