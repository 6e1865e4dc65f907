/** "Frameworks | Activity catalog": the two views of the Pathways workspace, in its header. */
import { SegmentedControl } from '@mantine/core';
import { pathwaysViewStore, usePathwaysView } from './view-store';

export function PathwaysViewSwitch() {
  const view = usePathwaysView();
  return (
    <SegmentedControl
      className="plp-view-switch"
      aria-label="Pathways view"
      value={view}
      onChange={(value) => pathwaysViewStore.getState().setView(value === 'catalog' ? 'catalog' : 'frameworks')}
      data={[
        { value: 'frameworks', label: 'Frameworks' },
        { value: 'catalog', label: 'Activity catalog' },
      ]}
      data-testid="pathways-view"
    />
  );
}
