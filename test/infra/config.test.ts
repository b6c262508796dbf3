// Stage configuration: prod keeps its data, every other stage can be torn down, and any unknown name is a
// developer's throwaway stage.

import { RemovalPolicy } from 'aws-cdk-lib';
import { FeaturePlan } from 'aws-cdk-lib/aws-cognito';
import { describe, expect, it } from 'vitest';
import { resourceName, stageConfig, tableName } from '#infra/config.ts';

describe('stage config', () => {
  it('retains and deletion-protects everything in prod, on the PLUS plan', () => {
    const prod = stageConfig('prod');
    expect(prod).toMatchObject({
      throwaway: false,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      autoDeleteObjects: false,
      featurePlan: FeaturePlan.PLUS,
    });
  });

  it.each(['dev', 'staging'])('lets the shared %s stage be torn down, on the ESSENTIALS plan', (stage) => {
    expect(stageConfig(stage)).toMatchObject({
      throwaway: false,
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      featurePlan: FeaturePlan.ESSENTIALS,
    });
  });

  it('treats any other name as a throwaway developer stage that deletes cleanly', () => {
    const alice = stageConfig('alice');
    expect(alice).toMatchObject({
      stage: 'alice',
      throwaway: true,
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      autoDeleteObjects: true,
    });
    expect(alice.api.rateLimit).toBeLessThan(stageConfig('prod').api.rateLimit);
  });

  it.each(['', 'Prod', 'a', 'has space', '1abc', 'much-too-long-stage-name'])('rejects the stage name "%s"', (name) => {
    expect(() => stageConfig(name)).toThrow(/not valid/);
  });

  it('puts the stage in every name', () => {
    const config = stageConfig('alice');
    expect(resourceName(config, 'api')).toBe('atrium-alice-api');
    expect(tableName(config)).toBe('atrium-alice');
  });

  it('takes the portal URL from the command line when given', () => {
    expect(stageConfig('dev', { portalUrl: 'https://d111.cloudfront.net' }).portalUrl).toBe('https://d111.cloudfront.net');
    expect(stageConfig('dev').portalUrl).toMatch(/^https:\/\//);
  });
});
