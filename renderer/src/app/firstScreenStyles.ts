/**
 * The style rules a first screen needs, taken when the screen is captured (firstScreen.ts), so that
 * the next page can paint it before the app's style sheet has even arrived: first-screen.js then
 * only parses this text, and the page's stylesheet links come after the screen (renderer-files.ts).
 *
 * Only rules that match something on the screen are kept. A quick look at the classes first: a rule
 * whose every selector needs a class the screen does not have is left out (most of a component
 * library's rules). Every rule left is then asked of the live window itself, the moment the screen
 * is taken: a selector (its pseudo-elements taken off) that matches no element of the app's root
 * and none of the elements above it is left out too — the other colour scheme's rules, and the
 * variants, sizes and states the screen does not show.
 * Where a selector cannot be asked (nested rules, one the engine refuses), the rule is kept. The
 * custom properties no kept rule and no inline style reads, directly or through another, go as
 * well (a theme defines hundreds). The document's :root, html and body rules are pointed at the
 * screen's own root element, which stands in for the document inside the screen's shadow root.
 *
 * A rule is copied as the CSSOM writes it, except where that loses something: a shorthand holding
 * var() with one of its parts set again after it (Mantine's Kbd: `border: calc(… var(--x)) solid;
 * border-bottom-width: …`) comes back as empty longhands. Such a rule is taken from the style
 * sheet's own text instead (`sources`).
 */

/** The class the screen's root element has in first-screen.js: where :root, html and body rules go. */
export const SCREEN_DOCUMENT_CLASS = 'first-screen-document';

const ROOTS_TEXT = ':root\\b|(^|[\\s,>+~(])(html|body)(?=$|[\\s,.:[>+~)#])';
const ROOTS = new RegExp(ROOTS_TEXT);
const ROOTS_ALL = new RegExp(ROOTS_TEXT, 'g');
const CLASS = /\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g;
const OPAQUE = /:(is|where|has|matches|-webkit-any)\(|\\/;

const retarget = (selector: string) => selector.replace(ROOTS_ALL, (_match, before: string | undefined) => `${before ?? ''}.${SCREEN_DOCUMENT_CLASS}`);

/** The selector without its :not(…) parts: a class named only there is not needed for a match. */
function withoutNegations(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith(':not(', i)) {
      let depth = 0;
      for (i += 4; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) break;
      }
    } else out += text[i];
  }
  return out;
}

/** What a rule must match for the screen: its classes, and the live app root it was copied from. */
interface Scope {
  used: ReadonlySet<string>;
  /** The live app root (the copy has no place in the document to be matched in). */
  live: Element;
}

/** The selector list's parts, split at commas outside parentheses and brackets. */
function topLevelParts(selectorText: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selectorText.length; i++) {
    const c = selectorText[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selectorText.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selectorText.slice(start));
  return parts;
}

/** Whether some selector in the list needs only classes in `used` (one it cannot read plainly: yes). */
function mayMatch(selectorText: string, scope: Scope): boolean {
  if (OPAQUE.test(selectorText)) return true;
  // Attribute values may hold dots and commas: out of the way first.
  for (const part of selectorText.replace(/\[[^\]]*\]/g, '[]').split(',')) {
    let all = true;
    for (const m of withoutNegations(part).matchAll(CLASS)) {
      if (!scope.used.has(m[1]!)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** Pseudo-elements, which no element matches: `::before`, `::placeholder`, `::part(x)`, and the four older single-colon ones. */
const PSEUDO_ELEMENT = /::[-\w]+(\([^()]*\))?|:(before|after|first-line|first-letter)(?![-\w])/g;

/**
 * Whether `part` (one selector of a list), its pseudo-elements taken off, matches `live` or an
 * element in or above it. True when the engine cannot say (a selector it refuses): such a rule is kept.
 */
function matchesLive(part: string, live: Element): boolean {
  let selector = part.replace(PSEUDO_ELEMENT, '').trim();
  // A compound left empty ("::placeholder", ".x > ::after") stands for any element.
  if (selector === '' || /[\s>+~]$/.test(selector)) selector += '*';
  try {
    // Asked of the document (not of `live`, whose own query some DOMs match without its ancestors).
    for (const el of live.ownerDocument.querySelectorAll(selector)) if (live.contains(el) || el.contains(live)) return true;
    return false;
  } catch {
    return true;
  }
}

/** Whether the CSSOM writes some declaration of `style` as nothing (a part of a shorthand holding var()). */
function losesDeclarations(style: CSSStyleDeclaration): boolean {
  for (let i = 0; i < style.length; i++) {
    const name = style[i]!;
    if (!name.startsWith('--') && style.getPropertyValue(name) === '') return true;
  }
  return false;
}

/** The declarations of the rule for `selector` as a style sheet's text writes them, or null when it is not there plainly. */
function declarationsInSource(selector: string, sources: readonly string[]): string | null {
  for (const source of sources) {
    for (const opening of [`${selector}{`, `${selector} {`]) {
      const at = source.indexOf(opening);
      if (at < 0) continue;
      const start = at + opening.length;
      let depth = 1;
      let quote = '';
      for (let i = start; i < source.length; i++) {
        const c = source[i];
        if (quote) {
          if (c === '\\') i++;
          else if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) {
          const body = source.slice(start, i);
          return body.includes('{') ? null : body;
        }
      }
    }
  }
  return null;
}

/** Copies `rules` into `out` under `header` ("@media …{"), or nothing when none of them is copied. */
function copyGroup(header: string, rules: CSSRuleList, scope: Scope, sources: readonly string[], out: string[], inRule = false): void {
  const at = out.length;
  out.push(header);
  copyRules(rules, scope, sources, out, inRule);
  if (out.length === at + 1) out.pop();
  else out.push('}');
}

function copyRules(rules: CSSRuleList, scope: Scope, sources: readonly string[], out: string[], inRule = false): void {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      if (!mayMatch(rule.selectorText, scope)) continue;
      // A nested rule's selector is relative to its parent's ("&:hover"): not asked of the window.
      if (!inRule && !topLevelParts(rule.selectorText).some((part) => matchesLive(part, scope.live))) continue;
      const nested = rule.cssRules?.length > 0;
      const loses = losesDeclarations(rule.style);
      if (!nested && !loses && !ROOTS.test(rule.selectorText)) {
        out.push(rule.cssText);
        continue;
      }
      const declarations = (loses && declarationsInSource(rule.selectorText, sources)) || rule.style.cssText;
      out.push(`${retarget(rule.selectorText)}{${declarations}}`);
      if (nested) copyGroup(`${retarget(rule.selectorText)}{`, rule.cssRules, scope, sources, out, true);
    } else if (rule instanceof CSSMediaRule) {
      copyGroup(`@media ${rule.media.mediaText}{`, rule.cssRules, scope, sources, out, inRule);
    } else if (rule instanceof CSSSupportsRule) {
      copyGroup(`@supports ${rule.conditionText}{`, rule.cssRules, scope, sources, out, inRule);
    } else if (typeof CSSLayerBlockRule !== 'undefined' && rule instanceof CSSLayerBlockRule) {
      copyGroup(`@layer ${rule.name}{`, rule.cssRules, scope, sources, out, inRule);
    } else {
      out.push(rule.cssText);
    }
  }
}

/**
 * The rules of every style sheet in `doc` that match `screen` (the captured copy of `live`, the
 * app's root, at this moment); `sources` are the sheets' own texts (styleSources), for the rules the
 * CSSOM writes short. Groups (@media, @supports, @layer) left empty are left out.
 */
export function screenStyles(doc: Document, screen: Element, live: Element, sources: readonly string[] = []): string {
  const used = new Set<string>([SCREEN_DOCUMENT_CLASS]);
  for (const el of screen.querySelectorAll('[class]')) for (const name of el.classList) used.add(name);
  const scope: Scope = { used, live };
  const out: string[] = [];
  for (const sheet of doc.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a sheet that cannot be read is left out
    }
    copyRules(rules, scope, sources, out);
  }
  const inline: string[] = [];
  for (const el of screen.querySelectorAll('[style], [data-first-style]')) inline.push(el.getAttribute('style') ?? '', el.getAttribute('data-first-style') ?? '');
  return withoutUnreadProperties(out.join('\n'), inline.join(';'));
}

/** A custom property's declaration in a rule's text: its name and value (up to the next `;` or `}`). */
const PROPERTY = /(?<=[{;]\s*)(--[-\w]+)\s*:([^;{}]*)(;\s*|(?=\}))/g;
const READS = /var\(\s*(--[-\w]+)/g;

/**
 * `css` without the declarations of custom properties that nothing reads: no declaration of an
 * ordinary property, no inline style (`inline`) and no property read in turn. A value holding a
 * quote is kept whatever its name (the text is not split inside strings).
 */
export function withoutUnreadProperties(css: string, inline: string): string {
  const values = new Map<string, string[]>();
  for (const m of css.matchAll(PROPERTY)) {
    const list = values.get(m[1]!) ?? [];
    list.push(m[2]!);
    values.set(m[1]!, list);
  }
  const read = new Set<string>();
  const queue: string[] = [];
  const reads = (text: string) => {
    for (const m of text.matchAll(READS)) {
      if (read.has(m[1]!)) continue;
      read.add(m[1]!);
      queue.push(m[1]!);
    }
  };
  reads(css.replace(PROPERTY, ''));
  reads(inline);
  for (const list of values.values()) for (const value of list) if (/["']/.test(value)) reads(value);
  while (queue.length > 0) for (const value of values.get(queue.pop()!) ?? []) reads(value);
  return css.replace(PROPERTY, (whole, name: string, value: string) => (read.has(name) || /["']/.test(value) ? whole : ''));
}

/** The texts of the page's sheets, by address: the app's are named after their content and never change. */
const fetched = new Map<string, Promise<string>>();

/** The text of every style sheet in `doc`: a style element's own, a linked one's as served (from the HTTP cache). */
export async function styleSources(doc: Document): Promise<string[]> {
  const texts: Array<Promise<string>> = [];
  for (const sheet of doc.styleSheets) {
    const node = sheet.ownerNode;
    if (node instanceof HTMLStyleElement) texts.push(Promise.resolve(node.textContent ?? ''));
    else if (sheet.href) {
      const href = sheet.href;
      let text = fetched.get(href);
      if (!text) {
        text = fetch(href).then((r) => (r.ok ? r.text() : ''), () => '');
        fetched.set(href, text);
      }
      texts.push(text);
    }
  }
  return Promise.all(texts);
}
