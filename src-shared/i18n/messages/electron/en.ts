import type { Dictionary } from '../../dictionary';

/** Native menus and dialogs of the desktop app, in English ("&" marks the access key). */
export const en = {
  // ---- Menus ----
  file: '&File',
  new: 'New',
  open: 'Open…',
  recent: 'Open Recent',
  noRecent: 'No recent files',
  clearRecent: 'Clear Recent',
  save: 'Save',
  saveAs: 'Save As…',
  importModel: 'Import Keras / TensorFlow.js Model…',
  openTrainedModel: 'Open Trained Model…',
  export: 'Export',
  exportKeras: 'Keras JSON…',
  exportTfjs: 'TensorFlow.js Model…',
  exportPython: 'Python Script…',
  exportPytorch: 'PyTorch Module…',
  exportPng: 'PNG Image…',
  quit: 'Quit',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: '&View',
  fitView: 'Fit to Window',
  arrange: 'Arrange Layers',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  fullScreen: 'Toggle Full Screen',
  language: 'Language',
  reload: 'Reload',
  devTools: 'Developer Tools',
  window: '&Window',
  help: '&Help',
  about: 'About Convas',

  // ---- File dialogs: titles by purpose ----
  'dialog.open.project': 'Open project',
  'dialog.open.model': 'Import Keras / TensorFlow.js model',
  'dialog.open.trained-model': 'Open trained model: model.json with weights.bin (and convas-dataset.json)',
  'dialog.save.project': 'Save project',
  'dialog.save.keras-json': 'Export Keras JSON',
  'dialog.save.tfjs-model': 'Export TensorFlow.js model',
  'dialog.save.onnx': 'Export ONNX model',
  'dialog.save.python': 'Export Python script',
  'dialog.save.png': 'Export PNG image',
  'dialog.folder': '{title} — Choose a folder for the files',
  'dialog.exists': {
    count: 'count',
    one: '{names} already exists in this folder. Replace?',
    other: '{names} already exist in this folder. Replace?',
  },
  'dialog.replace': 'Replace',
  'dialog.cancel': 'Cancel',
  'dialog.dataDir.images': 'Choose a folder of pictures (one subfolder per class)',
  'dialog.dataDir.cifar10': 'Choose the folder of the CIFAR-10 binary files',
  'dialog.dataDir.directory': 'Choose the folder of the IDX files',

  // ---- File-type filters of the dialogs ----
  'filter.project': 'Convas project',
  'filter.model': 'Keras or TensorFlow.js model (JSON)',
  'filter.trained-model': 'TensorFlow.js model and weights',
  'filter.keras-json': 'Keras model JSON',
  'filter.tfjs-model': 'TensorFlow.js model',
  'filter.onnx': 'ONNX model',
  'filter.python': 'Python script',
  'filter.png': 'PNG image',
  'filter.all': 'All files',

  // ---- Files: why an open or a write failed ----
  'file.cannotOpen': 'Cannot open {name}: {reason}.',
  'file.tooMany': 'Choose at most {max} files at once.',
  'file.cannotWrite': 'Cannot write {name}: {reason}. Nothing was changed.',
  'file.notRecent': '{name} is not on the recent-files list.',
  'file.leavesFolder': 'A file name tried to leave the chosen folder.',
  'file.reason.missing': 'it does not exist',
  'file.reason.denied': 'permission denied',
  'file.reason.folder': 'it is a folder',
  'file.reason.diskFull': 'the disk is full',
  'file.reason.readOnly': 'the disk is read-only',
  'file.reason.tooLarge': 'it is larger than {mb} MB',

  // ---- About ----
  'about.tagline': 'Design, train and look inside convolutional neural networks.',

  // ---- Closing with unsaved changes ----
  'close.message': 'There are unsaved changes.',
  'close.detail': 'Changes to "{title}" are not saved to a file.',
  'close.cancel': 'Cancel',
  'close.discard': 'Close Without Saving',

  // ---- The window's renderer stopped ----
  'rendererGone.message': 'The Convas window stopped unexpectedly.',
  'rendererGone.detail': '({reason}) Your work is autosaved and can be restored after a reload.',
  'rendererGone.reload': 'Reload',
  'rendererGone.quit': 'Quit',

  // ---- The training engine process ----
  'engine.crashed': 'The training engine stopped unexpectedly (exit code {code}) — start the run again; your design is not affected',
  'engine.crashedWithDetail':
    'The training engine stopped unexpectedly (exit code {code}): {detail} — start the run again; your design is not affected',

  // ---- Start-up ----
  startFailed: 'Convas could not start',
} as const satisfies Dictionary;
