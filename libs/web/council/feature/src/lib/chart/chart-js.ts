import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { ChartHandle, ChartSpec } from './chart-spec';

// Only what the council charts use: doughnut and bar.
Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip);

const TEXT_COLOR = '#44474e';

/** Draws a council chart with Chart.js (canvas only: nothing inline, so the CSP stays strict). */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): ChartHandle {
  Chart.defaults.color = TEXT_COLOR;
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily || 'system-ui, sans-serif';
  const dataset = {
    label: spec.datasetLabel,
    data: spec.values,
    backgroundColor: spec.colors,
    borderColor: '#ffffff',
    borderWidth: spec.type === 'doughnut' ? 2 : 0,
  };
  const common = { responsive: true, maintainAspectRatio: false, animation: false as const };
  if (spec.type === 'bar') {
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: spec.labels, datasets: [dataset] },
      options: {
        ...common,
        plugins: { legend: { display: false } },
        scales: {
          y: { beginAtZero: true, max: spec.max, ticks: { color: TEXT_COLOR } },
          x: { ticks: { color: TEXT_COLOR } },
        },
      },
    });
  }
  return new Chart(canvas, {
    type: 'doughnut',
    data: { labels: spec.labels, datasets: [dataset] },
    options: { ...common, plugins: { legend: { position: 'bottom', labels: { color: TEXT_COLOR } } } },
  });
}
