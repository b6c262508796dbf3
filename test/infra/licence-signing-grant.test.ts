// The licence-signing secret: only the routes that declare `signsLicences` may read it, with GetSecretValue alone, on
// this stage's secret alone, and they are told its name; the secret found by name needs no cdk-nag acknowledgement.

import type { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';
import { licenceSigningSecretName, stageConfig, unsubscribeSecretName } from '#infra/config.ts';
import { synthesizedStage } from '../support/synthesized-stage.ts';

const STAGE = 'dev';
const functionName = (entry: { handler: string }) => `atrium-${STAGE}-${entry.handler.replaceAll('/', '-')}`;

type Statement = { Action: string | string[]; Resource: unknown };

describe('the licence-signing secret grant', () => {
  let app: App;
  let api: Template;
  beforeAll(() => {
    ({ app, api } = synthesizedStage(STAGE));
  });

  /** The function's environment and the statements of its role's policies. */
  function functionOf(entry: { handler: string }) {
    // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties come in any shape; the assertions read the ones they need.
    const resources = api.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
    const [, fn] = Object.entries(resources).find(
      ([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.FunctionName === functionName(entry),
    )!;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    return { variables: fn.Properties.Environment.Variables as Record<string, unknown>, statements };
  }

  it('lets exactly the signing routes read the secret, by its name, with GetSecretValue only', () => {
    const signing = routes.filter((route) => route.signsLicences);
    expect(signing.map((route) => route.handler).sort()).toEqual([
      'admin/reissue-customer-licence',
      'licences/download-licence-file',
      'licensing/activate-licence',
      'licensing/get-public-key',
      'licensing/refresh-licence',
      // Fulfilment mails the activation files (issue #14, payments).
      'payments/pay-from-balance',
      'payments/record-payment',
      'support/download-support-file',
    ]);
    for (const entry of [...routes, ...workers]) {
      const { variables, statements } = functionOf(entry);
      const secretStatements = statements.filter(
        (statement) =>
          JSON.stringify(statement.Action).includes('secretsmanager:') && JSON.stringify(statement.Resource).includes('licence-signing'),
      );
      if ('signsLicences' in entry && entry.signsLicences) {
        expect(variables.LICENCE_SIGNING_SECRET_ID, entry.handler).toBe(licenceSigningSecretName(stageConfig(STAGE)));
        expect(secretStatements, entry.handler).toHaveLength(1);
        expect(secretStatements[0]!.Action).toBe('secretsmanager:GetSecretValue');
        expect(JSON.stringify(secretStatements[0]!.Resource)).toContain(`:secret:atrium/${STAGE}/licence-signing-key-??????`);
      } else {
        expect(variables, entry.handler).not.toHaveProperty('LICENCE_SIGNING_SECRET_ID');
        expect(secretStatements, entry.handler).toEqual([]);
      }
    }
  });

  it('lets exactly the unsubscribe-link routes read the unsubscribe secret, by its name, with GetSecretValue only', () => {
    const linking = routes.filter((route) => route.unsubscribeLinks);
    expect(linking.map((route) => route.handler).sort()).toEqual(['notifications/check-unsubscribe-link', 'notifications/unsubscribe']);
    for (const entry of [...routes, ...workers]) {
      const { variables, statements } = functionOf(entry);
      const secretStatements = statements.filter((statement) => JSON.stringify(statement.Resource).includes('unsubscribe-link-key'));
      if ('unsubscribeLinks' in entry && entry.unsubscribeLinks) {
        expect(variables.UNSUBSCRIBE_SECRET_ID, entry.handler).toBe(unsubscribeSecretName(stageConfig(STAGE)));
        expect(secretStatements, entry.handler).toHaveLength(1);
        expect(secretStatements[0]!.Action).toBe('secretsmanager:GetSecretValue');
      } else {
        expect(variables, entry.handler).not.toHaveProperty('UNSUBSCRIBE_SECRET_ID');
        expect(secretStatements, entry.handler).toEqual([]);
      }
    }
  });

  it('raises no cdk-nag finding for the grant', () => {
    const findings = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.filter(
        (violation) => JSON.stringify(violation).includes('secretsmanager') || JSON.stringify(violation).includes('licence-signing'),
      );
    expect(findings).toEqual([]);
  });
});
