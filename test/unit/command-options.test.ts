import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../commands/index.js';
import { integerBounds, optionShape } from '../../commands/options.js';

describe('the /news command registry', () => {
  it.each(commands.map((command) => [command.name, command] as const))(
    '%s shows users only options its schema validates, with the bounds the schema enforces',
    (_name, command) => {
      const shape = optionShape(command.options);
      for (const info of command.optionInfo) {
        const option = shape[info.name];
        expect(option, `${info.name} is an option of the schema`).toBeInstanceOf(z.ZodType);
        if (!option) continue;
        const bounds = integerBounds(option);
        expect(bounds === undefined, `${info.name} is an integer in the schema as in optionInfo`).toBe(
          info.type !== 'integer',
        );
        if (!bounds) continue;
        // Discord enforces min/max before the schema sees a value: they must be the schema's own
        expect(info.min ?? Number.MIN_SAFE_INTEGER, `${info.name} min`).toBe(bounds.min);
        expect(info.max ?? Number.MAX_SAFE_INTEGER, `${info.name} max`).toBe(bounds.max);
        if (info.min !== undefined && info.max !== undefined && /\d+-\d+/.test(info.description)) {
          expect(info.description, `${info.name} description`).toContain(`${bounds.min}-${bounds.max}`);
        }
      }
    },
  );
});

describe('optionShape', () => {
  it('finds the options of a schema through a transform, and none in a schema that is no object', () => {
    const count = z.coerce.number().int().min(1).max(10);
    const piped = z.object({ count }).transform(({ count: n }) => ({ n }));
    expect(Object.keys(optionShape(piped))).toEqual(['count']);
    expect(optionShape(z.string())).toEqual({});
  });
});

describe('integerBounds', () => {
  it('reads the bounds and default of an integer option, optional or not, and nothing from other options', () => {
    expect(integerBounds(z.coerce.number().int().min(1).max(10).default(5))).toEqual({ min: 1, max: 10, fallback: 5 });
    expect(integerBounds(z.coerce.number().int().min(1).optional())).toEqual({
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
    });
    expect(integerBounds(z.string().max(10))).toBeUndefined();
    expect(integerBounds(z.number().min(0).max(1))).toBeUndefined();
  });
});
