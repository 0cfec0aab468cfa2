/** The postMessage type the widget sends and embed.js listens for. */
export const HEIGHT_MESSAGE = "snowline-embed:height";
