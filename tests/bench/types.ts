export interface BenchRow { name: string; value: number; unit: string; baseline?: string; ratio?: number; target?: string; pass?: boolean }
