// Types for electron-audit-rules.mjs (used by its unit tests).
export interface SourceFile {
  file: string;
  text: string;
}
export interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}
export function stripComments(text: string): string;
export function balancedSpan(text: string, open: number): string | null;
export function auditElectronSources(files: SourceFile[]): Finding[];
