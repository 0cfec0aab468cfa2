/**
 * Reads a secret piped to the command (`printf '%s' "$PW" | npx snowline …`). A terminal is refused:
 * it would echo the password as it is typed; the sign-in link is the interactive way.
 */
export async function readSecretFromStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY) {
    throw new Error("--password-stdin reads a piped password, e.g. printf '%s' \"$PASSWORD\" | npx snowline user add …; leave it out to get a one-time sign-in link instead");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  // `echo` adds one line break; the password itself never ends with one.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}
