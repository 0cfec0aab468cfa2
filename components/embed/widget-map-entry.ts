// Browser entry of the map widget: the list widget plus Leaflet (bundled by scripts/build-embed.mjs).
import { EmbedMap } from "./embed-map";
import { startEmbed } from "./start-embed";

startEmbed(EmbedMap);
