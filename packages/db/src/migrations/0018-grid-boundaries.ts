import { sql, type Kysely } from 'kysely';

/**
 * A grid's boundary (GeoJSON Polygon or MultiPolygon, WGS-84) lives in the
 * database too, not only in the config file: grids imported from a roster
 * spreadsheet carry theirs, and export writes every grid's back out. A grid
 * of the config keeps the config's boundary (seeding writes it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table linli_grids add column boundary jsonb`).execute(db);
}
