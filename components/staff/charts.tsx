/**
 * The dashboard's charts, drawn on the server as SVG: d3-scale places things and d3-shape draws the
 * lines, React writes the markup, and no script reaches the browser. Every chart is hidden from
 * screen readers, which read the table that comes with it instead (ChartFigure).
 */
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { ReactNode } from "react";

const INK = "#1d1c1a";
const SOFT = "#55514a";
const RULE = "#d9d3c7";
export const SERIES_COLOURS = ["#7b2a1c", "#2f5d62", "#b08d57", "#6b6b6b"] as const;

const MARGIN = { top: 12, right: 16, bottom: 36, left: 44 };

/** A chart with its title, the table screen readers read instead, and the CSV download of the same figures. */
export function ChartFigure({
  id,
  title,
  description,
  csvHref,
  chart,
  table,
}: {
  id: string;
  title: string;
  description: string;
  csvHref: string;
  chart: ReactNode;
  table: { columns: string[]; rows: Array<Array<string | number>> };
}) {
  return (
    <figure className="border border-rule bg-white p-4" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption>
        <h2 id={`${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        <p className="mt-1 font-sans text-sm text-ink-soft">{description}</p>
      </figcaption>
      <div className="mt-3 overflow-x-auto" aria-hidden="true">
        {chart}
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, cellIndex) =>
                cellIndex === 0 ? (
                  <th key={cellIndex} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={cellIndex}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 font-sans text-sm">
        <a href={csvHref} download>
          Download the figures (CSV)
        </a>
      </p>
    </figure>
  );
}

function Legend({ series }: { series: Array<{ name: string; colour: string }> }) {
  if (series.length < 2) return null;
  return (
    <g>
      {series.map((entry, index) => (
        <g key={entry.name} transform={`translate(${MARGIN.left + index * 170}, 0)`}>
          <rect width={10} height={10} fill={entry.colour} />
          <text x={14} y={9} fontSize={11} fill={INK}>
            {entry.name}
          </text>
        </g>
      ))}
    </g>
  );
}

function YAxis({
  ticks,
  y,
  width,
  format = String,
}: {
  ticks: number[];
  y: (value: number) => number;
  width: number;
  format?: (value: number) => string;
}) {
  return (
    <g>
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(0, ${y(tick)})`}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} stroke={RULE} strokeWidth={tick === 0 ? 1.5 : 1} />
          <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" fontSize={11} fill={SOFT}>
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Columns over labelled steps (weeks, months), stacked when there are several series. */
export function ColumnChart({
  labels,
  series,
  width = 760,
  height = 240,
  labelEvery = 1,
  tickLabel = (label: string) => label,
}: {
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
  width?: number;
  height?: number;
  labelEvery?: number;
  tickLabel?: (label: string) => string;
}) {
  const legendSpace = series.length > 1 ? 18 : 0;
  const totals = labels.map((_, index) => series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  const x = scaleBand<string>()
    .domain(labels)
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top + legendSpace]);
  const ticks = y.ticks(Math.min(5, y.domain()[1]!)).filter(Number.isInteger);
  const coloured = series.map((entry, index) => ({ ...entry, colour: SERIES_COLOURS[index % SERIES_COLOURS.length]! }));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ minWidth: 480 }} role="presentation" focusable="false">
      <Legend series={coloured} />
      <YAxis ticks={ticks} y={y} width={width} />
      {labels.map((label, index) => {
        let base = 0;
        return (
          <g key={label}>
            {coloured.map((entry) => {
              const value = entry.values[index] ?? 0;
              const top = y(base + value);
              const bottom = y(base);
              base += value;
              return value > 0 ? (
                <rect key={entry.name} x={x(label)} y={top} width={x.bandwidth()} height={Math.max(0, bottom - top)} fill={entry.colour}>
                  <title>{`${tickLabel(label)}: ${value} ${entry.name.toLowerCase()}`}</title>
                </rect>
              ) : null;
            })}
            {index % labelEvery === 0 && (
              <text x={(x(label) ?? 0) + x.bandwidth() / 2} y={height - MARGIN.bottom + 16} textAnchor="middle" fontSize={11} fill={SOFT}>
                {tickLabel(label)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars, one a row, each labelled with its name and its number. */
export function BarList({ rows, width = 760 }: { rows: Array<{ label: string; value: number }>; width?: number }) {
  const rowHeight = 26;
  const labelWidth = 280;
  const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((row) => row.value))])
    .range([0, width - labelWidth - 60]);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ minWidth: 480 }} role="presentation" focusable="false">
      {rows.map((row, index) => (
        <g key={`${row.label}-${index}`} transform={`translate(0, ${index * rowHeight + 4})`}>
          <text x={labelWidth - 8} y={rowHeight / 2} dy="0.32em" textAnchor="end" fontSize={12} fill={INK}>
            {row.label.length > 42 ? `${row.label.slice(0, 41)}…` : row.label}
          </text>
          <rect x={labelWidth} y={4} width={Math.max(row.value > 0 ? 2 : 0, x(row.value))} height={rowHeight - 8} fill={SERIES_COLOURS[0]}>
            <title>{`${row.label}: ${row.value}`}</title>
          </rect>
          <text x={labelWidth + x(row.value) + 6} y={rowHeight / 2} dy="0.32em" fontSize={12} fill={INK}>
            {row.value}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Lines over labelled steps; a step without a value leaves a gap rather than a made-up zero. */
export function LineChart({
  labels,
  series,
  width = 760,
  height = 240,
  unit,
  tickLabel = (label: string) => label,
}: {
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  width?: number;
  height?: number;
  unit: string;
  tickLabel?: (label: string) => string;
}) {
  const x = scalePoint<string>()
    .domain(labels)
    .range([MARGIN.left + 12, width - MARGIN.right - 12]);
  const all = series.flatMap((entry) => entry.values.filter((value): value is number => value !== null));
  const y = scaleLinear()
    .domain([0, Math.max(1, ...all)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top + 18]);
  const coloured = series.map((entry, index) => ({ ...entry, colour: SERIES_COLOURS[index % SERIES_COLOURS.length]! }));
  const path = line<{ label: string; value: number | null }>()
    .defined((point) => point.value !== null)
    .x((point) => x(point.label) ?? 0)
    .y((point) => y(point.value ?? 0));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ minWidth: 480 }} role="presentation" focusable="false">
      <Legend series={coloured} />
      <YAxis ticks={y.ticks(5)} y={y} width={width} format={(value) => `${value} ${unit}`} />
      {labels.map((label) => (
        <text key={label} x={x(label)} y={height - MARGIN.bottom + 16} textAnchor="middle" fontSize={11} fill={SOFT}>
          {tickLabel(label)}
        </text>
      ))}
      {coloured.map((entry) => {
        const points = labels.map((label, index) => ({ label, value: entry.values[index] ?? null }));
        return (
          <g key={entry.name}>
            <path d={path(points) ?? ""} fill="none" stroke={entry.colour} strokeWidth={2} />
            {points.map((point) =>
              point.value === null ? null : (
                <circle key={point.label} cx={x(point.label)} cy={y(point.value)} r={3.5} fill={entry.colour}>
                  <title>{`${tickLabel(point.label)}: ${entry.name.toLowerCase()} ${point.value} ${unit}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
