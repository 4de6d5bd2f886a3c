/**
 * Sender validation for IPC (Electron security checklist, item 17): a request is served only
 * when it comes from the main frame of a page of our own origin, convas://app. Pure: the frame
 * is structural (Electron's WebFrameMain satisfies it), so the rule is tested without Electron.
 */
import { isAppUrl } from './app-protocol';

/** The part of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  /** The parent frame; null for a main frame. */
  readonly parent: unknown;
}

/** True only for the top frame of a convas://app page (never a subframe, another origin, or a frame that is gone). */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
