import { describe, expect, it } from 'vitest';
import { linkedinInsight } from '../../../presets/linkedin-insight';
import { runPreset } from './run-preset';

const def = linkedinInsight.definition;

describe('linkedin-insight preset', () => {
  it('accepts 4–12 digit partner ids', () => {
    expect(def.validate({ name: def.name, id: '123456' })).toEqual([]);
    expect(def.validate({ name: def.name, id: 'li-123' })).toEqual([
      { path: 'id', message: 'expected a LinkedIn partner id like "123456", got "li-123"' },
    ]);
  });

  it('is advertising, declares li_fat_id, and has no consent API to call', () => {
    expect(def.category).toBe('advertising');
    expect(def.cookies.map((c) => c.name)).toEqual(['li_fat_id']);
    expect(def.onChange).toBeUndefined();
  });

  it('queues lintrk calls before consent and loads the tag with its partner id once granted', () => {
    const run = runPreset(def, { id: '123456' });
    run.window.lintrk('track', { conversion_id: 1 });
    expect(run.window.lintrk.q).toEqual([['track', { conversion_id: 1 }]]);
    expect(run.scripts).toEqual([]);
    expect(run.window._linkedin_partner_id).toBeUndefined();
    run.set(true);
    expect(run.window._linkedin_partner_id).toBe('123456');
    expect(run.window._linkedin_data_partner_ids).toEqual(['123456']);
    expect(run.scripts).toEqual(['https://snap.licdn.com/li.lms-analytics/insight.min.js']);
  });

  it('adds a second partner id without loading the tag again', () => {
    const window: Record<string, any> = {};
    const a = runPreset(def, { id: '123456' }, { granted: true, window });
    const b = runPreset(def, { id: '654321' }, { granted: true, window });
    expect(window._linkedin_data_partner_ids).toEqual(['123456', '654321']);
    expect([...a.scripts, ...b.scripts]).toHaveLength(1);
  });
});
