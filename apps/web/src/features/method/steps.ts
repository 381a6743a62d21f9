// The steps of the HSCC SMART method as SMART's navigation presents them: where each lives, which
// phase it belongs to, and what a user will do there (shown on its page until the step is built).
import {
  IconChecklist,
  IconClipboardCheck,
  IconFileCertificate,
  IconLifebuoy,
  IconMap2,
  IconReportAnalytics,
  IconScale,
  IconTopologyStar3,
  IconTruckDelivery,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type StepIcon = ComponentType<{ size?: number | string; stroke?: number }>;

export interface MethodStep {
  /** The URL segment under /o/:orgId/. */
  path: string;
  /** Short name in the navigation. */
  label: string;
  /** Page title. */
  title: string;
  phase: 1 | 2 | 'reports';
  /** Position in the method, e.g. "Phase 1 · Step 2". */
  stepLabel: string;
  icon: StepIcon;
  /** One sentence: what this step is for. */
  purpose: string;
  /** What the user will do here, in plain language. */
  activities: string[];
  /** The outcome the step hands to the next one. */
  outcome: string;
  /** Parts of the step that already work, shown on its page. */
  available?: { to: string; label: string; description: string }[];
}

export const PHASE_TITLES = {
  1: 'Phase 1 · Identify',
  2: 'Phase 2 · Mitigate',
  reports: 'Reports',
} as const;

export const METHOD_STEPS: MethodStep[] = [
  {
    path: 'team',
    label: 'Team',
    title: 'Planning team',
    phase: 1,
    stepLabel: 'Phase 1 · Step 1',
    icon: IconUsersGroup,
    purpose:
      'Bring together the people who know how your organization really runs, so that no single department decides alone what is critical.',
    activities: [
      'Name the members from risk, cybersecurity, legal, compliance, IT, finance, operations and executive leadership.',
      'Record each member’s role in the assessment.',
      'Form sub-teams that own specific workflows, such as the lab or revenue cycle.',
    ],
    outcome: 'A team that can speak for every part of the organization.',
  },
  {
    path: 'materiality',
    label: 'Materiality',
    title: 'Materiality',
    phase: 1,
    stepLabel: 'Phase 1 · Step 2',
    icon: IconScale,
    purpose:
      'Agree with senior management on what “material” means for your organization: how much harm to patients, operations, finances, compliance or privacy is too much.',
    activities: [
      'Build a risk rubric with impact dimensions: patient safety, operational, financial, regulatory, data and privacy.',
      'Describe each level in plain words, with thresholds such as “over $X per day” or “delays care for more than N patients”.',
      'Record who in senior management or on the board approved which version, and when.',
    ],
    outcome: 'An approved, versioned rubric that every later score refers to.',
  },
  {
    path: 'maps',
    label: 'Maps',
    title: 'Workflow maps',
    phase: 1,
    stepLabel: 'Phase 1 · Step 3',
    icon: IconMap2,
    purpose:
      'Draw how your critical workflows really run, step by step, so you can see every system and third party they depend on.',
    activities: [
      'Pick the sector maps that apply to you from 17 templates, such as Laboratories, Retail Pharmacy or Claims and Payments.',
      'Rank the chosen maps by importance and potential impact.',
      'Adapt each map with your subject-matter experts: add, remove and connect steps, internal systems, data flows and vendors.',
    ],
    outcome: 'Reviewed maps of your material workflows, with their history kept.',
    available: [
      {
        to: 'maps/templates',
        label: 'Browse the template library',
        description:
          'The 17 sector workflow maps with their steps, third-party services, standards and chokepoints.',
      },
    ],
  },
  {
    path: 'vendors',
    label: 'Vendors',
    title: 'Vendor inventory',
    phase: 1,
    stepLabel: 'Phase 1 · Step 4',
    icon: IconTruckDelivery,
    purpose:
      'List the third parties behind each step of your workflows, including the hidden ones that an outage would expose.',
    activities: [
      'Record vendors and their services, and link them to the map steps they support.',
      'Note hidden dependencies: integration engines, APIs, the cloud a vendor runs on, and the vendor’s own suppliers.',
      'Import vendor lists from spreadsheets (CSV, XLSX) and software bills of materials, and merge duplicates.',
    ],
    outcome: 'One inventory of vendors tied to the functions they keep running.',
  },
  {
    path: 'analysis',
    label: 'Analysis',
    title: 'Critical function analysis',
    phase: 1,
    stepLabel: 'Phase 1 · Step 5',
    icon: IconTopologyStar3,
    purpose:
      'See what would happen if a vendor went down without warning, and find the few vendors your organization cannot do without.',
    activities: [
      'Simulate a vendor or service being unavailable for a chosen time, and see which functions stop, slow down or run on workarounds.',
      'Find single points of failure, “alternates” that share one host, and vendors that sit behind many functions.',
      'Produce the prioritized vendor list, with the reason for every rank.',
    ],
    outcome: 'The prioritized vendor list that Phase 2 works from.',
  },
  {
    path: 'assessments',
    label: 'Assessments',
    title: 'Vendor assessments',
    phase: 2,
    stepLabel: 'Phase 2 · Step 6',
    icon: IconClipboardCheck,
    purpose:
      'Assess your prioritized vendors at the depth their tier calls for, instead of sending every vendor the same long questionnaire.',
    activities: [
      'Tier vendors by how critical they are and how much protected health information they handle.',
      'Send questionnaires through the vendor portal: a secure, expiring link, no account needed.',
      'Review answers and evidence, record findings with their severity, and complete the CISO review.',
    ],
    outcome: 'Findings for each critical vendor, reviewed the same way every time.',
  },
  {
    path: 'action-plans',
    label: 'Action plans',
    title: 'Action plans',
    phase: 2,
    stepLabel: 'Phase 2 · Step 7',
    icon: IconChecklist,
    purpose:
      'Turn findings into remediation work with an owner and a date, and follow it through to the end.',
    activities: [
      'Create remediation items for each finding, with owner, due date and status.',
      'Close high-priority items only with evidence that the fix is in place.',
      'Escalate vendors that do not answer or do not remediate in time to senior management.',
    ],
    outcome: 'Risks reduced, with proof, or consciously accepted.',
  },
  {
    path: 'contracts',
    label: 'Contracts',
    title: 'Contracts',
    phase: 2,
    stepLabel: 'Phase 2 · Step 8',
    icon: IconFileCertificate,
    purpose: 'Make sure the contracts with your critical vendors require what your risk calls for.',
    activities: [
      'Check the clauses each tier needs: incident reporting, audit rights, security obligations, business associate agreement, SBOM delivery, breach notification.',
      'Track renewal dates, so requirements can be added when a contract comes up.',
      'Record whether each vendor meets what its contract requires.',
    ],
    outcome: 'Contracts that give you leverage when a critical vendor falls short.',
  },
  {
    path: 'resilience',
    label: 'Resilience',
    title: 'Resilience',
    phase: 2,
    stepLabel: 'Phase 2 · Step 9',
    icon: IconLifebuoy,
    purpose: 'Prepare to keep critical functions running when a vendor fails anyway.',
    activities: [
      'Write downtime and disaster-recovery plans for each critical function.',
      'Run tabletop exercises built from the outages you simulated in Phase 1.',
      'Turn what the exercise revealed into action items.',
    ],
    outcome: 'Tested plans for the day a critical vendor is gone.',
  },
  {
    path: 'reports',
    label: 'Reports',
    title: 'Reports',
    phase: 'reports',
    stepLabel: 'Across both phases',
    icon: IconReportAnalytics,
    purpose: 'Show leadership where systemic risk sits and how the program is reducing it.',
    activities: [
      'Produce the board report: systemic risk, the prioritized vendors, residual risk and its trend.',
      'See the 80/20 measure: how your team’s effort splits between assessing and mitigating.',
      'Export lists and maps, each marked with its Traffic Light Protocol label.',
    ],
    outcome: 'Decisions by leadership, based on the same facts the team works from.',
  },
];

export function stepsOfPhase(phase: MethodStep['phase']): MethodStep[] {
  return METHOD_STEPS.filter((step) => step.phase === phase);
}
