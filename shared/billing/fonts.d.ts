// A font imported in a Lambda bundle: esbuild's `file` loader copies it beside the bundle and gives its relative name
// (infra/bundling/handler-bundling.ts). Only shared/billing/invoice-fonts.ts imports one.
declare module '*.ttf' {
  const fileName: string;
  export default fileName;
}
