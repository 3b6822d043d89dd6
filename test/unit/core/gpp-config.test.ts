// The `gpp` config: checked in full by checkGpp (the GPP add-on, `consentry build`, the CLI and
// startGpp bring it), with the usual paths; the core validator alone only asks for an object.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate';
import { checkGpp } from '../../../src/core/gpp/check';

const full = (config: unknown) => validateConfig(config, undefined, checkGpp);

describe('checkGpp', () => {
  it('accepts the documented shapes', () => {
    expect(full({ gpp: {} })).toEqual([]);
    expect(full({ gpp: { sections: 'auto' } })).toEqual([]);
    expect(
      full({ gpp: { sections: ['usnat', 'usca'], mspa: { coveredTransaction: true, mode: 'service-provider' } } }),
    ).toEqual([]);
    expect(
      full({
        categories: { health: {} },
        gpp: {
          sections: ['usnat'],
          notices: { saleOptOut: 'given', sensitiveDataLimitUse: 'not-applicable' },
          sensitiveData: { health: 'health' },
          knownChildSensitiveData: { under13: 'health' },
          personalData: 'analytics',
        },
      }),
    ).toEqual([]);
  });

  it('names the path of each problem', () => {
    expect(full({ gpp: { sections: ['usnat', 'usxx'] } })).toEqual([
      {
        path: 'gpp.sections[1]',
        message: expect.stringMatching(/^expected "auto" or a list of one or two of "usnat", "usca", .*got "usxx"$/),
      },
    ]);
    expect(full({ gpp: { sections: ['usnat', 'usca', 'usva'] } })[0]!.path).toBe('gpp.sections');
    expect(full({ gpp: { sections: [] } })[0]!.path).toBe('gpp.sections');
    expect(full({ gpp: { sections: ['usca', 'usca'] } })).toEqual([
      { path: 'gpp.sections[1]', message: '"usca" is listed twice' },
    ]);
    expect(full({ gpp: { notices: { saleOptOut: 'yes' } } })[0]).toEqual({
      path: 'gpp.notices.saleOptOut',
      message: 'expected one of "given", "not-given", "not-applicable", got "yes"',
    });
    expect(full({ gpp: { notices: { saleOptOuts: 'given' } } })[0]!.message).toBe(
      'unknown key (did you mean "saleOptOut"?)',
    );
    expect(full({ gpp: { sensitiveData: { health: 'medical' } } })[0]).toEqual({
      path: 'gpp.sensitiveData.health',
      message: 'expected one of "essential", "analytics", "advertising", got "medical": declare it under "categories"',
    });
    expect(full({ gpp: { mspa: {} } })).toEqual([{ path: 'gpp.mspa.coveredTransaction', message: 'is required' }]);
    expect(full({ gpp: 'yes' })).toEqual([{ path: 'gpp', message: 'expected an object, got "yes"' }]);
  });

  it('asks for the mode of a covered transaction, and for none without one', () => {
    expect(full({ gpp: { mspa: { coveredTransaction: true } } })).toEqual([
      { path: 'gpp.mspa.mode', message: expect.stringContaining('is required when coveredTransaction is true') },
    ]);
    expect(full({ gpp: { mspa: { coveredTransaction: false, mode: 'opt-out-option' } } })).toEqual([
      { path: 'gpp.mspa.mode', message: 'applies only when coveredTransaction is true' },
    ]);
  });

  it('refuses consents with a state section, which would report them as not applicable', () => {
    expect(full({ gpp: { sections: ['usnat', 'usca'], personalData: 'analytics' } })).toEqual([
      { path: 'gpp.personalData', message: expect.stringContaining('usnat section only') },
    ]);
  });
});

describe('validateConfig without the GPP check', () => {
  it('asks only for an object at gpp, so the core carries none of the GPP vocabulary', () => {
    expect(validateConfig({ gpp: { sections: ['usxx'] } })).toEqual([]);
    expect(validateConfig({ gpp: [] })).toEqual([{ path: 'gpp', message: 'expected an object, got an array' }]);
  });
});
