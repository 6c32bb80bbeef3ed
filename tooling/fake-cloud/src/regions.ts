import { stableId } from './ids.js';

/** The fixed region catalogue of the fake cloud (IDs are stable across runs). */
export const regions = [
  { provider: 'AWS', region: 'US East 1 (N. Virginia)', regionName: 'us-east-1' },
  { provider: 'AWS', region: 'Europe West 1 (Ireland)', regionName: 'eu-west-1' },
  { provider: 'GCP', region: 'US Central 1 (Iowa)', regionName: 'us-central1' },
  { provider: 'Azure', region: 'East US (Virginia)', regionName: 'eastus' },
].map((region) => ({ ...region, regionID: stableId(`${region.provider}/${region.regionName}`) }));
