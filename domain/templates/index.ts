// The template engine's public surface: schemas, validation, evaluation, saved responses, the
// registry and display. The shipped templates are in ./library.
export * from './answers';
export * from './body-map';
export * from './display';
export * from './evaluate';
export * from './offered';
export * from './registry';
export * from './response';
export * from './result-schema';
export * from './tasks';
export * from './template-schema';
export { authoringProblems, formatPath, validateTemplate, type TemplateCheck, type TemplateProblem, type ValidateOptions } from './validate-template';
