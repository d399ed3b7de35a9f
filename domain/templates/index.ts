// The template engine's public surface: schemas, validation, evaluation, saved responses, the
// registry and display. The shipped templates are in ./library.
export * from './answers';
export * from './display';
export * from './evaluate';
export * from './registry';
export * from './response';
export * from './result-schema';
export * from './template-schema';
export { formatPath, validateTemplate, type TemplateCheck, type TemplateProblem } from './validate-template';
