// The CDK app: `cdk synth -c stage=<dev|staging|prod|yourname>`. Any stage but the three shared ones is a throwaway
// developer stage.

import { App } from 'aws-cdk-lib';
import { stageConfig } from '#infra/config.ts';
import { addAtrium, addNagChecks } from '#infra/stacks/atrium.ts';

const app = new App();

const stage = app.node.tryGetContext('stage') ?? process.env.ATRIUM_STAGE ?? 'dev';
const portalUrl = app.node.tryGetContext('portalUrl');
const config = stageConfig(String(stage), { portalUrl: portalUrl ? String(portalUrl) : undefined });

addAtrium(app, config);
addNagChecks(app);

app.synth();
