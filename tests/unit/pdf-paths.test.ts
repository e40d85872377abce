// Map and chart paths go into the PDF as pdfkit's own path operators, made once per path (render/paths.ts):
// here each is checked against what pdfkit writes for the same path data, operator for operator.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { addPath, polylineOperators } from '../../electron/backend/pdf/render/paths';
import { worldTopology } from '../../electron/backend/services/countries/world-map';
import { countryMap } from '../../shared/features/countries/map';

/** What a document's content gets for `draw`, as pdfkit writes it. */
function written(draw: (doc: PDFKit.PDFDocument) => void): string {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.addPage();
  const out: string[] = [];
  const original = doc.addContent.bind(doc);
  doc.addContent = (data: string) => {
    out.push(data);
    return original(data);
  };
  draw(doc);
  return out.join('\n');
}

describe('vector paths as PDF operators', () => {
  it('writes a country map exactly as pdfkit’s SVG path parser does', () => {
    const map = countryMap(worldTopology(), 'GH', 460, 300)!;
    expect(map.paths.length).toBeGreaterThan(3);
    for (const p of map.paths) {
      const ops = polylineOperators(p.d);
      expect(ops, p.id).not.toBeNull();
      expect(written((doc) => addPath(doc, p.d)), p.id).toBe(written((doc) => doc.path(p.d)));
    }
  });

  it('takes chart polylines with spaces, several subpaths and exponents', () => {
    for (const d of ['M120 2 L120 86', 'M10,10L20,10L20,20L10,20Z', 'M0,0L1e-7,2.5L-3.1234567,4Z M5,5L6,6Z', ' M 1.5 , 2.25 L 3 4 ']) {
      expect(polylineOperators(d), d).not.toBeNull();
      expect(written((doc) => addPath(doc, d)), d).toBe(written((doc) => doc.path(d)));
    }
  });

  it('leaves curves, arcs and relative commands to pdfkit', () => {
    for (const d of ['M10 10 A 5 5 0 0 1 20 20 Z', 'M0,0 l10,10', 'M0,0 C1,1 2,2 3,3', 'M0,0 H10', 'M1,2 L3']) {
      expect(polylineOperators(d), d).toBeNull();
      expect(written((doc) => addPath(doc, d)), d).toBe(written((doc) => doc.path(d)));
    }
  });
});
