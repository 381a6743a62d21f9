// What a client may send to create or change inventory entries, validated before anything is written.
import { categoryById } from '@smart/templates';
import { z } from 'zod';
import { normalizeDomain } from './import/mapping';
import { DEPENDENCY_KINDS, DEPLOYMENTS } from './vendors.schema';

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  trimmed(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const domainSchema = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    const domain = normalizeDomain(value);
    if (!domain) ctx.addIssue({ code: 'custom', message: `“${value}” is not a web address or domain` });
    return domain;
  });

export const contactSchema = z.object({
  name: trimmed(200).optional(),
  email: z.email({ message: 'is not an email address' }).optional(),
  phone: trimmed(50).optional(),
  role: trimmed(200).optional(),
});

export const vendorInput = z.object({
  name: trimmed(300).min(1, { message: 'is required' }),
  aliases: z.array(trimmed(300).min(1)).max(50).default([]),
  domain: domainSchema,
  contacts: z.array(contactSchema).max(20).default([]),
  phiKinds: z.array(trimmed(100).min(1)).max(30).default([]),
  phiRecords: z
    .number()
    .int()
    .min(0)
    .max(1e12)
    .nullish()
    .transform((v) => v ?? null),
  notes: optionalText(10000),
});
export type VendorInput = z.infer<typeof vendorInput>;

export const categorySchema = z
  .string()
  .trim()
  .refine((id) => categoryById(id) !== undefined, { message: 'is not a service category of the taxonomy' });

export const serviceInput = z.object({
  name: trimmed(300).min(1, { message: 'is required' }),
  category: categorySchema,
  deployment: z
    .enum(DEPLOYMENTS)
    .nullish()
    .transform((v) => v ?? null),
  hostingVendorId: z
    .uuid({ message: 'is not a vendor id' })
    .nullish()
    .transform((v) => v ?? null),
  integrationPoints: z.array(trimmed(200).min(1)).max(50).default([]),
  notes: optionalText(10000),
});
export type ServiceInput = z.infer<typeof serviceInput>;

export const dependencyInput = z.object({
  serviceId: z
    .uuid({ message: 'is not a service id' })
    .nullish()
    .transform((v) => v ?? null),
  dependsOnVendorId: z.uuid({ message: 'is not a vendor id' }),
  kind: z.enum(DEPENDENCY_KINDS),
  notes: optionalText(2000),
});
export type DependencyInput = z.infer<typeof dependencyInput>;

export const LIST_SORTS = ['name', 'updated', 'services'] as const;

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(100).optional(),
  sort: z.enum(LIST_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListQuery = z.infer<typeof listQuery>;
