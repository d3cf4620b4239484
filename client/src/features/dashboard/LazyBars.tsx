import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { BarDatum } from './DashboardCharts.tsx';

const HorizontalBars = lazy(() => import('./DashboardCharts.tsx').then((m) => ({ default: m.HorizontalBars })));

/** A bar chart whose chart library loads on first use (its own chunk, not the shell). */
export function LazyBars({ data, label, height }: { data: BarDatum[]; label: string; height?: number }) {
  const h = height ?? Math.max(120, data.length * 34 + 10);
  return (
    <Suspense fallback={<Skeleton h={h} />}>
      <HorizontalBars data={data} label={label} height={h} />
    </Suspense>
  );
}

export const mantineColor = (name: string, shade = 6) => `var(--mantine-color-${name}-${shade})`;
