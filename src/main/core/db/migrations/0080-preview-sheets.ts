import type { Migration } from '../migrate';

/**
 * How a recording's timeline previews are stored: sheets of this many previews side by side
 * (shared/domain/preview-sheets.ts). Recordings imported earlier keep NULL: one file per frame.
 */
export const previewSheets: Migration = {
  version: 80,
  name: 'preview sheets',
  up(db) {
    db.exec(`ALTER TABLE recordings ADD COLUMN previews_per_sheet INTEGER CHECK (previews_per_sheet IS NULL OR previews_per_sheet > 0)`);
  },
};
