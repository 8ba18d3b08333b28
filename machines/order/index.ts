export * from './schemas.ts';
export * from './context.ts';
export * from './meta.ts';
export * from './machine.ts';
export * from './persistence.ts';
export * from './checks.ts';
