#!/usr/bin/env node
// The `snowline` command. Loads the TypeScript CLI through tsx, so no separate build step is needed.
import { register } from "tsx/esm/api";

register();
await import("../server/cli/main.ts");
