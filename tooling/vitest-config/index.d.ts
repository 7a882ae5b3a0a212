import type { UserConfig } from 'vitest/config';
export declare function pakkeConfig(overrides?: Record<string, unknown>): UserConfig;
