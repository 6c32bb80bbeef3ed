import type { ApiClient } from '../client/api-client.js';
import { segment } from '../request-helpers.js';
import { FileLocation } from './file-location.js';

/** The Stage of a workspace group or starter workspace: a file tree with directories. */
export class Stage extends FileLocation {
  readonly supportsFolders = true;
  readonly label: string;
  /** The workspace group or starter workspace ID. */
  readonly deploymentId: string;

  constructor(client: ApiClient, deploymentId: string) {
    super(client, `stage/${segment(deploymentId)}/fs`);
    this.deploymentId = deploymentId;
    this.label = `stage ${deploymentId}`;
  }
}
