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
import { TranslatePipe } from '@ngx-translate/core';
import { BAR_CHART_RENDERER, ChartHandle } from './statistics-chart';

/** One statistics table row: its label, and the count or null when suppressed. */
export interface StatisticsRow {
  key: string;
  label: string;
  count: number | null;
}

/**
 * A bar chart with its numbers as a table beside it (the canvas is an image named by `title`). Suppressed cells
 * have no bar and read "fewer than 5" in the table — never zero.
 */
@Component({
  selector: 'kg-network-statistics-chart',
  imports: [TranslatePipe],
  template: `
    <section [attr.aria-labelledby]="id() + '-title'" [attr.data-testid]="'statistics-' + id()">
      <h2 [id]="id() + '-title'">{{ title() }}</h2>
      @if (allSuppressed()) {
        <p class="muted" data-testid="chart-all-suppressed">
          {{ 'network.statistics.allSuppressed' | translate: { min: minCell() } }}
        </p>
      }
      <div class="chart" data-testid="chart" [attr.data-values]="values()" [hidden]="allSuppressed()">
        <canvas #canvas role="img" [attr.aria-label]="title()"></canvas>
      </div>
      <table>
        <caption class="kg-visually-hidden">
          {{
            title()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ keyHeading() }}</th>
            <th scope="col">{{ 'network.statistics.count' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr data-testid="statistics-row" [attr.data-key]="row.key">
              <th scope="row">{{ row.label }}</th>
              <td class="number" data-testid="statistics-count">
                @if (row.count === null) {
                  {{ 'network.statistics.fewerThan' | translate: { min: minCell() } }}
                } @else {
                  {{ row.count }}
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="2" class="muted">{{ 'network.statistics.noData' | translate }}</td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styleUrl: '../shared/network-page.css',
  styles: `
    .chart {
      position: relative;
      height: 16rem;
      margin-bottom: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatisticsChartComponent {
  private readonly render = inject(BAR_CHART_RENDERER);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');

  readonly id = input.required<string>();
  readonly title = input.required<string>();
  readonly keyHeading = input.required<string>();
  readonly rows = input.required<StatisticsRow[]>();
  readonly minCell = input.required<number>();

  /** Every cell is below the minimum (a young network): an empty chart would say nothing, a sentence does. */
  protected readonly allSuppressed = computed(
    () => this.rows().length > 0 && this.rows().every((r) => r.count === null),
  );

  protected readonly values = computed(() =>
    this.rows()
      .map((r) => (r.count === null ? '' : r.count))
      .join(','),
  );

  constructor() {
    afterRenderEffect((onCleanup) => {
      const rows = this.rows();
      const canvas = this.canvas().nativeElement;
      let handle: ChartHandle | undefined;
      let stale = false;
      this.render(canvas, {
        labels: rows.map((r) => r.label),
        values: rows.map((r) => r.count),
        datasetLabel: this.title(),
      }).then(
        (drawn) => (stale ? drawn.destroy() : (handle = drawn)),
        // The numbers stay readable in the table; nothing else to do.
        () => undefined,
      );
      onCleanup(() => {
        stale = true;
        handle?.destroy();
      });
    });
  }
}
