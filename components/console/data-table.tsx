import type { HTMLAttributes, ReactNode } from "react";

export interface DataTableProps {
  caption: ReactNode;
  captionClassName?: string;
  /** Column headings, in order. */
  columns: readonly string[];
  /** Adds a last column for each row's buttons, named only for screen readers ("Actions", or the name given). */
  actions?: boolean | string;
  /** The only row when there are none; leave it out where a table is never empty. */
  empty?: ReactNode;
  rowCount: number;
  /** On the scrolling box around the table: tests and scripts find tables by its data attributes. */
  boxProps?: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string>;
  /** The rows. */
  children: ReactNode;
}

/** A console table: captioned, with column headings, scrolling inside its box on a phone. */
export function DataTable({ caption, captionClassName, columns, actions = false, empty, rowCount, boxProps, children }: DataTableProps) {
  return (
    <div className="table-scroll section" {...boxProps}>
      <table className="data-table">
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{typeof actions === "string" ? actions : "Actions"}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 && empty ? (
            <tr>
              <td colSpan={columns.length + (actions ? 1 : 0)}>{empty}</td>
            </tr>
          ) : null}
          {children}
        </tbody>
      </table>
    </div>
  );
}
