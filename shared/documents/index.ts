/** Plans and frameworks as export-neutral documents, rendered to Word and PDF in the main process. */
export type * from './model';
export { DOCUMENT_LANGUAGES } from './model';
export type { BuiltInTemplate, BuiltInTemplateInfo, DocumentFont, DocumentOptions, OrganisationBranding } from './options';
export { BUILT_IN_TEMPLATES, DOCUMENT_FONTS, isBuiltInTemplate } from './options';
export { createPlanDocument, planDocument, PLAN_SECTION_IDS, timelineBlock } from './plan-document';
export { createManagerSummary, managerSummary } from './manager-summary';
export { frameworkGuide } from './framework-guide';
export {
  cleanLine,
  cleanText,
  contrastRatio,
  DEFAULT_ACCENT,
  formatDate,
  formatHours,
  formatNumber,
  formatPeriod,
  imageInfo,
  linkLabel,
  monthLabel,
  normaliseColor,
  readableOnWhite,
  safeLink,
  shade,
  textOn,
  tint,
} from './text';
export { BAR_KIND_LABELS, CATEGORY_LABELS, KIND_LABELS, MODALITY_LABELS } from './labels';
export {
  canonicalPlaceholder,
  createPlaceholderValues,
  editDistance,
  placeholderInfo,
  placeholderText,
  placeholderValues,
  PLACEHOLDERS,
  suggestPlaceholder,
} from './placeholders';
export type { PlaceholderInfo, PlaceholderKind, PlaceholderParagraph, PlaceholderValue, PlaceholderValues } from './placeholders';
