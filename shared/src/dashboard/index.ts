/** The operations dashboard. */
export { type Dashboard, type DashboardQuery, NOTIFICATION_STATUSES, ZDashboard, ZDashboardQuery } from './schemas.ts';
