import type { Editor } from '@tiptap/react';
import type { RichDoc } from '../../../../shared/schemas/richtext';
import { RichTextEditor } from '../notes/RichTextEditor';

interface Props {
  initial: RichDoc;
  label: string;
  onEditor: (editor: Editor | null) => void;
  onDirtyChange?: (dirty: boolean) => void;
  error?: string | null;
}

/**
 * The notes' rich-text editor, fitted into a dialog: the notes screen sizes it for a full page (a
 * sticky toolbar under its own bar, 420 px of text); trips.css scopes smaller rules to this wrapper.
 */
export function TalkingPointsEditor(props: Props) {
  return (
    <div className="talking-points-editor">
      <RichTextEditor {...props} />
    </div>
  );
}
