import { notifications, type NotificationData } from '@mantine/notifications';
import i18next from 'i18next';

/** Notifications with a labelled close button (Mantine leaves it unnamed). */
export function notify(data: NotificationData): string {
  return notifications.show({ ...data, closeButtonProps: { 'aria-label': i18next.t('common.close'), ...data.closeButtonProps } });
}

export const notifySuccess = (message: string) => notify({ message, color: 'teal' });
export const notifyError = (message: string) => notify({ message, color: 'red' });
