/**
 * Referential integrity of a project: what the schema alone cannot see. A file with duplicate
 * ids or edges to missing nodes would make every later edit ambiguous, so the loader refuses it
 * and says exactly where the problem is.
 *
 * Framework nodes that point at a missing catalog activity are NOT integrity problems: the
 * pathway's live validation reports those, so a designer can open the file and fix them.
 */
import type { Project } from './schema';

export interface IntegrityProblem {
  /** JSON path of the offending value, e.g. `$.frameworks[0].edges[3].target`. */
  path: string;
  message: string;
}

type Path = string;

function checkUniqueIds(items: readonly { id: string }[], path: Path, what: string, problems: IntegrityProblem[]): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ path: `${path}[${index}].id`, message: `duplicate ${what} id "${item.id}" (first used at ${path}[${first}])` });
    } else {
      seen.set(item.id, index);
    }
  });
  return new Set(seen.keys());
}

function checkRef(ids: ReadonlySet<string>, id: string | null, path: Path, what: string, problems: IntegrityProblem[]): void {
  if (id !== null && !ids.has(id)) problems.push({ path, message: `refers to a ${what} "${id}" that does not exist` });
}

export function checkIntegrity(project: Project): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const levelIds = checkUniqueIds(project.scale.levels, '$.scale.levels', 'level', problems);
  const domainIds = checkUniqueIds(project.domains, '$.domains', 'domain', problems);
  const capabilityIds = checkUniqueIds(project.capabilities, '$.capabilities', 'capability', problems);
  const roleIds = checkUniqueIds(project.roles, '$.roles', 'role', problems);
  checkUniqueIds(project.findings, '$.findings', 'finding', problems);
  const learnerIds = checkUniqueIds(project.learners, '$.learners', 'learner', problems);
  checkUniqueIds(project.assessments, '$.assessments', 'assessment', problems);
  checkUniqueIds(project.activities, '$.activities', 'activity', problems);
  const frameworkIds = checkUniqueIds(project.frameworks, '$.frameworks', 'framework', problems);
  checkUniqueIds(project.plans, '$.plans', 'plan', problems);

  project.capabilities.forEach((capability, c) => {
    const at = `$.capabilities[${c}]`;
    checkRef(domainIds, capability.domainId, `${at}.domainId`, 'domain', problems);
    capability.indicators.forEach((indicator, i) => checkRef(levelIds, indicator.levelId, `${at}.indicators[${i}].levelId`, 'level', problems));
    checkUniqueIds(capability.skills, `${at}.skills`, 'skill', problems);
  });

  project.roles.forEach((role, r) => {
    role.targets.forEach((target, t) => {
      const at = `$.roles[${r}].targets[${t}]`;
      checkRef(capabilityIds, target.capabilityId, `${at}.capabilityId`, 'capability', problems);
      checkRef(levelIds, target.levelId, `${at}.levelId`, 'level', problems);
    });
  });

  project.findings.forEach((finding, f) => {
    finding.roleIds.forEach((id, i) => checkRef(roleIds, id, `$.findings[${f}].roleIds[${i}]`, 'role', problems));
    finding.capabilityIds.forEach((id, i) => checkRef(capabilityIds, id, `$.findings[${f}].capabilityIds[${i}]`, 'capability', problems));
  });

  project.learners.forEach((learner, l) => checkRef(roleIds, learner.roleId, `$.learners[${l}].roleId`, 'role', problems));

  project.assessments.forEach((assessment, a) => {
    const at = `$.assessments[${a}]`;
    checkRef(learnerIds, assessment.learnerId, `${at}.learnerId`, 'learner', problems);
    checkRef(capabilityIds, assessment.capabilityId, `${at}.capabilityId`, 'capability', problems);
    checkRef(levelIds, assessment.levelId, `${at}.levelId`, 'level', problems);
  });

  project.activities.forEach((activity, a) => {
    activity.develops.forEach((development, d) => {
      const at = `$.activities[${a}].develops[${d}]`;
      checkRef(capabilityIds, development.capabilityId, `${at}.capabilityId`, 'capability', problems);
      checkRef(levelIds, development.fromLevelId, `${at}.fromLevelId`, 'level', problems);
      checkRef(levelIds, development.toLevelId, `${at}.toLevelId`, 'level', problems);
    });
  });

  project.frameworks.forEach((framework, f) => {
    const at = `$.frameworks[${f}]`;
    framework.audienceRoleIds.forEach((id, i) => checkRef(roleIds, id, `${at}.audienceRoleIds[${i}]`, 'role', problems));
    framework.focusCapabilityIds.forEach((id, i) => checkRef(capabilityIds, id, `${at}.focusCapabilityIds[${i}]`, 'capability', problems));
    const nodeIds = checkUniqueIds(framework.nodes, `${at}.nodes`, 'node', problems);
    checkUniqueIds(framework.edges, `${at}.edges`, 'edge', problems);
    framework.edges.forEach((edge, e) => {
      checkRef(nodeIds, edge.source, `${at}.edges[${e}].source`, 'pathway node', problems);
      checkRef(nodeIds, edge.target, `${at}.edges[${e}].target`, 'pathway node', problems);
    });
  });

  project.plans.forEach((plan, p) => {
    checkRef(learnerIds, plan.learnerId, `$.plans[${p}].learnerId`, 'learner', problems);
    checkRef(frameworkIds, plan.frameworkId, `$.plans[${p}].frameworkId`, 'framework', problems);
  });

  checkUniqueIds(project.scaleMappings, '$.scaleMappings', 'scale mapping', problems);
  project.scaleMappings.forEach((mapping, m) => {
    mapping.entries.forEach((entry, e) => checkRef(levelIds, entry.levelId, `$.scaleMappings[${m}].entries[${e}].levelId`, 'level', problems));
  });

  return problems;
}
