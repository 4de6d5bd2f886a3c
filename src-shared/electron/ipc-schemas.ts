import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/language';
import type { IpcName } from './channels';

/**
 * Runtime schemas of every payload that crosses the Electron IPC boundary. Main validates each
 * request with these before acting (the page is not trusted to send well-formed data), and the
 * page validates what main sends it.
 */

/** Longest path accepted from the page (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096;
/** Largest text file (project, Keras JSON) written or read through the bridge. */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;
/** Largest binary export (a tfjs weights.bin of a big network). */
export const MAX_BINARY_BYTES = 512 * 1024 * 1024;

/** The languages of the one language system (src-shared/i18n/language.ts), checked at the boundary. */
export const languageSchema = z.enum(LANGUAGES) satisfies z.ZodType<Language>;
export type { Language };

/** What an open dialog is for: a Convas project, or a Keras / TensorFlow.js model JSON to import. */
export const openKindSchema = z.enum(['project', 'model']);
export type OpenKind = z.infer<typeof openKindSchema>;

/** What an export is; it picks the dialog's title and file-type filter. */
export const exportKindSchema = z.enum(['project', 'keras-json', 'tfjs-model', 'python', 'png', 'onnx']);
export type ExportKind = z.infer<typeof exportKindSchema>;

const pathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((p) => !p.includes('\0'), { error: 'a path cannot contain NUL' });

/** A bare file name: no directory part, nothing a file system would read specially. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[/\\:*?"<>|]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 32), {
    error: 'a file name cannot contain / \\ : * ? " < > | or control characters',
  })
  .refine((n) => n !== '.' && n !== '..' && !/[. ]$/.test(n), { error: 'a file name cannot be "." or ".." or end with a dot or a space' });

const textSchema = z.string().max(MAX_TEXT_LENGTH);
const bytesSchema = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_BINARY_BYTES, { error: `at most ${MAX_BINARY_BYTES} bytes` });
export const fileDataSchema = z.union([textSchema, bytesSchema]);

export const openFileRequestSchema = z.strictObject({ kind: openKindSchema });
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

/** What a dialog choosing several files (read as bytes) is for: a trained TensorFlow.js model with its weights. */
export const openManyKindSchema = z.enum(['trained-model']);
export type OpenManyKind = z.infer<typeof openManyKindSchema>;
/** At most this many files at once (model.json, its weight shards, convas-dataset.json). */
export const MAX_OPENED_FILES = 64;
export const openFilesRequestSchema = z.strictObject({ kind: openManyKindSchema });
export type OpenFilesRequest = z.infer<typeof openFilesRequestSchema>;

export const saveFileRequestSchema = z.strictObject({
  /** Where the project already lives (Save); null asks (Save As). A path main did not hand out itself is treated as null. */
  path: pathSchema.nullable(),
  suggestedName: fileNameSchema,
  text: textSchema,
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const exportFileRequestSchema = z.strictObject({
  kind: exportKindSchema,
  suggestedName: fileNameSchema,
  data: fileDataSchema,
});
export type ExportFileRequest = z.infer<typeof exportFileRequestSchema>;

export const exportFilesRequestSchema = z.strictObject({
  kind: exportKindSchema,
  files: z
    .array(z.strictObject({ name: fileNameSchema, data: fileDataSchema }))
    .min(1)
    .max(16)
    .refine((files) => new Set(files.map((f) => f.name.toLowerCase())).size === files.length, { error: 'file names must differ' }),
});
export type ExportFilesRequest = z.infer<typeof exportFilesRequestSchema>;

export const openRecentRequestSchema = z.strictObject({ path: pathSchema });
export type OpenRecentRequest = z.infer<typeof openRecentRequestSchema>;

export const documentStateSchema = z.strictObject({
  /** The project's name, shown in the window title. */
  title: z.string().max(300),
  /** Unsaved changes: the title shows it and closing the window asks first. */
  dirty: z.boolean(),
});
export type DocumentState = z.infer<typeof documentStateSchema>;

export const setLanguageRequestSchema = z.strictObject({ language: languageSchema });

/** The page names its connection so it can match the MessagePort that arrives by window message. */
export const engineConnectRequestSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export type EngineConnectRequest = z.infer<typeof engineConnectRequestSchema>;

const noPayload = z.undefined();

/** Which dataset a folder is chosen for (it words the dialog's title). */
export const dataDirKindSchema = z.enum(['images', 'cifar10', 'directory']);
export type DataDirKind = z.infer<typeof dataDirKindSchema>;
export const chooseDataDirRequestSchema = z.strictObject({ dataset: dataDirKindSchema });
export type ChooseDataDirRequest = z.infer<typeof chooseDataDirRequestSchema>;

/** The request schema of every IPC channel; main refuses a channel that is not listed. */
export const ipcRequestSchemas = {
  openFile: openFileRequestSchema,
  saveFile: saveFileRequestSchema,
  exportFile: exportFileRequestSchema,
  exportFiles: exportFilesRequestSchema,
  openRecent: openRecentRequestSchema,
  recentFiles: noPayload,
  clearRecent: noPayload,
  setDocumentState: documentStateSchema,
  setLanguage: setLanguageRequestSchema,
  engineConnect: engineConnectRequestSchema,
  engineRestart: noPayload,
  appInfo: noPayload,
  chooseDataDir: chooseDataDirRequestSchema,
  openFiles: openFilesRequestSchema,
} as const satisfies Record<IpcName, z.ZodType>;
export type IpcRequest<N extends IpcName> = z.infer<(typeof ipcRequestSchemas)[N]>;

// ---- Answers (main -> page) ----

export interface OpenedFile {
  readonly path: string;
  readonly name: string;
  readonly text: string;
}
/** A file chosen with its bytes (a model's weights are binary). */
export interface OpenedBinaryFile {
  readonly path: string;
  readonly name: string;
  readonly data: Uint8Array;
}
export interface SavedFile {
  readonly path: string;
  readonly name: string;
}
export interface ExportedFile {
  readonly path: string;
}
export interface ExportedFiles {
  readonly dir: string;
  readonly paths: readonly string[];
}
export const recentFileSchema = z.strictObject({ path: pathSchema, name: z.string().max(255), at: z.number().int().nonnegative() });
export type RecentFile = z.infer<typeof recentFileSchema>;

/*
 * Schemas of the file answers, for the page to check what main sends back (the interfaces above
 * stay the contract main implements; `satisfies` keeps the two in step). Not strict, so a field
 * main adds later does not break an older page.
 */
const answerNameSchema = z.string().min(1).max(255);
export const openedFileSchema = z.object({ path: pathSchema, name: answerNameSchema, text: textSchema }) satisfies z.ZodType<OpenedFile>;
export const savedFileSchema = z.object({ path: pathSchema, name: answerNameSchema }) satisfies z.ZodType<SavedFile>;
export const exportedFileSchema = z.object({ path: pathSchema }) satisfies z.ZodType<ExportedFile>;
export const exportedFilesSchema = z.object({ dir: pathSchema, paths: z.array(pathSchema).max(16) }) satisfies z.ZodType<ExportedFiles>;
export const recentFilesSchema = z.array(recentFileSchema).max(100);
export const openedBinaryFilesSchema = z
  .array(z.object({ path: pathSchema, name: answerNameSchema, data: bytesSchema }))
  .max(MAX_OPENED_FILES) satisfies z.ZodType<OpenedBinaryFile[]>;
export interface EngineConnection {
  /** A directory main owns for engine exports (the engine writes there and returns the bytes). */
  readonly exportDir: string;
}
/** A dataset folder the user chose in the native dialog (main has granted the engine reading it). */
export interface ChosenDataDir {
  readonly path: string;
}
export const chosenDataDirSchema = z.object({ path: pathSchema }) satisfies z.ZodType<ChosenDataDir>;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** The system's UI language, e.g. "ko-KR". */
  readonly locale: string;
  readonly packaged: boolean;
}

/** What each channel answers with. */
export interface IpcResponses {
  openFile: OpenedFile | null;
  saveFile: SavedFile | null;
  exportFile: ExportedFile | null;
  exportFiles: ExportedFiles | null;
  openRecent: OpenedFile;
  recentFiles: RecentFile[];
  clearRecent: void;
  setDocumentState: void;
  setLanguage: void;
  engineConnect: EngineConnection;
  engineRestart: void;
  appInfo: AppInfo;
  chooseDataDir: ChosenDataDir | null;
  openFiles: OpenedBinaryFile[] | null;
}

/** Every IPC answer is wrapped so a refusal arrives as a clean sentence, not as Electron's "Error invoking remote method". */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

// ---- Messages main sends on its own ----

export const exportFormatSchema = z.enum(['keras-json', 'tfjs-model', 'python', 'pytorch', 'png']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** A choice from the native menu, forwarded to the page, which owns the document and acts on it. */
export const menuCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('new') }),
  z.strictObject({ type: z.literal('open') }),
  z.strictObject({ type: z.literal('open-recent'), path: pathSchema }),
  z.strictObject({ type: z.literal('save') }),
  z.strictObject({ type: z.literal('save-as') }),
  z.strictObject({ type: z.literal('import-model') }),
  z.strictObject({ type: z.literal('open-trained-model') }),
  z.strictObject({ type: z.literal('export'), format: exportFormatSchema }),
  z.strictObject({ type: z.literal('undo') }),
  z.strictObject({ type: z.literal('redo') }),
  z.strictObject({ type: z.literal('fit-view') }),
  z.strictObject({ type: z.literal('arrange') }),
  z.strictObject({ type: z.literal('set-language'), language: languageSchema }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/**
 * The engine process's state as main sees it; a crash is reported so the page can say so and offer
 * to start again. `message` is the English sentence (also main's log line); `exitCode` and `detail`
 * (the engine's last stderr lines, in its own words) let the page word the crash in its language.
 */
export const engineStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('started') }),
  z.strictObject({
    state: z.literal('crashed'),
    message: z.string().max(4000),
    exitCode: z.number().int().optional(),
    detail: z.string().max(2000).optional(),
  }),
]);
export type EngineStatus = z.infer<typeof engineStatusSchema>;

export const enginePortMessageSchema = z.strictObject({ id: engineConnectRequestSchema.shape.id });
