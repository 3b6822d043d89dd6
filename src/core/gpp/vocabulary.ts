// The names a site uses in its `gpp` config, and what each stands for in the sections.
import type { GppKnownChildData, GppNoticeName, GppSensitiveData } from '../types';

/**
 * The sixteen categories of sensitive data of the usnat section's `SensitiveDataProcessing`
 * (version 2), in their order: consent values 0 not applicable, 1 no consent, 2 consent.
 */
export const SENSITIVE_DATA = [
  'racialOrEthnicOrigin',
  'religiousOrPhilosophicalBeliefs',
  'health',
  'sexLifeOrSexualOrientation',
  'citizenshipOrImmigrationStatus',
  'geneticData',
  'biometricData',
  'preciseGeolocation',
  'governmentId',
  'financialAccount',
  'unionMembership',
  'communicationsContents',
  'consumerHealthData',
  'crimeVictimStatus',
  'nationalOrigin',
  'transgenderOrNonbinaryStatus',
] as const satisfies readonly GppSensitiveData[];

/** The usnat section's `KnownChildSensitiveDataConsents` (version 2), in its order. */
export const KNOWN_CHILD_DATA = ['age13to16', 'under13', 'age16to17'] as const satisfies readonly GppKnownChildData[];

/**
 * The notices a site states it gives, and the fields that carry each (a section has the fields
 * its law requires; `sensitiveDataOptOut` is Utah's and Iowa's notice of the right to opt out of
 * sensitive data processing, `sensitiveDataLimitUse` California's "limit the use" link).
 */
export const NOTICE_FIELDS = {
  sharing: ['SharingNotice'],
  processing: ['ProcessingNotice'],
  saleOptOut: ['SaleOptOutNotice'],
  sharingOptOut: ['SharingOptOutNotice'],
  targetedAdvertisingOptOut: ['TargetedAdvertisingOptOutNotice'],
  sensitiveDataOptOut: ['SensitiveDataProcessingOptOutNotice', 'SensitiveDataOptOutNotice'],
  sensitiveDataLimitUse: ['SensitiveDataLimitUseNotice'],
} as const satisfies Record<GppNoticeName, readonly string[]>;

export const NOTICE_NAMES = Object.keys(NOTICE_FIELDS) as GppNoticeName[];

/** A notice's value in the string: 1 given, 2 not given, 0 not applicable (the site does not do what it is about). */
export const NOTICE_VALUES = { given: 1, 'not-given': 2, 'not-applicable': 0 } as const;

/** Each opt-out field and the notice it needs: without that notice given, the opt-out is 0. */
export const OPT_OUT_NOTICES = {
  SaleOptOut: 'saleOptOut',
  SharingOptOut: 'sharingOptOut',
  TargetedAdvertisingOptOut: 'targetedAdvertisingOptOut',
} as const;
