// The priority score's weights, one slider per factor with what it measures. Moving a slider
// previews the ranking (the page asks the server for the analysis under those weights); only
// administrators and risk leads can save them as the organization's weights.
import { Alert, Button, Card, Group, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core';
import {
  DEFAULT_SCORE_WEIGHTS,
  SCORE_FACTOR_DESCRIPTIONS,
  SCORE_FACTORS,
  type ScoreFactor,
  type ScoreWeights,
} from '@smart/core';
import { errorMessage } from '../../app/form-errors';
import { sameWeights } from './format';

export const FACTOR_LABEL: Record<ScoreFactor, string> = {
  blastRadius: 'Functions it stops',
  impact: 'Worst harm',
  noMitigation: 'No backup or workaround',
  phi: 'Patient data it holds',
  sectorConcentration: 'Sector concentration',
};

interface WeightsPanelProps {
  weights: ScoreWeights;
  saved: ScoreWeights;
  onChange: (weights: ScoreWeights) => void;
  canSave: boolean;
  onSave: () => void;
  saving: boolean;
  saveError: unknown;
  updatedBy?: string | null;
}

export function WeightsPanel({
  weights,
  saved,
  onChange,
  canSave,
  onSave,
  saving,
  saveError,
  updatedBy,
}: WeightsPanelProps) {
  const total = SCORE_FACTORS.reduce((sum, f) => sum + weights[f], 0);
  const changed = !sameWeights(weights, saved);
  return (
    <Card withBorder padding="lg" data-testid="weights">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4}>How the score is weighed</Title>
          <Text size="sm" c="dimmed" maw={760}>
            Each vendor gets a score from 0 to 100: the weighted average of the five measures below. Only the
            weights’ proportions matter.{' '}
            {canSave
              ? 'Move a slider to preview the ranking; save to make it the organization’s.'
              : 'Move a slider to preview the ranking; administrators and risk leads set the organization’s weights.'}
          </Text>
        </div>
        <Group gap="xs">
          {changed && (
            <Button variant="default" size="xs" onClick={() => onChange({ ...saved })}>
              Back to saved weights
            </Button>
          )}
          {!sameWeights(weights, DEFAULT_SCORE_WEIGHTS) && (
            <Button variant="subtle" size="xs" onClick={() => onChange({ ...DEFAULT_SCORE_WEIGHTS })}>
              Defaults
            </Button>
          )}
          {canSave && (
            <Button size="xs" onClick={onSave} loading={saving} disabled={!changed || total === 0}>
              Save weights
            </Button>
          )}
        </Group>
      </Group>
      {changed && (
        <Alert color="blue" variant="light" mb="sm" data-testid="weights-preview">
          Previewing unsaved weights. The exports and snapshots use the saved ones
          {updatedBy ? ` (last set by ${updatedBy})` : ''}.
        </Alert>
      )}
      {saveError !== null && saveError !== undefined && (
        <Alert color="red" mb="sm">
          {errorMessage(saveError)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="lg">
        {SCORE_FACTORS.map((factor) => (
          <Stack key={factor} gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {FACTOR_LABEL[factor]}
              </Text>
              <Text size="sm" c="dimmed">
                {total > 0 ? Math.round((100 * weights[factor]) / total) : 0}%
              </Text>
            </Group>
            <Slider
              thumbLabel={`Weight: ${FACTOR_LABEL[factor]}`}
              data-testid={`weight-${factor}`}
              min={0}
              max={100}
              step={5}
              value={weights[factor]}
              onChange={(value) => onChange({ ...weights, [factor]: value })}
            />
            <Text size="xs" c="dimmed">
              {SCORE_FACTOR_DESCRIPTIONS[factor]}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}
