// One stage of Atrium: the stateful, API and web stacks, wired together. Used by infra/app.ts and by the infra tests.

import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { resourceName, type StageConfig } from '#infra/config.ts';
import { ApiStack } from '#infra/stacks/api-stack.ts';
import { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { WebStack } from '#infra/stacks/web-stack.ts';

export interface AtriumStacks {
  stateful: StatefulStack;
  api: ApiStack;
  web: WebStack;
}

export interface AtriumOptions {
  /** Overrides the web/dist folder the web stack deploys (tests point it at a folder that does not exist). */
  webDistPath?: string;
}

export function addAtrium(app: App, config: StageConfig, options: AtriumOptions = {}): AtriumStacks {
  // Region-pinned, account-agnostic: the account comes from the credentials at deploy time.
  const env = { region: config.region };
  const terminationProtection = config.deletionProtection;

  const stateful = new StatefulStack(app, resourceName(config, 'stateful'), {
    config,
    env,
    terminationProtection,
    description: `Atrium ${config.stage}: table and user pools`,
  });

  const api = new ApiStack(app, resourceName(config, 'api'), {
    config,
    env,
    description: `Atrium ${config.stage}: HTTP API and handlers`,
    customers: stateful.customers,
    staff: stateful.staff,
  });
  // The table is referenced by name, so make the deployment order explicit.
  api.addStackDependency(stateful);

  const web = new WebStack(app, resourceName(config, 'web'), {
    config,
    env,
    description: `Atrium ${config.stage}: web app and CloudFront`,
    apiDomainName: api.apiDomainName,
    customers: stateful.customers,
    staff: stateful.staff,
    ...(options.webDistPath ? { webDistPath: options.webDistPath } : {}),
  });

  for (const stack of [stateful, api, web]) {
    Tags.of(stack).add('app', 'atrium');
    Tags.of(stack).add('stage', config.stage);
  }

  return { stateful, api, web };
}

/** cdk-nag v3 runs as a policy-validation plugin: any unacknowledged finding, warning or error, fails synth. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
