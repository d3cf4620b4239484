import { createRouter } from '../../lib/router.ts';

export const vendorWorkRoutes = createRouter();
