/** A staff table's header row: one column heading per label, the last without trailing space. */
export function TableHead({ columns, compact = false }: { columns: string[]; compact?: boolean }) {
  const padding = compact ? "py-1" : "py-2";
  return (
    <thead>
      <tr className="border-b border-ink">
        {columns.map((column, index) => (
          <th key={column} scope="col" className={index < columns.length - 1 ? `${padding} pr-3` : padding}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
