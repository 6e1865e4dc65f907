import { describe, expect, it } from 'vitest';
import { checkColumnMapping, matchHeader, proposeColumnMapping, type ColumnTarget } from '../../../shared/domain/import/column-mapping';
import { loadSample } from './support';

const project = loadSample();
const target = (header: string): ColumnTarget => matchHeader(header, project);

describe('matching headers', () => {
  it.each([
    ['Full name', 'name'],
    ['Name', 'name'],
    ['Employee', 'name'],
    ['First name', 'firstName'],
    ['Surname', 'lastName'],
    ['E-mail', 'email'],
    ['EMAIL ADDRESS', 'email'],
    ['Job title', 'role'],
    ['Role', 'role'],
    ['Line manager', 'manager'],
    ['Reports to', 'manager'],
    ['Region', 'team'],
    ['Team', 'team'],
    ['Department', 'team'],
  ])('"%s" is the learner field %s', (header, field) => {
    expect(target(header)).toEqual({ kind: 'learner', field });
  });

  it.each([
    ['Executive communication', 'cap-exec-communication'],
    ['EXECUTIVE COMMUNICATION', 'cap-exec-communication'],
    ['composure-under-pressure', 'cap-composure'],
    ['Composure Under Pressure!', 'cap-composure'],
    ['Navigating cross functional teams', 'cap-cross-functional'],
    ['Building trust with treatment centres & KOLs', 'cap-trust-centres-kols'],
    ['Strategic Business Acumen – Cell Therapy Market & Access', 'cap-business-acumen'],
    ['EP-CRD-02', 'cap-scientific-credibility'],
    ['ep crd 02', 'cap-scientific-credibility'],
    ['EP-COM-03 Storytelling with data', 'cap-data-storytelling'],
    ['Q4. Stakeholder influence (self-rating)', 'cap-stakeholder-influence'],
    ['12) Stakeholder influence', 'cap-stakeholder-influence'],
    ['Stakeholder influence rating', 'cap-stakeholder-influence'],
  ])('"%s" is the capability %s', (header, capabilityId) => {
    expect(target(header)).toEqual({ kind: 'capability', capabilityId });
  });

  it('ignores headers it does not know, and partial capability names', () => {
    for (const header of ['Comments', 'Timestamp', 'Communication', '', 'Stakeholder']) expect(target(header), header).toEqual({ kind: 'ignore' });
  });
});

describe('proposeColumnMapping', () => {
  it('maps each field and capability once, in column order, and is plain editable data', () => {
    const mapping = proposeColumnMapping(['Full name', 'E-mail', 'Name', 'Composure under pressure', 'COMPOSURE UNDER PRESSURE', 'Notes'], project);
    expect(mapping.columns.map((column) => column.target)).toEqual([
      { kind: 'learner', field: 'name' },
      { kind: 'learner', field: 'email' },
      { kind: 'ignore' },
      { kind: 'capability', capabilityId: 'cap-composure' },
      { kind: 'ignore' },
      { kind: 'ignore' },
    ]);
    expect(mapping.columns[2]).toEqual({ column: 2, header: 'Name', target: { kind: 'ignore' } });
    expect(JSON.parse(JSON.stringify(mapping))).toEqual(mapping);
    expect(checkColumnMapping(mapping, project)).toEqual([]);
  });

  it('explains what prevents an import', () => {
    expect(checkColumnMapping(proposeColumnMapping(['Comments', 'Score'], project), project)).toEqual([
      "No column is mapped to the learner's name or e-mail, so no row can be matched to a learner.",
    ]);
    // Learner columns without capability columns are a roster import, not a problem.
    expect(checkColumnMapping(proposeColumnMapping(['Name', 'E-mail', 'Role', 'Team'], project), project)).toEqual([]);
    const edited = proposeColumnMapping(['Name', 'Composure under pressure', 'Other'], project);
    edited.columns[2]!.target = { kind: 'capability', capabilityId: 'cap-composure' };
    expect(checkColumnMapping(edited, project)).toEqual(['Columns B (Composure under pressure) and C (Other) are both mapped to the same capability.']);
    edited.columns[2]!.target = { kind: 'capability', capabilityId: 'cap-gone' };
    expect(checkColumnMapping(edited, project)[0]).toMatch(/C \(Other\) is mapped to a capability that is not in the project/);
  });
});
