import { FileField } from "@/components/form-field";

/**
 * Reads a spreadsheet: a plain form posted to the upload route (app/staff/import/upload), which keeps
 * the file and comes back here with its dry run. Works without JavaScript.
 */
export function ImportUploadForm({
  exhibitions,
  target,
  newExhibitionTitle,
  sheet,
}: {
  exhibitions: Array<{ slug: string; title: string }>;
  target: string;
  newExhibitionTitle: string;
  sheet: string;
}) {
  return (
    <form method="post" action="/staff/import/upload" encType="multipart/form-data" className="space-y-6" aria-label="Read a spreadsheet">
      <FileField
        id="import-file"
        name="file"
        label="Spreadsheet file"
        accept=".csv,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
        hint="CSV, Excel (.xlsx) or LibreOffice (.ods). A title column is all it needs; columns such as Cat No, Section, Medium, Signed, Year, Size, Framed, Price and Status are read when there, named as your spreadsheet names them. Other columns are ignored. At most 10 MB and 20,000 rows at a time."
      />
      <FileField
        id="import-photographs"
        name="photographs"
        label="Photographs (optional)"
        accept=".zip,application/zip"
        hint="A .zip of JPEG, PNG or WebP files named after the works: the catalogue number (42.jpg, further views 42-2.jpg), the title, or as an Image column lists them. The dry run shows which go where. Up to 100 MB."
      />
      <div className="max-w-xs">
        <label htmlFor="import-sheet" className="field-label">
          Sheet (optional)
        </label>
        <input
          id="import-sheet"
          name="sheet"
          defaultValue={sheet}
          maxLength={100}
          aria-describedby="import-sheet-hint"
          className="field-input"
        />
        <p id="import-sheet-hint" className="field-hint">
          For a workbook with several sheets: the sheet’s name as its tab shows it. The first sheet if empty.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="import-target" className="field-label">
            Import into
          </label>
          <select id="import-target" name="target" defaultValue={target} className="field-input">
            {exhibitions.map((exhibition) => (
              <option key={exhibition.slug} value={exhibition.slug}>
                {exhibition.title}
              </option>
            ))}
            <option value="new">A new exhibition…</option>
          </select>
        </div>
        <div>
          <label htmlFor="import-new-title" className="field-label">
            New exhibition’s title (if new)
          </label>
          <input
            id="import-new-title"
            name="newExhibitionTitle"
            defaultValue={newExhibitionTitle}
            maxLength={200}
            className="field-input"
          />
        </div>
      </div>
      <button type="submit" className="button-quiet">
        Read the file (dry run)
      </button>
    </form>
  );
}
