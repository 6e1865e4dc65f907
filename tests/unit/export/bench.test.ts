import { describe, expect, it } from 'vitest';
import { benchExport, cloneLearners } from '../../../electron/services/export/bench';
import { loadSample } from './support';

describe('benchExport', () => {
  it('clones the sample cohort to any size with unique ids', () => {
    const project = cloneLearners(loadSample(), 30);
    expect(project.learners).toHaveLength(30);
    expect(new Set(project.learners.map((learner) => learner.id)).size).toBe(30);
    expect(project.assessments.filter((assessment) => assessment.learnerId === project.learners[29]!.id).length).toBeGreaterThan(0);
  });

  it('times the model, both renderers and the floors per plan', async () => {
    const result = await benchExport({ learners: 1, freshFontSample: 1, clientSample: 1 });
    expect(result.plans).toBe(1);
    for (const times of [result.wallMs, result.cpuMs]) {
      for (const value of Object.values(times)) expect(value).toBeGreaterThan(0);
    }
    expect(result.pdfKiB).toBeGreaterThan(10);
  });
});
