import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { BarChartSpec, ChartHandle } from './statistics-chart';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const TEXT_COLOR = '#44474e';
/** At least 3:1 against white. */
const BAR_COLOR = '#3f5f90';

/** Draws a statistics bar chart with Chart.js (canvas only, nothing inline: the CSP stays strict). */
export function drawBarChart(canvas: HTMLCanvasElement, spec: BarChartSpec): ChartHandle {
  Chart.defaults.color = TEXT_COLOR;
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily || 'system-ui, sans-serif';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [{ label: spec.datasetLabel, data: spec.values, backgroundColor: BAR_COLOR, borderWidth: 0 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      scales: {
        y: { beginAtZero: true, ticks: { color: TEXT_COLOR, precision: 0 } },
        x: { ticks: { color: TEXT_COLOR } },
      },
    },
  });
}
