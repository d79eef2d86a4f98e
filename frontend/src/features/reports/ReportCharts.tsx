import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Recharts lives in this chunk only: pages import it lazily, so the first load never carries it. */
export const PALETTE = ['#4F46E5', '#0EA5E9', '#10B981', '#F59E0B', '#EF4444', '#8B5CF6', '#EC4899', '#14B8A6'];

export interface ChartPoint {
  label: string;
  hours: number;
}

export function HoursBarChart({ bars, title }: { bars: ChartPoint[]; title: string }) {
  return (
    <figure aria-label={title} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis fontSize={12} unit=" h" width={48} />
          <Tooltip formatter={(value) => [`${Number(value).toFixed(2)} h`, 'Hours']} />
          <Bar dataKey="hours" fill="#4F46E5" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function HoursPieChart({ slices, title }: { slices: ChartPoint[]; title: string }) {
  return (
    <figure aria-label={title} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie data={slices} dataKey="hours" nameKey="label" outerRadius="75%" isAnimationActive={false}>
            {slices.map((slice, i) => (
              <Cell key={slice.label} fill={PALETTE[i % PALETTE.length]} />
            ))}
          </Pie>
          <Tooltip formatter={(value) => `${Number(value).toFixed(2)} h`} />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </figure>
  );
}
