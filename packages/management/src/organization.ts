import { type AccessControls, accessControlsOf } from './access-controls.js';
import { type OrganizationData, OrganizationSchema } from './generated/schemas.generated.js';
import { InferenceApiManager } from './inference-apis.js';
import { JobsManager } from './jobs.js';
import { modelOf } from './model-base.js';
import { segment } from './request-helpers.js';
import { Secrets } from './secrets.js';

/** The current organization, with its secrets and jobs. */
export class Organization extends modelOf<OrganizationData>() {
  /** The organization ID. */
  get id(): string {
    return this.orgId;
  }

  /** Secret operations. */
  get secrets(): Secrets {
    return new Secrets(this.client);
  }

  /** Notebook jobs. */
  get jobs(): JobsManager {
    return new JobsManager(this.client);
  }

  /** Inference APIs of the project in `SINGLESTOREDB_PROJECT` (outside the public spec). */
  get inferenceApis(): InferenceApiManager {
    return new InferenceApiManager(this.client);
  }

  /** Access controls (organizations/{id}/accessControls). */
  get accessControls(): AccessControls {
    return accessControlsOf(this.client, `organizations/${segment(this.orgId)}`);
  }

  /** Reloads the fields from GET organizations/current. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(
      await this.client.parse(OrganizationSchema, 'GET', 'organizations/current', { signal }),
    );
    return this;
  }
}
