/** Spreadsheet import: table → header → column and scale mappings → plan → one command. */
export * from './table';
export * from './normalize';
export * from './scale-mapping';
export * from './column-mapping';
export * from './assessment-import';
export * from './saved-scale-mappings';
