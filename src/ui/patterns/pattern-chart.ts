import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import type { ChartSpec } from "../../core/patterns/pattern-types";

// Only what the pattern view draws is registered, so the rest of chart.js is left out of main.js.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** A drawn chart, to be destroyed when its card goes away. */
export interface RenderedChart {
  destroy(): void;
}

/** Series colours: Obsidian's palette variables, with the accent as the fallback (themes may omit them). */
const SERIES_VARIABLES = ["--color-blue", "--color-orange", "--color-green", "--color-purple"];

interface Theme {
  series: string[];
  text: string;
  grid: string;
  font: string;
}

function themeOf(element: HTMLElement): Theme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const accent = read("--interactive-accent", read("--text-accent", "#7f6df2"));
  return {
    series: SERIES_VARIABLES.map((name, i) => read(name, i === 0 ? accent : read("--text-muted", accent))),
    text: read("--text-muted", read("--text-normal", "#888")),
    grid: read("--background-modifier-border", "rgba(128, 128, 128, 0.25)"),
    font: read("--font-interface", read("--font-text", "sans-serif")),
  };
}

/** The chart in words: what a screen reader says and what shows where no canvas can be drawn. */
export function describeChart(spec: ChartSpec): string {
  if (spec.kind === "calendar") {
    const done = spec.days.filter((d) => d.done).length;
    return `${spec.title}: done on ${done} of ${spec.days.length} days.`;
  }
  const series = spec.series.map((s) => {
    const points = spec.labels
      .map((label, i) => (s.values[i] === null || s.values[i] === undefined ? null : `${label} ${s.values[i]}`))
      .filter((p) => p !== null);
    const shown = points.slice(0, 12).join(", ");
    return `${s.label}: ${shown}${points.length > 12 ? `, … (${points.length} values)` : ""}`;
  });
  return `${spec.title}. ${series.join("; ")}.`;
}

function renderCalendar(parent: HTMLElement, spec: Extract<ChartSpec, { kind: "calendar" }>): RenderedChart {
  const figure = parent.createDiv({ cls: "lifebetter-chart lifebetter-habit-calendar" });
  figure.createDiv({ cls: "lifebetter-chart-title", text: spec.title });
  const grid = figure.createDiv({ cls: "lifebetter-habit-grid", attr: { role: "img", "aria-label": describeChart(spec) } });
  for (const day of spec.days) {
    grid.createDiv({
      cls: day.done ? "lifebetter-habit-day is-done" : "lifebetter-habit-day",
      attr: { title: `${day.date}: ${day.done ? "done" : "not done"}` },
    });
  }
  const done = spec.days.filter((d) => d.done).length;
  figure.createDiv({ cls: "lifebetter-chart-caption", text: `Done on ${done} of ${spec.days.length} days` });
  return { destroy: () => figure.remove() };
}

function configuration(spec: Extract<ChartSpec, { kind: "bar" | "line" }>, theme: Theme): ChartConfiguration<"bar" | "line"> {
  const font = { family: theme.font, size: 11 };
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, i) => {
        const colour = theme.series[i % theme.series.length]!;
        return {
          label: series.label,
          data: series.values,
          backgroundColor: colour,
          borderColor: colour,
          pointRadius: spec.kind === "line" ? 1.5 : 0,
          borderWidth: spec.kind === "line" ? 1.5 : 0,
          spanGaps: true,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: theme.text, font, boxWidth: 10 } },
        tooltip: { enabled: true },
      },
      scales: {
        x: {
          ticks: { color: theme.text, font, maxRotation: 0, autoSkip: true, autoSkipPadding: 12, maxTicksLimit: spec.kind === "line" ? 5 : 12 },
          grid: { display: false },
          border: { color: theme.grid },
        },
        y: {
          beginAtZero: true,
          max: spec.max,
          ticks: { color: theme.text, font, maxTicksLimit: 6 },
          grid: { color: theme.grid },
          border: { color: theme.grid },
          title: { display: true, text: spec.yLabel, color: theme.text, font },
        },
      },
    },
  };
}

/**
 * Draws a pattern's chart with chart.js, coloured from the theme's CSS variables (read when drawn,
 * so light and dark both read well), or a habit calendar as a CSS grid. Where a canvas cannot be
 * drawn (no 2D context) the chart's description is shown instead.
 */
export function renderChart(parent: HTMLElement, spec: ChartSpec): RenderedChart {
  if (spec.kind === "calendar") return renderCalendar(parent, spec);
  const figure = parent.createDiv({ cls: "lifebetter-chart" });
  figure.createDiv({ cls: "lifebetter-chart-title", text: spec.title });
  const box = figure.createDiv({ cls: "lifebetter-chart-canvas" });
  const canvas = box.createEl("canvas", { attr: { role: "img", "aria-label": describeChart(spec) } });
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext("2d");
  } catch {
    context = null;
  }
  if (!context) {
    box.remove();
    figure.createDiv({ cls: "lifebetter-chart-fallback", text: describeChart(spec) });
    return { destroy: () => figure.remove() };
  }
  const chart = new Chart(context, configuration(spec, themeOf(parent)));
  return {
    destroy: () => {
      chart.destroy();
      figure.remove();
    },
  };
}
