import { _ } from '@ngx-translate/core';

/** Areas of Kengash that are announced in the navigation but not built yet. */
export type PlannedArea = 'network';

export interface PlannedAreaCopy {
  /** Page title and heading: the same words as the navigation entry. */
  title: string;
  /** What the area will hold. */
  description: string;
}

export const PLANNED_AREAS: Record<PlannedArea, PlannedAreaCopy> = {
  network: {
    title: _('nav.network'),
    description: _('areas.network.description'),
  },
};
