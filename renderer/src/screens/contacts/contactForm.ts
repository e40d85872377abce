/**
 * The person form's values, apart from the editor so the rows it is made of (ReachRows) can name
 * them without importing the editor: the contact schema's fields plus, when creating, a first role.
 */
import { ContactFieldsShape, type ContactRecord } from '../../../../shared/features/contacts/schema';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';

export type ContactFormValues = FormValuesOf<typeof ContactFieldsShape> & {
  /** Only when creating: the role the person holds, saved in the same write. */
  position: { organisationId: string | null; role: string; from: string | null };
};

const noPosition = (): ContactFormValues['position'] => ({ organisationId: null, role: '', from: null });

export const blankContact = (): ContactFormValues => ({ ...defaultsOf(ContactFieldsShape), familyName: '', position: noPosition() });

export const contactFromRecord = (c: ContactRecord): ContactFormValues => ({ ...formValuesOf(ContactFieldsShape, c), position: noPosition() });
