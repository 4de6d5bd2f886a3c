import { describe, expect, it } from 'vitest';
import { savePlan } from '../../../src-renderer/files/save-plan';

describe('where Save writes a project', () => {
  it('in the browser (no path), names the download after the project as it is named now', () => {
    expect(savePlan('Untitled', null)).toEqual({ target: null, suggested: 'untitled.convas.json' });
    expect(savePlan('Fashion CNN, v2', null)).toEqual({ target: null, suggested: 'fashion-cnn-v2.convas.json' });
    expect(savePlan('합성곱 실험', null)).toEqual({ target: null, suggested: '합성곱-실험.convas.json' });
    expect(savePlan('../../etc/passwd', null).suggested).toBe('etc-passwd.convas.json');
  });

  it('in the desktop app, writes back to the path the project lives in; Save As asks for a new one', () => {
    expect(savePlan('Mine', '/home/ada/mine.convas.json')).toEqual({ target: '/home/ada/mine.convas.json', suggested: 'mine.convas.json' });
    expect(savePlan('Mine', '/home/ada/mine.convas.json', true).target).toBeNull();
  });
});
