import { consoleRoutes } from "./console-routes";
import type { RouteContract } from "./define-route";
import { publicRoutes } from "./public-routes";

/** Every /api/v1 operation, public ones first: the server binds them and the document lists them. */
export const API_ROUTES: readonly RouteContract[] = [...Object.values(publicRoutes), ...Object.values(consoleRoutes)];
