// Traffic Light Protocol 2.0 markings carried by every model document.
import { z } from 'zod';

export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

export const tlpSchema = z.enum(TLP_LEVELS).meta({ description: 'TLP 2.0 marking of the document.' });

export type Tlp = z.infer<typeof tlpSchema>;
