// The expressions the outcomes report reads from a saved TOP, written once: the custom migration
// `outcome_and_caseload_indexes` indexes them, partial to the TOP templates, and the report SQL uses them
// verbatim (SQLite uses an index on an expression only for the same expression, and a partial
// index only when the query repeats its condition). A month's TOP change then reads index entries
// of about 200 bytes per TOP, not two encrypted table pages of each person's whole TOP body.
import { TOP_MEASURE_ITEM_IDS, TOP_TEMPLATE_IDS } from '../../domain/sms/top-summary';

/** The templates a TOP is saved under, as SQL literals (the partial indexes' condition). */
export const TOP_TEMPLATES_SQL = `(${TOP_TEMPLATE_IDS.map((t) => `'${t}'`).join(', ')})`;

/** Start, review, exit or post-treatment (domain/templates/library/top-items.ts). */
export const TOP_STAGE_SQL = `json_extract(body, '$.answers."stage"')`;

/** The answers the TOP measures read (TOP_MEASURE_ITEM_IDS), as one JSON array in that order; null where not answered. */
export const TOP_MEASURES_SQL = `json_extract(body, ${TOP_MEASURE_ITEM_IDS.map((id) => `'$.answers."${id}"'`).join(', ')})`;
