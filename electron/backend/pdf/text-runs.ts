import bidiFactory from 'bidi-js';
import LineBreaker from 'linebreak';
import { fallbackBuffer, fallbackKey, fallbackWeight, fontKey, parsedFont, type Fallback, type FontFace } from './fonts';
import { exactToUnicode, fontkitOf, withActualText, withFont } from './text-layer';

/**
 * Text in any script, set with pdfkit. Noto Sans prints Latin, Greek, Cyrillic and Devanagari;
 * anything it has no glyph for falls back, run by run, to the Noto family of its script (Chinese,
 * Japanese, Korean, Arabic), loaded only when a document has such text. This module does what pdfkit's
 * own line wrapper cannot do across fonts and directions:
 *
 * - splits text into runs by face, font and bidi level (the Unicode bidi algorithm from bidi-js,
 *   paragraphs left to right like the document), shaping each run whole with fontkit (joined Arabic,
 *   Devanagari conjuncts and vowel signs);
 * - breaks lines where Unicode allows (UAX #14 via linebreak: between CJK characters too), then orders
 *   each line's runs for display (right-to-left runs reversed, mirrored brackets);
 * - keeps the text layer exact. Where shaped glyphs cannot map back to the typed text one by one
 *   (Devanagari vowel signs drawn before their consonant, a Vietnamese "ị" drawn as "i" plus a dot)
 *   each word carries an ActualText span with the text as typed, placed inside the text object
 *   where poppler puts it in the right place. Arabic glyphs (dotless forms plus dots, shared between
 *   letters) get a ToUnicode entry per use instead (`exactToUnicode`): readers put right-to-left
 *   glyphs back into logical order themselves, and poppler would read an ActualText there backwards.
 *   Finally every font's ToUnicode entry for a glyph the cmap maps is the code point the cmap maps
 *   to it, so a glyph first seen inside a shaped word ("i" from "ị") reads back as itself elsewhere.
 *
 * Plain Latin, Greek and Cyrillic text never comes here (see `isSimple`): pdfkit sets it as before.
 */

type Doc = PDFKit.PDFDocument;

// ——— characters ———

const bidi = bidiFactory();
const rtlChars = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** Letters fontkit shapes right to left (it reverses such runs into display order itself). */
const rtlScript = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;
const neutral = /^[\p{Z}\p{P}\p{S}\p{N}\p{M}\p{Cf}]$/u;
const mark = /^[\p{M}]$/u;
const space = /^\s$/u;
const kana = /[\p{sc=Hiragana}\p{sc=Katakana}]/u;
const hangul = /\p{sc=Hangul}/u;
const cjk = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\u2E80-\u2FFF\u3000-\u303F\u3200-\u33FF\uFE30-\uFE4F\uFF00-\uFFEF]$/u;

/** The fallback a character belongs to by its script (before asking fonts), or null. */
function scriptFamily(ch: string, cjkFamily: Fallback): Fallback | null {
  if (/^\p{scx=Arabic}$/u.test(ch)) return 'arabic';
  if (cjk.test(ch) || (ch.codePointAt(0)! >= 0x20000 && ch.codePointAt(0)! <= 0x3ffff)) return cjkFamily;
  return null;
}

const chainOf: Record<Fallback, Fallback[]> = {
  sc: ['sc', 'jp', 'kr'],
  jp: ['jp', 'sc', 'kr'],
  kr: ['kr', 'sc', 'jp'],
  arabic: ['arabic'],
};

/** Per process: whether a font (by key) has a glyph for a code point. */
const coverage = new Map<string, Map<number, boolean>>();
/** Per process: whether Noto Sans sets a code point as its own glyph (no decomposition, not a mark). */
const simpleChars = new Map<number, boolean>();

export type Family = 'main' | Fallback;

export interface Span {
  text: string;
  face: FontFace;
}

export interface SetOptions {
  size: number;
  width: number;
  lineGap: number;
  align?: 'left' | 'right' | 'center' | 'justify';
}

interface Chunk {
  /** As typed (logical order). */
  text: string;
  /** As handed to pdfkit: right-to-left runs fontkit does not reverse itself come reversed. */
  draw: string;
  key: string;
  width: number;
  level: number;
  /** Carries an ActualText span with `text`. */
  actual: boolean;
}

export interface SetLine {
  chunks: Chunk[];
  width: number;
  face: FontFace;
}

interface Item {
  face: FontFace;
  family: Family;
  level: number;
}

/** One typesetter per document: it registers fallback fonts in it as they are first needed. */
export class Typesetter {
  private readonly registered = new Set<string>();
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: Doc) {}

  /** True when pdfkit alone sets this text right: every character a plain Noto Sans glyph, left to right. */
  isSimple(text: string): boolean {
    // By code unit: most text is ASCII, and iterating a string by character makes a string of each.
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) < 0x7f) continue;
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const ch = String.fromCodePoint(cp);
      let simple = simpleChars.get(cp);
      if (simple === undefined) {
        const font = fontkitOf(this.doc, fontKey.regular);
        simple = !rtlChars.test(ch) && !mark.test(ch) && font.hasGlyphForCodePoint(cp) && (() => {
          const glyphs = font.layout(ch).glyphs;
          return glyphs.length === 1 && glyphs[0]!.id === font.glyphForCodePoint(cp).id;
        })();
        simpleChars.set(cp, simple);
      }
      if (!simple) return false;
    }
    return true;
  }

  private keyOf(family: Family, face: FontFace): string {
    if (family === 'main') return fontKey[face];
    const weight = fallbackWeight(family, face);
    const key = fallbackKey(family, weight);
    if (!this.registered.has(key)) {
      this.doc.registerFont(key, parsedFont(key, () => fallbackBuffer(family, weight)) as unknown as Buffer);
      this.registered.add(key);
      if (family === 'arabic') withFont(this.doc, key, exactToUnicode);
    }
    return key;
  }

  private covers(family: Family, cp: number): boolean {
    const key = this.keyOf(family, 'regular');
    let map = coverage.get(key);
    if (!map) coverage.set(key, (map = new Map()));
    let has = map.get(cp);
    if (has === undefined) map.set(cp, (has = fontkitOf(this.doc, key).hasGlyphForCodePoint(cp)));
    return has;
  }

  /** Width of text in a font at a size (fontkit shapes it as one run, as drawn). */
  private measure(key: string, text: string, size: number): number {
    const id = `${key}\u0000${text}`;
    let w = this.widths.get(id);
    if (w === undefined) {
      w = withFont(this.doc, key, () => this.doc.fontSize(1000).widthOfString(text, { features: [] } as unknown as PDFKit.Mixins.TextOptions));
      this.widths.set(id, w);
    }
    return (w * size) / 1000;
  }

  /** The font family for each code unit: Noto Sans where it has the glyph, else the script's fallback. */
  private families(text: string, chars: Array<{ ch: string; at: number }>): Family[] {
    const cjkFamily: Fallback = kana.test(text) ? 'jp' : hangul.test(text) ? 'kr' : 'sc';
    const fam: Family[] = chars.map(({ ch }) => {
      const cp = ch.codePointAt(0)!;
      if (this.covers('main', cp)) return 'main';
      const family = scriptFamily(ch, cjkFamily);
      if (!family) return 'main';
      return chainOf[family].find((f) => this.covers(f, cp)) ?? 'main';
    });
    // Neutral characters between two of a fallback's characters (the space in an Arabic name, CJK
    // punctuation) and marks after one stay in that font when it has them, so the run is shaped whole.
    for (let i = 0; i < chars.length; i++) {
      if (fam[i] !== 'main' || !neutral.test(chars[i]!.ch)) continue;
      const cp = chars[i]!.ch.codePointAt(0)!;
      let before: Family | undefined;
      for (let j = i - 1; j >= 0; j--) if (!neutral.test(chars[j]!.ch) || fam[j] !== 'main') { before = fam[j]; break; }
      if (!before || before === 'main') continue;
      if (mark.test(chars[i]!.ch)) {
        if (this.covers(before, cp)) fam[i] = before;
        continue;
      }
      let after: Family | undefined;
      for (let j = i + 1; j < chars.length; j++) if (!neutral.test(chars[j]!.ch)) { after = fam[j]; break; }
      if (after === before && this.covers(before, cp)) fam[i] = before;
    }
    const out: Family[] = new Array<Family>(text.length);
    chars.forEach(({ ch, at }, i) => {
      for (let k = 0; k < ch.length; k++) out[at + k] = fam[i]!;
    });
    return out;
  }

  /** Lays out rich text (one paragraph, no line breaks in it) into lines of display-ordered chunks. */
  layout(spans: Span[], opts: SetOptions): SetLine[] {
    const parts = spans.map((s) => ({ text: s.text.normalize('NFC'), face: s.face }));
    const text = parts.map((p) => p.text).join('');
    const faceAt: FontFace[] = [];
    for (const p of parts) for (let k = 0; k < p.text.length; k++) faceAt.push(p.face);
    const lineFace = faceAt[0] ?? spans[0]?.face ?? 'regular';
    if (!text) return [{ chunks: [], width: 0, face: lineFace }];
    const chars: Array<{ ch: string; at: number }> = [];
    {
      let at = 0;
      for (const ch of text) {
        chars.push({ ch, at });
        at += ch.length;
      }
    }
    const familyAt = this.families(text, chars);
    const levels = rtlChars.test(text) ? bidi.getEmbeddingLevels(text, 'ltr').levels : new Uint8Array(text.length);
    const items: Item[] = [];
    const itemAt: number[] = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) {
      const prev = items[items.length - 1];
      if (!prev || i === 0 || prev.face !== faceAt[i] || prev.family !== familyAt[i] || prev.level !== levels[i]) {
        items.push({ face: faceAt[i]!, family: familyAt[i]!, level: levels[i]! });
      }
      itemAt[i] = items.length - 1;
    }
    /** Width of text[a, b), split at its item boundaries. */
    const widthOf = (a: number, b: number) => {
      let w = 0;
      let s = a;
      for (let i = a + 1; i <= b; i++) {
        if (i === b || itemAt[i] !== itemAt[s]) {
          const item = items[itemAt[s]!]!;
          w += this.measure(this.keyOf(item.family, item.face), text.slice(s, i), opts.size);
          s = i;
        }
      }
      return w;
    };
    const trimEnd = (a: number, b: number) => {
      while (b > a && space.test(text[b - 1]!)) b--;
      return b;
    };

    // Greedy line filling at the break opportunities; a word wider than a line breaks between graphemes.
    const ranges: Array<[number, number]> = [];
    let lineStart = 0;
    let lineWidth = 0;
    const breaker = new LineBreaker(text);
    let last = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const start = last;
      const end = bk.position;
      last = end;
      const full = widthOf(start, end);
      const trimmed = widthOf(start, trimEnd(start, end));
      if (lineWidth + trimmed > opts.width && start > lineStart) {
        ranges.push([lineStart, start]);
        lineStart = start;
        lineWidth = 0;
      }
      if (trimmed > opts.width) {
        const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
        let at = start;
        for (const g of segmenter.segment(text.slice(start, trimEnd(start, end)))) {
          const gs = start + g.index;
          const gw = widthOf(gs, gs + g.segment.length);
          if (lineWidth + gw > opts.width && gs > lineStart) {
            ranges.push([lineStart, gs]);
            lineStart = gs;
            lineWidth = 0;
          }
          lineWidth += gw;
          at = gs + g.segment.length;
        }
        lineWidth += widthOf(at, end);
        continue;
      }
      lineWidth += full;
    }
    ranges.push([lineStart, text.length]);

    return ranges.map(([s, e]) => {
      const end = trimEnd(s, e);
      const chunks: Chunk[] = [];
      const push = (a: number, b: number, word: boolean) => {
        if (a >= b) return;
        const item = items[itemAt[a]!]!;
        const key = this.keyOf(item.family, item.face);
        const logical = text.slice(a, b);
        // Right-to-left glyphs read back through their exact ToUnicode entries, in the display order
        // readers expect (an ActualText there is read in the wrong direction by poppler).
        const actual = word && item.level % 2 === 0 && (item.family !== 'main' || !this.isSimple(logical));
        let draw = logical;
        if (item.level % 2 === 1) {
          const mirrored = Array.from(logical, (ch) => bidi.getMirroredCharacter(ch) ?? ch);
          draw = rtlScript.test(logical) ? mirrored.join('') : mirrored.reverse().join('');
        }
        chunks.push({ text: logical, draw, key, width: this.measure(key, logical, opts.size), level: item.level, actual });
      };
      for (let a = s; a < end; ) {
        let b = a + 1;
        while (b < end && itemAt[b] === itemAt[a]) b++;
        const item = items[itemAt[a]!]!;
        const piece = text.slice(a, b);
        const rtl = item.level % 2 === 1;
        const perWord = rtl || item.family === 'arabic' || (item.family === 'main' && !this.isSimple(piece));
        if (!perWord) push(a, b, false);
        else {
          // Words (right-to-left: runs of right-to-left letters) get their own ActualText span.
          const inWord = (i: number) => (rtl ? /^(R|AL|NSM)$/.test(bidi.getBidiCharTypeName(text[i]!)) : !space.test(text[i]!));
          let w = a;
          for (let i = a + 1; i <= b; i++) {
            if (i === b || inWord(i) !== inWord(w)) {
              push(w, i, inWord(w));
              w = i;
            }
          }
        }
        a = b;
      }
      // Display order (rule L2 of the bidi algorithm): from the highest level down to the lowest odd
      // level, reverse every sequence of chunks at that level or higher.
      const max = Math.max(0, ...chunks.map((c) => c.level));
      const minOdd = Math.min(...chunks.map((c) => c.level).filter((l) => l % 2 === 1), Infinity);
      for (let level = max; level >= minOdd && level > 0; level--) {
        for (let i = 0; i < chunks.length; ) {
          if (chunks[i]!.level < level) {
            i++;
            continue;
          }
          let j = i;
          while (j < chunks.length && chunks[j]!.level >= level) j++;
          chunks.splice(i, j - i, ...chunks.slice(i, j).reverse());
          i = j;
        }
      }
      return { chunks, width: chunks.reduce((sum, c) => sum + c.width, 0), face: faceAt[s] ?? lineFace };
    });
  }

  /** Height of laid-out lines, as pdfkit measures text: each line its height plus the line gap. */
  height(lines: SetLine[], opts: SetOptions): number {
    return lines.reduce((h, line) => h + this.lineHeight(line.face, opts.size) + opts.lineGap, 0);
  }

  private lineHeight(face: FontFace, size: number): number {
    return withFont(this.doc, fontKey[face], () => this.doc.fontSize(size).currentLineHeight(true));
  }

  /**
   * Draws laid-out lines from (x, y) within width, all on Noto Sans's baseline and line height (a
   * fallback font never makes a line taller), and returns the y below the last line.
   */
  draw(lines: SetLine[], x: number, y: number, opts: SetOptions & { color: string; goTo?: string; destination?: string }): number {
    const doc = this.doc;
    let top = y;
    for (const line of lines) {
      const height = this.lineHeight(line.face, opts.size);
      const ascender = (this.ascender() * opts.size) / 1000;
      let cx = x + (opts.align === 'right' ? opts.width - line.width : opts.align === 'center' ? (opts.width - line.width) / 2 : 0);
      if (opts.destination && line === lines[0]) doc.addNamedDestination(opts.destination, 'XYZ', cx, top, null);
      if (opts.goTo) doc.goTo(cx, top, line.width, height, opts.goTo);
      for (const chunk of line.chunks) {
        doc.font(chunk.key).fontSize(opts.size).fillColor(opts.color);
        const draw = () => doc.text(chunk.draw, cx, top, { lineBreak: false, baseline: -ascender, features: [] } as unknown as PDFKit.Mixins.TextOptions);
        if (chunk.actual) withActualText(doc, chunk.text, draw);
        else draw();
        cx += chunk.width;
      }
      top += height + opts.lineGap;
    }
    doc.x = x;
    doc.y = top;
    return top;
  }

  /** One line, cut with an ellipsis where it would be wider than width. */
  fitLine(spans: Span[], opts: SetOptions): SetLine {
    const wide = { ...opts, width: Infinity };
    let line = this.layout(spans, wide)[0]!;
    if (line.width <= opts.width) return line;
    const face = spans[0]?.face ?? 'regular';
    const graphemes = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(spans.map((s) => s.text).join('')), (g) => g.segment);
    while (graphemes.length > 1) {
      graphemes.pop();
      line = this.layout([{ text: `${graphemes.join('').trimEnd()}…`, face }], wide)[0]!;
      if (line.width <= opts.width) break;
    }
    return line;
  }

  /** Noto Sans's ascender in thousandths of an em: the baseline every line sits on. */
  private ascender(): number {
    return withFont(this.doc, fontKey.regular, (f) => f.ascender);
  }
}
