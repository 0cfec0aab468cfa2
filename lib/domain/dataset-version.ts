/**
 * What the public data reflects: the change log's head and the assets' last import. Status
 * changes move `seq`; imports of new or renamed assets do not, so they count too.
 */
export interface DatasetVersion {
  seq: number;
  /** When the newest public change or asset import happened (epoch ms), or null before any. */
  lastModified: number | null;
  /** Short, opaque and different whenever the public data may differ; the base of ETags. */
  tag: string;
}
