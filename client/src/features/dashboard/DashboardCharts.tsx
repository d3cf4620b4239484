import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../lib/format.ts';

/**
 * The dashboard's charts: Recharts, in their own chunk, loaded only when the dashboard shows
 * one (never in the app shell). Each takes figures the server counted; nothing is counted here.
 */

export interface BarDatum {
  label: string;
  value: number;
  /** Shown in the tooltip and on the bar instead of the bare number (money, a share). */
  display?: string;
  color: string;
}

const axis = { fontSize: 12, fill: 'var(--mantine-color-gray-7)' };

/** Horizontal bars, one per row, with the figure printed at the end of each bar. */
export function HorizontalBars({ data, height, label }: { data: BarDatum[]; height?: number; label: string }) {
  const rows = data.map((d) => ({ ...d, shown: d.display ?? formatCount(d.value) }));
  // Room after the longest bar for its printed figure (about 7 px a character at 12 px).
  const right = Math.min(170, Math.max(40, Math.max(...rows.map((d) => d.shown.length)) * 7 + 12));
  return (
    <div role="img" aria-label={`${label}: ${rows.map((d) => `${d.label} ${d.shown}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={height ?? Math.max(120, data.length * 34 + 10)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right, bottom: 0, left: 0 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" hide domain={[0, 'dataMax']} />
          <YAxis type="category" dataKey="label" width={128} tick={axis} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'var(--mantine-color-gray-1)' }}
            formatter={(_v, _n, item) => [(item.payload as { shown: string }).shown, label]}
          />
          <Bar dataKey="value" isAnimationActive={false} radius={[0, 4, 4, 0]}>
            {rows.map((d) => (
              <Cell key={d.label} fill={d.color} />
            ))}
            <LabelList
              dataKey="shown"
              content={(props) => {
                // A plain <text>: Recharts' own label wraps at spaces ("47 ·" / "100%").
                const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6;
                const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
                return (
                  <text x={x} y={y} dy="0.35em" fontSize={12} fontWeight={600} fill="var(--mantine-color-gray-8)">
                    {props.value}
                  </text>
                );
              }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
