import { Parser } from "htmlparser2";

const MAX_ROWS = 200;

/**
 * Two-cell rows of an HTML attribute table (`<tr><td>ROUTEID</td><td>1</td></tr>`) as [name, value]
 * pairs. htmlparser2 is forgiving, which matters: MapInfo's KML export never closes its table.
 */
export function tableFromHtml(html: string): [string, string][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "tr") row = [];
        else if ((name === "td" || name === "th") && row) cell = "";
      },
      ontext(text) {
        if (cell !== null) cell += text;
      },
      onclosetag(name) {
        if ((name === "td" || name === "th") && row && cell !== null) {
          row.push(cell.trim());
          cell = null;
        } else if (name === "tr" && row) {
          if (rows.length < MAX_ROWS) rows.push(row);
          row = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return rows.filter((r) => r.length === 2 && r[0]).map((r) => [r[0]!, r[1]!]);
}

/** The text of an HTML description without its tags, whitespace collapsed. */
export function textFromHtml(html: string): string {
  let text = "";
  const parser = new Parser(
    {
      ontext(chunk) {
        text += chunk;
      },
      onopentag(name) {
        if (name === "br" || name === "p" || name === "tr") text += " ";
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\s+/g, " ").trim();
}
