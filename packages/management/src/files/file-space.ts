import type { ApiClient } from '../client/api-client.js';
import type { FileLocationSchema } from '../generated/schemas.generated.js';
import { FileLocation } from './file-location.js';

/** An organization file space (personal, shared or models); it holds files but no directories. */
export class FileSpace extends FileLocation {
  readonly supportsFolders = false;
  readonly label: string;
  /** Which space this is. */
  readonly location: FileLocationSchema;

  constructor(client: ApiClient, location: FileLocationSchema) {
    super(client, `files/fs/${location}`);
    this.location = location;
    this.label = `${location} space`;
  }
}
