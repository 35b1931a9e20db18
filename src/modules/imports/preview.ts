/** One change an import will make, shown before apply. */
export interface PreviewItem {
  row: number;
  action: 'create' | 'update';
  /** CCCD or unit code. */
  key: string;
  /** Name of the person or unit, for display. */
  label: string;
  /** Fields that change (empty for a create). */
  fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** Counts of what apply would do. */
export interface ChangeCounts {
  create: number;
  update: number;
  unchanged: number;
}

/** How many changes the job keeps for the preview. */
export const PREVIEW_LIMIT = 200;
