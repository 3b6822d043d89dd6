// The dashboard's one chart, consent rate per category per day, drawn on the server as plain SVG:
// lines and labels only, coloured by class from the stylesheet (no inline style, so the page's
// strict CSP holds), with the same numbers in a table for screen readers and keyboard users.
import { escapeHtml } from './escape';

export interface Series {
  name: string;
  /** One value from 0 to 1 per day, or null where the category had no decision that day. */
  values: Array<number | null>;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

const x = (index: number, count: number): number =>
  PAD.left + (count <= 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (index / (count - 1)) * (WIDTH - PAD.left - PAD.right));
const y = (value: number): number => PAD.top + (1 - value) * (HEIGHT - PAD.top - PAD.bottom);
const round = (value: number): string => value.toFixed(1);

/** A line chart of `series` over `days`, as an `<svg>` described by `titleId`. */
export function rateChart(days: string[], series: Series[], titleId: string): string {
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (value) =>
        `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${round(y(value))}" y2="${round(y(value))}"/>` +
        `<text class="axis" x="${PAD.left - 8}" y="${round(y(value) + 4)}" text-anchor="end">${value * 100}%</text>`,
    )
    .join('');
  const ticks = days.length
    ? [0, Math.floor((days.length - 1) / 2), days.length - 1]
        .filter((index, position, all) => all.indexOf(index) == position)
        .map(
          // The first and last dates end at the plot's edges instead of running past them.
          (index) =>
            `<text class="axis" x="${round(x(index, days.length))}" y="${HEIGHT - 8}" text-anchor="${index == 0 ? 'start' : index == days.length - 1 ? 'end' : 'middle'}">${escapeHtml(days[index]!)}</text>`,
        )
        .join('')
    : '';
  const lines = series
    .map((line, number) => {
      // A gap where a day has no value: each run of days with values is its own path.
      const runs: string[][] = [[]];
      line.values.forEach((value, index) => {
        if (value == null) runs.push([]);
        else runs[runs.length - 1]!.push(`${round(x(index, days.length))},${round(y(value))}`);
      });
      const paths = runs
        .filter((run) => run.length)
        .map((run) =>
          run.length == 1
            ? `<circle class="dot series-${number % 6}" cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="3"/>`
            : `<polyline class="line series-${number % 6}" points="${run.join(' ')}"/>`,
        )
        .join('');
      return `<g>${paths}</g>`;
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId}" focusable="false">` +
    `${grid}${ticks}${lines}</svg>`
  );
}
