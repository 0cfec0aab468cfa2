// Browser entry of the summary and list widget (bundled by scripts/build-embed.mjs): no map library.
import { startEmbed } from "./start-embed";

startEmbed();
