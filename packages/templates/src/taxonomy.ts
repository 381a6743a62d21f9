// The service-category taxonomy: every third-party service in a template names one of these
// categories, and sector concentration facts are kept per category.
export interface ServiceCategory {
  id: string;
  label: string;
  /** One sentence a non-specialist can follow. */
  definition: string;
  /** Broad area, for grouping in pickers and reports. */
  group:
    | 'revenue cycle'
    | 'pharmacy'
    | 'laboratory'
    | 'imaging'
    | 'clinical'
    | 'public health'
    | 'supply chain'
    | 'infrastructure';
}

export const taxonomy: readonly ServiceCategory[] = [
  // Revenue cycle
  {
    id: 'clearinghouse',
    label: 'Medical clearinghouse',
    group: 'revenue cycle',
    definition:
      'Edits, translates and routes X12 claims, status inquiries and remittances between providers and payers.',
  },
  {
    id: 'eligibility-verification',
    label: 'Eligibility verification',
    group: 'revenue cycle',
    definition:
      'Answers whether a patient is covered and for what benefits (X12 270/271), directly or through a clearinghouse.',
  },
  {
    id: 'prior-authorization',
    label: 'Prior authorization and utilization management',
    group: 'revenue cycle',
    definition:
      'Receives and decides requests to approve a service or drug before it is delivered (X12 278, portals, ePA).',
  },
  {
    id: 'payer-portal',
    label: 'Payer portal',
    group: 'revenue cycle',
    definition:
      "A health plan's website where providers check coverage, enter claims, follow status and download remittances.",
  },
  {
    id: 'payer-adjudication',
    label: 'Payer claims adjudication',
    group: 'revenue cycle',
    definition:
      "The health plan's system that prices claims against benefits and contracts and decides what to pay.",
  },
  {
    id: 'practice-management',
    label: 'Practice management system',
    group: 'revenue cycle',
    definition:
      'Schedules patients, keeps demographics and insurance, builds claims and posts payments for a provider.',
  },
  {
    id: 'billing-and-coding-service',
    label: 'Billing and coding service',
    group: 'revenue cycle',
    definition:
      'A company, often offshore, that codes encounters and runs some or all of a provider’s billing.',
  },
  {
    id: 'coding-software',
    label: 'Encoder and coding software',
    group: 'revenue cycle',
    definition:
      'Reference and computer-assisted coding software that helps assign ICD-10, CPT and HCPCS codes.',
  },
  {
    id: 'banking',
    label: 'Bank and ACH network',
    group: 'revenue cycle',
    definition:
      'Receives electronic funds transfers and passes on the payment trace used to match them with remittances.',
  },
  {
    id: 'payment-processor',
    label: 'Payment processor',
    group: 'revenue cycle',
    definition: 'Takes card and online payments from patients or customers and settles them to the provider.',
  },
  {
    id: 'patient-statements',
    label: 'Patient statement service',
    group: 'revenue cycle',
    definition: 'Prints and mails (or e-mails) bills for the balance a patient owes.',
  },
  // Pharmacy
  {
    id: 'e-prescribing-network',
    label: 'E-prescribing network',
    group: 'pharmacy',
    definition:
      'Routes NCPDP SCRIPT prescriptions from prescribers to pharmacies and returns formulary and medication history.',
  },
  {
    id: 'pharmacy-switch',
    label: 'Pharmacy switch',
    group: 'pharmacy',
    definition:
      'Routes NCPDP Telecommunication claims from a pharmacy to the right PBM and returns the answer in seconds.',
  },
  {
    id: 'pbm',
    label: 'Pharmacy benefit manager',
    group: 'pharmacy',
    definition: 'Adjudicates prescription claims for health plans, sets formularies and pays pharmacies.',
  },
  {
    id: 'pharmacy-management-system',
    label: 'Pharmacy management system',
    group: 'pharmacy',
    definition: 'The pharmacy’s system for prescriptions, profiles, claims, labels and inventory.',
  },
  {
    id: 'pdmp',
    label: 'Prescription drug monitoring program',
    group: 'pharmacy',
    definition:
      'A state database of controlled-substance dispensing that prescribers and pharmacists check before prescribing or dispensing.',
  },
  {
    id: 'pdmp-hub',
    label: 'PDMP interstate hub',
    group: 'pharmacy',
    definition:
      'Carries PDMP queries and answers between pharmacy systems and state programs, and between states.',
  },
  {
    id: 'drug-wholesaler',
    label: 'Drug wholesaler',
    group: 'supply chain',
    definition:
      'Buys medicines from manufacturers and delivers them to pharmacies, hospitals and clinics, usually daily.',
  },
  {
    id: 'drug-knowledge-base',
    label: 'Drug knowledge base',
    group: 'pharmacy',
    definition:
      'Drug interaction, dosing and allergy content that pharmacy and prescribing systems check against.',
  },
  {
    id: 'pos-system',
    label: 'Point-of-sale system',
    group: 'pharmacy',
    definition: 'Rings up sales, copays and signatures at the counter.',
  },
  // Laboratory
  {
    id: 'lis',
    label: 'Laboratory information system',
    group: 'laboratory',
    definition:
      'Receives orders, tracks specimens, holds results and sends them back to the ordering system.',
  },
  {
    id: 'lims',
    label: 'Laboratory information management system',
    group: 'laboratory',
    definition:
      'The public-health or research counterpart of an LIS: submissions, testing workflow, results and reports.',
  },
  {
    id: 'lab-middleware',
    label: 'Laboratory middleware',
    group: 'laboratory',
    definition: 'Sits between analyzers and the LIS to route tests, apply rules and autoverify results.',
  },
  {
    id: 'analyzer-software',
    label: 'Analyzer software',
    group: 'laboratory',
    definition:
      'The software that runs an instrument, its assays and calibration, often with remote support from the maker.',
  },
  {
    id: 'reference-laboratory',
    label: 'Reference laboratory',
    group: 'laboratory',
    definition: 'An outside laboratory that performs tests a provider or hospital laboratory sends out.',
  },
  {
    id: 'courier',
    label: 'Courier and specimen logistics',
    group: 'laboratory',
    definition:
      'Picks up and delivers specimens, blood products or samples under the right temperature and time limits.',
  },
  {
    id: 'blood-establishment-computer-system',
    label: 'Blood establishment computer system',
    group: 'laboratory',
    definition:
      'FDA-cleared software that controls donor eligibility, testing, component labeling and release at a blood center.',
  },
  {
    id: 'transfusion-service-software',
    label: 'Transfusion service software',
    group: 'laboratory',
    definition:
      'The hospital blood bank module that types, crossmatches, tracks and issues blood components.',
  },
  // Imaging and oncology
  {
    id: 'ris',
    label: 'Radiology information system',
    group: 'imaging',
    definition: 'Schedules imaging, drives the modality worklist and tracks exams and reports.',
  },
  {
    id: 'pacs',
    label: 'PACS',
    group: 'imaging',
    definition: 'Picture archiving and communication system: stores DICOM images and shows them to readers.',
  },
  {
    id: 'vendor-neutral-archive',
    label: 'Vendor-neutral archive and image exchange',
    group: 'imaging',
    definition: 'Long-term DICOM archive and the service that shares images with other organizations.',
  },
  {
    id: 'teleradiology',
    label: 'Teleradiology service',
    group: 'imaging',
    definition: 'Remote radiologists who read images, often overnight (nighthawk) or for small hospitals.',
  },
  {
    id: 'speech-recognition',
    label: 'Speech recognition and reporting',
    group: 'imaging',
    definition: 'Turns a reader’s dictation into a structured report and sends it on.',
  },
  {
    id: 'imaging-ai',
    label: 'Imaging AI tool',
    group: 'imaging',
    definition: 'Software that triages, measures or flags findings on images for the reader.',
  },
  {
    id: 'modality-service',
    label: 'Modality vendor service',
    group: 'imaging',
    definition: "The scanner or linear accelerator maker's remote support, updates and certificates.",
  },
  {
    id: 'treatment-planning',
    label: 'Treatment planning system',
    group: 'imaging',
    definition:
      'Computes radiation-therapy dose plans from contoured images, often cloud-hosted or vendor-hosted.',
  },
  {
    id: 'oncology-information-system',
    label: 'Oncology information system',
    group: 'imaging',
    definition:
      'Record-and-verify system that holds the approved plan, schedules fractions and checks every delivery.',
  },
  {
    id: 'contouring',
    label: 'Contouring and auto-segmentation',
    group: 'imaging',
    definition: 'Software, often AI-based, that outlines targets and organs at risk on simulation images.',
  },
  // Clinical
  {
    id: 'ehr',
    label: 'Electronic health record',
    group: 'clinical',
    definition: 'The clinical record where orders are placed, care is documented and results are seen.',
  },
  {
    id: 'dialysis-ehr',
    label: 'Dialysis EHR',
    group: 'clinical',
    definition:
      'Specialized clinical record for dialysis units that captures treatments from the machines and feeds reporting.',
  },
  {
    id: 'home-health-ehr',
    label: 'Home health EHR',
    group: 'clinical',
    definition:
      'Agency software for intake, OASIS, plan of care, scheduling, point-of-care documentation and billing.',
  },
  {
    id: 'evv',
    label: 'Electronic visit verification',
    group: 'clinical',
    definition: 'Records who delivered a home visit, to whom, where and when, as Medicaid requires.',
  },
  {
    id: 'patient-portal',
    label: 'Patient portal',
    group: 'clinical',
    definition: 'Where patients see results, message their care team, schedule and pay.',
  },
  {
    id: 'hie',
    label: 'Health information exchange',
    group: 'clinical',
    definition: 'Shares patient records and notifications between organizations in a region or network.',
  },
  {
    id: 'device-connectivity',
    label: 'Device connectivity and remote monitoring',
    group: 'clinical',
    definition:
      'Collects data from medical devices (such as dialysis machines) into clinical systems, often through a vendor cloud.',
  },
  // EMS and public safety
  {
    id: 'cad',
    label: 'Computer-aided dispatch',
    group: 'clinical',
    definition: 'Logs 911 calls, recommends and tracks units and records times at the dispatch center.',
  },
  {
    id: 'epcr',
    label: 'Electronic patient care report',
    group: 'clinical',
    definition: 'Where EMS crews document assessment and treatment, and from which NEMSIS data are exported.',
  },
  {
    id: 'next-gen-911',
    label: '911 call delivery network',
    group: 'infrastructure',
    definition:
      'Carries 911 calls with location to the answering point (legacy selective routers or NG911 ESInets).',
  },
  {
    id: 'radio-network',
    label: 'Public safety radio and mobile data',
    group: 'infrastructure',
    definition: 'Voice radio and mobile data terminals connecting dispatch and units.',
  },
  {
    id: 'ems-billing',
    label: 'Ambulance billing service',
    group: 'revenue cycle',
    definition: 'Codes and bills transports to Medicare, Medicaid, insurers and patients.',
  },
  // Public health
  {
    id: 'immunization-information-system',
    label: 'Immunization information system',
    group: 'public health',
    definition:
      "A state or local registry that holds people's vaccination records and, for programs such as VFC, takes provider orders.",
  },
  {
    id: 'vaccine-ordering-system',
    label: 'Federal vaccine ordering system',
    group: 'public health',
    definition: 'The federal system that approves public vaccine orders and passes them to the distributor.',
  },
  {
    id: 'vaccine-distributor',
    label: 'Centralized vaccine distributor',
    group: 'supply chain',
    definition: 'Ships publicly purchased vaccine from its depots to providers under cold chain.',
  },
  {
    id: 'temperature-monitoring',
    label: 'Temperature monitoring',
    group: 'supply chain',
    definition:
      'Data loggers and cloud dashboards that record storage temperatures of vaccines, blood or drugs.',
  },
  {
    id: 'public-health-messaging-hub',
    label: 'Public health messaging hub',
    group: 'public health',
    definition:
      'A shared national platform that routes lab results, case reports or immunization data between senders and health departments.',
  },
  {
    id: 'reportable-conditions-knowledge',
    label: 'Reportable conditions knowledge service',
    group: 'public health',
    definition:
      'Decides which conditions are reportable to which jurisdiction and builds the reportability response.',
  },
  {
    id: 'surveillance-system',
    label: 'Disease surveillance system',
    group: 'public health',
    definition: 'The health department system where cases are received, investigated and reported onward.',
  },
  {
    id: 'syndromic-surveillance-platform',
    label: 'Syndromic surveillance platform',
    group: 'public health',
    definition: 'Collects emergency-department visit data in near real time to spot unusual patterns.',
  },
  {
    id: 'immunization-gateway',
    label: 'Immunization data gateway',
    group: 'public health',
    definition:
      'National hub that lets providers and systems exchange immunization data with many registries through one connection.',
  },
  {
    id: 'safety-monitoring',
    label: 'Vaccine safety reporting',
    group: 'public health',
    definition: 'Systems that receive and analyze reports of adverse events after vaccination.',
  },
  {
    id: 'quality-reporting',
    label: 'Federal quality reporting system',
    group: 'public health',
    definition:
      'A CMS system that receives required clinical and quality data, such as EQRS for dialysis or iQIES for home health.',
  },
  {
    id: 'inventory-management',
    label: 'Inventory management and tracking',
    group: 'supply chain',
    definition: 'Tracks stock, lots, expiry and location of supplies, drugs or countermeasures.',
  },
  {
    id: 'alerting',
    label: 'Emergency notification and alerting',
    group: 'infrastructure',
    definition: 'Sends alerts and coordinates responders by phone, text, e-mail and web.',
  },
  // Supply chain and manufacturing
  {
    id: 'erp',
    label: 'Enterprise resource planning',
    group: 'supply chain',
    definition: 'Runs purchasing, inventory, orders, finance and, in hospitals, materials management.',
  },
  {
    id: 'mes',
    label: 'Manufacturing execution system',
    group: 'supply chain',
    definition: 'Directs and records production on the plant floor, including electronic batch records.',
  },
  {
    id: 'quality-management-system',
    label: 'Quality management system',
    group: 'supply chain',
    definition:
      'Controls documents, deviations, complaints and release decisions for regulated manufacturing.',
  },
  {
    id: 'contract-manufacturer',
    label: 'Contract manufacturer or ingredient supplier',
    group: 'supply chain',
    definition: 'Makes components, active ingredients or finished products for a brand owner.',
  },
  {
    id: 'contract-sterilizer',
    label: 'Contract sterilizer',
    group: 'supply chain',
    definition:
      'Sterilizes devices and supplies, mostly with ethylene oxide or radiation, for manufacturers.',
  },
  {
    id: 'serialization',
    label: 'Serialization and traceability',
    group: 'supply chain',
    definition: 'Assigns unique identifiers to packages and exchanges EPCIS events as DSCSA requires.',
  },
  {
    id: 'udi-database',
    label: 'UDI database',
    group: 'supply chain',
    definition:
      "The FDA's Global Unique Device Identification Database, where device makers publish UDI records.",
  },
  {
    id: 'distributor',
    label: 'Medical products distributor',
    group: 'supply chain',
    definition: 'Warehouses and delivers devices and supplies to hospitals and clinics.',
  },
  {
    id: 'gpo',
    label: 'Group purchasing organization',
    group: 'supply chain',
    definition: 'Negotiates contracts and prices that member hospitals buy under.',
  },
  {
    id: 'supply-chain-exchange',
    label: 'Supply-chain EDI exchange',
    group: 'supply chain',
    definition:
      'Carries purchase orders, acknowledgments, ship notices and invoices (X12 850/855/856/810) between buyers and suppliers.',
  },
  {
    id: 'logistics-carrier',
    label: 'Logistics carrier',
    group: 'supply chain',
    definition: 'Moves goods by truck, air or parcel, including temperature-controlled freight.',
  },
  {
    id: 'field-service',
    label: 'Field service and remote support',
    group: 'supply chain',
    definition:
      "The maker's service for repairs, software updates, certificates and remote diagnostics of installed equipment.",
  },
  // Infrastructure
  {
    id: 'integration-engine',
    label: 'Integration engine',
    group: 'infrastructure',
    definition: 'Translates and routes HL7, FHIR and other messages between systems.',
  },
  {
    id: 'cloud-hosting',
    label: 'Cloud hosting',
    group: 'infrastructure',
    definition: 'The cloud or hosted data center a vendor’s service runs on.',
  },
  {
    id: 'identity-provider',
    label: 'Identity provider',
    group: 'infrastructure',
    definition: 'Signs users in (single sign-on, multi-factor) for the applications that trust it.',
  },
  {
    id: 'telecommunications',
    label: 'Telecommunications',
    group: 'infrastructure',
    definition: 'Telephone, fax and data lines a workflow relies on.',
  },
];

const byId = new Map(taxonomy.map((category) => [category.id, category]));

/** The category with this id, or undefined. */
export function categoryById(id: string): ServiceCategory | undefined {
  return byId.get(id);
}
