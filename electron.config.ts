// electron-builder configuration of the desktop app: `npm run dist` (see the README). It needs
// the Electron binary, downloaded on first use, so it cannot run on a machine without network.
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'app.convas.desktop',
  productName: 'Convas',
  copyright: 'Copyright © Convas contributors',
  directories: { output: 'out/desktop' },
  // package.json has no "main" (the project itself is not an Electron app); the packaged one starts here.
  extraMetadata: { main: 'dist/electron/main.cjs' },
  files: [
    'dist/electron/**/*',
    'dist/renderer/**/*',
    // The templates and the Fashion-MNIST sample the engine trains on out of the box.
    'assets/**/*',
    'package.json',
    '!**/*.map',
  ],
  asar: true,
  // Native code and files loaded by path must sit on disk, outside the asar archive:
  // tfjs-node's binding and libtensorflow (when the optional package is installed), and the
  // .wasm files of tfjs-backend-wasm (read from beside its own code), and sharp with the libvips
  // binary of its platform package (@img/sharp-<platform>).
  asarUnpack: [
    'node_modules/@tensorflow/tfjs-node/**/*',
    'node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm',
    'node_modules/sharp/**/*',
    'node_modules/@img/**/*',
  ],
  // tfjs-node is built on N-API (ABI-stable across Node and Electron), so nothing needs
  // rebuilding for Electron, and its install script would download libtensorflow again.
  // Build each platform on that platform so the optional native backend matches it; without
  // it the engine uses the WebAssembly backend.
  npmRebuild: false,
  // Electron fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect on the shipped binary,
  // code only from the app's asar, encrypted cookies.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    synopsis: 'Design, train and look inside convolutional neural networks',
    maintainer: 'Convas contributors',
    vendor: 'Convas contributors',
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.education',
  },
};

export default config;
