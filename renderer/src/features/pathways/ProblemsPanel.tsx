/**
 * Live validation: every problem of the open framework with its rule, severity (icon and word)
 * and what to do. Choosing a problem selects the steps it is about and frames them on the canvas;
 * a problem about the framework as a whole opens the Framework panel.
 */
import { Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { memo } from 'react';
import { countBySeverity, type PathwayProblem } from '../../../../shared/domain/pathways/validation';
import { editorStore, useEditor } from './editor-store';

export interface ProblemsPanelProps {
  problems: readonly PathwayProblem[];
  onShow(problem: PathwayProblem): void;
}

export function ProblemSummary({ problems, testId = 'problem-summary' }: { problems: readonly PathwayProblem[]; testId?: string }) {
  const { errors, warnings } = countBySeverity(problems);
  if (problems.length === 0) {
    return (
      <span className="plp-problem-count" data-severity="ok" data-testid={testId}>
        <IconCircleCheck size={16} aria-hidden /> No problems
      </span>
    );
  }
  return (
    <span className="plp-problem-counts" data-testid={testId}>
      {errors > 0 ? (
        <span className="plp-problem-count" data-severity="error">
          <IconCircleX size={16} aria-hidden /> {errors} {errors === 1 ? 'error' : 'errors'}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span className="plp-problem-count" data-severity="warning">
          <IconAlertTriangle size={16} aria-hidden /> {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      ) : null}
    </span>
  );
}

function ProblemsPanelComponent({ problems, onShow }: ProblemsPanelProps) {
  const open = useEditor((state) => state.problemsOpen);
  const Chevron = open ? IconChevronDown : IconChevronUp;
  return (
    <section className="plp-problems" aria-labelledby="plp-problems-title" data-testid="problems-panel" data-open={open}>
      <Group justify="space-between" wrap="nowrap" className="plp-problems-head">
        <Group gap="sm" wrap="nowrap">
          <Text component="h2" className="plp-rail-title" id="plp-problems-title">
            Problems
          </Text>
          <ProblemSummary problems={problems} />
        </Group>
        <UnstyledButton
          className="plp-problems-toggle"
          aria-expanded={open}
          aria-controls="plp-problems-list"
          onClick={() => editorStore.getState().setProblemsOpen(!open)}
        >
          <Chevron size={16} aria-hidden /> {open ? 'Hide' : 'Show'}
        </UnstyledButton>
      </Group>
      {open ? (
        <ScrollArea.Autosize mah={150} type="auto" id="plp-problems-list">
          {problems.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="sm" data-testid="problems-clean">
              This pathway passes every check: one start, one end, no loops, every step in sequence, groups that add up and activities in the catalog.
            </Text>
          ) : (
            <ul className="plp-problem-list">
              {problems.map((problem, index) => {
                const Icon = problem.severity === 'error' ? IconCircleX : IconAlertTriangle;
                return (
                  <li key={`${problem.ruleId}-${index}`}>
                    <UnstyledButton className="plp-problem" data-severity={problem.severity} data-rule={problem.ruleId} data-testid="problem" onClick={() => onShow(problem)}>
                      <span className="plp-problem-severity">
                        <Icon size={16} aria-hidden />
                        {problem.severity === 'error' ? 'Error' : 'Warning'}
                      </span>
                      <code className="plp-problem-rule">{problem.ruleId}</code>
                      <span className="plp-problem-message">{problem.message}</span>
                    </UnstyledButton>
                  </li>
                );
              })}
            </ul>
          )}
        </ScrollArea.Autosize>
      ) : null}
    </section>
  );
}

export const ProblemsPanel = memo(ProblemsPanelComponent);
