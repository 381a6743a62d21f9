// The harm over time on each materiality dimension: the worst level any function in scope
// reaches, as a stepped line from day 0 to the end of the outage, with the moment the timeline
// shows marked. Levels are named from the rubric on the axis and in the tooltip.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, Text, Title } from '@mantine/core';
import { chartRows } from './format';
import type { AnalysisDimension, ScenarioResult } from './types';

const COLORS = ['red.6', 'orange.6', 'blue.6', 'grape.6', 'teal.6', 'indigo.6', 'lime.7'];

interface ImpactChartProps {
  result: ScenarioResult;
  dimensions: AnalysisDimension[];
  atHours: number;
}

export function ImpactChart({ result, dimensions, atHours }: ImpactChartProps) {
  const { impact, scenario } = result;
  const data = chartRows(impact.points, impact.dimensions, scenario.durationHours);
  const top = Math.max(1, ...dimensions.flatMap((d) => d.levels.map((l) => l.level)));
  // The level names of the first dimension that has them (the default rubric shares one scale).
  const levelName = (level: number) =>
    dimensions.flatMap((d) => d.levels).find((l) => l.level === level)?.label ?? String(level);
  return (
    <Card withBorder padding="lg" data-testid="impact-chart">
      <Title order={4}>Harm over time</Title>
      <Text size="sm" c="dimmed" mb="md">
        The worst level each kind of harm reaches among the functions in scope, by day of the outage (levels
        from your materiality rubric). The grey line marks the moment the timeline shows.
      </Text>
      <LineChart
        h={300}
        data={data}
        dataKey="day"
        curveType="stepAfter"
        series={impact.dimensions.map((d, i) => ({
          name: d.label,
          color: COLORS[i % COLORS.length] ?? 'gray.6',
        }))}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 50 }}
        xAxisLabel="Day of the outage"
        xAxisProps={{
          type: 'number',
          domain: [0, Math.round((scenario.durationHours / 24) * 10) / 10],
          allowDecimals: false,
        }}
        yAxisProps={{
          domain: [0, top],
          // One tick per level of the rubric, each named: a tick between two levels would mean nothing.
          ticks: Array.from({ length: top + 1 }, (_, level) => level),
          interval: 0,
          allowDecimals: false,
          width: 110,
          tickFormatter: (v: number) => levelName(v),
        }}
        valueFormatter={(v) => `${v} · ${levelName(v)}`}
        referenceLines={[{ x: Math.round((atHours / 24) * 10) / 10, color: 'gray.6' }]}
        withDots={false}
        strokeWidth={2.5}
      />
    </Card>
  );
}
