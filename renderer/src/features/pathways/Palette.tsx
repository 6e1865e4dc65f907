/**
 * The left rail: the step kinds and the activity catalog. Drag one onto the canvas (or an
 * activity into an optional group), or press it to add it at the centre of the view — the
 * keyboard way.
 */
import { ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { PATHWAY_NODE_KINDS, type Activity, type PathwayNodeKind } from '../../../../shared/domain/schema';
import { MODALITY_LABEL } from '../labels';
import { justDragged, startPointerDrag, type DragPayload, type DropTarget } from './pointer-drag';
import { CategoryTag } from './StepNode';
import { KIND_HINT, KIND_ICON, KIND_TITLE, MODALITY_ICON, hours } from './visuals';

export interface PaletteProps {
  activities: readonly Activity[];
  canvas: () => HTMLElement | null;
  onDrop(payload: DragPayload, target: DropTarget): void;
  onAddKind(kind: PathwayNodeKind): void;
  onAddActivity(activityId: string): void;
}

function PaletteComponent({ activities, canvas, onDrop, onAddKind, onAddActivity }: PaletteProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => {
    const needle = deferred.trim().toLowerCase();
    if (!needle) return activities;
    return activities.filter((activity) => `${activity.title} ${MODALITY_LABEL[activity.modality]} ${activity.category}`.toLowerCase().includes(needle));
  }, [activities, deferred]);

  return (
    <section className="plp-palette" aria-label="Steps and activities to add">
      <div className="plp-palette-section">
        <Text component="h2" className="plp-rail-title">
          Steps
        </Text>
        <Text size="xs" c="dimmed" mb={8}>
          Drag onto the canvas, or press to add
        </Text>
        <ul className="plp-palette-list">
          {PATHWAY_NODE_KINDS.map((kind) => {
            const Icon = KIND_ICON[kind];
            return (
              <li key={kind}>
                <UnstyledButton
                  className="plp-palette-item"
                  title={KIND_HINT[kind]}
                  data-kind={kind}
                  data-testid={`palette-${kind}`}
                  aria-label={`Add ${KIND_TITLE[kind].toLowerCase()}: ${KIND_HINT[kind]}`}
                  onPointerDown={(event) => startPointerDrag(event, { payload: { type: 'kind', kind }, label: KIND_TITLE[kind], canvas, onDrop })}
                  onClick={() => {
                    if (!justDragged()) onAddKind(kind);
                  }}
                >
                  <span className="plp-palette-icon" data-kind={kind}>
                    <Icon size={16} stroke={1.8} aria-hidden />
                  </span>
                  <span className="plp-palette-name">{KIND_TITLE[kind]}</span>
                </UnstyledButton>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="plp-palette-section plp-palette-catalog">
        <Text component="h2" className="plp-rail-title">
          Activity catalog
        </Text>
        <Text size="xs" c="dimmed" mb={8}>
          Drop on the canvas for a core step, or into an optional group
        </Text>
        <TextInput
          size="xs"
          placeholder="Search activities"
          aria-label="Search the activity catalog"
          leftSection={<IconSearch size={14} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          mb={6}
          data-testid="catalog-search"
        />
        <ScrollArea className="plp-catalog-scroll" type="auto" offsetScrollbars="y">
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {activities.length === 0 ? 'The catalog is empty.' : 'No activity matches.'}
            </Text>
          ) : (
            <ul className="plp-palette-list">
              {shown.map((activity) => {
                const Icon = MODALITY_ICON[activity.modality];
                return (
                  <li key={activity.id}>
                    <UnstyledButton
                      className="plp-catalog-item"
                      data-testid="catalog-activity"
                      data-id={activity.id}
                      aria-label={`Add ${activity.title} as a core step (${MODALITY_LABEL[activity.modality]}, ${hours(activity.hours)}, ${activity.category})`}
                      onPointerDown={(event) => startPointerDrag(event, { payload: { type: 'activity', activityId: activity.id }, label: activity.title, canvas, onDrop })}
                      onClick={() => {
                        if (!justDragged()) onAddActivity(activity.id);
                      }}
                    >
                      <span className="plp-catalog-text">
                        <span className="plp-catalog-title">{activity.title}</span>
                        <span className="plp-catalog-meta">
                          <Icon size={14} stroke={1.8} aria-hidden />
                          <span className="plp-grow">
                            {MODALITY_LABEL[activity.modality]} · {hours(activity.hours)}
                          </span>
                          <CategoryTag category={activity.category} compact />
                        </span>
                      </span>
                    </UnstyledButton>
                  </li>
                );
              })}
            </ul>
          )}
        </ScrollArea>
      </div>
    </section>
  );
}

export const Palette = memo(PaletteComponent);
