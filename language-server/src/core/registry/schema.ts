/**
 * The registry file format (versioned, validated with zod at the boundary).
 *
 * ```json
 * {
 *   "format": "vanban-registry",
 *   "version": 1,
 *   "generated": { "by": "vanban index", "documents": 392 },
 *   "sources": ["real/12_TT-11-2024-TT-BNV.txt", "bulk-tvpl/0002.txt"],
 *   "entries": [
 *     {
 *       "number": "63/2022/NĐ-CP",
 *       "type": "Nghị định",
 *       "issuer": "Chính phủ",
 *       "title": "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ",
 *       "dateIssued": "2022-09-12",
 *       "status": "het-hieu-luc-toan-bo",
 *       "statusDate": "2025-03-01",
 *       "relations": [{ "kind": "replaced-by", "number": "25/2025/NĐ-CP", "src": [[1, 40]] }],
 *       "evidence": { "dateIssued": [{ "value": "2022-09-12", "count": 7, "src": [[0, 10]] }] }
 *     }
 *   ]
 * }
 * ```
 * `src` pairs are [index into `sources`, 1-based line]. An entry names its
 * document by `number` (the canonical số ký hiệu) or, for a law known only by
 * name, by `name` ("Luật Tổ chức Chính phủ"). Local documents whose numbers
 * repeat across provinces are told apart by `issuer`.
 */
import { z } from 'zod';

export const REGISTRY_FORMAT = 'vanban-registry';
export const REGISTRY_VERSION = 1;

export const STATUSES = ['con-hieu-luc', 'het-hieu-luc-toan-bo', 'het-hieu-luc-mot-phan', 'chua-co-hieu-luc', 'ngung-hieu-luc'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_VI: Record<Status, string> = {
  'con-hieu-luc': 'Còn hiệu lực',
  'het-hieu-luc-toan-bo': 'Hết hiệu lực toàn bộ',
  'het-hieu-luc-mot-phan': 'Hết hiệu lực một phần',
  'chua-co-hieu-luc': 'Chưa có hiệu lực',
  'ngung-hieu-luc': 'Ngưng hiệu lực',
};
export const STATUS_EN: Record<Status, string> = {
  'con-hieu-luc': 'In force',
  'het-hieu-luc-toan-bo': 'No longer in force',
  'het-hieu-luc-mot-phan': 'Partly no longer in force',
  'chua-co-hieu-luc': 'Not yet in force',
  'ngung-hieu-luc': 'Suspended',
};

/** Relations, each with its inverse: the registry keeps both directions. */
export const RELATION_KINDS = ['amends', 'amended-by', 'replaces', 'replaced-by', 'repeals', 'repealed-by', 'guides', 'guided-by', 'consolidates', 'consolidated-by'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const INVERSE: Record<RelationKind, RelationKind> = {
  amends: 'amended-by', 'amended-by': 'amends', replaces: 'replaced-by', 'replaced-by': 'replaces', repeals: 'repealed-by',
  'repealed-by': 'repeals', guides: 'guided-by', 'guided-by': 'guides', consolidates: 'consolidated-by', 'consolidated-by': 'consolidates',
};
export const RELATION_VI: Record<RelationKind, string> = {
  amends: 'sửa đổi, bổ sung', 'amended-by': 'được sửa đổi, bổ sung bởi', replaces: 'thay thế', 'replaced-by': 'được thay thế bởi',
  repeals: 'bãi bỏ', 'repealed-by': 'bị bãi bỏ bởi', guides: 'hướng dẫn', 'guided-by': 'được hướng dẫn bởi', consolidates: 'hợp nhất',
  'consolidated-by': 'được hợp nhất bởi',
};
export const RELATION_EN: Record<RelationKind, string> = {
  amends: 'amends', 'amended-by': 'amended by', replaces: 'replaces', 'replaced-by': 'replaced by', repeals: 'repeals',
  'repealed-by': 'repealed by', guides: 'guides', 'guided-by': 'guided by', consolidates: 'consolidates', 'consolidated-by': 'consolidated by',
};

/** The facts an entry states, each of which may carry evidence. */
export const FACT_FIELDS = ['type', 'issuer', 'title', 'dateIssued', 'dateEffective', 'status', 'statusDate'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/u;
const isoDate = z.string().regex(ISO_DATE, 'ngày dạng YYYY-MM-DD');
const src = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])).max(16);

export const evidenceSchema = z
  .object({
    value: z.string().max(2000),
    /** How many places state it (all of them, not only those listed in `src`). */
    count: z.number().int().positive(),
    src: src.optional(),
  })
  .strict();

export const relationSchema = z
  .object({
    kind: z.enum(RELATION_KINDS),
    /** The other document: its canonical number, or "Luật …" for a law known by name. */
    number: z.string().min(1).max(400),
    /** When it took effect (a repeal's date), if known. */
    date: isoDate.optional(),
    /** Partly ("bãi bỏ khoản 2 Điều 5 …"). */
    partial: z.boolean().optional(),
    src: src.optional(),
  })
  .strict();

export const entrySchema = z
  .object({
    number: z.string().min(1).max(120).optional(),
    name: z.string().min(1).max(400).optional(),
    type: z.string().max(60).optional(),
    issuer: z.string().max(300).optional(),
    title: z.string().max(2000).optional(),
    dateIssued: isoDate.optional(),
    dateEffective: isoDate.optional(),
    status: z.enum(STATUSES).optional(),
    statusDate: isoDate.optional(),
    relations: z.array(relationSchema).max(500).optional(),
    evidence: z.partialRecord(z.enum(FACT_FIELDS), z.array(evidenceSchema).max(50)).optional(),
  })
  .strict()
  .refine((e) => e.number !== undefined || e.name !== undefined, { message: 'cần "number" hoặc "name"', path: ['number'] });

export const fileSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(REGISTRY_FORMAT),
    version: z.literal(REGISTRY_VERSION),
    generated: z.object({ by: z.string(), documents: z.number().int().nonnegative().optional(), corpus: z.string().optional() }).partial().optional(),
    sources: z.array(z.string().max(1000)).optional(),
    /** Checked entry by entry, so one bad entry does not cost the others. */
    entries: z.array(z.unknown()),
  })
  .strict();

export type Evidence = z.infer<typeof evidenceSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type EntryData = z.infer<typeof entrySchema>;
export type RegistryFileData = Omit<z.infer<typeof fileSchema>, 'entries'> & { entries: EntryData[] };
