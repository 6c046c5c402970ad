/** Layer boundaries (ARCHITECTURE.md): apps -> libs -> libs/domain; the domain depends on nothing. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports no other lib of ours, no framework and no Node API; date-holidays (pure data) is the one package allowed.',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { pathNot: '^libs/domain|node_modules/date-holidays', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-stay-framework-free',
      comment: 'Nest lives in apps/*; libs are plain TypeScript so the CLI, benches and tests can use them alone.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '@nestjs' },
    },
    {
      name: 'controllers-never-touch-the-store',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '^libs/event-store/src/(sqlite|eventstoredb)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec\\.ts$|/testing/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
