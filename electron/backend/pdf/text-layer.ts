// The PDF text layer below the typesetter: what is needed of pdfkit's and fontkit's insides (fonts made
// current, glyphs and their ToUnicode maps), ActualText spans, and the per-use ToUnicode entries of shaped
// scripts, so text extraction reads every word back as typed (see text-runs.ts for why).

type Doc = PDFKit.PDFDocument;

// ——— what is needed of pdfkit's and fontkit's insides (not in pdfkit's typings) ———

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { id: number };
  layout(text: string): { glyphs: Array<{ id: number }> };
  _cmapProcessor?: { codePointsForGlyph?(gid: number): number[] };
}
interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
export interface EmbeddedFont {
  font?: FontkitFont & { _glyphs?: Record<number, unknown> };
  ascender: number;
  scale: number;
  unicode?: number[][];
  widths?: number[];
  subset?: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(id: number): number };
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  exactToUnicode?: boolean;
}
interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  _fontFamilies?: Record<string, EmbeddedFont>;
  _registeredFonts?: Record<string, unknown>;
}
const internals = (doc: Doc) => doc as unknown as DocInternals;

/** Runs fn with a font current, then restores the document's font and size (callers set their own). */
export function withFont<T>(doc: Doc, key: string, fn: (font: EmbeddedFont) => T): T {
  const d = internals(doc);
  const saved = d._font;
  const savedSize = d._fontSize;
  try {
    doc.font(key);
    return fn(d._font);
  } finally {
    d._font = saved;
    d._fontSize = savedSize;
  }
}

/** The fontkit font behind a registered font. */
export function fontkitOf(doc: Doc, key: string): FontkitFont {
  const font = withFont(doc, key, (f) => f.font);
  if (!font) throw new Error(`Font ${key} is not a TrueType font`);
  return font;
}

/** A PDF text string in UTF-16BE hex (any script, no escaping needed). */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * Draws with an ActualText span around the glyphs, placed inside pdfkit's text object (BT … ET): the
 * graphics state there is the one the glyphs are drawn in, so text extraction puts the text where
 * the glyphs are (outside it, poppler misplaces it by pdfkit's coordinate flip).
 */
export function withActualText(doc: Doc, text: string, draw: () => void) {
  const d = doc as unknown as { addContent(data: string): Doc };
  const original = d.addContent;
  d.addContent = function (this: Doc, data: string) {
    if (data === 'ET') original.call(this, 'EMC');
    original.call(this, data);
    if (data === 'BT') original.call(this, `/Span << /ActualText ${utf16Hex(text)} >> BDC`);
    return this;
  };
  try {
    draw();
  } finally {
    d.addContent = original;
  }
}

/**
 * Gives a font of a shaped script a ToUnicode entry per glyph *use*: its Arabic letters are drawn as
 * a few dotless forms plus dots, so one glyph stands for several letters ("ح", "ج" and "خ" share a
 * form), and pdfkit's map (one text per glyph, from the first use) would read most of them wrongly.
 * Here a glyph drawn for another text gets a copy of its own in the embedded subset. fontkit's glyph
 * objects are shared and keep the code points of their first creation, so the cache is emptied
 * before each run is shaped: the glyphs then carry this run's code points.
 */
export function exactToUnicode(font: EmbeddedFont) {
  const subset = font.subset;
  const fk = font.font;
  if (!subset || !fk || font.exactToUnicode) return;
  font.exactToUnicode = true;
  const gids = new Map<string, number>();
  font.encode = function (this: EmbeddedFont, text: string, features?: unknown): [string[], unknown[]] {
    fk._glyphs = {};
    const { glyphs, positions } = this.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const id = `${glyph.id}:${glyph.codePoints.join(',')}`;
      let gid = gids.get(id);
      if (gid === undefined) {
        if (subset.mapping[glyph.id] === undefined) gid = subset.includeGlyph(glyph.id);
        else {
          subset.glyphs.push(glyph.id);
          gid = subset.glyphs.length - 1;
        }
        gids.set(id, gid);
        this.widths![gid] = glyph.advanceWidth * this.scale;
        this.unicode![gid] = glyph.codePoints;
      }
      return gid.toString(16).padStart(4, '0');
    });
    return [encoded, positions];
  };
}

/**
 * Makes each font's ToUnicode map say, for every glyph the font's cmap maps a character to, that
 * character. pdfkit takes a glyph's text from the first time fontkit produced it, which can be a
 * shaped use ("i" drawn for "ị"); that use reads back through its ActualText, every other use of the
 * glyph must read back as itself. Call once, after all drawing and before the document ends.
 */
export function settleToUnicode(doc: Doc) {
  for (const font of Object.values(internals(doc)._fontFamilies ?? {})) {
    if (font.exactToUnicode) continue;
    const fk = font.font;
    const { unicode, subset } = font;
    const reverse = fk?._cmapProcessor?.codePointsForGlyph?.bind(fk._cmapProcessor);
    if (!fk || !unicode || !subset || !reverse) continue;
    for (let gid = 1; gid < unicode.length; gid++) {
      const cps = unicode[gid];
      const glyph = subset.glyphs[gid];
      if (!cps || cps.length !== 1 || glyph === undefined) continue;
      if (fk.glyphForCodePoint(cps[0]!).id === glyph) continue;
      const own = reverse(glyph);
      if (own.length) unicode[gid] = [own[0]!];
    }
  }
}
