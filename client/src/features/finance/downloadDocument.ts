import { notifications } from '@mantine/notifications';
import { downloadPdf } from './finance.api.ts';

/** Downloads a receipt or invoice PDF; a failure is shown as a notification with the server's reason. */
export const downloadDocument = (path: string, number: string) =>
  downloadPdf(path, number).catch((err: Error) =>
    notifications.show({ color: 'red', title: 'Download failed', message: err.message }),
  );
