import { useServices } from '../app/services';

/** The empty states' one way to start: open the sample project (after the unsaved-work prompt). */
export function useStartWithSample(): () => void {
  const { actions } = useServices();
  return () => void actions.newProject('sample');
}
