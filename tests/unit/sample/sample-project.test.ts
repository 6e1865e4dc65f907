/**
 * The sample project that opens on first launch (the seed article's case study). It is the first
 * thing a new user sees, so beyond loading cleanly it must be a complete, credible example of
 * the method: a full capability model, varied needs-analysis evidence, a 70-20-10 catalog, a
 * clean pathway and a cohort whose pre-assessment gaps differ enough to personalise plans.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import { CURRENT_SCHEMA_VERSION, LEARNING_CATEGORIES, type Framework, type PathwayNode, type Project } from '../../../shared/domain/schema';

const SAMPLE_URL = new URL('../../../resources/sample/executive-presence.plp', import.meta.url);
const text = readFileSync(SAMPLE_URL, 'utf8');
const loaded = parseProjectText(text);

function describeFailure(): string {
  if (loaded.ok) return '';
  return [loaded.error.message, ...(loaded.error.details ?? [])].join('\n');
}

/** The parsed sample; fails the calling test with the loader's message if it does not load. */
function sample(): Project {
  if (!loaded.ok) throw new Error(`The sample project does not load:\n${describeFailure()}`);
  return loaded.value.project;
}

function onlyFramework(project: Project): Framework {
  expect(project.frameworks).toHaveLength(1);
  return project.frameworks[0]!;
}

function nodesOfKind<K extends PathwayNode['kind']>(framework: Framework, kind: K): Extract<PathwayNode, { kind: K }>[] {
  return framework.nodes.filter((node): node is Extract<PathwayNode, { kind: K }> => node.kind === kind);
}

function rankOf(project: Project): (levelId: string) => number {
  const ranks = new Map(project.scale.levels.map((level, index) => [level.id, index]));
  return (levelId) => {
    const rank = ranks.get(levelId);
    if (rank === undefined) throw new Error(`unknown level ${levelId}`);
    return rank;
  };
}

describe('sample project: executive presence for cell therapy account managers', () => {
  it('loads with parseProjectText as a current-version project', () => {
    expect(loaded.ok, describeFailure()).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.migratedFrom).toBeNull();
    expect(loaded.value.project.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('is stored exactly as the studio would save it (two-space JSON in schema order, nothing defaulted or dropped)', () => {
    // A key the schema does not know is silently stripped on load, and a missing field is
    // defaulted: either would make this comparison fail, so typos in hand edits are caught.
    const saved = serializeProject(sample()).split('\n');
    const stored = text.replace(/\r\n/g, '\n').split('\n');
    const line = saved.findIndex((savedLine, index) => savedLine !== stored[index]);
    const at = line === -1 ? Math.min(saved.length, stored.length) : line;
    const where = `line ${at + 1}: the file has ${JSON.stringify(stored[at] ?? '<end>')}, the studio would write ${JSON.stringify(saved[at] ?? '<end>')}`;
    expect(line === -1 && saved.length === stored.length, where).toBe(true);
  });

  it('has meta describing the case study', () => {
    const { meta } = sample();
    expect(meta.title).toBe('Executive Presence — Cell Therapy Account Managers');
    expect(meta.clientOrganisation).not.toBe('');
    expect(meta.authors.length).toBeGreaterThan(0);
    expect(meta.appVersion).toBe('0.1.0');
    expect(Date.parse(meta.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(meta.createdAt));
  });

  it('has the four-level scale with descriptions', () => {
    const { scale } = sample();
    expect(scale.levels.map((level) => level.id)).toEqual(['beginner', 'intermediate', 'skilled', 'expert']);
    for (const level of scale.levels) expect(level.description.length, level.id).toBeGreaterThan(20);
  });

  it('has a full capability model: 3 domains, 7–10 capabilities, each with skills and indicators for every level', () => {
    const project = sample();
    expect(project.domains).toHaveLength(3);
    expect(project.capabilities.length).toBeGreaterThanOrEqual(7);
    expect(project.capabilities.length).toBeLessThanOrEqual(10);
    const levelIds = project.scale.levels.map((level) => level.id);
    const externalIds = new Set<string>();
    for (const capability of project.capabilities) {
      expect(capability.description, capability.id).not.toBe('');
      expect(capability.externalId, capability.id).toMatch(/^EP-[A-Z]{3}-\d{2}$/);
      externalIds.add(capability.externalId);
      expect(capability.skills.length, capability.id).toBeGreaterThanOrEqual(1);
      expect(capability.skills.length, capability.id).toBeLessThanOrEqual(3);
      expect(capability.indicators.map((indicator) => indicator.levelId), capability.id).toEqual(levelIds);
      for (const indicator of capability.indicators) {
        const where = `${capability.id} @ ${indicator.levelId}`;
        expect(indicator.statements.length, where).toBeGreaterThanOrEqual(2);
        expect(indicator.statements.length, where).toBeLessThanOrEqual(3);
        for (const statement of indicator.statements) expect(statement.trim(), where).not.toBe('');
      }
    }
    expect(externalIds.size).toBe(project.capabilities.length);
    // Every domain is used.
    expect(new Set(project.capabilities.map((capability) => capability.domainId))).toEqual(new Set(project.domains.map((domain) => domain.id)));
  });

  it('gives every role a target for every capability, seniors aiming at least as high', () => {
    const project = sample();
    const rank = rankOf(project);
    expect(project.roles.length).toBeGreaterThanOrEqual(2);
    expect(project.roles.length).toBeLessThanOrEqual(3);
    const capabilityIds = project.capabilities.map((capability) => capability.id).sort();
    for (const role of project.roles) {
      expect(role.targets.map((target) => target.capabilityId).sort(), role.id).toEqual(capabilityIds);
    }
    const importances = new Set(project.roles.flatMap((role) => role.targets.map((target) => target.importance)));
    expect(importances).toEqual(new Set(['critical', 'important', 'useful']));

    const target = (roleId: string, capabilityId: string) =>
      rank(project.roles.find((role) => role.id === roleId)!.targets.find((t) => t.capabilityId === capabilityId)!.levelId);
    const [junior, senior] = project.roles;
    let higherSomewhere = false;
    for (const capabilityId of capabilityIds) {
      expect(target(senior!.id, capabilityId), capabilityId).toBeGreaterThanOrEqual(target(junior!.id, capabilityId));
      if (target(senior!.id, capabilityId) > target(junior!.id, capabilityId)) higherSomewhere = true;
    }
    expect(higherSomewhere).toBe(true);
  });

  it('has 8–14 needs-analysis findings from varied sources, with evidence and links to roles and capabilities', () => {
    const { findings } = sample();
    expect(findings.length).toBeGreaterThanOrEqual(8);
    expect(findings.length).toBeLessThanOrEqual(14);
    expect(new Set(findings.map((finding) => finding.source)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(findings.map((finding) => finding.priority))).toEqual(new Set(['high', 'medium', 'low']));
    for (const finding of findings) {
      expect(finding.evidence, finding.id).toMatch(/\d/);
      expect(finding.roleIds.length, finding.id).toBeGreaterThan(0);
      expect(finding.tags.length, finding.id).toBeGreaterThan(0);
    }
    expect(findings.filter((finding) => finding.capabilityIds.length > 0).length).toBeGreaterThanOrEqual(findings.length - 1);
  });

  it('has a catalog of 18–26 activities across all 70-20-10 categories and at least 8 modalities', () => {
    const { activities } = sample();
    expect(activities.length).toBeGreaterThanOrEqual(18);
    expect(activities.length).toBeLessThanOrEqual(26);
    expect(new Set(activities.map((activity) => activity.category))).toEqual(new Set(LEARNING_CATEGORIES));
    expect(new Set(activities.map((activity) => activity.modality)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(activities.map((activity) => activity.delivery))).toEqual(new Set(['self-paced', 'live']));
    for (const activity of activities) {
      expect(activity.hours, activity.id).toBeGreaterThanOrEqual(0.25);
      expect(activity.hours, activity.id).toBeLessThanOrEqual(20);
      expect(activity.provider, activity.id).not.toBe('');
      expect(activity.cost, activity.id).not.toBe('');
      if (activity.modality !== 'assessment') expect(activity.develops.length, activity.id).toBeGreaterThan(0);
    }
  });

  it('only links to https or mailto addresses', () => {
    const { activities } = sample();
    for (const activity of activities) expect(activity.link, activity.id).toMatch(/^(https:\/\/[a-z0-9.-]+\.example\/\S*|mailto:\S+@\S+)$/);
    // No other text carries a web address that is not https, or a script link.
    for (const address of text.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"]*/gi) ?? []) expect(address).toMatch(/^https:\/\//);
    expect(text).not.toMatch(/\bjavascript:/i);
  });

  it('develops capabilities from a lower level to a higher one', () => {
    const project = sample();
    const rank = rankOf(project);
    for (const activity of project.activities) {
      for (const development of activity.develops) {
        expect(rank(development.toLevelId), `${activity.id} → ${development.capabilityId}`).toBeGreaterThan(rank(development.fromLevelId));
      }
    }
  });

  it('has one framework with pre-assessment, core, an optional "choose 3" group, a check-in, post-assessment and capstone', () => {
    const project = sample();
    const framework = onlyFramework(project);
    const activityIds = new Set(project.activities.map((activity) => activity.id));
    const activity = (id: string | null) => project.activities.find((candidate) => candidate.id === id);

    expect(framework.durationWeeks).toBeGreaterThanOrEqual(8);
    expect(framework.mixTarget).toEqual({ experiential: 70, social: 20, formal: 10, tolerance: 10 });
    expect(framework.participationExpectations.length).toBeGreaterThanOrEqual(4);
    expect(framework.participationExpectations.length).toBeLessThanOrEqual(6);
    expect(framework.assessmentAndFeedback.length).toBeGreaterThanOrEqual(4);
    expect(framework.assessmentAndFeedback.length).toBeLessThanOrEqual(6);
    expect(framework.audienceRoleIds.length).toBeGreaterThan(0);
    expect(framework.focusCapabilityIds.length).toBeGreaterThan(0);

    const pre = nodesOfKind(framework, 'pre-assessment');
    expect(pre).toHaveLength(1);
    expect(new Set(pre[0]!.capabilityIds)).toEqual(new Set(framework.focusCapabilityIds));
    expect(activity(pre[0]!.activityId)?.modality).toBe('assessment');

    const core = nodesOfKind(framework, 'core');
    expect(core.length).toBeGreaterThanOrEqual(2);
    expect(core.length).toBeLessThanOrEqual(3);
    for (const node of core) expect(activityIds.has(node.activityId), node.id).toBe(true);

    const groups = nodesOfKind(framework, 'optional-group');
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group.min).toBe(3);
    expect(group.max).toBe(3);
    expect(group.selectionRule).toBe('by-gap');
    expect(group.activityIds.length).toBeGreaterThanOrEqual(6);
    expect(new Set(group.activityIds).size).toBe(group.activityIds.length);
    for (const id of group.activityIds) expect(activityIds.has(id), id).toBe(true);
    const options = group.activityIds.map((id) => activity(id)!);
    expect(new Set(options.map((option) => option.modality)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(options.map((option) => option.category))).toEqual(new Set(LEARNING_CATEGORIES));
    // Options are chosen by gap, so each must develop at least one focus capability.
    for (const option of options) {
      expect(option.develops.some((development) => framework.focusCapabilityIds.includes(development.capabilityId)), option.id).toBe(true);
    }

    const milestones = nodesOfKind(framework, 'milestone');
    expect(milestones.some((milestone) => milestone.checkIn)).toBe(true);

    const post = nodesOfKind(framework, 'post-assessment');
    expect(post).toHaveLength(1);
    expect(new Set(post[0]!.capabilityIds)).toEqual(new Set(framework.focusCapabilityIds));
    expect(activity(post[0]!.activityId)?.modality).toBe('assessment');

    const capstone = nodesOfKind(framework, 'capstone');
    expect(capstone).toHaveLength(1);
    expect(activity(capstone[0]!.activityId)?.title).toMatch(/^Capstone/);
  });

  it('gives every focus capability a way forward from every level below the audience targets', () => {
    const project = sample();
    const framework = onlyFramework(project);
    const rank = rankOf(project);
    const inPathway = new Set(framework.nodes.flatMap((node) => ('activityIds' in node ? node.activityIds : 'activityId' in node && node.activityId ? [node.activityId] : [])));
    const steps = project.activities
      .filter((activity) => inPathway.has(activity.id))
      .flatMap((activity) => activity.develops.map((development) => `${development.capabilityId}@${development.fromLevelId}`));
    for (const capabilityId of framework.focusCapabilityIds) {
      const highest = Math.max(
        ...framework.audienceRoleIds.map((roleId) => rank(project.roles.find((role) => role.id === roleId)!.targets.find((t) => t.capabilityId === capabilityId)!.levelId)),
      );
      for (let level = 0; level < highest; level++) {
        const levelId = project.scale.levels[level]!.id;
        // Only levels some learner actually starts from need a step.
        const anyoneThere = project.assessments.some((a) => a.kind === 'pre' && a.capabilityId === capabilityId && a.levelId === levelId);
        if (anyoneThere) expect(steps, `${capabilityId} from ${levelId}`).toContain(`${capabilityId}@${levelId}`);
      }
    }
  });

  it('lays the pathway out as a single left-to-right chain from pre-assessment to capstone', () => {
    const framework = onlyFramework(sample());
    const byId = new Map(framework.nodes.map((node) => [node.id, node]));
    const outgoing = new Map<string, string[]>();
    const incoming = new Map<string, number>();
    for (const edge of framework.edges) {
      outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target]);
      incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
      expect(edge.id).toMatch(/^e-[a-z0-9]+-[a-z0-9]+$/);
    }
    expect(framework.edges).toHaveLength(framework.nodes.length - 1);

    const start = nodesOfKind(framework, 'pre-assessment')[0]!;
    expect(incoming.get(start.id) ?? 0).toBe(0);
    const walk: PathwayNode[] = [start];
    const seen = new Set([start.id]);
    let current: PathwayNode = start;
    while ((outgoing.get(current.id) ?? []).length > 0) {
      const next: string[] = outgoing.get(current.id)!;
      expect(next, `${current.id} has one successor`).toHaveLength(1);
      const node: PathwayNode = byId.get(next[0]!)!;
      expect(seen.has(node.id), `cycle at ${node.id}`).toBe(false);
      expect(incoming.get(node.id), `${node.id} has one predecessor`).toBe(1);
      seen.add(node.id);
      walk.push(node);
      current = node;
    }
    expect(walk).toHaveLength(framework.nodes.length);

    const kinds = walk.map((node) => node.kind);
    expect(kinds[0]).toBe('pre-assessment');
    expect(kinds.at(-1)).toBe('capstone');
    expect(kinds.join(' ')).toMatch(/^pre-assessment( core){2,3} optional-group milestone post-assessment capstone$/);

    walk.forEach((node, index) => {
      expect(node.position.y, node.id).toBe(0);
      if (index > 0) expect(node.position.x - walk[index - 1]!.position.x, node.id).toBeGreaterThanOrEqual(200);
      expect(node.label, node.id).not.toBe('');
    });
  });

  it('has 10–14 learners in the audience roles, each with a pre-assessment of every focus capability', () => {
    const project = sample();
    const framework = onlyFramework(project);
    expect(project.learners.length).toBeGreaterThanOrEqual(10);
    expect(project.learners.length).toBeLessThanOrEqual(14);
    expect(new Set(project.learners.map((learner) => learner.team)).size).toBeGreaterThanOrEqual(4);
    for (const learner of project.learners) {
      expect(framework.audienceRoleIds, learner.id).toContain(learner.roleId);
      expect(learner.email, learner.id).toMatch(/@meridianbio\.example$/);
      expect(learner.manager, learner.id).not.toBe('');
      expect(learner.careerGoals, learner.id).not.toBe('');
      expect(learner.startDate, learner.id).toMatch(/^2026-/);
      expect(learner.hoursPerWeek, learner.id).toBeGreaterThanOrEqual(2);
      expect(learner.hoursPerWeek, learner.id).toBeLessThanOrEqual(4);
      for (const capabilityId of framework.focusCapabilityIds) {
        const pre = project.assessments.filter((a) => a.kind === 'pre' && a.learnerId === learner.id && a.capabilityId === capabilityId);
        expect(pre, `${learner.id} / ${capabilityId}`).toHaveLength(1);
        expect(pre[0]!.date, `${learner.id} / ${capabilityId}`).toMatch(/^2026-/);
      }
    }
  });

  it('has cohort gaps against role targets that vary from near-target to large', () => {
    const project = sample();
    const framework = onlyFramework(project);
    const rank = rankOf(project);
    const totals = project.learners.map((learner) => {
      const role = project.roles.find((candidate) => candidate.id === learner.roleId)!;
      return framework.focusCapabilityIds.reduce((sum, capabilityId) => {
        const target = role.targets.find((t) => t.capabilityId === capabilityId)!;
        const pre = project.assessments.find((a) => a.kind === 'pre' && a.learnerId === learner.id && a.capabilityId === capabilityId)!;
        return sum + Math.max(0, rank(target.levelId) - rank(pre.levelId));
      }, 0);
    });
    expect(new Set(totals).size).toBeGreaterThanOrEqual(3);
    expect(Math.min(...totals)).toBeLessThanOrEqual(1);
    expect(Math.max(...totals)).toBeGreaterThanOrEqual(6);
  });

  it('has self and manager ratings for a few learners, self mostly a little above manager, and no post-assessments or plans yet', () => {
    const project = sample();
    const rank = rankOf(project);
    const self = project.assessments.filter((a) => a.kind === 'self');
    const manager = project.assessments.filter((a) => a.kind === 'manager');
    const rated = new Set(self.map((a) => a.learnerId));
    expect(rated.size).toBeGreaterThanOrEqual(3);
    expect(rated.size).toBeLessThanOrEqual(4);
    let selfHigher = 0;
    for (const s of self) {
      const m = manager.find((a) => a.learnerId === s.learnerId && a.capabilityId === s.capabilityId);
      expect(m, `${s.id} has a manager counterpart`).toBeDefined();
      const difference = rank(s.levelId) - rank(m!.levelId);
      expect(difference, s.id).toBeGreaterThanOrEqual(0);
      expect(difference, s.id).toBeLessThanOrEqual(1);
      if (difference > 0) selfHigher++;
    }
    expect(selfHigher).toBeGreaterThan(self.length / 2);
    expect(selfHigher).toBeLessThan(self.length);
    expect(project.assessments.filter((a) => a.kind === 'post')).toHaveLength(0);
    expect(project.plans).toEqual([]);
  });

  it('uses readable, prefixed ids', () => {
    const project = sample();
    const framework = onlyFramework(project);
    const expectPrefix = (ids: string[], prefix: string) => {
      for (const id of ids) expect(id).toMatch(new RegExp(`^${prefix}-[a-z0-9-]+$`));
    };
    expectPrefix(project.domains.map((d) => d.id), 'dom');
    expectPrefix(project.capabilities.map((c) => c.id), 'cap');
    expectPrefix(project.capabilities.flatMap((c) => c.skills.map((s) => s.id)), 'skill');
    expectPrefix(project.roles.map((r) => r.id), 'role');
    expectPrefix(project.findings.map((f) => f.id), 'finding');
    expectPrefix(project.learners.map((l) => l.id), 'learner');
    expectPrefix(project.assessments.map((a) => a.id), 'asmt');
    expectPrefix(project.activities.map((a) => a.id), 'act');
    expectPrefix(framework.nodes.map((n) => n.id), 'node');
  });
});
