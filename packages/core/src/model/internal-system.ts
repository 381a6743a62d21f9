// Systems the organization runs itself (its own EHR instance, interface engine, pharmacy system).
import { z } from 'zod';
import { nodeBaseShape } from './ids';

export const internalSystemSchema = z.object({ ...nodeBaseShape });

export type InternalSystem = z.infer<typeof internalSystemSchema>;
