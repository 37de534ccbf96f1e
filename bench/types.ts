/** One measured quantity of a benchmark, as printed in the bench table. */
export interface BenchRow {
  /** What was measured, on which input. */
  name: string;
  value: number;
  unit: string;
  /** The reference measured in the same run, described with its value. */
  baseline?: string;
  /** `value` divided by the baseline's value. */
  ratio?: number;
  /** The requirement, in words. */
  target?: string;
  pass?: boolean;
}
