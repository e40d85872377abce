import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Poppler's command-line tools read a real PDF back: what a reader and a screen reader get. */
export function savePdf(dir: string, bytes: Uint8Array, name = 'out.pdf'): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export const pdftotext = (path: string, ...args: string[]) => execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });

/** Text of each page, in order. */
export function pageTexts(path: string): string[] {
  return pdftotext(path, '-layout').split('\f').slice(0, -1);
}

export function pdfinfo(path: string, ...args: string[]): Record<string, string> & { raw: string } {
  const raw = execFileSync('pdfinfo', [...args, path], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of raw.split('\n')) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return Object.assign(info, { raw });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdffonts(path: string): FontRow[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    // The last columns are fixed: emb sub uni object-id generation.
    const parts = line.trim().split(/\s+/);
    const [emb, sub, uni] = parts.slice(-5, -2);
    return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}
