import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconLock, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { emailKinds, phoneKinds } from '../../../../shared/features/contacts/schema';
import type { ContactFormValues } from './contactForm';

/** The e-mail and phone lists of the person form: one row per entry, each with its kind. */
export function ReachRows({ form }: { form: UseFormReturnType<ContactFormValues> }) {
  const { t } = useTranslation();
  const emailOptions = emailKinds.map((k) => ({ value: k, label: t(`contacts.emailKinds.${k}`) }));
  const phoneOptions = phoneKinds.map((k) => ({ value: k, label: t(`contacts.phoneKinds.${k}`) }));

  // A new row takes the focus, so adding one by keyboard continues straight into it.
  const add = (list: 'emails' | 'phones') => {
    const index = form.values[list].length;
    if (list === 'emails') form.insertListItem('emails', { address: '', kind: 'work' });
    else form.insertListItem('phones', { number: '', kind: 'work' });
    requestAnimationFrame(() => document.getElementById(`contact-${list}-${index}`)?.focus());
  };

  return (
    <Stack gap="sm">
      {/* A labelled group rather than a fieldset, so the list's name looks like the other labels. */}
      <div role="group" aria-labelledby="contact-emails-label">
        <Text id="contact-emails-label" size="sm" fw={500} mb={4}>
          {t('contacts.fields.emails')}
        </Text>
        <Stack gap={6}>
          {form.values.emails.map((e, i) => (
            <Group key={i} gap={6} wrap="nowrap" align="flex-start">
              <TextInput
                id={`contact-emails-${i}`}
                aria-label={t('contacts.fields.emailAddress', { n: i + 1 })}
                placeholder="name@example.org"
                type="email"
                style={{ flex: 1 }}
                {...form.getInputProps(`emails.${i}.address`)}
              />
              <Select
                aria-label={t('contacts.fields.emailKind', { n: i + 1 })}
                data={emailOptions}
                allowDeselect={false}
                w={112}
                comboboxProps={{ withinPortal: true }}
                leftSection={e.kind === 'private' ? <IconLock size={14} aria-hidden /> : undefined}
                {...form.getInputProps(`emails.${i}.kind`)}
              />
              <Tooltip label={t('common.remove')}>
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('contacts.removeEmail', { n: i + 1 })} onClick={() => form.removeListItem('emails', i)}>
                  <IconX size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group>
            <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => add('emails')}>
              {t('contacts.addEmail')}
            </Button>
          </Group>
        </Stack>
      </div>
      <div role="group" aria-labelledby="contact-phones-label">
        <Text id="contact-phones-label" size="sm" fw={500} mb={4}>
          {t('contacts.fields.phones')}
        </Text>
        <Stack gap={6}>
          {form.values.phones.map((p, i) => (
            <Group key={i} gap={6} wrap="nowrap" align="flex-start">
              <TextInput
                id={`contact-phones-${i}`}
                aria-label={t('contacts.fields.phoneNumber', { n: i + 1 })}
                placeholder="+49 228 123456"
                type="tel"
                style={{ flex: 1 }}
                {...form.getInputProps(`phones.${i}.number`)}
              />
              <Select
                aria-label={t('contacts.fields.phoneKind', { n: i + 1 })}
                data={phoneOptions}
                allowDeselect={false}
                w={112}
                comboboxProps={{ withinPortal: true }}
                leftSection={p.kind === 'private' ? <IconLock size={14} aria-hidden /> : undefined}
                {...form.getInputProps(`phones.${i}.kind`)}
              />
              <Tooltip label={t('common.remove')}>
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('contacts.removePhone', { n: i + 1 })} onClick={() => form.removeListItem('phones', i)}>
                  <IconX size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group>
            <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => add('phones')}>
              {t('contacts.addPhone')}
            </Button>
          </Group>
        </Stack>
      </div>
    </Stack>
  );
}
