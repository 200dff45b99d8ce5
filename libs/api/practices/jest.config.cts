module.exports = {
  displayName: 'api-practices',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // file-type exports its Node entry only under the `import` and `module-sync` conditions (Node's require(esm)
  // uses the latter); Jest resolves neither, so it is named here.
  moduleNameMapper: { '^file-type$': '<rootDir>/../../../node_modules/file-type/index.js' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // sanitize-html's parser (htmlparser2 10 and its helpers) and file-type are ESM only: Node loads them with
    // require(esm), Jest does not, so these files are compiled to CommonJS for the tests.
    '^.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(sanitize-html/node_modules/)?(htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|file-type|strtok3|token-types|@tokenizer/inflate|uint8array-extras|@borewit/text-codec)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/practices',
};
