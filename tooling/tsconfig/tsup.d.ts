import type { Options } from 'tsup';

export interface PackageBuildSettings {
  entry?: Record<string, string> | string[];
  platform?: 'node' | 'neutral' | 'browser';
  external?: string[];
}

export declare function packageBuild(settings?: PackageBuildSettings): Options;
