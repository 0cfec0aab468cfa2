export type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts: brotli, then gzip, else none (q=0 refuses one). */
export function acceptedEncoding(header: string | undefined): Encoding {
  if (!header) return "identity";
  let hasGzip = false;
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const isRefused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (isRefused) continue;
    if (name === "br") return "br";
    if (name === "gzip" || name === "*") hasGzip = true;
  }
  return hasGzip ? "gzip" : "identity";
}
