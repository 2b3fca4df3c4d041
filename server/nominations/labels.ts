// How the form's choices are worded for the family (the stored values are the spec's keys).
import type { Relationship, StillInvolved } from './form.ts';

export const RELATIONSHIP_CHOICES: { value: Relationship; label: string }[] = [
  { value: 'parent', label: 'I am a parent' },
  { value: 'carer', label: 'I am a carer, foster carer or kinship carer' },
  { value: 'young_person', label: 'I am a young person they worked with' },
  { value: 'relative', label: 'I am a relative, for example a grandparent, aunt or uncle' },
  { value: 'professional', label: 'I am a professional who worked with the family' },
  { value: 'other', label: 'Other' },
];

export const STILL_INVOLVED_CHOICES: { value: StillInvolved; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'moved_on', label: 'No, they have moved on' },
  { value: 'case_closed', label: 'No, our case is closed' },
  { value: 'not_sure', label: 'I am not sure' },
];

export const labelOf = (choices: { value: string; label: string }[], value: string) =>
  choices.find((c) => c.value === value)?.label ?? value;
