/**
 * A viewing room's tear sheets: one work a page (A4), its photograph, details, price as the room shows
 * it and the gallery's note, made with pdfkit as the invoices are (its standard fonts, nothing fetched).
 * Text is laid out in reading order, so a PDF reader (and `pdftotext` in the tests) reads it as printed.
 */
import PDFDocument from "pdfkit";

export type TearSheet = {
  label: string;
  artist: string;
  lines: string[];
  price: string;
  availability: string;
  note: string;
  /** A JPEG of the work, or null when it has no photograph. */
  photograph: Buffer | null;
};

const MARGIN = 56;
const INK = "#1d1c1a";
const SOFT = "#55514a";

export function renderTearSheets(input: {
  gallery: { name: string; siteUrl: string };
  title: string;
  sheets: TearSheet[];
}): Promise<Buffer> {
  const document = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: input.title, Author: input.gallery.name },
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });
  const sheets = input.sheets.length > 0 ? input.sheets : null;
  if (!sheets) {
    document.addPage();
    document.font("Helvetica-Bold").fontSize(16).fillColor(INK).text(input.title);
    document.font("Helvetica").fontSize(11).fillColor(SOFT).text("This room has no works yet.");
  }
  for (const [index, sheet] of (sheets ?? []).entries()) {
    document.addPage();
    const width = document.page.width - MARGIN * 2;
    document
      .font("Helvetica")
      .fontSize(9)
      .fillColor(SOFT)
      .text(`${input.gallery.name} · ${input.title} · ${index + 1} of ${sheets!.length}`, { width });
    document.moveDown(1);
    if (sheet.photograph) {
      const top = document.y;
      document.image(sheet.photograph, MARGIN, top, { fit: [width, 420], align: "center" });
      document.y = top + 430;
    }
    document.font("Helvetica-Bold").fontSize(16).fillColor(INK).text(sheet.label, MARGIN, document.y, { width });
    document.font("Helvetica").fontSize(11).fillColor(INK).text(sheet.artist, { width });
    document.moveDown(0.5);
    document.fontSize(10).fillColor(SOFT);
    for (const line of sheet.lines) document.text(line, { width });
    document.moveDown(0.5);
    document
      .font("Helvetica-Bold")
      .fontSize(11)
      .fillColor(INK)
      .text([sheet.price, sheet.availability].filter(Boolean).join(" · "), { width });
    if (sheet.note) {
      document.moveDown(0.8);
      document.font("Helvetica-Oblique").fontSize(10).fillColor(INK).text(sheet.note, { width });
    }
  }
  document.end();
  return finished;
}
