export { createWebRoutes, defaultWebRoot, type WebRoutesOptions } from './web-routes.js';
