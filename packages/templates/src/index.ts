// @smart/templates: the 17 sector workflow maps as SMART model documents, with the service
// taxonomy, the line and shape keys and the default materiality rubric they share.
import blood from '../maps/blood.json' with { type: 'json' };
import claimsAndPayments from '../maps/claims-and-payments.json' with { type: 'json' };
import dialysis from '../maps/dialysis.json' with { type: 'json' };
import ems from '../maps/ems.json' with { type: 'json' };
import homeHealth from '../maps/home-health.json' with { type: 'json' };
import laboratories from '../maps/laboratories.json' with { type: 'json' };
import medicalDevicesManufactureAndDistribution from '../maps/medical-devices-manufacture-and-distribution.json' with {
  type: 'json',
};
import medicalSuppliesManufactureAndDistribution from '../maps/medical-supplies-manufacture-and-distribution.json' with {
  type: 'json',
};
import pharmaceuticalManufactureAndDistribution from '../maps/pharmaceutical-manufacture-and-distribution.json' with {
  type: 'json',
};
import publicHealthLaboratory from '../maps/public-health-laboratory.json' with { type: 'json' };
import publicHealthStrategicNationalStockpile from '../maps/public-health-strategic-national-stockpile.json' with {
  type: 'json',
};
import publicHealthSurveillance from '../maps/public-health-surveillance.json' with { type: 'json' };
import publicHealthVaccinesChildren from '../maps/public-health-vaccines-children.json' with { type: 'json' };
import publicHealthVaccinesPandemic from '../maps/public-health-vaccines-pandemic.json' with { type: 'json' };
import radiologyDiagnostic from '../maps/radiology-diagnostic.json' with { type: 'json' };
import radiologyTherapeutic from '../maps/radiology-therapeutic.json' with { type: 'json' };
import retailPharmacy from '../maps/retail-pharmacy.json' with { type: 'json' };
import { loadTemplate } from './parse';
import type { Template } from './template';

export { components, MIN_STEPS, templateProblems, unreachableSteps } from './checks';
export type { LineStyle, ShapeStyle } from './keys';
export { lineKey, overlayLineKey, shapeKey } from './keys';
export type { ParseTemplateResult } from './parse';
export { loadTemplate, parseTemplate } from './parse';
export type { OrganizationSize, RubricDimensionDetail, RubricLevelDetail } from './rubric';
export { defaultRubric, materialityRubric, ORGANIZATION_SIZES, RUBRIC_VERSION } from './rubric';
export type { ServiceCategory } from './taxonomy';
export { categoryById, taxonomy } from './taxonomy';
export type {
  Actor,
  Chokepoint,
  ConcentrationFact,
  RiskSummary,
  Template,
  TemplateInput,
  TemplateSource,
} from './template';
export { ACTOR_KINDS, templateSchema } from './template';

/** Every template, parsed and typed, in the order of the HSCC toolkit's map list. */
export const templates: readonly Template[] = [
  blood,
  claimsAndPayments,
  dialysis,
  ems,
  homeHealth,
  laboratories,
  medicalDevicesManufactureAndDistribution,
  medicalSuppliesManufactureAndDistribution,
  pharmaceuticalManufactureAndDistribution,
  publicHealthLaboratory,
  publicHealthStrategicNationalStockpile,
  publicHealthSurveillance,
  publicHealthVaccinesChildren,
  publicHealthVaccinesPandemic,
  radiologyDiagnostic,
  radiologyTherapeutic,
  retailPharmacy,
]
  .map((raw) => loadTemplate(raw))
  .sort((a, b) => a.number - b.number);

const byId = new Map(templates.map((template) => [template.id, template]));

/** The template with this id ("claims-and-payments"), or undefined. */
export function templateById(id: string): Template | undefined {
  return byId.get(id);
}

/** The distinct standards a template's flows use, in the order they first appear. */
export function standardsOf(template: Template): string[] {
  return [...new Set(template.model.dependencies.flatMap((dep) => (dep.standard ? [dep.standard] : [])))];
}
