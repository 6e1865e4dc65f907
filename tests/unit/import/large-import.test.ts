import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { execute, startHistory, undo } from '../../../shared/domain/history';
import { hasChanges, importCommand, planAssessmentImport, proposeAssessmentImport } from '../../../shared/domain/import/assessment-import';
import { parseCsv } from '../../../shared/domain/import/table';
import { generateLargeAssessmentImport } from '../../fixtures/import/generate-large';
import { counterIds } from './support';

describe('a 5,000-row × 30-capability import', () => {
  it('plans and applies (timings printed, not asserted) and is idempotent at size', () => {
    const { project, csv } = generateLargeAssessmentImport({ rows: 5_000, capabilities: 30 });
    const newId = counterIds();
    const t0 = performance.now();
    const table = parseCsv(csv);
    if (!table.ok) throw new Error(table.error.message);
    const t1 = performance.now();
    const proposal = proposeAssessmentImport(project, table.value);
    const plan = planAssessmentImport({ project, table: table.value, ...proposal, kind: 'pre', date: '2026-05-04', newId });
    const t2 = performance.now();
    const history = execute(startHistory(project, { saved: true }), importCommand(plan));
    const t3 = performance.now();
    const again = planAssessmentImport({ project: history.present, table: table.value, ...proposal, kind: 'pre', date: '2026-05-04', newId });
    const t4 = performance.now();

    console.log(
      `import 5,000 rows × 30 capabilities (${(csv.length / 1024 / 1024).toFixed(1)} MB CSV): ` +
        `parse ${(t1 - t0).toFixed(0)} ms, plan ${(t2 - t1).toFixed(0)} ms, apply ${(t3 - t2).toFixed(0)} ms, ` +
        `plan+apply ${(t3 - t1).toFixed(0)} ms, re-plan ${(t4 - t3).toFixed(0)} ms; ` +
        `${plan.counts.learnersCreated} learners created, ${plan.counts.learnersUpdated} updated, ${plan.counts.assessmentsAdded} assessments, ` +
        `${plan.counts.cellsRejected} cells rejected, ${plan.counts.warnings} warnings`,
    );

    expect(proposal.problems).toEqual([]);
    expect(plan.counts.rows).toBe(5_000);
    expect(plan.counts.learnersCreated).toBe(2_500);
    expect(plan.counts.assessmentsAdded + plan.counts.cellsNotAssessed + plan.counts.cellsRejected).toBe(150_000);
    expect(history.present.assessments).toHaveLength(plan.counts.assessmentsAdded);
    expect(history.past).toHaveLength(1);
    expect(hasChanges(again)).toBe(false);
    expect(undo(history).present).toBe(project);
  });
});
