import type { NavArea } from '@mandap/shared/access';
import {
  IconCalendarEvent,
  IconCalendarMonth,
  IconChartBar,
  IconClipboardList,
  IconFileInvoice,
  IconHome,
  IconInbox,
  IconListCheck,
  IconReceiptRupee,
  IconSettings,
  IconTargetArrow,
  IconTruckDelivery,
  IconUsers,
} from '@tabler/icons-react';

export const NAV_ICONS: Record<NavArea['key'], typeof IconHome> = {
  dashboard: IconHome,
  leads: IconTargetArrow,
  events: IconCalendarEvent,
  calendar: IconCalendarMonth,
  quotes: IconFileInvoice,
  'my-tasks': IconListCheck,
  vendors: IconTruckDelivery,
  'my-work': IconClipboardList,
  finance: IconReceiptRupee,
  inbox: IconInbox,
  reports: IconChartBar,
  users: IconUsers,
  settings: IconSettings,
};
