import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { CHART_RENDERER, ChartHandle, ChartSpec } from './chart-spec';

/**
 * A chart on a canvas. The canvas is an image named by `summary`; the numbers are also on the
 * container (`data-values`, `data-labels`) and callers show them as text beside the chart.
 */
@Component({
  selector: 'kg-chart',
  template: `
    <div
      class="chart"
      [class.bar]="spec().type === 'bar'"
      [attr.data-values]="values()"
      [attr.data-labels]="labels()"
      data-testid="chart"
    >
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </div>
  `,
  styles: `
    .chart {
      position: relative;
      height: 14rem;
    }
    .chart.bar {
      height: 16rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  private readonly render = inject(CHART_RENDERER);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');

  readonly spec = input.required<ChartSpec>();
  /** Text alternative of the whole chart. */
  readonly summary = input.required<string>();

  protected readonly values = computed(() => this.spec().values.join(','));
  protected readonly labels = computed(() => this.spec().labels.join('|'));

  constructor() {
    afterRenderEffect((onCleanup) => {
      const spec = this.spec();
      const canvas = this.canvas().nativeElement;
      let handle: ChartHandle | undefined;
      let stale = false;
      this.render(canvas, spec).then(
        (drawn) => (stale ? drawn.destroy() : (handle = drawn)),
        // The numbers stay readable beside the chart; nothing else to do.
        () => undefined,
      );
      onCleanup(() => {
        stale = true;
        handle?.destroy();
      });
    });
  }
}
