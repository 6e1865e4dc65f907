/** Word/PDF export: renderers, safe file names, the roster CSV and the cohort export service. */
export { renderDocx, buildDocument } from './docx-renderer';
export { createPdfRenderer, type PdfRenderer, type PdfRendererOptions } from './pdf-renderer';
export { exportCohort, EXPORT_FORMATS, ON_EXISTING, ROSTER_FILE, UnknownPlaceholdersError } from './cohort-export';
export type { CohortExportOptions, CohortExportSummary, ExportFailure, ExportFormat, ExportSkip, ExportTemplate, OnExisting, TemplateUsed } from './cohort-export';
export { describeUnknown, fillClientTemplate, inspectClientTemplate, TEMPLATE_LIMITS, TemplateError } from './client-template';
export type { FillOptions, TemplateInspection, TemplatePart, TemplatePlaceholder } from './client-template';
export { findLearner, resolveCohortPlans, type CohortEntry, type ResolvedCohort } from './cohort-plans';
export { FileNameAllocator, resolveInside, safeFileStem, UnsafePathError, MAX_STEM_BYTES } from './file-names';
export { csvCell, neutraliseCell, rosterCsv, ROSTER_COLUMNS, type RosterRow } from './roster-csv';
export { benchExport, type BenchExportOptions, type BenchExportResult } from './bench';
