import type { ApiClient } from '../client/api-client.js';
import { FileSpace } from './file-space.js';

/** The organization's file spaces. Building it makes no request. */
export class FilesManager {
  /** Personal files of the calling user. */
  readonly personalSpace: FileSpace;
  /** Files shared in the organization. */
  readonly sharedSpace: FileSpace;
  /** Model files. */
  readonly modelsSpace: FileSpace;

  constructor(client: ApiClient) {
    this.personalSpace = new FileSpace(client, 'personal');
    this.sharedSpace = new FileSpace(client, 'shared');
    this.modelsSpace = new FileSpace(client, 'models');
  }
}
