// The default materiality rubric: five impact dimensions, each with five levels above "none",
// described in plain words, with example thresholds for small, medium and large organizations.
// defaultRubric is the shape the engine reads; materialityRubric carries the descriptions.
import type { Rubric } from '@smart/core';

export const ORGANIZATION_SIZES = [
  {
    id: 'small',
    label: 'Small',
    example: 'a clinic, independent pharmacy, rural hospital or small agency (under about $20M a year)',
  },
  {
    id: 'medium',
    label: 'Medium',
    example: 'a community hospital, regional lab or mid-sized manufacturer (about $20M to $1B a year)',
  },
  {
    id: 'large',
    label: 'Large',
    example: 'a health system, national payer, lab network or large manufacturer (over about $1B a year)',
  },
] as const;

export type OrganizationSize = (typeof ORGANIZATION_SIZES)[number]['id'];

export interface RubricLevelDetail {
  value: number;
  label: string;
  description: string;
  thresholds: Record<OrganizationSize, string>;
}

export interface RubricDimensionDetail {
  id: string;
  label: string;
  question: string;
  levels: RubricLevelDetail[];
}

export const RUBRIC_VERSION = 'smart-default-1.0';

const LEVEL_LABELS = ['none', 'minimal', 'minor', 'moderate', 'major', 'severe'] as const;

function level(value: 1 | 2 | 3 | 4 | 5, description: string, small: string, medium: string, large: string) {
  return { value, label: LEVEL_LABELS[value], description, thresholds: { small, medium, large } };
}

export const materialityRubric: { version: string; dimensions: RubricDimensionDetail[] } = {
  version: RUBRIC_VERSION,
  dimensions: [
    {
      id: 'patientSafety',
      label: 'Patient safety',
      question: 'Could patients be harmed, or their care delayed, because the function is not running?',
      levels: [
        level(
          1,
          'Inconvenience only; care goes ahead as planned.',
          'a few visits rescheduled',
          'under 20 visits rescheduled',
          'under 100 visits rescheduled',
        ),
        level(
          2,
          'Care delayed without expected harm.',
          'care delayed for under 10 patients',
          'care delayed for 10 to 100 patients',
          'care delayed for 100 to 1,000 patients',
        ),
        level(
          3,
          'Delays long enough that temporary harm is possible.',
          'over 10 patients wait more than a day for treatment or results',
          'over 100 patients wait more than a day; some procedures cancelled',
          'over 1,000 patients wait more than a day; elective procedures cancelled',
        ),
        level(
          4,
          'Serious harm possible: time-critical care or medicines unavailable.',
          'any patient misses time-critical treatment or medication',
          'diversion of emergencies or critical results not delivered for hours',
          'diversion at several sites; critical therapy interrupted for many patients',
        ),
        level(
          5,
          'Death or permanent harm is likely for at least one patient.',
          'one patient at risk of death or permanent harm',
          'several patients at risk of death or permanent harm',
          'many patients at risk across sites',
        ),
      ],
    },
    {
      id: 'operational',
      label: 'Operational',
      question: 'How much of the normal work can still be done, and at what cost in effort?',
      levels: [
        level(
          1,
          'Absorbed by normal slack.',
          'under 5% of capacity lost',
          'under 5% of capacity lost',
          'under 2% of capacity lost',
        ),
        level(
          2,
          'Downtime procedures needed in one area.',
          'up to 20% lost; staff stay late',
          'up to 15% lost in one department',
          'up to 10% lost at one site',
        ),
        level(
          3,
          'Backlogs build; staff pulled from other work.',
          'up to 40% lost; backlog over a week',
          'up to 30% lost in several departments',
          'up to 20% lost across sites',
        ),
        level(
          4,
          'Large parts of the service stop; outside help needed.',
          'over 40% lost; services turned away',
          'over 30% lost; services closed or diverted',
          'over 20% lost; regional services closed',
        ),
        level(
          5,
          'The organization cannot deliver the function at all.',
          'doors closed',
          'function stopped organization-wide',
          'function stopped across the system',
        ),
      ],
    },
    {
      id: 'financial',
      label: 'Financial',
      question: 'How much revenue is lost or delayed, or cost incurred, per day of outage?',
      levels: [
        level(
          1,
          'Noticeable but within normal variation.',
          'under $1,000 a day',
          'under $25,000 a day',
          'under $250,000 a day',
        ),
        level(
          2,
          'Cash flow slows; no action needed yet.',
          '$1,000 to $5,000 a day',
          '$25,000 to $100,000 a day',
          '$250,000 to $1M a day',
        ),
        level(
          3,
          'Reserves or a credit line are used.',
          '$5,000 to $20,000 a day',
          '$100,000 to $500,000 a day',
          '$1M to $5M a day',
        ),
        level(
          4,
          'Payroll or supplier payments at risk within weeks.',
          'over $20,000 a day or under 30 days of cash left',
          'over $500,000 a day',
          'over $5M a day',
        ),
        level(
          5,
          'Solvency, covenants or the business itself at risk.',
          'payroll cannot be met',
          'loan covenants breached',
          'rating downgrade or earnings warning',
        ),
      ],
    },
    {
      id: 'regulatory',
      label: 'Regulatory',
      question: 'Does the outage make the organization miss a legal, licensing or reporting obligation?',
      levels: [
        level(
          1,
          'An internal policy is bent; nothing to report.',
          'internal deviation logged',
          'internal deviation logged',
          'internal deviation logged',
        ),
        level(
          2,
          'A deadline is at risk; a regulator may ask.',
          'a reporting deadline slips by days',
          'several submissions late',
          'submissions late in one program',
        ),
        level(
          3,
          'An obligation is missed and must be reported.',
          'a required report missed',
          'a condition of participation or license requirement missed',
          'missed obligations in several states or programs',
        ),
        level(
          4,
          'Inspection, corrective action plan or penalties likely.',
          'survey or inspection triggered',
          'corrective action plan or fine',
          'consent order or multi-state enforcement',
        ),
        level(
          5,
          'License, accreditation or program participation at risk.',
          'license or enrollment suspended',
          'accreditation or participation at risk',
          'exclusion from a federal program at risk',
        ),
      ],
    },
    {
      id: 'privacy',
      label: 'Data and privacy',
      question: 'Is protected health information or other sensitive data exposed, lost or corrupted?',
      levels: [
        level(
          1,
          'Data unavailable, none exposed.',
          'no records exposed',
          'no records exposed',
          'no records exposed',
        ),
        level(
          2,
          'A few records exposed or altered.',
          'under 10 records',
          'under 100 records',
          'under 500 records',
        ),
        level(3, 'A reportable breach.', '10 to 499 records', '100 to 499 records', '500 to 10,000 records'),
        level(
          4,
          'A breach requiring media notice, or lasting data corruption.',
          '500 records or more',
          '500 to 100,000 records',
          '10,000 to 1M records',
        ),
        level(
          5,
          'Mass exposure or loss of the record of care.',
          'all patient records',
          'over 100,000 records',
          'over 1M records',
        ),
      ],
    },
  ],
};

/** The rubric in the shape the analysis engine reads (same dimensions as core's DEFAULT_RUBRIC). */
export const defaultRubric: Rubric = {
  version: RUBRIC_VERSION,
  dimensions: materialityRubric.dimensions.map(({ id, label }) => ({ id, label })),
  levels: [
    { value: 0, label: 'none', description: 'No impact on this dimension.' },
    { value: 1, label: 'minimal', description: 'Noticed and absorbed by normal slack.' },
    { value: 2, label: 'minor', description: 'Downtime procedures needed; no lasting effect.' },
    { value: 3, label: 'moderate', description: 'Significant disruption, escalated to leadership.' },
    { value: 4, label: 'major', description: 'Serious harm, loss or sanction likely; crisis response.' },
    {
      value: 5,
      label: 'severe',
      description: "Threatens patients' lives, the organization's survival or its license.",
    },
  ],
};
