import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionProblems } from '../../src/desks/option-problems.js';

describe('optionProblems', () => {
  it('lists each problem with its path, the object itself as options', () => {
    const schema = z
      .object({ token: z.string().min(8, 'token is too short'), teams: z.record(z.string(), z.number()) })
      .strict()
      .refine(() => false, { message: 'give something' });
    const parsed = schema.safeParse({ token: 'x', teams: { support: 'C1' }, extra: 1 });
    expect(parsed.success).toBe(false);
    const text = optionProblems(parsed.error!);
    expect(text.split('; ')[0]).toBe('token: token is too short');
    expect(text).toContain('teams.support: ');
    expect(text).toContain('options: ');
  });
});
