/**
 * The soak's picture: three charts over time, one above the other (each process's memory, the
 * latencies, the throughput), as a self-contained SVG a browser opens. Drawn here in a few lines rather
 * than with a charting library: nothing to fetch, and the file is the same on every machine.
 */
export type SoakSample = {
  seconds: number;
  rssMb: Record<string, number>;
  pagesPerSecond: number;
  enquiriesPerSecond: number;
  pageP50: number;
  pageP99: number;
  enquiryP50: number;
  enquiryP99: number;
  errors: number;
  databaseMb: number;
  walMb: number;
  /** Each page type's p99 in the window (work, section, search, 404…). */
  pageP99ByKind: Record<string, number>;
  /** Each process's CPU over the window, % of one core. */
  cpuPercent: Record<string, number>;
  /**
   * The load generator itself: its event loop's delay (p99, ms) and its CPU (% of a core). An answer that
   * arrives while the generator is busy is timed late: a rise here is the measurer's, not the gallery's.
   */
  generatorLagP99: number;
  generatorCpuPercent: number;
  /**
   * Requests whose cost does not grow with the gallery's data, timed as the pages are (p99 in the window):
   * a build file nginx serves from disk, and the staff sign-in page, rendered by a web process without the
   * database. A rise the gallery's pages share with these is the machine's (or nginx's, or the measurer's).
   */
  controlP99: Record<string, number>;
  /** How long a writer waited for the database's write lock (a probe each 500 ms): the window's largest wait, ms. */
  writeLockWaitMax: number;
};

type Series = { label: string; colour: string; values: number[] };

const WIDTH = 900;
const CHART_HEIGHT = 220;
const LEFT = 70;
const RIGHT = 210;
const TOP = 40;
const GAP = 60;
const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"];

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function chart(title: string, unit: string, minutes: number[], series: Series[], top: number): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const highest = Math.max(1, ...series.flatMap((line) => line.values));
  const ceiling = niceCeiling(highest);
  const lastMinute = Math.max(1, minutes.at(-1) ?? 1);
  const x = (minute: number) => LEFT + (minute / lastMinute) * plotWidth;
  const y = (value: number) => top + CHART_HEIGHT - (value / ceiling) * CHART_HEIGHT;
  const parts: string[] = [`<text x="${LEFT}" y="${top - 10}" font-size="14" font-weight="bold">${escape(title)}</text>`];
  for (let step = 0; step <= 4; step += 1) {
    const value = (ceiling * step) / 4;
    parts.push(
      `<line x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="${LEFT - 6}" y="${y(value) + 4}" font-size="11" text-anchor="end">${formatNumber(value)} ${unit}</text>`,
    );
  }
  const minuteStep = lastMinute > 20 ? 5 : lastMinute > 5 ? 1 : 0.5;
  for (let minute = 0; minute <= lastMinute + 1e-9; minute += minuteStep) {
    parts.push(
      `<text x="${x(minute)}" y="${top + CHART_HEIGHT + 16}" font-size="11" text-anchor="middle">${formatNumber(minute)} min</text>`,
    );
  }
  series.forEach((line, index) => {
    const points = line.values.map((value, at) => `${x(minutes[at]!).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${line.colour}" stroke-width="1.6" points="${points}"/>`);
    parts.push(
      `<rect x="${LEFT + plotWidth + 14}" y="${top + index * 20}" width="12" height="3" fill="${line.colour}"/>`,
      `<text x="${LEFT + plotWidth + 32}" y="${top + index * 20 + 5}" font-size="12">${escape(line.label)}</text>`,
    );
  });
  parts.push(`<rect x="${LEFT}" y="${top}" width="${plotWidth}" height="${CHART_HEIGHT}" fill="none" stroke="#999"/>`);
  return parts.join("\n");
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function soakPicture(samples: SoakSample[], title: string): string {
  const minutes = samples.map((sample) => sample.seconds / 60);
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample.rssMb)))];
  const memory: Series[] = names.map((name, index) => ({
    label: `${name} RSS`,
    colour: COLOURS[index % COLOURS.length]!,
    values: samples.map((sample) => sample.rssMb[name] ?? 0),
  }));
  memory.push({ label: "database + WAL", colour: COLOURS[4]!, values: samples.map((sample) => sample.databaseMb + sample.walMb) });
  const latency: Series[] = [
    { label: "page p50", colour: COLOURS[0]!, values: samples.map((sample) => sample.pageP50) },
    { label: "page p99", colour: COLOURS[1]!, values: samples.map((sample) => sample.pageP99) },
    { label: "enquiry p50", colour: COLOURS[2]!, values: samples.map((sample) => sample.enquiryP50) },
    { label: "enquiry p99", colour: COLOURS[3]!, values: samples.map((sample) => sample.enquiryP99) },
    ...[...new Set(samples.flatMap((sample) => Object.keys(sample.controlP99)))].map((name, index) => ({
      label: `${name} p99 (control)`,
      colour: COLOURS[4 + index]!,
      values: samples.map((sample) => sample.controlP99[name] ?? 0),
    })),
    { label: "write-lock wait, max", colour: COLOURS[6]!, values: samples.map((sample) => sample.writeLockWaitMax) },
  ];
  const throughput: Series[] = [
    { label: "pages/s", colour: COLOURS[0]!, values: samples.map((sample) => sample.pagesPerSecond) },
    { label: "enquiries/s × 10", colour: COLOURS[2]!, values: samples.map((sample) => sample.enquiriesPerSecond * 10) },
    { label: "errors × 10", colour: COLOURS[1]!, values: samples.map((sample) => sample.errors * 10) },
  ];
  const height = TOP + 20 + 3 * CHART_HEIGHT + 2 * GAP + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${LEFT}" y="20" font-size="16" font-weight="bold">${escape(title)}</text>`,
    chart("Memory (resident, each process; and the database's files)", "MiB", minutes, memory, TOP + 20),
    chart("Latency per 10 s window", "ms", minutes, latency, TOP + 20 + CHART_HEIGHT + GAP),
    chart("Throughput per 10 s window", "/s", minutes, throughput, TOP + 20 + 2 * (CHART_HEIGHT + GAP)),
    `</svg>`,
  ].join("\n");
}
