import { FormatError } from '../../src/formats/format-error.js';

/** The FormatError a reader throws (or rejects with); fails the test when it reads the file, or fails otherwise. */
export async function refusal(read: () => unknown): Promise<FormatError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}
