// ESLint rule `sonar/layers`: an import that crosses the layer table in layers.js is an error.
import path from 'node:path';
import { layers, electronOnlyIn } from './layers.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const top = rel.split('/')[0];
  return { rel, top };
}

function packageAllowed(spec, allowed) {
  return allowed.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`)));
}

export const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the SONAR layer import table' },
    schema: [],
    messages: {
      forbidden: '{{layer}}/ may not import "{{spec}}" ({{why}}); see eslint/layers.js',
    },
  },
  create(context) {
    const file = context.filename;
    const { rel, top } = layerOf(file);
    const rules = layers[top];
    if (!rules) return {};
    const isTest = /\.test\.tsx?$/.test(rel);

    function check(node, spec, typeOnly) {
      if (typeof spec !== 'string') return;
      const report = (why) => context.report({ node, messageId: 'forbidden', data: { layer: top, spec, why } });
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (!electronOnlyIn.some((p) => rel.startsWith(p))) report('electron is allowed only in main/electron and preload');
        return;
      }
      if (spec.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), spec)).top;
        if (rules.folders.includes(target)) return;
        // Tests beside the code may use the shared test support (real temp sites, fixtures).
        if (isTest && target === 'test') return;
        if (typeOnly && rules.typeOnly?.includes(target)) return;
        report(`the ${target}/ layer is out of bounds`);
        return;
      }
      if (spec.startsWith('node:') || !spec.includes('/') && isBuiltin(spec)) {
        if (!rules.node) report('no Node built-ins in this layer');
        return;
      }
      // Tests may use the test tooling; product code may not.
      if (isTest && (spec === 'vitest' || spec.startsWith('fast-check') || spec.startsWith('@testing-library/'))) return;
      if (!packageAllowed(spec, rules.packages)) report('package not in the allow-list');
    }

    return {
      ImportDeclaration(node) {
        check(node, node.source.value, node.importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};

import { builtinModules } from 'node:module';
const builtins = new Set(builtinModules);
function isBuiltin(spec) {
  return builtins.has(spec);
}
