/**
 * A small line of daily figures, drawn with uPlot. The chart library (and its stylesheet) loads
 * only when a trend line is first drawn, so the rest of the admin never downloads it. The canvas
 * is an image to assistive technology, labelled with the figures in words (`label`).
 */
import * as React from 'react';
import { Box } from '@strapi/design-system';
import type uPlot from 'uplot';

interface TrendLineProps {
  values: number[];
  /** The chart's text equivalent, e.g. "Views per day from … to …: …". */
  label: string;
  width?: number;
  height?: number;
}

/** The library, loaded once for every chart of the page. */
let library: Promise<typeof uPlot> | undefined;
const loadLibrary = () =>
  (library ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([module]) => module.default));

// The design system's primary600 and its pale fill.
const STROKE = '#4945ff';
const FILL = 'rgba(73, 69, 255, 0.12)';

export function TrendLine({ values, label, width = 120, height = 32 }: TrendLineProps) {
  const box = React.useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = React.useState(false);
  const key = values.join(',');

  React.useEffect(() => {
    let chart: uPlot | undefined;
    let cancelled = false;
    void loadLibrary().then((UPlot) => {
      if (cancelled || !box.current) return;
      const max = Math.max(1, ...values);
      chart = new UPlot(
        {
          width,
          height,
          legend: { show: false },
          cursor: { show: false },
          select: { show: false, left: 0, top: 0, width: 0, height: 0 },
          padding: [2, 2, 2, 2],
          axes: [{ show: false }, { show: false }],
          scales: { x: { time: false }, y: { range: [0, max] } },
          series: [{}, { stroke: STROKE, fill: FILL, width: 1.5, points: { show: false } }],
        },
        [values.map((_, i) => i), values],
        box.current,
      );
      setDrawn(true);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // `key` stands for the values: a new array with the same figures draws nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, width, height]);

  return (
    <Box
      ref={box}
      role="img"
      aria-label={label}
      data-chart={drawn ? 'drawn' : 'loading'}
      style={{ width, height, flexShrink: 0 }}
    />
  );
}
