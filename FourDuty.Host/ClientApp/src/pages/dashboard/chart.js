// The monthly chart, the only place echarts is used: only the parts drawn here are imported (bar and line charts, grid,
// tooltip, legend, the canvas renderer), so the chunk stays a fraction of the whole library.
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/**
 * Draws items due per month as done and still open (stacked), findings closed, and lapses and talks as lines, into
 * element; label(key) names a series in the page's language.
 */
export function drawMonths(element, months, counts, label) {
  element.replaceChildren();
  const chart = init(element, null, { renderer: 'canvas' });
  const series = (key, type, data, extra = {}) => ({ name: label(key), type, data, ...extra });
  chart.setOption({
    aria: { enabled: true },
    color: ['#2e7d32', '#b71c1c', '#0b57d0', '#8a6100', '#5f6368'],
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 36, right: 12, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      series('itemsDone', 'bar', counts.map(m => m.itemsDue - m.itemsDueOpen), { stack: 'items' }),
      series('itemsDueOpen', 'bar', counts.map(m => m.itemsDueOpen), { stack: 'items' }),
      series('findingsClosed', 'bar', counts.map(m => m.findingsClosed)),
      series('lapses', 'line', counts.map(m => m.lapses)),
      series('talksHeld', 'line', counts.map(m => m.talksHeld)),
    ],
  });
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}
