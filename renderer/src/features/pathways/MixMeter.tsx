/**
 * The 70-20-10 meter: each category's share of the expected hours against the framework's
 * target, with the tolerance band drawn on the bar and the numbers and verdict in words.
 */
import { Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconCircleCheck } from '@tabler/icons-react';
import { memo } from 'react';
import type { FrameworkMix } from '../../../../shared/domain/pathways/mix';
import { LEARNING_CATEGORIES, type LearningCategory } from '../../../../shared/domain/schema';
import { CATEGORY_HINT, CATEGORY_LABEL, hours } from './visuals';

function Verdict({ mix, category }: { mix: FrameworkMix; category: LearningCategory }) {
  if (mix.hours.total === 0) return null;
  const difference = Math.round(mix.percent[category] - mix.target[category]);
  if (mix.onTarget[category]) {
    return (
      <span className="plp-mix-verdict" data-state="on">
        <IconCircleCheck size={14} aria-hidden /> On target
      </span>
    );
  }
  const Icon = difference < 0 ? IconArrowDownRight : IconArrowUpRight;
  return (
    <span className="plp-mix-verdict" data-state="off">
      <Icon size={14} aria-hidden /> {Math.abs(difference)} pts {difference < 0 ? 'under' : 'over'}
    </span>
  );
}

function MixMeterComponent({ mix, weeks }: { mix: FrameworkMix; weeks: number }) {
  const { target } = mix;
  const total = mix.hours.total;
  return (
    <section className="plp-mix" aria-labelledby="plp-mix-title" data-testid="mix-meter">
      <div className="plp-mix-head">
        <Text component="h2" className="plp-rail-title" id="plp-mix-title">
          70-20-10 mix
        </Text>
        <Text size="xs" c="dimmed" data-testid="mix-total" title="Expected hours per learner, and per week over the planned duration">
          {total === 0 ? 'No hours yet' : `${hours(total)} · ${hours(total / Math.max(weeks, 1))} a week`}
        </Text>
      </div>
      <ul className="plp-mix-rows">
        {LEARNING_CATEGORIES.map((category) => {
          const percent = mix.percent[category];
          const low = Math.max(0, target[category] - target.tolerance);
          const high = Math.min(100, target[category] + target.tolerance);
          return (
            <li key={category} className="plp-mix-row" data-category={category} data-testid={`mix-${category}`} data-on-target={mix.onTarget[category]}>
              <div className="plp-mix-label">
                <span className="plp-mix-name">
                  <span className="plp-cat-dot" data-category={category} aria-hidden />
                  {CATEGORY_LABEL[category]}
                  <span className="plp-mix-hint"> · {CATEGORY_HINT[category]}</span>
                </span>
                <strong className="plp-mix-numbers">{Math.round(percent)}%</strong>
              </div>
              <div className="plp-mix-bar" aria-hidden>
                <span className="plp-mix-band" style={{ left: `${low}%`, width: `${high - low}%` }} />
                <span className="plp-mix-fill" data-category={category} style={{ width: `${Math.min(100, percent)}%` }} />
                <span className="plp-mix-target-mark" style={{ left: `${target[category]}%` }} />
              </div>
              <div className="plp-mix-foot">
                <span className="plp-mix-target">
                  {hours(mix.hours[category])} · target {target[category]}% ±{target.tolerance}
                </span>
                <Verdict mix={mix} category={category} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const MixMeter = memo(MixMeterComponent);
